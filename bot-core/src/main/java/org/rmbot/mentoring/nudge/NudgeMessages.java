package org.rmbot.mentoring.nudge;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

  private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

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
        String text = "Meet your reverse mentoring partner! " + mentor + " will mentor " + mentee + " in "
            + ctx.programName() + ".";
        yield ChatMessage.of(text,
            new Block.Section(Markup.bold("Welcome, " + first(mentor) + " and " + first(mentee) + "!")),
            new Block.Section(mentor + " is the mentor and " + mentee + " the mentee in " + Markup.bold(ctx.programName())
                + ". You both said yes to this pairing; what you share here stays between you."),
            new Block.Fields(List.of(new Block.Field("Theme", ctx.theme()),
                new Block.Field("Meet", "every " + ctx.cadenceDays() + " days"))),
            new Block.Section(Markup.bold("Why you were matched:") + " " + contexts.explanationOf(pair.pairingId())),
            new Block.Section(Markup.bold("How reverse mentoring works:") + " " + first(mentor) + " shares their experience and"
                + " perspective; " + first(mentee) + " listens, asks, and decides what they will do differently."
                + " Meet for about an hour every " + ctx.cadenceDays() + " days; both of you learn."),
            new Block.Section(Markup.bold("A first-session agenda:") + "\n• "
                + "Introduce yourselves and what you each hope to get from this\n• Agree how you will keep what is"
                + " shared confidential\n• " + TopicGuides.forTheme(ctx.theme()).prompts().get(0)
                + "\n• Pick a date for the next meeting"),
            new Block.Context(first(organiser.displayName()) + ", the organising is yours (invite and agenda), so "
                + first(partnerOf(ctx, organiser).displayName()) + " can focus on the conversation. Press the button"
                + " once it is in the calendar."),
            new Block.Actions(List.of(new Button(BOOK_MEETING, pairing, "We've booked our first meeting", ButtonStyle.PRIMARY))))
            .meaning(Meaning.of(n.kind().code()).asking(organiser.id()).forPairsOnly());
      }
      case BOOK_FIRST_MEETING -> {
        String partner = partnerOf(ctx, me).displayName();
        yield ChatMessage.of("Please book your first meeting with " + partner + ".",
            new Block.Section("Hi " + first(me.displayName()) + ", could you book your first meeting with " + Markup.bold(partner)
                + "? Send the invite and suggest an agenda; " + first(partner) + " should not have to chase it."),
            new Block.Actions(List.of(
                new Button(BOOK_MEETING, pairing, "I have booked it", ButtonStyle.PRIMARY),
                new Button(SNOOZE, pairing, "Remind me later", ButtonStyle.DEFAULT))))
            .meaning(Meaning.of(n.kind().code()).asking(me.id()).forPairsOnly());
      }
      case MENTOR_PREPARATION -> {
        TopicGuides.Guide guide = TopicGuides.forTheme(ctx.theme());
        String partner = partnerOf(ctx, me).displayName();
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Section("Hi " + first(me.displayName()) + ", a few ideas for your first session with "
            + Markup.bold(partner) + ". You are the expert on your own experience; share what you are comfortable sharing."));
        blocks.add(new Block.Section(Markup.bold("Topic guide: " + guide.title()) + "\n• " + String.join("\n• ", guide.prompts())));
        blocks.add(new Block.Context(first(partner) + " will send the invite; you do not need to organise anything."));
        yield new ChatMessage("Preparing for your first session with " + partner + ": " + guide.title() + ".", blocks, null,
            Meaning.of(n.kind().code()).forPairsOnly());
      }
      case MEETING_REMINDER -> {
        String partner = partnerOf(ctx, me).displayName();
        String when = Phrases.moment(meetingAt, me.timeZone());
        Duration lead = leadOf(n);
        String text = MeetingReminders.isShort(lead)
            ? "Your meeting with " + partner + " starts in " + Phrases.duration(lead) + ", at " + HOUR.format(meetingAt.atZone(me.timeZone())) + " (your time)."
            : "Reminder: you meet " + partner + " on " + when + ".";
        yield ChatMessage.of(text,
            new Block.Section(MeetingReminders.isShort(lead) ? "Your meeting with " + Markup.bold(partner) + " starts in "
                + Phrases.duration(lead) + "." : "Reminder: you meet " + Markup.bold(partner) + " soon."),
            new Block.Fields(List.of(new Block.Field("When", when))))
            .meaning(Meaning.of(n.kind().code()).at(meetingAt).forPairsOnly());
      }
      case CHECK_IN -> {
        String partner = partnerOf(ctx, me).displayName();
        String value = pairing + "|" + DispatchConditions.windowDate(n);
        yield ChatMessage.of("Did you meet " + partner + " in the last " + ctx.cadenceDays() + " days?",
            new Block.Section("Did you and " + Markup.bold(partner) + " meet in the last " + ctx.cadenceDays() + " days?"),
            new Block.Actions(List.of(
                new Button(CHECK_IN_MET, value, "We met", ButtonStyle.PRIMARY),
                new Button(CHECK_IN_NOT_YET, value, "Not yet", ButtonStyle.DEFAULT),
                new Button(CHECK_IN_RESCHEDULED, value, "Rescheduled", ButtonStyle.DEFAULT))),
            new Block.Context("Only the program's totals are shown to coordinators."))
            .meaning(Meaning.of(n.kind().code()).forPairsOnly());
      }
      case REFLECTION -> {
        String partner = partnerOf(ctx, me).displayName();
        yield ChatMessage.of("Take two minutes to note what you took from your meeting with " + partner + ".",
            new Block.Section("Glad you met " + Markup.bold(partner) + ". What did you take from it, and what will you do"
                + " differently? Your reflection is private: only you can read it."),
            new Block.Actions(List.of(new Button(WRITE_REFLECTION, pairing, "Write a reflection", ButtonStyle.PRIMARY))))
            .meaning(Meaning.of(n.kind().code()).forPairsOnly());
      }
      case STALLED -> {
        String partner = partnerOf(ctx, me).displayName();
        boolean organises = organiserOf(ctx).id() == me.id();
        String ask = organises
            ? "Could you find a slot and send " + first(partner) + " an invite this week?"
            : first(partner) + " will suggest a time; a short call counts too.";
        // a pair that never met is not told it has been a while since they did
        boolean everMet = contexts.everMet(pair.pairingId());
        String headline = everMet ? "It has been a while since you and " + partner + " met."
            : "You and " + partner + " haven't had your first meeting yet.";
        String body = everMet ? "It has been a few weeks since you and " + Markup.bold(partner) + " met. Busy weeks happen. "
            : "You and " + Markup.bold(partner) + " haven't met yet since you were introduced. Busy weeks happen. ";
        yield ChatMessage.of(headline, new Block.Section(body + ask),
            new Block.Actions(List.of(new Button(BOOK_MEETING, pairing, "We have booked one", ButtonStyle.PRIMARY))))
            .meaning(Meaning.of(n.kind().code()).asking(organises ? me.id() : null).forPairsOnly());
      }
      case AT_RISK -> {
        String mentor = pair.mentor().person().displayName();
        String mentee = pair.mentee().person().displayName();
        String since = contexts.everMet(pair.pairingId()) ? "for several weeks" : "since they were introduced";
        yield ChatMessage.of("Pairing at risk in " + ctx.programName() + ": " + mentor + " and " + mentee
                + " have not met " + since + ".",
            new Block.Section(Markup.bold("Pairing at risk") + " in " + ctx.programName()),
            new Block.Section(mentor + " (mentor) and " + mentee + " (mentee) have not recorded a meeting " + since
                + ", despite reminders. A friendly word, or a rematch, may help."),
            new Block.Context("Only coordinators of this program see this message."));
      }
      case KICKOFF -> ChatMessage.of(ctx.programName() + " starts today.",
          new Block.Section(Markup.bold(ctx.programName() + " starts today.") + " Thank you for taking part in reverse mentoring on "
              + ctx.theme() + ". Meet every " + ctx.cadenceDays() + " days; mentees book the meetings."))
          .meaning(milestone(ctx));
      case MIDPOINT -> ChatMessage.of(ctx.programName() + " is halfway through.",
          new Block.Section(Markup.bold(ctx.programName() + " is halfway through.") + " A good moment to look back at what you"
              + " have learned, and to agree what you want from the second half."))
          .meaning(milestone(ctx));
      case CLOSING -> closing(ctx, me).meaning(milestone(ctx));
      case FEEDBACK_CAMPAIGN -> throw new IllegalArgumentException("a feedback campaign is not a message");
      case PROPOSAL -> {
        boolean iAmMentor = pair.mentor().person().id() == me.id();
        yield ProposalMessage.of(partnerOf(ctx, me).displayName(), iAmMentor, pair.pairingId(),
            contexts.explanationOf(pair.pairingId()));
      }
      case PROPOSAL_WITHDRAWN -> n.windowRef().equals("ended")
          ? ChatMessage.of("Your mentoring pairing with " + partnerOf(ctx, me).displayName() + " has ended.",
              new Block.Section("The coordinators of " + Markup.bold(ctx.programName()) + " have ended your pairing with "
                  + Markup.bold(partnerOf(ctx, me).displayName()) + ", so that you can each have a fresh start. This happens, and"
                  + " it says nothing about you. You're back in the pool: I'll tell you what comes of the next matching."),
              new Block.Context("Only you see this message."))
          : ChatMessage.of(AnsweringProposals.NOT_GOING_AHEAD, new Block.Section(AnsweringProposals.NOT_GOING_AHEAD));
      case HELP_REQUEST -> {
        String who = contexts.helpRequesterName(helpRequestOf(n));
        if (n.windowRef().endsWith(":still-open")) {
          yield ChatMessage.of(who + "'s help request in " + ctx.programName() + " is still open.",
              new Block.Section(Markup.bold(who) + " asked for support in " + Markup.bold(ctx.programName()) + " two days ago,"
                  + " and the request is still open. Please get in touch with them; once it is taken care of, mark it"
                  + " done (" + Markup.command("help-requests done " + helpRequestOf(n)) + ")."),
              new Block.Context("Only coordinators of this program see this message."));
        }
        yield ChatMessage.of(who + " asked for help in " + ctx.programName() + ".",
            new Block.Section(Markup.bold(who) + " asked for support in " + Markup.bold(ctx.programName()) + ", privately."
                + " Please get in touch with them directly. Nobody is at fault; their partner has not been told."
                + " Type " + Markup.command("help-requests") + " to read their note."),
            new Block.Context("Only coordinators of this program see this message."));
      }
      case COORDINATOR_NUDGE -> ChatMessage.of("A friendly nudge from your mentoring coordinators.",
          new Block.Section("Hi " + first(me.displayName()) + ", a friendly nudge from the coordinators of "
              + Markup.bold(ctx.programName()) + ": how is your mentoring going? If you haven't met recently, a short"
              + " conversation this week counts. If something isn't working, type " + Markup.command("help-request") + ": it's private."));
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
    String rest = n.windowRef().substring("help:".length());
    int end = rest.indexOf(':');
    return Long.parseLong(end < 0 ? rest : rest.substring(0, end));
  }

  /** A meeting reminder's lead: its window is {@code meeting:<id>@<epoch second>/<lead>}. */
  static Duration leadOf(Nudge n) {
    return Duration.parse(n.windowRef().substring(n.windowRef().lastIndexOf('/') + 1));
  }

  /** The campaign an invitation is for: its window is {@code campaign:<id>}, or {@code campaign:<id>:tokens} when re-sent with a token. */
  static long campaignOf(Nudge n) {
    String id = n.windowRef().substring("campaign:".length());
    return Long.parseLong(id.contains(":") ? id.substring(0, id.indexOf(':')) : id);
  }

  /**
   * Someone left without a partner learns it privately, kindly, with why in plain words (never a
   * detail that would say something about another person) and what happens next.
   */
  private static ChatMessage unmatched(DeliveryContext ctx, Person me) {
    boolean mentor = "mentor".equals(ctx.recipient().role());
    String partner = mentor ? "mentee" : "mentor";
    boolean full = ctx.nudge().windowRef().endsWith(":full");
    String why = full
        ? (mentor ? "every mentee who could be paired with you already has a mentor"
            : "every mentor who could take you already has as many mentees as they can take")
        : "none of the " + partner + "s still waiting can be paired with you under the program's rules (for example,"
            + " never with someone from your own department or reporting line)";
    String text = "There is no " + partner + " for you in " + ctx.programName() + " this round.";
    return ChatMessage.of(text,
        new Block.Section("Hi " + first(me.displayName()) + ", thank you for signing up to " + Markup.bold(ctx.programName())
            + ". This round, " + why + ", so there is no match for you yet. It says nothing about you."),
        new Block.Section(Markup.bold("What happens next:") + " you stay in the pool. If a place opens up (someone joins, or a pair"
            + " ends), the coordinators can match you, and I'll message you straight away. Until then you won't get"
            + " the messages meant for pairs."),
        new Block.Context("Only you see this message."))
        .meaning(Meaning.of(NudgeKind.UNMATCHED.code()));
  }

  /** Recognition matters: mentors are thanked by name to their mentees and to the coordinators. */
  private ChatMessage closing(DeliveryContext ctx, Person me) {
    long program = ctx.nudge().programId();
    String role = ctx.recipient().role();
    List<String> partners = role == null ? List.of() : contexts.partnersOf(program, me.id());
    Block title = new Block.Section(Markup.bold(ctx.programName() + " has ended."));
    if (partners.isEmpty()) {
      List<String> mentors = contexts.mentorsOf(program);
      String names = mentors.isEmpty() ? "every mentor" : String.join(", ", mentors);
      String text = "Thank you to the mentors who gave their time and their stories: " + names + ".";
      return ChatMessage.of(ctx.programName() + " has ended. " + text, title, new Block.Section(text));
    }
    String names = String.join(" and ", partners);
    String text = "mentee".equals(role)
        ? "Thank you for learning with " + names + ": their time and candour made this work. Please thank them too."
        : "Thank you for mentoring " + names + ": your time and your stories are what this program is made of.";
    return ChatMessage.of(ctx.programName() + " has ended. " + text, title, new Block.Section(text));
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
