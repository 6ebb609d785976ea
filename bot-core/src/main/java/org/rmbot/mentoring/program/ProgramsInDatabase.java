package org.rmbot.mentoring.program;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

public final class ProgramsInDatabase implements Programs {
  private static final String COLUMNS =
      """
      id, name, theme, direction, starts_on, ends_on, cadence_days, session_minutes, state,
      anonymity_threshold, default_time_zone, min_grade_gap, reporting_chain_depth,
      repeat_window_days, require_shared_language, created_at
      """;

  private final Jdbi jdbi;
  private final Clock clock;

  public ProgramsInDatabase(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  @Override
  public Program create(NewProgram p) {
    return jdbi.withHandle(h -> h.createQuery(
                """
                insert into program (name, theme, direction, starts_on, ends_on, cadence_days,
                    session_minutes, anonymity_threshold, default_time_zone, min_grade_gap,
                    reporting_chain_depth, repeat_window_days, require_shared_language, created_at)
                values (:name, :theme, :direction, :startsOn, :endsOn, :cadenceDays, :sessionMinutes,
                    :k, :zone, :gap, :depth, :window, :language, :now)
                returning \s""" + COLUMNS)
            .bind("name", p.name().trim())
            .bind("theme", p.theme().trim())
            .bind("direction", p.direction().code())
            .bind("startsOn", p.startsOn())
            .bind("endsOn", p.endsOn())
            .bind("cadenceDays", p.cadenceDays())
            .bind("sessionMinutes", p.sessionMinutes())
            .bind("k", p.settings().anonymityThreshold())
            .bind("zone", p.settings().defaultTimeZone().getId())
            .bind("gap", p.settings().minGradeGap())
            .bind("depth", p.settings().reportingChainDepth())
            .bind("window", p.settings().repeatWindowDays())
            .bind("language", p.settings().requireSharedLanguage())
            .bind("now", clock.instant())
            .map(ProgramsInDatabase::map)
            .one());
  }

  @Override
  public Optional<Program> findById(long id) {
    return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from program where id = :id")
        .bind("id", id).map(ProgramsInDatabase::map).findOne());
  }

  @Override
  public Optional<Program> findByName(String name) {
    return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from program where lower(name) = lower(:name)")
        .bind("name", name.trim()).map(ProgramsInDatabase::map).findOne());
  }

  @Override
  public List<Program> all() {
    return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from program order by id")
        .map(ProgramsInDatabase::map).list());
  }

  @Override
  public void changeState(long programId, ProgramState state) {
    jdbi.useHandle(h -> h.createUpdate("update program set state = :state where id = :id")
        .bind("state", state.code()).bind("id", programId).execute());
  }

  @Override
  public void setDates(long programId, java.time.LocalDate startsOn, java.time.LocalDate endsOn) {
    jdbi.useHandle(h -> h.createUpdate("update program set starts_on = :s, ends_on = :e where id = :id")
        .bind("s", startsOn).bind("e", endsOn).bind("id", programId).execute());
  }

  @Override
  public void lockForUpdate(long programId) {
    jdbi.useHandle(h -> h.createQuery("select id from program where id = :id for update")
        .bind("id", programId).mapTo(Long.class).findOne());
  }

  @Override
  public void addCoordinator(long programId, long personId) {
    jdbi.useHandle(h -> h.createUpdate(
            "insert into program_coordinator (program_id, person_id) values (:p, :c) on conflict do nothing")
        .bind("p", programId).bind("c", personId).execute());
  }

  @Override
  public boolean isCoordinator(long programId, long personId) {
    return jdbi.withHandle(h -> h.createQuery(
            "select count(*) from program_coordinator where program_id = :p and person_id = :c")
        .bind("p", programId).bind("c", personId).mapTo(Integer.class).one()) > 0;
  }

  @Override
  public List<Long> coordinators(long programId) {
    return jdbi.withHandle(h -> h.createQuery(
            "select person_id from program_coordinator where program_id = :p order by person_id")
        .bind("p", programId).mapTo(Long.class).list());
  }

  private static Program map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new Program(
        rs.getLong("id"),
        rs.getString("name"),
        rs.getString("theme"),
        Direction.fromCode(rs.getString("direction")),
        rs.getObject("starts_on", LocalDate.class),
        rs.getObject("ends_on", LocalDate.class),
        rs.getInt("cadence_days"),
        rs.getInt("session_minutes"),
        ProgramState.fromCode(rs.getString("state")),
        new ProgramSettings(
            rs.getInt("anonymity_threshold"),
            ZoneId.of(rs.getString("default_time_zone")),
            rs.getInt("min_grade_gap"),
            rs.getInt("reporting_chain_depth"),
            rs.getInt("repeat_window_days"),
            rs.getBoolean("require_shared_language")),
        rs.getTimestamp("created_at").toInstant());
  }
}
