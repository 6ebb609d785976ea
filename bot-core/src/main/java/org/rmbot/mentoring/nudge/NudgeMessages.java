package org.rmbot.mentoring.nudge;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.rmbot.mentoring.chat.Block;
import org.rmbot.mentoring.chat.Block.Button;
import org.rmbot.mentoring.chat.Block.ButtonStyle;
import org.rmbot.mentoring.chat.ChatMessage;
import org.rmbot.mentoring.chat.Markup;
import org.rmbot.mentoring.chat.Meaning;
import org.rmbot.mentoring.chat.ActionIds;
import org.rmbot.mentoring.matching.ProposalMessage;
import org.rmbot.mentoring.common.Phrases;
import org.rmbot.mentoring.feedback.FeedbackCampaigns;
import org.rmbot.mentoring.matching.AnsweringProposals;
import org.rmbot.mentoring.pairing.Organiser;
import org.rmbot.mentoring.participant.Person;
import org.rmbot.mentoring.participant.Role;
import org.rmbot.mentoring.wording.Catalogue;

/**
 * The words of each nudge, in the neutral message model. Short, warm, one clear ask; the
 * junior mentor is never asked to organise anything.
 */
final class NudgeMessages {
  /** Action ids the inbound side (adapters, then the core's command handling) answers. */
  static final String CHECK_IN_MET = ActionIds.CHECK_IN_MET;
  static final String CHECK_IN_NOT_YET = ActionIds.CHECK_IN_NOT_YET;
  static final String CHECK_IN_RESCHEDULED = ActionIds.CHECK_IN_RESCHEDULED;
  static final String BOOK_MEETING = ActionIds.BOOK_MEETING;
  static final String WRITE_REFLECTION = ActionIds.WRITE_REFLECTION;
  static final String SNOOZE = ActionIds.SNOOZE;

  private static final Catalogue WORDS = Catalogue.english();

  private final DeliveryContexts contexts;
  private final FeedbackCampaigns campaigns;

  NudgeMessages(DeliveryContexts contexts, FeedbackCampaigns campaigns) {
    this.contexts = contexts;
    this.campaigns = campaigns;
  }

