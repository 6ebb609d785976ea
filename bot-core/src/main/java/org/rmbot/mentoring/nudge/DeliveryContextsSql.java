package org.rmbot.mentoring.nudge;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.mapper.ColumnMapper;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterColumnMapper;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.statement.UseRowMapper;
import org.rmbot.mentoring.pairing.PairingState;
import org.rmbot.mentoring.participant.ParticipantStatus;
import org.rmbot.mentoring.participant.Platform;
import org.rmbot.mentoring.participant.PlatformIdentity;
import org.rmbot.mentoring.participant.Role;
import org.rmbot.mentoring.program.ProgramState;

/** What delivery reads about a claimed row: its program, pair and recipient, and the small facts around them. */
@RegisterRowMapper(DeliveryContextsSql.IdentityMapper.class)
interface DeliveryContextsSql {

  /** A {@link DeliveryContext} before it meets its nudge. */
  record Found(String programName, String theme, ProgramState programState, int cadenceDays, ZoneId programZone,
      LocalDate programEndsOn, String policyJson, DeliveryContext.Pair pair, DeliveryContext.Side recipient) {
    DeliveryContext of(Nudge nudge) {
      return new DeliveryContext(nudge, programName, theme, programState, cadenceDays, programZone, programEndsOn,
          policyJson, pair, recipient);
    }
  }

  @SqlQuery("""
      select pr.name, pr.theme, pr.state as program_state, pr.cadence_days, pr.default_time_zone, pr.ends_on,
          pr.nudge_policy::text as policy,
          p.id as pairing_id, p.state as pairing_state, p.activated_at,
          mt.role as mt_role, mt.status as mt_status, mt.snoozed_until as mt_snooze, mt.grade as mt_grade,
          me.role as me_role, me.status as me_status, me.snoozed_until as me_snooze, me.grade as me_grade,
          rp.role as r_role, rp.status as r_status, rp.snoozed_until as r_snooze, rp.grade as r_grade, \s"""
      + PeopleRows.A + ", " + PeopleRows.B + ", " + PeopleRows.R + """
       from program pr
          left join pairing p on p.id = :pairing
          left join participant mt on mt.id = p.mentor_id
          left join participant me on me.id = p.mentee_id
          left join person a on a.id = mt.person_id
          left join person b on b.id = me.person_id
          left join person r on r.id = :recipient
          left join participant rp on rp.program_id = pr.id and rp.person_id = :recipient
      where pr.id = :program""")
  @UseRowMapper(FoundMapper.class)
  Optional<Found> load(@Bind("program") long programId, @Bind("pairing") Long pairingId,
      @Bind("recipient") Long recipientPersonId);

  @SqlQuery("select platform, workspace_id, user_id from platform_identity where person_id = :id order by platform, workspace_id limit 1")
  Optional<PlatformIdentity> identityOf(@Bind("id") long personId);

  @SqlQuery("""
      select a.platform, a.workspace_id, a.user_id as first_user, b.user_id as second_user
      from platform_identity a join platform_identity b on a.platform = b.platform and a.workspace_id = b.workspace_id
      where a.person_id = :first and b.person_id = :second
      order by a.platform, a.workspace_id limit 1""")
  @UseRowMapper(SharedWorkspaceMapper.class)
  Optional<List<PlatformIdentity>> sharedWorkspace(@Bind("first") long firstPersonId, @Bind("second") long secondPersonId);

  @SqlQuery("""
      select distinct other.display_name from pairing p
          join participant mt on mt.id = p.mentor_id
          join participant me on me.id = p.mentee_id
          join person other on other.id = case when mt.person_id = :person then me.person_id else mt.person_id end
      where p.program_id = :program and :person in (mt.person_id, me.person_id)
          and p.state in ('active', 'paused', 'ended')
      order by other.display_name""")
  List<String> partnersOf(@Bind("program") long programId, @Bind("person") long personId);

  @SqlQuery("select email from person where id = :id")
  Optional<String> emailOf(@Bind("id") long personId);

  @SqlUpdate("""
      insert into platform_identity (platform, workspace_id, user_id, person_id)
      values (:platform, :ws, :user, :person) on conflict do nothing""")
  int link(@Bind("platform") String platform, @Bind("ws") String workspaceId, @Bind("user") String userId,
      @Bind("person") long personId);

