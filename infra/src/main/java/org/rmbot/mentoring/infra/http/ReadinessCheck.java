package org.rmbot.mentoring.infra.http;

/** One thing that must work before this instance takes traffic (database, scheduler, platforms). */
public interface ReadinessCheck {
  String name();

  /** Null when ready, else a short reason (no secrets, no personal data). */
  String problem();
}