  ChatMessage render(DeliveryContext ctx, Instant meetingAt) {
    Nudge n = ctx.nudge();
    DeliveryContext.Pair pair = ctx.pair();
    Person me = ctx.recipient() == null ? null : ctx.recipient().person();
    String pairing = pair == null ? "" : String.valueOf(pair.pairingId());
    ChatMessage message = switch (n.kind()) {
      case INTRODUCTION -> {
        Person organiser = organiserOf(ctx);
        String mentor = pair.mentor().person().displayName();
        String mentee = pair.mentee().person().displayName();
        String text = WORDS.phrase("nudge.introduction.text", "mentor", mentor, "mentee", mentee, "program", ctx.programName());
        yield ChatMessage.of(text,
            new Block.Section(Markup.bold(WORDS.phrase("nudge.introduction.welcome", "mentorFirst", first(mentor),
                "menteeFirst", first(mentee)))),
            new Block.Section(WORDS.phrase("nudge.introduction.roles", "mentor", mentor, "mentee", mentee,
                "program", Markup.bold(ctx.programName()))),
            new Block.Fields(List.of(new Block.Field(WORDS.phrase("nudge.introduction.theme_field"), ctx.theme()),
                new Block.Field(WORDS.phrase("nudge.introduction.meet_field"),
                    WORDS.phrase("nudge.introduction.meet_value", "days", ctx.cadenceDays())))),
            new Block.Section(Markup.bold(WORDS.phrase("nudge.introduction.why_label")) + " " + contexts.explanationOf(pair.pairingId())),
            new Block.Section(Markup.bold(WORDS.phrase("nudge.introduction.how_label")) + " " + WORDS.phrase(
                "nudge.introduction.how", "mentorFirst", first(mentor), "menteeFirst", first(mentee), "days", ctx.cadenceDays())),
            new Block.Section(Markup.bold(WORDS.phrase("nudge.introduction.agenda_label")) + WORDS.phrase(
                "nudge.introduction.agenda", "firstPrompt", TopicGuides.forTheme(ctx.theme()).prompts().get(0))),
            new Block.Context(WORDS.phrase("nudge.introduction.organiser", "organiserFirst", first(organiser.displayName()),
                "otherFirst", first(partnerOf(ctx, organiser).displayName()))),
            new Block.Actions(List.of(new Button(BOOK_MEETING, pairing, WORDS.phrase("nudge.introduction.booked_button"),
                ButtonStyle.PRIMARY))))
            .meaning(Meaning.of(n.kind().code()).asking(organiser.id()).forPairsOnly());
      }
      case BOOK_FIRST_MEETING -> {
        String partner = partnerOf(ctx, me).displayName();
        yield ChatMessage.of(WORDS.phrase("nudge.book_first.text", "partner", partner),
            new Block.Section(WORDS.phrase("nudge.book_first.body", "meFirst", first(me.displayName()),
                "partnerBold", Markup.bold(partner), "partnerFirst", first(partner))),
            new Block.Actions(List.of(
                new Button(BOOK_MEETING, pairing, WORDS.phrase("nudge.book_first.booked_button"), ButtonStyle.PRIMARY),
                new Button(SNOOZE, pairing, WORDS.phrase("nudge.book_first.later_button"), ButtonStyle.DEFAULT))))
            .meaning(Meaning.of(n.kind().code()).asking(me.id()).forPairsOnly());
      }
      case MENTOR_PREPARATION -> {
        TopicGuides.Guide guide = TopicGuides.forTheme(ctx.theme());
        String partner = partnerOf(ctx, me).displayName();
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Section(WORDS.phrase("nudge.preparation.body", "meFirst", first(me.displayName()),
            "partnerBold", Markup.bold(partner))));
        blocks.add(new Block.Section(Markup.bold(WORDS.phrase("nudge.preparation.guide_title", "guide", guide.title()))
            + "\n• " + String.join("\n• ", guide.prompts())));
        blocks.add(new Block.Context(WORDS.phrase("nudge.preparation.not_organising", "partnerFirst", first(partner))));
        yield new ChatMessage(WORDS.phrase("nudge.preparation.text", "partner", partner, "guide", guide.title()), blocks, null,
            Meaning.of(n.kind().code()).forPairsOnly());
      }
      case MEETING_REMINDER -> {
        String partner = partnerOf(ctx, me).displayName();
        String when = Phrases.moment(meetingAt, me.timeZone());
        Duration lead = leadOf(n);
        boolean soon = MeetingReminders.isShort(lead);
        String text = soon
            ? WORDS.phrase("nudge.reminder.soon_text", "partner", partner, "lead", Phrases.duration(lead),
                "hour", Phrases.hour(meetingAt, me.timeZone()))
            : WORDS.phrase("nudge.reminder.later_text", "partner", partner, "when", when);
        yield ChatMessage.of(text,
            new Block.Section(soon
                ? WORDS.phrase("nudge.reminder.soon_body", "partner", Markup.bold(partner), "lead", Phrases.duration(lead))
                : WORDS.phrase("nudge.reminder.later_body", "partner", Markup.bold(partner))),
            new Block.Fields(List.of(new Block.Field(WORDS.phrase("nudge.reminder.when_field"), when))))
            .meaning(Meaning.of(n.kind().code()).at(meetingAt).forPairsOnly());
      }
      case CHECK_IN -> {
        String partner = partnerOf(ctx, me).displayName();
        String value = pairing + "|" + DispatchConditions.windowDate(n);
        yield ChatMessage.of(WORDS.phrase("nudge.checkin.text", "partner", partner, "days", ctx.cadenceDays()),
            new Block.Section(WORDS.phrase("nudge.checkin.question", "partner", Markup.bold(partner), "days", ctx.cadenceDays())),
            new Block.Actions(List.of(
                new Button(CHECK_IN_MET, value, WORDS.phrase("nudge.checkin.met_button"), ButtonStyle.PRIMARY),
                new Button(CHECK_IN_NOT_YET, value, WORDS.phrase("nudge.checkin.not_yet_button"), ButtonStyle.DEFAULT),
                new Button(CHECK_IN_RESCHEDULED, value, WORDS.phrase("nudge.checkin.rescheduled_button"), ButtonStyle.DEFAULT))),
            new Block.Context(WORDS.phrase("nudge.checkin.totals_only")))
            .meaning(Meaning.of(n.kind().code()).forPairsOnly());
      }
      case REFLECTION -> {
        String partner = partnerOf(ctx, me).displayName();
        yield ChatMessage.of(WORDS.phrase("nudge.reflection.text", "partner", partner),
            new Block.Section(WORDS.phrase("nudge.reflection.body", "partner", Markup.bold(partner))),
            new Block.Actions(List.of(new Button(WRITE_REFLECTION, pairing, WORDS.phrase("nudge.reflection.button"),
                ButtonStyle.PRIMARY))))
            .meaning(Meaning.of(n.kind().code()).forPairsOnly());
      }
      case STALLED -> {
        String partner = partnerOf(ctx, me).displayName();
        boolean organises = organiserOf(ctx).id() == me.id();
        String ask = organises
            ? WORDS.phrase("nudge.stalled.ask_organiser", "partnerFirst", first(partner))
            : WORDS.phrase("nudge.stalled.ask_other", "partnerFirst", first(partner));
        // a pair that never met is not told it has been a while since they did
        boolean everMet = contexts.everMet(pair.pairingId());
        String headline = everMet ? WORDS.phrase("nudge.stalled.met_text", "partner", partner)
            : WORDS.phrase("nudge.stalled.never_met_text", "partner", partner);
        String body = everMet ? WORDS.phrase("nudge.stalled.met_body", "partner", Markup.bold(partner), "ask", ask)
            : WORDS.phrase("nudge.stalled.never_met_body", "partner", Markup.bold(partner), "ask", ask);
        yield ChatMessage.of(headline, new Block.Section(body),
            new Block.Actions(List.of(new Button(BOOK_MEETING, pairing, WORDS.phrase("nudge.stalled.booked_button"),
                ButtonStyle.PRIMARY))))
            .meaning(Meaning.of(n.kind().code()).asking(organises ? me.id() : null).forPairsOnly());
      }
      case AT_RISK -> {
        String mentor = pair.mentor().person().displayName();
        String mentee = pair.mentee().person().displayName();
        String since = contexts.everMet(pair.pairingId()) ? WORDS.phrase("nudge.at_risk.since_met")
            : WORDS.phrase("nudge.at_risk.since_introduced");
        yield ChatMessage.of(WORDS.phrase("nudge.at_risk.text", "program", ctx.programName(), "mentor", mentor,
                "mentee", mentee, "since", since),
            new Block.Section(WORDS.phrase("nudge.at_risk.title_in", "title", Markup.bold(WORDS.phrase("nudge.at_risk.title")),
                "program", ctx.programName())),
            new Block.Section(WORDS.phrase("nudge.at_risk.body", "mentor", mentor, "mentee", mentee, "since", since)),
            new Block.Context(WORDS.phrase("nudge.coordinators_only")));
      }
      case KICKOFF -> ChatMessage.of(WORDS.phrase("nudge.kickoff.text", "program", ctx.programName()),
          new Block.Section(WORDS.phrase("nudge.kickoff.body",
              "title", Markup.bold(WORDS.phrase("nudge.kickoff.text", "program", ctx.programName())),
              "theme", ctx.theme(), "days", ctx.cadenceDays())))
          .meaning(milestone(ctx));
      case MIDPOINT -> ChatMessage.of(WORDS.phrase("nudge.midpoint.text", "program", ctx.programName()),
          new Block.Section(WORDS.phrase("nudge.midpoint.body",
              "title", Markup.bold(WORDS.phrase("nudge.midpoint.text", "program", ctx.programName())))))
          .meaning(milestone(ctx));
      case CLOSING -> closing(ctx, me).meaning(milestone(ctx));
      case PROPOSAL -> {
        boolean iAmMentor = pair.mentor().person().id() == me.id();
        yield ProposalMessage.of(partnerOf(ctx, me).displayName(), iAmMentor, pair.pairingId(),
            contexts.explanationOf(pair.pairingId()));
      }
      case PROPOSAL_WITHDRAWN -> n.window().equals(WindowRef.Named.ENDED)
          ? ChatMessage.of(WORDS.phrase("nudge.ended.text", "partner", partnerOf(ctx, me).displayName()),
              new Block.Section(WORDS.phrase("nudge.ended.body", "program", Markup.bold(ctx.programName()),
                  "partner", Markup.bold(partnerOf(ctx, me).displayName()))),
              new Block.Context(WORDS.phrase("nudge.only_you")))
          : ChatMessage.of(AnsweringProposals.NOT_GOING_AHEAD, new Block.Section(AnsweringProposals.NOT_GOING_AHEAD));
      case HELP_REQUEST -> {
        String who = contexts.helpRequesterName(helpRequestOf(n));
        if (((WindowRef.HelpRequest) n.window()).stillOpen()) {
          yield ChatMessage.of(WORDS.phrase("nudge.help.still_open_text", "who", who, "program", ctx.programName()),
              new Block.Section(WORDS.phrase("nudge.help.still_open_body", "who", Markup.bold(who),
                  "program", Markup.bold(ctx.programName()), "command", Markup.command("help-requests done " + helpRequestOf(n)))),
              new Block.Context(WORDS.phrase("nudge.coordinators_only")));
        }
        yield ChatMessage.of(WORDS.phrase("nudge.help.text", "who", who, "program", ctx.programName()),
            new Block.Section(WORDS.phrase("nudge.help.body", "who", Markup.bold(who), "program", Markup.bold(ctx.programName()),
                "command", Markup.command("help-requests"))),
            new Block.Context(WORDS.phrase("nudge.coordinators_only")));
      }
      case COORDINATOR_NUDGE -> ChatMessage.of(WORDS.phrase("nudge.coordinator.text"),
          new Block.Section(WORDS.phrase("nudge.coordinator.body", "meFirst", first(me.displayName()),
              "program", Markup.bold(ctx.programName()), "command", Markup.command("help-request"))));
      case UNMATCHED -> unmatched(ctx, me);
      case FEEDBACK_INVITATION -> campaigns.invitation(campaignOf(n), me.id(), me.timeZone())
          .orElseThrow(() -> new IllegalStateException("the campaign stopped collecting answers"));
    };
    if (message.meaning().key().isEmpty()) {
      message = message.meaning(Meaning.of(n.kind().code()));
    }
    return message.withDeliveryKey(n.idempotencyKey());
  }

  /** The program's milestones speak to pairs; a coordinator reads them as the program's. */
  private static Meaning milestone(DeliveryContext ctx) {
    Meaning m = Meaning.of(ctx.nudge().kind().code());
    return ctx.recipient().role() == null ? m : m.forPairsOnly();
  }

  /** The pairing's organiser: the senior side (Organiser). */
  private static Person organiserOf(DeliveryContext ctx) {
    DeliveryContext.Pair pair = ctx.pair();
    return Organiser.isMentor(pair.mentor().grade(), pair.mentee().grade()) ? pair.mentor().person() : pair.mentee().person();
  }

  /** The help request a message is about: its window is {@code help:<id>} or {@code help:<id>:still-open}. */
  static long helpRequestOf(Nudge n) {
    return ((WindowRef.HelpRequest) n.window()).helpRequestId();
  }

  /** A meeting reminder's lead: its window is {@code meeting:<id>@<epoch second>/<lead>}. */
  static Duration leadOf(Nudge n) {
    return ((WindowRef.MeetingReminder) n.window()).lead();
  }

  /** The campaign an invitation is for: its window is {@code campaign:<id>}, or {@code campaign:<id>:tokens} when re-sent with a token. */
  static long campaignOf(Nudge n) {
    return ((WindowRef.CampaignInvitation) n.window()).campaignId();
  }

  /**
   * Someone left without a partner learns it privately, kindly, with why in plain words (never a
   * detail that would say something about another person) and what happens next.
   */
  private static ChatMessage unmatched(DeliveryContext ctx, Person me) {
    String role = ctx.recipient().role() == Role.MENTOR ? "mentor" : "mentee";
    boolean full = ((WindowRef.Pool) ctx.nudge().window()).becauseFull();
    String why = full ? WORDS.phrase("nudge.unmatched.why_full", "role", role)
        : WORDS.phrase("nudge.unmatched.why_rules", "role", role);
    String text = WORDS.phrase("nudge.unmatched.text", "role", role, "program", ctx.programName());
    return ChatMessage.of(text,
        new Block.Section(WORDS.phrase("nudge.unmatched.body", "meFirst", first(me.displayName()),
            "program", Markup.bold(ctx.programName()), "why", why)),
        new Block.Section(WORDS.phrase("nudge.unmatched.next", "label", Markup.bold(WORDS.phrase("nudge.unmatched.next_label")))),
        new Block.Context(WORDS.phrase("nudge.only_you")))
        .meaning(Meaning.of(NudgeKind.UNMATCHED.code()));
  }

  /** Recognition matters: mentors are thanked by name to their mentees and to the coordinators. */
  private ChatMessage closing(DeliveryContext ctx, Person me) {
    long program = ctx.nudge().programId();
    Role role = ctx.recipient().role();
    List<String> partners = role == null ? List.of() : contexts.partnersOf(program, me.id());
    Block title = new Block.Section(Markup.bold(WORDS.phrase("nudge.closing.title", "program", ctx.programName())));
    if (partners.isEmpty()) {
      List<String> mentors = contexts.mentorsOf(program);
      String names = mentors.isEmpty() ? WORDS.phrase("nudge.closing.every_mentor") : String.join(", ", mentors);
      String text = WORDS.phrase("nudge.closing.thanks_all", "names", names);
      return ChatMessage.of(WORDS.phrase("nudge.closing.text", "program", ctx.programName(), "thanks", text), title,
          new Block.Section(text));
    }
    String names = String.join(" and ", partners);
    String text = role == Role.MENTEE
        ? WORDS.phrase("nudge.closing.thanks_mentee", "names", names)
        : WORDS.phrase("nudge.closing.thanks_mentor", "names", names);
    return ChatMessage.of(WORDS.phrase("nudge.closing.text", "program", ctx.programName(), "thanks", text), title,
        new Block.Section(text));
  }

  private static Person partnerOf(DeliveryContext ctx, Person me) {
    DeliveryContext.Pair pair = ctx.pair();
    return pair.mentor().person().id() == me.id() ? pair.mentee().person() : pair.mentor().person();
  }

  private static String first(String displayName) {
    int space = displayName.indexOf(' ');
    return space > 0 ? displayName.substring(0, space) : displayName;
  }
}
