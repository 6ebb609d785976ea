package org.rmbot.mentoring.audit;

/**
 * What an audit entry is about. {@link #stored()} is the one format of the {@code subject} column;
 * it yields exactly the strings stored before the subject was typed, so old rows read the same.
 */
public sealed interface AuditSubject {
  String stored();

  /** The same subject followed by a remark, stored as the subject's text then the remark as is. */
  default AuditSubject noting(String remark) {
    return new Noted(this, remark);
  }

  static AuditSubject person(long id) {
    return new Person(id);
  }

  static AuditSubject pairing(long id) {
    return new Pairing(id);
  }

  static AuditSubject program(long id) {
    return new Program(id);
  }

  static AuditSubject helpRequest(long number) {
    return new HelpRequest(number);
  }

  static AuditSubject campaign(long id) {
    return new Campaign(id);
  }

  static AuditSubject form(String code) {
    return new Form(code);
  }

  /** A subject with no id of its own: a count, dates, a change. */
  static AuditSubject described(String text) {
    return new Described(text);
  }

  record Person(long id) implements AuditSubject {
    @Override
    public String stored() {
      return "person " + id;
    }
  }

  record Pairing(long id) implements AuditSubject {
    @Override
    public String stored() {
      return "pairing " + id;
    }
  }

  record Program(long id) implements AuditSubject {
    @Override
    public String stored() {
      return "program " + id;
    }
  }

  record HelpRequest(long number) implements AuditSubject {
    @Override
    public String stored() {
      return "help request " + number;
    }
  }

  record Campaign(long id) implements AuditSubject {
    @Override
    public String stored() {
      return "campaign " + id;
    }
  }

  record Form(String code) implements AuditSubject {
    @Override
    public String stored() {
      return "form " + code;
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
