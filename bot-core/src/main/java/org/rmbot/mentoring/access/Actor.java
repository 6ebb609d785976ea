package org.rmbot.mentoring.access;

import org.rmbot.mentoring.audit.AuditActor;

/**
 * Who is acting: a person known to the bot, or the operator at the server's command line. The
 * audit log names them as it always has ("person 7", "operator (...)").
 */
public sealed interface Actor extends AuditActor {
  record Person(long id) implements Actor {
    @Override
    public Long personId() {
      return id;
    }

    @Override
    public String description() {
      return "person " + id;
    }
  }

  /** Someone with shell access to the bot's server: they could edit the database anyway. */
  record Operator(String who) implements Actor {
    @Override
    public Long personId() {
      return null;
    }

    @Override
    public String description() {
      return "operator (" + who + ")";
    }
  }

  static Actor person(long id) {
    return new Person(id);
  }
}
