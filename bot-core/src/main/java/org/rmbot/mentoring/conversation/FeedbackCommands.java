package org.rmbot.mentoring.conversation;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rmbot.mentoring.access.Actor;
import org.rmbot.mentoring.audit.AuditLog;
import org.rmbot.mentoring.chat.Block;
import org.rmbot.mentoring.chat.ChatMessage;
import org.rmbot.mentoring.chat.Form;
import org.rmbot.mentoring.chat.Markup;
import org.rmbot.mentoring.chat.Meaning;
import org.rmbot.mentoring.command.Command;
import org.rmbot.mentoring.common.Coded;
import org.rmbot.mentoring.common.Outcome;
import org.rmbot.mentoring.feedback.AnonymousFeedback;
import org.rmbot.mentoring.feedback.Campaign;
import org.rmbot.mentoring.feedback.CampaignAudience;
import org.rmbot.mentoring.feedback.CampaignResults;
import org.rmbot.mentoring.feedback.FeedbackInvitation;
import org.rmbot.mentoring.feedback.Purpose;
import org.rmbot.mentoring.feedback.Submission;
import org.rmbot.mentoring.participant.Person;
import org.rmbot.mentoring.program.Program;
import org.rmbot.mentoring.wording.Catalogue;

/**
 * Anonymous feedback in chat: coordinators open, close and read campaigns ({@code feedback
 * open|close|results}); participants answer through the invitation's button and form. Results
 * come cut to the anonymity threshold by {@link AnonymousFeedback}; this class only words them.
 */
public final class FeedbackCommands {
  static final String OPEN_FORM = "feedback-open:";
  private static final Catalogue WORDS = Catalogue.english();

  private final CoordinatedPrograms coordinating;
  private final AnonymousFeedback feedback;
  private final Clock clock;

  public FeedbackCommands(ProgramChooser chooser, org.rmbot.mentoring.program.Programs programs,
      org.rmbot.mentoring.access.Authority authority, AuditLog audit, AnonymousFeedback feedback, Clock clock) {
    this.coordinating = new CoordinatedPrograms(chooser, programs, authority, audit);
    this.feedback = feedback;
    this.clock = clock;
  }

  Reply openFeedback(Caller caller, Person person, Command.OpenFeedback open) {
    return coordinating.answer(person, open.program(), "feedback open", p -> new Reply.ShowForm(openForm(p)));
  }

  Reply closeFeedback(Caller caller, Person person, Command.CloseFeedback close) {
    return coordinating.answer(person, close.program(), "feedback close", p -> close(person, p));
  }

  Reply feedbackResults(Caller caller, Person person, Command.FeedbackResults results) {
    return coordinating.answer(person, results.program(), "feedback results", p -> new Reply.Say(results(p, person.timeZone())));
  }

  Reply openBallot(Caller caller, String actionId, String value) {
    Outcome<Form> form = feedback.formFor(value, zoneOf(caller));
    return form instanceof Outcome.Rejected<Form> r ? Reply.say(r.reason()) : new Reply.ShowForm(form.value());
  }

  Reply submitBallot(Caller caller, String formId, Map<String, String> values) {
    Submission done = feedback.submit(formId.substring(FeedbackInvitation.FORM_PREFIX.length()), values);
    if (done instanceof Submission.Invalid invalid) {
      return new Reply.FormErrors(invalid.errors());
    }
    if (done instanceof Submission.Refused refused) {
      return Reply.say(refused.reason());
    }
    Campaign campaign = ((Submission.Accepted) done).campaign();
    String thanks = thanks(campaign, zoneOf(caller));
    return new Reply.Say(ChatMessage.of(thanks, new Block.Section(thanks))
        .meaning(Meaning.of("reply.feedback.thanks").at(campaign.closesAt())));
  }

  Reply submitOpenForm(Caller caller, Person person, String formId, Map<String, String> values) {
    return opened(person, ParticipantCommands.idAfter(formId, OPEN_FORM), values);
  }

  /** Said to the person once their answer is committed: when it is saved, and what a restart before then means. */
  static String thanks(Campaign campaign, Optional<java.time.ZoneId> zone) {
    return WORDS.phrase("feedback.answer.thanks", "k", String.valueOf(campaign.threshold()),
        "closes", FeedbackInvitation.closingDay(campaign, zone));
  }

  /** The zone the platform said for the caller, if any: the anonymous paths look nothing up. */
  private static Optional<java.time.ZoneId> zoneOf(Caller caller) {
    return caller.timeZone();
  }

