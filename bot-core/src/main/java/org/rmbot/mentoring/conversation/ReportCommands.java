package org.rmbot.mentoring.conversation;

import java.util.Optional;
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

/**
 * {@code report}: the program's figures as a message, a chart and a CSV file, posted in the
 * coordinator's direct conversation with the bot; {@code export}: the figures and the
 * participant list as CSV files. Both are audited.
 */
public final class ReportCommands {
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
          program.name() + ": meetings held per week and pairs at risk");
      platform.get().upload(dm, ReportCsv.figures(report), fileName(program, "figures.csv"), program.name() + ": figures");
    } catch (ChatFailure failure) {
      return Reply.say("I couldn't post the report just now (" + failure.code() + "); please try again in a minute.");
    }
    audit.record(person.id(), "person " + person.id(), "report", program.id(), AuditSubject.program(program.id()));
    return Reply.say("I've sent the report for \"" + program.name() + "\" to our direct messages: the figures, a chart"
        + " of meetings held per week and pairs at risk, and the figures as a CSV file.");
  }

  private Reply export(Caller caller, Person person, Program program) {
    Optional<ChatPlatform> platform = platforms.of(caller.identity().platform());
    if (platform.isEmpty()) {
      return Reply.say("I can't send files on this platform yet, so nothing was exported.");
    }
    try {
      Conversation dm = platform.get().openDirect(caller.identity());
      platform.get().upload(dm, ReportCsv.figures(reports.of(program)), fileName(program, "figures.csv"),
          program.name() + ": figures");
      platform.get().upload(dm, participants.of(program), fileName(program, "participants.csv"),
          program.name() + ": participants");
    } catch (ChatFailure failure) {
      return Reply.say("I couldn't send the files just now (" + failure.code() + "); please try again in a minute.");
    }
    audit.record(person.id(), "person " + person.id(), "export", program.id(), AuditSubject.program(program.id()));
    return Reply.say("I've sent two CSV files for \"" + program.name() + "\" to our direct messages: the figures, and the"
        + " participant list. Anonymous answers are never in them, and focus areas only for people who chose to share them.");
  }

  static String fileName(Program program, String suffix) {
    String slug = program.name().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    return (slug.isEmpty() ? "program" : slug) + "-" + suffix;
  }
}
