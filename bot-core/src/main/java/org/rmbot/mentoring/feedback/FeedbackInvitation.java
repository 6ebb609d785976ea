package org.rmbot.mentoring.feedback;

import java.time.ZoneId;
import java.util.Optional;
import java.util.ArrayList;
import java.util.List;
import org.rmbot.mentoring.chat.Block;
import org.rmbot.mentoring.chat.ChatMessage;
import org.rmbot.mentoring.chat.Form;
import org.rmbot.mentoring.chat.Markup;
import org.rmbot.mentoring.chat.Meaning;
import org.rmbot.mentoring.common.Phrases;

/**
 * The invitation each person in a campaign's audience receives, the form its button opens,
 * and the notice on both that says exactly who sees what.
 */
public final class FeedbackInvitation {
  /**
   * Button: its value is a ballot token. With {@link #FORM_PREFIX}, these are the anonymous
   * paths: the click that opens the form and its submission are answered without looking the
   * person up, read-only ({@code ReadOnlyScope}); adapters write nothing about the person for
   * them either (no "last seen", no replayed-request record). See {@link #isAnonymous}.
   */
  public static final String OPEN_FORM = "feedback.open";
  /** Form callback id prefix: followed by the ballot token. */
  public static final String FORM_PREFIX = "feedback:";

  /** Whether a button's action id or a form's id is one of the anonymous paths. */
  public static boolean isAnonymous(String actionOrFormId) {
    return actionOrFormId != null && (actionOrFormId.equals(OPEN_FORM) || actionOrFormId.startsWith(FORM_PREFIX));
  }

  private FeedbackInvitation() {}

  /** The closing moment as the person reads it, in their own time: the same instant for everyone. */
  public static String closingDay(Campaign campaign, ZoneId zone) {
    return closingDay(campaign, Optional.of(zone));
  }

  /** As above, for a reader whose zone may be unknown (the anonymous form and its thanks). */
  public static String closingDay(Campaign campaign, Optional<ZoneId> zone) {
    return Phrases.moment(campaign.closesAt(), zone);
  }

  /** Who sees what, stated exactly for this campaign's threshold, audience and form. */
  public static String notice(Campaign campaign, String programName, Optional<ZoneId> zone) {
    int k = campaign.threshold();
    StringBuilder s = new StringBuilder();
    s.append("Who sees what: this is anonymous. Your answers are stored with no name, no id and no time finer than")
        .append(" this campaign. Until it closes at ").append(closingDay(campaign, zone))
        .append(", answers are shown to no one. After that the coordinators of ")
        .append(programName).append(" see averages and spreads only if at least ").append(k)
        .append(" people answered; with fewer, every answer is deleted unread.");
    if (campaign.audience() == CampaignAudience.EVERYONE) {
      s.append(" Results by role are shown only if at least ").append(k).append(" mentors and at least ")
          .append(k).append(" mentees answered.");
    }
    if (!campaign.form().texts().isEmpty()) {
      s.append(" Comments are shown only if more than ").append(k)
          .append(" people answered, in random order and without names; please leave out names and details"
              + " that would identify you.");
    }
    s.append(" Your invitation's button works once: the bot keeps only a one-way mark that it was used, not who"
        + " holds it, deleted when the campaign closes. So it cannot tell who answered: it will not mark this"
        + " message as answered, and any reminder goes to everyone. Nobody, coordinators and admins included,"
        + " can see what you answered.");
    return s.toString();
  }

  /** What could have gone wrong with one answer per person, said with the campaign's results; empty when nothing. */
  public static java.util.Optional<String> caveats(Campaign c) {
    List<String> said = new ArrayList<>();
    if (c.lost() > 0) {
      said.add(c.lost() + (c.lost() == 1 ? " answer was" : " answers were") + " lost because the bot restarted before"
          + " mixing them; those people were able to answer again");
    }
    if (c.resent() > 0) {
      said.add("up to " + c.resent() + (c.resent() == 1 ? " person" : " people") + " may have had two invitations (one"
          + " was sent again after a delivery that may have arrived), so may have answered twice");
    }
    if (said.isEmpty()) {
      return java.util.Optional.empty();
    }
    String all = String.join("; ", said);
    return java.util.Optional.of(Character.toUpperCase(all.charAt(0)) + all.substring(1) + ".");
  }

  /** The invitation; {@code token} (a ballot token) is the button's value. */
  public static ChatMessage message(Campaign campaign, String token, String programName, ZoneId zone) {
    int questions = campaign.form().questions().size();
    String title = programName + ": " + campaign.purpose().label();
    String ask = switch (campaign.purpose()) {
      case FEEDBACK -> "How is the program going for you? " + questions + " short questions, anonymous.";
      case PRE_SURVEY -> "Before you start: " + questions + " quick questions about where you are today, anonymous.";
      case POST_SURVEY -> "Looking back: the same " + questions + " questions as at the start, anonymous, so the"
          + " program can see what changed.";
    };
    ChatMessage message = new ChatMessage(title + ". " + ask + " Open until " + closingDay(campaign, zone) + ".", List.of(
        new Block.Section(Markup.bold(title) + "\n" + ask + " Open until " + closingDay(campaign, zone) + "."),
        new Block.Context(notice(campaign, programName, Optional.of(zone))),
        new Block.Actions(List.of(new Block.Button(OPEN_FORM, token, "Answer anonymously",
            Block.ButtonStyle.PRIMARY)))), null);
    Meaning meaning = Meaning.of("feedback_invitation." + campaign.purpose().code()).at(campaign.closesAt());
    // pair feedback and the self-assessment after are for people in a pairing (AnonymousFeedback.audienceOf)
    return message.meaning(campaign.purpose() == Purpose.PRE_SURVEY ? meaning : meaning.forPairsOnly());
  }

  public static Form form(Campaign campaign, String token, String programName, String theme, Optional<ZoneId> zone) {
    List<Form.FormInput> inputs = new ArrayList<>();
    inputs.add(new Form.FormInput.SingleChoice(FeedbackForm.NOTICE_INPUT, notice(campaign, programName, zone), true,
        List.of(new Form.Choice("understood", "I understand who sees what"))));
    for (Question q : campaign.form().questions()) {
      if (q instanceof Question.Scale s) {
        inputs.add(new Form.FormInput.Scale(s.id(), s.textFor(theme), s.optional(), s.low(), s.high()));
      } else {
        Question.Text t = (Question.Text) q;
        inputs.add(new Form.FormInput.LongText(t.id(), t.textFor(theme), t.optional(), t.maxLength()));
      }
    }
    return new Form(FORM_PREFIX + token, campaign.form().title(), "Send anonymously", inputs);
  }
}
