package org.rmbot.mentoring.report;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;
import org.rmbot.mentoring.program.Program;

/** Reads a program's figures straight from the tables, in a handful of aggregate queries ({@link ReportSql}). */
public final class ProgramFigures {
  private final Jdbi jdbi;
  private final ReportSql sql;
  private final Clock clock;

  public ProgramFigures(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.sql = jdbi.onDemand(ReportSql.class);
    this.clock = clock;
  }

  /** Active pairs with no "we met" for three cadence windows: the ones coordinators should look at. */
  public List<Long> atRiskPairings(Program program) {
    Instant cutoff = clock.instant().minus(Duration.ofDays(3L * program.cadenceDays()));
    return sql.atRiskPairings(program.id(), cutoff);
  }

  public ProgramStatus status(Program program) {
    Instant now = clock.instant();
    Instant windowStart = now.minus(Duration.ofDays(program.cadenceDays()));
    return jdbi.withHandle(h -> {
      ReportSql sql = h.attach(ReportSql.class);
      Map<String, Integer> roles = new TreeMap<>();
      sql.enrolledByRole(program.id()).forEach(c -> roles.put(c.value(), c.n()));
      Map<String, Integer> states = new TreeMap<>();
      sql.pairingsByState(program.id()).forEach(c -> states.put(c.value(), c.n()));
      int met = sql.activePairsMetSince(program.id(), windowStart);
      int help = sql.openHelpRequests(program.id());
      int dead = sql.deadNudges(program.id());
      // an active program past its last day has ended, though a coordinator has still to close it
      String state = program.state() == org.rmbot.mentoring.program.ProgramState.ACTIVE && program.endedBy(now)
          ? "ended " + org.rmbot.mentoring.common.Phrases.day(program.endsOn())
          : program.state().code();
      return new ProgramStatus(program.name(), state, roles.getOrDefault("mentor", 0),
          roles.getOrDefault("mentee", 0), states, met, atRiskPairings(program).size(), help, dead);
    });
  }
}
