package org.rmbot.mentoring.replay;

import org.rmbot.mentoring.feedback.FeedbackInvitation;

/**
 * The requests the replay store must not record: the click that opens an anonymous feedback form
 * and the form's submission. Anything written at those moments can link an answer to its author
 * by time, so they write nothing about the person and nothing else; their one-time answer token
 * is what stops a replay there. Both adapters ask here, so this is the one list to change.
 */
public final class ReplayExemptions {
  private ReplayExemptions() {}

  /** A button click (Slack block action, Teams card action) with this action id. */
  public static boolean exemptAction(String actionId) {
    return FeedbackInvitation.OPEN_FORM.equals(actionId);
  }

  /** A form submission (Slack view callback id, Teams card form id). */
  public static boolean exemptForm(String formId) {
    return formId != null && formId.startsWith(FeedbackInvitation.FORM_PREFIX);
  }
}
