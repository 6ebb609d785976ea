package org.rmbot.mentoring.feedback;

import java.util.Map;

/** What became of an answer: kept (anonymously), refused with a reason, or sent back with per-question problems. */
public sealed interface Submission {
  record Accepted(Campaign campaign) implements Submission {}

  /** Nothing was stored; {@code reason} says why, for the person. */
  record Refused(String reason) implements Submission {}

  /** Nothing was stored; the problems by question id. */
  record Invalid(Map<String, String> errors) implements Submission {}
}
