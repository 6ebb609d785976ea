package org.rmbot.mentoring.pairing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

public final class PairingsInDatabase implements Pairings {
  private static final String COLUMNS =
      "id, program_id, mentor_id, mentee_id, state, score, explanation, pinned, proposed_at, activated_at, closed_at, version";
  private static final String OPEN_STATES =
      "('proposed', 'accepted_by_mentor', 'accepted_by_mentee', 'active', 'paused')";

  private final Jdbi jdbi;
  private final Clock clock;

  public PairingsInDatabase(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  @Override
  public Pairing propose(long programId, long mentorId, long menteeId, long score, String explanation, boolean pinned) {
    return jdbi.withHandle(h -> h.createQuery(
                """
                insert into pairing (program_id, mentor_id, mentee_id, state, score, explanation, pinned, proposed_at)
                values (:program, :mentor, :mentee, 'proposed', :score, :explanation, :pinned, :now)
                returning \s""" + COLUMNS)
            .bind("program", programId)
            .bind("mentor", mentorId)
            .bind("mentee", menteeId)
            .bind("score", score)
            .bind("explanation", explanation)
            .bind("pinned", pinned)
            .bind("now", clock.instant())
            .map(PairingsInDatabase::map)
            .one());
  }

  @Override
  public Optional<Pairing> findById(long id) {
    return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from pairing where id = :id")
        .bind("id", id).map(PairingsInDatabase::map).findOne());
  }

  @Override
  public List<Pairing> inProgram(long programId) {
    return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from pairing where program_id = :p order by id")
        .bind("p", programId).map(PairingsInDatabase::map).list());
  }

  @Override
  public List<Pairing> openFor(long participantId) {
    return jdbi.withHandle(h -> h.createQuery(
            "select " + COLUMNS + " from pairing where (mentor_id = :p or mentee_id = :p) and state in "
                + OPEN_STATES + " order by id")
        .bind("p", participantId).map(PairingsInDatabase::map).list());
  }

  @Override
  public boolean moveTo(long pairingId, int expectedVersion, PairingState next) {
    return jdbi.withHandle(h -> h.createUpdate(
                """
                update pairing set state = :state, version = version + 1,
                    activated_at = case when :state = 'active' and activated_at is null then cast(:now as timestamptz) else activated_at end,
                    closed_at = case when :state in ('ended', 'declined', 'rematched') then cast(:now as timestamptz) else closed_at end
                where id = :id and version = :version""")
            .bind("state", next.code())
            .bind("now", clock.instant())
            .bind("id", pairingId)
            .bind("version", expectedVersion)
            .execute()) == 1;
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  static Pairing map(ResultSet rs, StatementContext ctx) throws SQLException {
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
}
