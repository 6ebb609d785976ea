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
import org.rmbot.mentoring.wording.Catalogue;

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

  private static final Catalogue WORDS = Catalogue.english();

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
    return WORDS.phrase("feedback.notice", "closes", closingDay(campaign, zone), "program", programName,
        "k", String.valueOf(campaign.threshold()),
        "byRole", campaign.audience() == CampaignAudience.EVERYONE ? "yes" : "no",
        "comments", campaign.form().texts().isEmpty() ? "no" : "yes");
  }

  /** What could have gone wrong with one answer per person, said with the campaign's results; empty when nothing. */
  public static java.util.Optional<String> caveats(Campaign c) {
    List<String> said = new ArrayList<>();
    if (c.lost() > 0) {
      said.add(WORDS.phrase("feedback.caveat.lost", "lost", c.lost(), "lostCount", String.valueOf(c.lost())));
    }
    if (c.resent() > 0) {
      said.add(WORDS.phrase("feedback.caveat.resent", "resent", c.resent(), "resentCount", String.valueOf(c.resent())));
    }
    if (said.isEmpty()) {
      return java.util.Optional.empty();
    }
    String all = String.join("; ", said);
    return java.util.Optional.of(Character.toUpperCase(all.charAt(0)) + all.substring(1) + ".");
  }

  /** The invitation; {@code token} (a ballot token) is the button's value. */
  public static ChatMessage message(Campaign campaign, String token, String programName, ZoneId zone) {
    String questions = String.valueOf(campaign.form().questions().size());
    String title = WORDS.phrase("feedback.invitation.title", "program", programName, "purpose", campaign.purpose().label());
    String ask = switch (campaign.purpose()) {
      case FEEDBACK -> WORDS.phrase("feedback.invitation.ask.feedback", "questions", questions);
      case PRE_SURVEY -> WORDS.phrase("feedback.invitation.ask.pre_survey", "questions", questions);
      case POST_SURVEY -> WORDS.phrase("feedback.invitation.ask.post_survey", "questions", questions);
    };
    String body = WORDS.phrase("feedback.invitation.body", "ask", ask, "closes", closingDay(campaign, zone));
    ChatMessage message = new ChatMessage(WORDS.phrase("feedback.invitation.text", "title", title, "body", body), List.of(
        new Block.Section(Markup.bold(title) + "\n" + body),
        new Block.Context(notice(campaign, programName, Optional.of(zone))),
        new Block.Actions(List.of(new Block.Button(OPEN_FORM, token, WORDS.phrase("feedback.invitation.answer_button"),
            Block.ButtonStyle.PRIMARY)))), null);
    Meaning meaning = Meaning.of("feedback_invitation." + campaign.purpose().code()).at(campaign.closesAt());
    // pair feedback and the self-assessment after are for people in a pairing (AnonymousFeedback.audienceOf)
    return message.meaning(campaign.purpose() == Purpose.PRE_SURVEY ? meaning : meaning.forPairsOnly());
  }

  public static Form form(Campaign campaign, String token, String programName, String theme, Optional<ZoneId> zone) {
    List<Form.FormInput> inputs = new ArrayList<>();
    inputs.add(new Form.FormInput.SingleChoice(FeedbackForm.NOTICE_INPUT, notice(campaign, programName, zone), true,
        List.of(new Form.Choice("understood", WORDS.phrase("feedback.answer.understood")))));
    for (Question q : campaign.form().questions()) {
      if (q instanceof Question.Scale s) {
        inputs.add(new Form.FormInput.Scale(s.id(), s.textFor(theme), s.optional(), s.low(), s.high()));
      } else {
        Question.Text t = (Question.Text) q;
        inputs.add(new Form.FormInput.LongText(t.id(), t.textFor(theme), t.optional(), t.maxLength()));
      }
    }
    return new Form(FORM_PREFIX + token, campaign.form().title(), WORDS.phrase("feedback.answer.send"), inputs);
  }
}
