package org.rmbot.mentoring.audit;

import java.util.Locale;

/**
 * What an audit entry is about. {@link #stored()} is the one format of the {@code subject} column;
 * it yields exactly the strings stored before the subject was typed, so old rows read the same.
 */
public sealed interface AuditSubject {
  String stored();

  /** The kinds of record an entry can name by id; stored as the kind's words and the id. */
  enum Kind {
    PERSON, PAIRING, PROGRAM, HELP_REQUEST, CAMPAIGN, FORM;

    String words() {
      return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
  }

  /** The same subject followed by a remark, stored as the subject's text then the remark as is. */
  default AuditSubject noting(String remark) {
    return new Noted(this, remark);
  }

  static AuditSubject person(long id) {
    return new Named(Kind.PERSON, String.valueOf(id));
  }

  static AuditSubject pairing(long id) {
    return new Named(Kind.PAIRING, String.valueOf(id));
  }

  static AuditSubject program(long id) {
    return new Named(Kind.PROGRAM, String.valueOf(id));
  }

  static AuditSubject helpRequest(long number) {
    return new Named(Kind.HELP_REQUEST, String.valueOf(number));
  }

  static AuditSubject campaign(long id) {
    return new Named(Kind.CAMPAIGN, String.valueOf(id));
  }

  static AuditSubject form(String code) {
    return new Named(Kind.FORM, code);
  }

  /** A subject with no id of its own: a count, dates, a change. */
  static AuditSubject described(String text) {
    return new Described(text);
  }

  /** One record of a kind, by its id (or a form by its code). */
  record Named(Kind kind, String id) implements AuditSubject {
    @Override
    public String stored() {
      return kind.words() + " " + id;
    }
  }

  record Described(String text) implements AuditSubject {
    @Override
    public String stored() {
      return text;
    }
  }

  record Noted(AuditSubject about, String remark) implements AuditSubject {
    @Override
    public String stored() {
      return about.stored() + remark;
    }
  }
}
