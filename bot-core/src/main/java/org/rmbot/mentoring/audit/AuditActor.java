package org.rmbot.mentoring.audit;

/**
 * Who did what the audit log records. Stored as the actor's person id (when there is one) and a
 * description; the descriptions are the ones the log has always held, so erasure can still find
 * a person's entries by {@code 'person ' || id}.
 */
public sealed interface AuditActor {
  /** The person's id, or null when the actor is not a person the log may name. */
  Long personId();

  /** How the log names the actor. */
  String description();

  /** A person known to the bot. */
  record Person(long id) implements AuditActor {
    @Override
    public Long personId() {
      return id;
    }

    @Override
    public String description() {
      return "person " + id;
    }
  }

  /** Someone with shell access to the server, named as they gave their name. */
  record Operator(String who) implements AuditActor {
    @Override
    public Long personId() {
      return null;
    }

    @Override
    public String description() {
      return "operator (" + who + ")";
    }
  }

  /** A participant the log deliberately does not name (accepting or declining a proposal). */
  record Participant() implements AuditActor {
    @Override
    public Long personId() {
      return null;
    }

    @Override
    public String description() {
      return "participant";
    }
  }

  /** The bot itself, acting on its own: which part of it. */
  record Bot(Part part) implements AuditActor {
    public enum Part {
      BOT("bot"), NUDGE_SCHEDULE("nudge schedule"), FEEDBACK("feedback");

      private final String stored;

      Part(String stored) {
        this.stored = stored;
      }
    }

    @Override
    public Long personId() {
      return null;
    }

    @Override
    public String description() {
      return part.stored;
    }
  }

  /** A person who asked to be erased, recorded after they are gone. */
  record ErasedAtOwnRequest() implements AuditActor {
    @Override
    public Long personId() {
      return null;
    }

    @Override
    public String description() {
      return ERASED + " (their own request)";
    }
  }

  /** What replaces a person's id in the log once they are erased. */
  String ERASED = "erased person";

  static AuditActor person(long id) {
    return new Person(id);
  }
}