  @SqlQuery("""
      select exists (select 1 from pairing p join participant pt on pt.id in (p.mentor_id, p.mentee_id)
          where p.program_id = :program and pt.person_id = :person
            and p.state in ('proposed', 'accepted_by_mentor', 'accepted_by_mentee', 'active', 'paused'))""")
  boolean inOpenPairing(@Bind("program") long programId, @Bind("person") long personId);

  @SqlQuery("""
      select exists (select 1 from check_in where pairing_id = :p and answer = 'met')
          or exists (select 1 from meeting where pairing_id = :p and status = 'held')""")
  boolean everMet(@Bind("p") long pairingId);

  @SqlQuery("select explanation from pairing where id = :id")
  Optional<String> explanationOf(@Bind("id") long pairingId);

  @SqlQuery("select resolved_at is null from help_request where id = :id")
  Optional<Boolean> helpRequestOpen(@Bind("id") long helpRequestId);

  @SqlQuery("select p.display_name from help_request r join person p on p.id = r.person_id where r.id = :id")
  Optional<String> helpRequesterName(@Bind("id") long helpRequestId);

  @SqlQuery("""
      select distinct a.display_name from pairing p
          join participant mt on mt.id = p.mentor_id join person a on a.id = mt.person_id
      where p.program_id = :program and p.state in ('active', 'paused', 'ended')
      order by a.display_name""")
  List<String> mentorsOf(@Bind("program") long programId);

  @SqlQuery("""
      select distinct window_ref from nudge
      where pairing_id = :p and kind = 'check_in' and state = 'skipped' and last_error = 'pairing_paused'""")
  @RegisterColumnMapper(WindowRefMapper.class)
  Set<WindowRef> pausedWindows(@Bind("p") long pairingId);

  final class FoundMapper implements RowMapper<Found> {
    @Override
    public Found map(ResultSet rs, StatementContext ctx) throws SQLException {
      DeliveryContext.Pair pair = null;
      long pairingId = rs.getLong("pairing_id");
      if (!rs.wasNull()) {
        pair = new DeliveryContext.Pair(pairingId, PairingState.fromCode(rs.getString("pairing_state")),
            instant(rs, "activated_at"), side(rs, "a_", "mt_"), side(rs, "b_", "me_"));
      }
      DeliveryContext.Side recipient = rs.getObject("r_id") == null ? null : side(rs, "r_", "r_");
      return new Found(rs.getString("name"), rs.getString("theme"), ProgramState.fromCode(rs.getString("program_state")),
          rs.getInt("cadence_days"), ZoneId.of(rs.getString("default_time_zone")),
          rs.getObject("ends_on", LocalDate.class), rs.getString("policy"), pair, recipient);
    }

    private static DeliveryContext.Side side(ResultSet rs, String personPrefix, String participantPrefix)
        throws SQLException {
      int grade = rs.getInt(participantPrefix + "grade");
      String role = rs.getString(participantPrefix + "role");
      String status = rs.getString(participantPrefix + "status");
      // a coordinator who is not a participant has neither
      return new DeliveryContext.Side(PeopleRows.person(rs, personPrefix), role == null ? null : Role.fromCode(role),
          status == null ? null : ParticipantStatus.fromCode(status), instant(rs, participantPrefix + "snooze"), grade);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
      Timestamp t = rs.getTimestamp(column);
      return t == null ? null : t.toInstant();
    }
  }

  final class WindowRefMapper implements ColumnMapper<WindowRef> {
    @Override
    public WindowRef map(ResultSet rs, int column, StatementContext ctx) throws SQLException {
      return WindowRef.parse(rs.getString(column));
    }
  }

  final class IdentityMapper implements RowMapper<PlatformIdentity> {
    @Override
    public PlatformIdentity map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new PlatformIdentity(Platform.fromCode(rs.getString(1)), rs.getString(2), rs.getString(3));
    }
  }

  /** Both people's identities in the workspace they share. */
  final class SharedWorkspaceMapper implements RowMapper<List<PlatformIdentity>> {
    @Override
    public List<PlatformIdentity> map(ResultSet rs, StatementContext ctx) throws SQLException {
      Platform platform = Platform.fromCode(rs.getString(1));
      return List.of(new PlatformIdentity(platform, rs.getString(2), rs.getString(3)),
          new PlatformIdentity(platform, rs.getString(2), rs.getString(4)));
    }
  }
}
