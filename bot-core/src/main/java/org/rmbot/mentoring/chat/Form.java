package org.rmbot.mentoring.chat;

import java.util.List;

/**
 * A form shown as a Slack modal or a Teams Adaptive Card: a title, typed inputs and a submit
 * button. Submissions come back to the core keyed by each input's id.
 */
public record Form(String callbackId, String title, String submitLabel, List<FormInput> inputs) {
  public Form {
    inputs = List.copyOf(inputs);
  }

  /** One input of a {@link Form}; {@code id} keys its value in the submission. */
  public sealed interface FormInput {
    String id();

    String label();

    boolean optional();

    record ShortText(String id, String label, boolean optional, int maxLength) implements FormInput {}

    record LongText(String id, String label, boolean optional, int maxLength) implements FormInput {}

    record SingleChoice(String id, String label, boolean optional, List<Choice> choices) implements FormInput {
      public SingleChoice {
        choices = List.copyOf(choices);
      }
    }

    /** A 1 to 5 rating with words for both ends ("not at all" ... "very much"). */
    record Scale(String id, String label, boolean optional, String lowLabel, String highLabel) implements FormInput {}

    /** A day, picked from a calendar; the submission carries {@code yyyy-MM-dd}. */
    record DateInput(String id, String label, boolean optional) implements FormInput {}

    /** A time of day, picked rather than typed; the submission carries {@code HH:mm}. */
    record TimeInput(String id, String label, boolean optional) implements FormInput {}

    /**
     * One box to tick, saying {@code text}: the submission carries {@code yes} when it is ticked
     * and nothing (or anything else) when it is not, so it can always be left unticked.
     */
    record Checkbox(String id, String label, boolean optional, String text) implements FormInput {
      public static final String TICKED = "yes";
    }

    /** Picks one person of the workspace; the submission carries their platform user id. */
    record PersonPicker(String id, String label, boolean optional) implements FormInput {}
  }

  public record Choice(String value, String label) {}
}
