package org.rmbot.mentoring.audit;

/**
 * Who did what the audit log records: a person or the operator ({@code access.Actor}), or one
 * of the actors the log deliberately does not name ({@link Unnamed}). Stored as the actor's
 * person id, when there is one, and a description; the descriptions are the ones the log has
 * always held, so erasure can still find a person's entries by {@code 'person ' || id}.
 */
public interface AuditActor {
  /** What replaces a person's id in the log once they are erased. */
  String ERASED = "erased person";

  /** The person's id, or null when the actor is not a person the log may name. */
  Long personId();

  /** How the log names the actor. */
  String description();

  /** Actors without a person id: the bot's own parts, and people the log must not name. */
  enum Unnamed implements AuditActor {
    /** A participant answering a proposal: which one is not recorded. */
    PARTICIPANT("participant"),
    BOT("bot"),
    NUDGE_SCHEDULE("nudge schedule"),
    FEEDBACK("feedback"),
    /** A person who asked to be erased, recorded after they are gone. */
    ERASED_AT_OWN_REQUEST(ERASED + " (their own request)");

    private final String description;

    Unnamed(String description) {
      this.description = description;
    }

    @Override
    public Long personId() {
      return null;
    }

    @Override
    public String description() {
      return description;
    }
  }
}
