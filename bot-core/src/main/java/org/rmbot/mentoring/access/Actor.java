package org.rmbot.mentoring.access;

import org.rmbot.mentoring.audit.AuditActor;

/** Who is acting: a person known to the bot, or the operator at the server's command line. */
public sealed interface Actor {
  /** The person's id, or null for the operator. */
  Long personId();

  /** How the audit log names the actor. */
  AuditActor audited();

  record Person(long id) implements Actor {
    @Override
    public Long personId() {
      return id;
    }

    @Override
    public AuditActor audited() {
      return AuditActor.person(id);
    }
  }

  /** Someone with shell access to the bot's server: they could edit the database anyway. */
  record Operator(String who) implements Actor {
    @Override
    public Long personId() {
      return null;
    }

    @Override
    public AuditActor audited() {
      return new AuditActor.Operator(who);
    }
  }

  static Actor person(long id) {
    return new Person(id);
  }
}
