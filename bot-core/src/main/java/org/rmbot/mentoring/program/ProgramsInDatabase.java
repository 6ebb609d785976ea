package org.rmbot.mentoring.program;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** The programs kept in the database, through {@link ProgramsSql}. */
public final class ProgramsInDatabase implements Programs {
  private final ProgramsSql sql;
  private final Clock clock;

  public ProgramsInDatabase(Jdbi jdbi, Clock clock) {
    this.sql = jdbi.onDemand(ProgramsSql.class);
    this.clock = clock;
  }

  @Override
  public Program create(NewProgram p) {
    ProgramSettings s = p.settings();
    return sql.insert(new ProgramsSql.Row(p.name().trim(), p.theme().trim(), p.direction().code(), p.startsOn(),
        p.endsOn(), p.cadenceDays(), p.sessionMinutes(), s.anonymityThreshold(), s.defaultTimeZone().getId(),
        s.minGradeGap(), s.reportingChainDepth(), s.repeatWindowDays(), s.requireSharedLanguage(), clock.instant()));
  }

  @Override
  public Optional<Program> findById(long id) {
    return sql.findById(id);
  }

  @Override
  public Optional<Program> findByName(String name) {
    return sql.findByName(name.trim());
  }

  @Override
  public List<Program> all() {
    return sql.all();
  }

  @Override
  public void changeState(long programId, ProgramState state) {
    sql.changeState(programId, state.code());
  }

  @Override
  public void setDates(long programId, LocalDate startsOn, LocalDate endsOn) {
    sql.setDates(programId, startsOn, endsOn);
  }

  @Override
  public void lockForUpdate(long programId) {
    sql.lockForUpdate(programId);
  }

  @Override
  public void addCoordinator(long programId, long personId) {
    sql.addCoordinator(programId, personId);
  }

  @Override
  public boolean isCoordinator(long programId, long personId) {
    return sql.countCoordinator(programId, personId) > 0;
  }

  @Override
  public List<Long> coordinators(long programId) {
    return sql.coordinators(programId);
  }
}
