package org.rmbot.mentoring.conversation;

import java.util.Map;
import java.util.Optional;
import org.rmbot.mentoring.command.Command;
import org.rmbot.mentoring.participant.Person;

/**
 * A part of the desk's work kept in its own class (feedback, privacy, reports): the commands,
 * button clicks and form submissions it answers, empty for everything else. {@link CommandDesk}
 * asks each extension before its participant and coordinator sides. Like the sides, an
 * extension checks who may do what on every call.
 */
public interface DeskExtension {
  default Optional<Reply> command(Caller caller, Person person, Command command) {
    return Optional.empty();
  }

  default Optional<Reply> click(Caller caller, Person person, String actionId, String value) {
    return Optional.empty();
  }

  default Optional<Reply> submit(Caller caller, Person person, String formId, Map<String, String> values) {
    return Optional.empty();
  }

  /**
   * The anonymous paths ({@code FeedbackInvitation.isAnonymous}): answered without the person
   * being looked up, read-only; only the caller's zone is used.
   */
  default Optional<Reply> clickAnonymously(Caller caller, String actionId, String value) {
    return Optional.empty();
  }

  default Optional<Reply> submitAnonymously(Caller caller, String formId, Map<String, String> values) {
    return Optional.empty();
  }
}
