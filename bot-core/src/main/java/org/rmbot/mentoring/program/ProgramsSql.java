package org.rmbot.mentoring.program;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.rmbot.mentoring.common.Coded;

/** The program and program_coordinator tables. */
@RegisterRowMapper(ProgramsSql.ProgramMapper.class)
interface ProgramsSql {
  String COLUMNS = """
      id, name, theme, direction, starts_on, ends_on, cadence_days, session_minutes, state,
      anonymity_threshold, default_time_zone, min_grade_gap, reporting_chain_depth,
      repeat_window_days, require_shared_language, created_at
      """;

  /** A new program's row, already trimmed and coded. */
  record Row(String name, String theme, String direction, LocalDate startsOn, LocalDate endsOn, int cadenceDays,
      int sessionMinutes, int k, String zone, int gap, int depth, int window, boolean language, Instant now) {}

  @SqlQuery("""
      insert into program (name, theme, direction, starts_on, ends_on, cadence_days,
          session_minutes, anonymity_threshold, default_time_zone, min_grade_gap,
          reporting_chain_depth, repeat_window_days, require_shared_language, created_at)
      values (:name, :theme, :direction, :startsOn, :endsOn, :cadenceDays, :sessionMinutes,
          :k, :zone, :gap, :depth, :window, :language, :now)
      returning\s""" + COLUMNS)
  Program insert(@BindMethods Row row);

  @SqlQuery("select " + COLUMNS + " from program where id = :id")
  Optional<Program> findById(@Bind("id") long id);

  @SqlQuery("select " + COLUMNS + " from program where lower(name) = lower(:name)")
  Optional<Program> findByName(@Bind("name") String name);

  @SqlQuery("select " + COLUMNS + " from program order by id")
  List<Program> all();

  @SqlUpdate("update program set state = :state where id = :id")
  void changeState(@Bind("id") long programId, @Bind("state") String state);

  @SqlUpdate("update program set starts_on = :s, ends_on = :e where id = :id")
  void setDates(@Bind("id") long programId, @Bind("s") LocalDate startsOn, @Bind("e") LocalDate endsOn);

  @SqlQuery("select id from program where id = :id for update")
  Optional<Long> lockForUpdate(@Bind("id") long programId);

  @SqlUpdate("insert into program_coordinator (program_id, person_id) values (:p, :c) on conflict do nothing")
  void addCoordinator(@Bind("p") long programId, @Bind("c") long personId);

  @SqlQuery("select count(*) from program_coordinator where program_id = :p and person_id = :c")
  int countCoordinator(@Bind("p") long programId, @Bind("c") long personId);

  @SqlQuery("select person_id from program_coordinator where program_id = :p order by person_id")
  List<Long> coordinators(@Bind("p") long programId);

  final class ProgramMapper implements RowMapper<Program> {
    @Override
    public Program map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new Program(
          rs.getLong("id"),
          rs.getString("name"),
          rs.getString("theme"),
          Coded.fromCode(Direction.class, rs.getString("direction")),
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
}
