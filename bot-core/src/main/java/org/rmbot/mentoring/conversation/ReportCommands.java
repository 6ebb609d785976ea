package org.rmbot.mentoring.conversation;

import java.util.Optional;
import org.rmbot.mentoring.access.Actor;
import org.rmbot.mentoring.access.Authority;
import org.rmbot.mentoring.audit.AuditLog;
import org.rmbot.mentoring.audit.AuditSubject;
import org.rmbot.mentoring.chat.ChatFailure;
import org.rmbot.mentoring.chat.ChatPlatform;
import org.rmbot.mentoring.chat.ChatPlatforms;
import org.rmbot.mentoring.chat.Conversation;
import org.rmbot.mentoring.command.Command;
import org.rmbot.mentoring.participant.Person;
import org.rmbot.mentoring.program.Program;
import org.rmbot.mentoring.program.Programs;
import org.rmbot.mentoring.report.ImpactReport;
import org.rmbot.mentoring.report.ParticipantsCsv;
import org.rmbot.mentoring.report.ProgramReport;
import org.rmbot.mentoring.report.ReportChart;
import org.rmbot.mentoring.report.ReportCsv;
import org.rmbot.mentoring.report.ReportMessage;
import org.rmbot.mentoring.wording.Catalogue;

/**
 * {@code report}: the program's figures as a message, a chart and a CSV file, posted in the
 * coordinator's direct conversation with the bot; {@code export}: the figures and the
 * participant list as CSV files. Both are audited.
 */
public final class ReportCommands {
  private static final Catalogue WORDS = Catalogue.english();
  private final CoordinatedPrograms coordinating;
  private final ImpactReport reports;
  private final ParticipantsCsv participants;
  private final AuditLog audit;
  private final ChatPlatforms platforms;

  public ReportCommands(ProgramChooser chooser, Programs programs, Authority authority, AuditLog audit, ImpactReport reports,
      ParticipantsCsv participants, ChatPlatforms platforms) {
    this.coordinating = new CoordinatedPrograms(chooser, programs, authority, audit);
    this.reports = reports;
    this.participants = participants;
    this.audit = audit;
    this.platforms = platforms;
  }

  Reply report(Caller caller, Person person, Command.Report report) {
    return coordinating.answer(person, report.program(), "report", p -> report(caller, person, p));
  }

  Reply export(Caller caller, Person person, Command.Export export) {
    return coordinating.answer(person, export.program(), "export", p -> export(caller, person, p));
  }


  private Reply report(Caller caller, Person person, Program program) {
    ProgramReport report = reports.of(program);
    Optional<ChatPlatform> platform = platforms.of(caller.identity().platform());
    if (platform.isEmpty()) {
      return new Reply.Say(ReportMessage.of(report));
    }
    try {
      Conversation dm = platform.get().openDirect(caller.identity());
      platform.get().send(dm, ReportMessage.of(report));
      platform.get().upload(dm, ReportChart.png(report), fileName(program, "chart.png"),
          WORDS.phrase("report.upload.chart_title", "program", program.name()));
      platform.get().upload(dm, ReportCsv.figures(report), fileName(program, "figures.csv"),
          WORDS.phrase("report.upload.figures_title", "program", program.name()));
    } catch (ChatFailure failure) {
      return Reply.say(WORDS.phrase("report.post_failed", "code", failure.code()));
    }
    audit.record(Actor.person(person.id()), "report", program.id(), AuditSubject.program(program.id()));
    return Reply.say(WORDS.phrase("report.sent", "program", program.name()));
  }

  private Reply export(Caller caller, Person person, Program program) {
    Optional<ChatPlatform> platform = platforms.of(caller.identity().platform());
    if (platform.isEmpty()) {
      return Reply.say(WORDS.phrase("report.export.no_files_here"));
    }
    try {
      Conversation dm = platform.get().openDirect(caller.identity());
      platform.get().upload(dm, ReportCsv.figures(reports.of(program)), fileName(program, "figures.csv"),
          WORDS.phrase("report.upload.figures_title", "program", program.name()));
      platform.get().upload(dm, participants.of(program), fileName(program, "participants.csv"),
          WORDS.phrase("report.upload.participants_title", "program", program.name()));
    } catch (ChatFailure failure) {
      return Reply.say(WORDS.phrase("report.export.failed", "code", failure.code()));
    }
    audit.record(Actor.person(person.id()), "export", program.id(), AuditSubject.program(program.id()));
    return Reply.say(WORDS.phrase("report.export.sent", "program", program.name()));
  }

  static String fileName(Program program, String suffix) {
    String slug = program.name().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    return (slug.isEmpty() ? "program" : slug) + "-" + suffix;
  }
}
