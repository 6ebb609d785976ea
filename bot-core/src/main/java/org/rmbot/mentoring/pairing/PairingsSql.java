package org.rmbot.mentoring.pairing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The pairing table. */
@RegisterRowMapper(PairingsSql.PairingMapper.class)
interface PairingsSql {
  String COLUMNS =
      "id, program_id, mentor_id, mentee_id, state, score, explanation, pinned, proposed_at, activated_at, closed_at, version";
  /** The codes of the states for which {@link PairingState#isOpen()} holds. */
  String OPEN_STATES = "('proposed', 'accepted_by_mentor', 'accepted_by_mentee', 'active', 'paused')";

  @SqlQuery("""
      insert into pairing (program_id, mentor_id, mentee_id, state, score, explanation, pinned, proposed_at)
      values (:program, :mentor, :mentee, 'proposed', :score, :explanation, :pinned, :now)
      returning\s""" + COLUMNS)
  Pairing propose(@Bind("program") long programId, @Bind("mentor") long mentorId, @Bind("mentee") long menteeId,
      @Bind("score") long score, @Bind("explanation") String explanation, @Bind("pinned") boolean pinned,
      @Bind("now") Instant now);

  @SqlQuery("select " + COLUMNS + " from pairing where id = :id")
  Optional<Pairing> findById(@Bind("id") long id);

  @SqlQuery("select " + COLUMNS + " from pairing where program_id = :p order by id")
  List<Pairing> inProgram(@Bind("p") long programId);

  @SqlQuery("select " + COLUMNS + " from pairing where (mentor_id = :p or mentee_id = :p) and state in "
      + OPEN_STATES + " order by id")
  List<Pairing> openFor(@Bind("p") long participantId);

  /** Optimistic: changes nothing (and returns 0) unless the row is still at {@code version}. */
  @SqlUpdate("""
      update pairing set state = :state, version = version + 1,
          activated_at = case when :state = 'active' and activated_at is null then cast(:now as timestamptz) else activated_at end,
          closed_at = case when :state in ('ended', 'declined', 'rematched') then cast(:now as timestamptz) else closed_at end
      where id = :id and version = :version""")
  int moveTo(@Bind("id") long pairingId, @Bind("version") int expectedVersion, @Bind("state") String state,
      @Bind("now") Instant now);

  final class PairingMapper implements RowMapper<Pairing> {
    @Override
    public Pairing map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new Pairing(
          rs.getLong("id"),
          rs.getLong("program_id"),
          rs.getLong("mentor_id"),
          rs.getLong("mentee_id"),
          PairingState.fromCode(rs.getString("state")),
          rs.getLong("score"),
          rs.getString("explanation"),
          rs.getBoolean("pinned"),
          instant(rs, "proposed_at"),
          instant(rs, "activated_at"),
          instant(rs, "closed_at"),
          rs.getInt("version"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
      Timestamp t = rs.getTimestamp(column);
      return t == null ? null : t.toInstant();
    }
  }
}
