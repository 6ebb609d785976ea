package org.rmbot.mentoring.infra.http;

/** One thing that must work before this instance takes traffic (database, scheduler, platforms). */
public interface ReadinessCheck {
  String name();

  /** Null when ready, else a short reason (no secrets, no personal data). */
  String problem();

  /** A check named {@code name} whose problem {@code problem} gives (null when ready). */
  static ReadinessCheck of(String name, java.util.function.Supplier<String> problem) {
    return new ReadinessCheck() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public String problem() {
        return problem.get();
      }
    };
  }
}