  static Form openForm(Program program) {
    return new Form(OPEN_FORM + program.id(), WORDS.phrase("feedback.open.form_title"), WORDS.phrase("feedback.open.form_submit"),
        List.of(
            new Form.FormInput.SingleChoice("purpose",
                WORDS.phrase("feedback.open.what_to_ask", "program", ReplyText.clip(program.name(), 60)), false, List.of(
                    new Form.Choice("feedback", WORDS.phrase("feedback.open.purpose.feedback")),
                    new Form.Choice("pre_survey", WORDS.phrase("feedback.open.purpose.pre_survey")),
                    new Form.Choice("post_survey", WORDS.phrase("feedback.open.purpose.post_survey")))),
            new Form.FormInput.SingleChoice("audience", WORDS.phrase("feedback.open.who_to_ask"), false, List.of(
                new Form.Choice("everyone", WORDS.phrase("feedback.open.audience.everyone")),
                new Form.Choice("mentors", WORDS.phrase("feedback.open.audience.mentors")),
                new Form.Choice("mentees", WORDS.phrase("feedback.open.audience.mentees")))),
            new Form.FormInput.DateInput("closes", WORDS.phrase("feedback.open.last_day",
                "k", String.valueOf(program.settings().anonymityThreshold())), false)));
  }

  private Reply opened(Person person, long programId, Map<String, String> values) {
    Outcome<Program> program = coordinating.program(person, programId, "feedback open");
    if (program instanceof Outcome.Rejected<Program> r) {
      return Reply.say(r.reason());
    }
    Purpose purpose;
    CampaignAudience audience;
    try {
      purpose = Coded.fromCode(Purpose.class, values.getOrDefault("purpose", "feedback"));
      audience = Coded.fromCode(CampaignAudience.class, values.getOrDefault("audience", "everyone"));
    } catch (IllegalArgumentException e) {
      return new Reply.FormErrors(Map.of("purpose", WORDS.phrase("feedback.open.choose_from_list")));
    }
    LocalDate last;
    try {
      last = LocalDate.parse(values.getOrDefault("closes", "").trim());
    } catch (DateTimeException e) {
      return new Reply.FormErrors(Map.of("closes", WORDS.phrase("feedback.open.pick_last_day")));
    }
    Instant closes = last.plusDays(1).atStartOfDay(person.timeZone()).toInstant();
    Outcome<Campaign> opened = feedback.open(program.value().id(), purpose, audience, closes, Actor.person(person.id()));
    if (opened instanceof Outcome.Rejected<Campaign> r) {
      return new Reply.FormErrors(Map.of("closes", capitalise(r.reason()) + "."));
    }
    Campaign c = opened.value();
    return Reply.say(WORDS.phrase("feedback.open.done", "purpose", purpose.label(), "program", program.value().name(),
        "invited", c.invited(), "invitedCount", String.valueOf(c.invited()),
        "closes", FeedbackInvitation.closingDay(c, person.timeZone()), "results", Markup.command("feedback results"),
        "k", String.valueOf(c.threshold())));
  }

  private Reply close(Person person, Program program) {
    List<Campaign> closed = feedback.closeCollecting(program.id(), Actor.person(person.id()));
    if (closed.isEmpty()) {
      return Reply.say(WORDS.phrase("feedback.close.none", "program", program.name()));
    }
    List<String> lines = new ArrayList<>();
    for (Campaign c : closed) {
      lines.add(WORDS.phrase("feedback.close.campaign", "purpose", capitalise(c.purpose().label()),
          "answers", c.responses(), "answersCount", String.valueOf(c.responses()),
          "deleted", c.responses() < c.threshold() ? "yes" : "no", "k", String.valueOf(c.threshold())));
    }
    return Reply.say(WORDS.phrase("feedback.close.done", "program", program.name(), "campaigns", String.join("; ", lines),
        "results", Markup.command("feedback results")));
  }

  /** The latest closed campaign of each purpose, the ones still open, and the change from before to after. */
  ChatMessage results(Program program, java.time.ZoneId zone) {
    List<Block> blocks = new ArrayList<>();
    String title = WORDS.phrase("feedback.results.title", "program", program.name());
    blocks.add(new Block.Section(Markup.bold(title)));
    Instant now = clock.instant();
    for (Campaign open : feedback.campaigns(program.id())) {
      if (open.collecting(now)) {
        blocks.add(new Block.Context(WORDS.phrase("feedback.results.still_open", "purpose", capitalise(open.purpose().label()),
            "closes", FeedbackInvitation.closingDay(open, zone), "answered", String.valueOf(open.responses()),
            "invited", String.valueOf(open.invited()))));
      }
    }
    boolean any = false;
    for (Purpose purpose : Purpose.values()) {
      Optional<CampaignResults> latest = feedback.latestResults(program.id(), purpose);
      if (latest.isPresent()) {
        any = true;
        blocks.addAll(FeedbackResultsBlocks.campaign(latest.get(), zone));
      }
    }
    FeedbackResultsBlocks.change(feedback.surveyChanges(program.id())).ifPresent(blocks::add);
    if (!any) {
      blocks.add(new Block.Section(WORDS.phrase("feedback.results.none_closed")));
    }
    blocks.add(new Block.Context(WORDS.phrase("feedback.results.anonymous",
        "k", String.valueOf(program.settings().anonymityThreshold()))));
    return new ChatMessage(title, blocks, null);
  }

  static String capitalise(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
