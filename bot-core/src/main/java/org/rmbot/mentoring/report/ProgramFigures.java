package org.rmbot.mentoring.report;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;
import org.rmbot.mentoring.program.Program;

/** Reads a program's figures straight from the tables, in a handful of aggregate queries. */
public final class ProgramFigures {
  private final Jdbi jdbi;
  private final Clock clock;

  public ProgramFigures(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /** Active pairs with no "we met" for three cadence windows: the ones coordinators should look at. */
  public List<Long> atRiskPairings(Program program) {
    Instant cutoff = clock.instant().minus(Duration.ofDays(3L * program.cadenceDays()));
    return jdbi.withHandle(h -> h.createQuery(
            """
            select p.id from pairing p
             where p.program_id = :program and p.state = 'active' and p.activated_at <= :cutoff
               and not exists (select 1 from check_in c where c.pairing_id = p.id
                               and c.answer = 'met' and c.answered_at > :cutoff)
             order by p.id""")
        .bind("program", program.id()).bind("cutoff", cutoff).mapTo(Long.class).list());
  }

  public ProgramStatus status(Program program) {
    Instant now = clock.instant();
    Instant windowStart = now.minus(Duration.ofDays(program.cadenceDays()));
    return jdbi.withHandle(h -> {
      Map<String, Integer> roles = new TreeMap<>();
      h.createQuery("select role, count(*) from participant where program_id = :p and status <> 'left' group by role")
          .bind("p", program.id())
          .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getInt(2)))
          .forEach(e -> roles.put(e.getKey(), e.getValue()));
      Map<String, Integer> states = new TreeMap<>();
      h.createQuery("select state, count(*) from pairing where program_id = :p group by state")
          .bind("p", program.id())
          .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getInt(2)))
          .forEach(e -> states.put(e.getKey(), e.getValue()));
      int met = h.createQuery(
              """
              select count(distinct c.pairing_id) from check_in c join pairing p on p.id = c.pairing_id
               where p.program_id = :p and p.state = 'active' and c.answer = 'met' and c.answered_at > :since""")
          .bind("p", program.id()).bind("since", windowStart).mapTo(Integer.class).one();
      int help = h.createQuery("select count(*) from help_request where program_id = :p and resolved_at is null")
          .bind("p", program.id()).mapTo(Integer.class).one();
      int dead = h.createQuery("select count(*) from nudge where program_id = :p and state = 'dead'")
          .bind("p", program.id()).mapTo(Integer.class).one();
      // an active program past its last day has ended, though a coordinator has still to close it
      String state = program.state() == org.rmbot.mentoring.program.ProgramState.ACTIVE && program.endedBy(now)
          ? "ended " + org.rmbot.mentoring.common.Phrases.day(program.endsOn())
          : program.state().code();
      return new ProgramStatus(program.name(), state, roles.getOrDefault("mentor", 0),
          roles.getOrDefault("mentee", 0), states, met, atRiskPairings(program).size(), help, dead);
    });
  }
}
