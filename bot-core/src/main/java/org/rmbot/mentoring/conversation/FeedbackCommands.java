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

/**
 * Anonymous feedback in chat: coordinators open, close and read campaigns ({@code feedback
 * open|close|results}); participants answer through the invitation's button and form. Results
 * come cut to the anonymity threshold by {@link AnonymousFeedback}; this class only words them.
 */
public final class FeedbackCommands {
  static final String OPEN_FORM = "feedback-open:";

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
    int k = campaign.threshold();
    return "Thank you: your answers are saved, sealed so that only the running bot can open them, and nothing links"
        + " them to you. Every hour the bot mixes answers into groups of at least " + k + " per role; coordinators"
        + " see them only after the campaign closes at " + FeedbackInvitation.closingDay(campaign, zone)
        + ", as part of a group of at least " + k + ". If the bot restarts before yours is mixed, it is lost: the"
        + " results will say how many were, and your invitation's button will work again, so you can answer again.";
  }

  /** The zone the platform said for the caller, if any: the anonymous paths look nothing up. */
  private static Optional<java.time.ZoneId> zoneOf(Caller caller) {
    return caller.timeZone();
  }

  static Form openForm(Program program) {
    return new Form(OPEN_FORM + program.id(), "Open feedback", "Open", List.of(
        new Form.FormInput.SingleChoice("purpose", "What to ask \"" + ReplyText.clip(program.name(), 60) + "\"", false, List.of(
            new Form.Choice("feedback", "Feedback on the program (the program's feedback form)"),
            new Form.Choice("pre_survey", "Self-assessment before the program"),
            new Form.Choice("post_survey", "Self-assessment after the program"))),
        new Form.FormInput.SingleChoice("audience", "Who to ask", false, List.of(
            new Form.Choice("everyone", "Everyone taking part"),
            new Form.Choice("mentors", "Mentors only"),
            new Form.Choice("mentees", "Mentees only"))),
        new Form.FormInput.DateInput("closes", "Last day to answer (results show after it, for groups of at least "
            + program.settings().anonymityThreshold() + ")", false)));
  }

  private Reply opened(Person person, long programId, Map<String, String> values) {
    Outcome<Program> program = coordinating.program(person, programId, "feedback open");
    if (program instanceof Outcome.Rejected<Program> r) {
      return Reply.say(r.reason());
    }
    Purpose purpose;
    CampaignAudience audience;
    try {
      purpose = Purpose.fromCode(values.getOrDefault("purpose", "feedback"));
      audience = CampaignAudience.fromCode(values.getOrDefault("audience", "everyone"));
    } catch (IllegalArgumentException e) {
      return new Reply.FormErrors(Map.of("purpose", "Please choose from the list."));
    }
    LocalDate last;
    try {
      last = LocalDate.parse(values.getOrDefault("closes", "").trim());
    } catch (DateTimeException e) {
      return new Reply.FormErrors(Map.of("closes", "Please pick the last day to answer."));
    }
    Instant closes = last.plusDays(1).atStartOfDay(person.timeZone()).toInstant();
    Outcome<Campaign> opened = feedback.open(program.value().id(), purpose, audience, closes, Actor.person(person.id()));
    if (opened instanceof Outcome.Rejected<Campaign> r) {
      return new Reply.FormErrors(Map.of("closes", capitalise(r.reason()) + "."));
    }
    Campaign c = opened.value();
    return Reply.say("Opened " + purpose.label() + " for \"" + program.value().name() + "\": " + ReplyText.plural(c.invited(),
        "person is", "people are") + " invited, each privately, inside their working hours. It closes at "
        + FeedbackInvitation.closingDay(c, person.timeZone()) + "; then type " + Markup.command("feedback results")
        + ". Answers show only for groups of at least " + c.threshold() + ".");
  }

  private Reply close(Person person, Program program) {
    List<Campaign> closed = feedback.closeCollecting(program.id(), Actor.person(person.id()));
    if (closed.isEmpty()) {
      return Reply.say("No feedback is being collected in \"" + program.name() + "\" right now.");
    }
    List<String> lines = new ArrayList<>();
    for (Campaign c : closed) {
      lines.add(capitalise(c.purpose().label()) + ": " + ReplyText.plural(c.responses(), "answer", "answers")
          + (c.responses() < c.threshold() ? ", fewer than " + c.threshold() + ", so they were deleted unread" : ""));
    }
    return Reply.say("Closed in \"" + program.name() + "\". " + String.join("; ", lines) + ". Type " + Markup.command("feedback results") + " to see them.");
  }

  /** The latest closed campaign of each purpose, the ones still open, and the change from before to after. */
  ChatMessage results(Program program, java.time.ZoneId zone) {
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Block.Section(Markup.bold("Feedback: " + program.name())));
    Instant now = clock.instant();
    for (Campaign open : feedback.campaigns(program.id())) {
      if (open.collecting(now)) {
        blocks.add(new Block.Context(capitalise(open.purpose().label()) + " is open until "
            + FeedbackInvitation.closingDay(open, zone) + ": " + open.responses() + " of "
            + open.invited() + " answered so far. Nothing is shown until it closes."));
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
      blocks.add(new Block.Section("No campaign has closed yet, so there is nothing to show."));
    }
    blocks.add(new Block.Context("Anonymous: shown only for groups of at least " + program.settings().anonymityThreshold()
        + " answers; comments only above that, in random order; nothing here can be linked to a person."));
    return new ChatMessage("Feedback: " + program.name(), blocks, null);
  }

  static String capitalise(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
