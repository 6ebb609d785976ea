package org.rmbot.mentoring.nudge;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.rmbot.mentoring.pairing.PairingState;
import org.rmbot.mentoring.participant.ParticipantStatus;
import org.rmbot.mentoring.participant.Platform;
import org.rmbot.mentoring.participant.PlatformIdentity;
import org.rmbot.mentoring.participant.Role;
import org.rmbot.mentoring.program.ProgramState;

/** Reads what delivery needs for a claimed row: one query for the common part, small ones for the rest. */
final class DeliveryContexts {
  private final Jdbi jdbi;

  DeliveryContexts(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  Optional<DeliveryContext> load(Nudge nudge) {
    return jdbi.withHandle(h -> h.createQuery(
            """
            select pr.name, pr.theme, pr.state as program_state, pr.cadence_days, pr.default_time_zone, pr.ends_on,
                pr.nudge_policy::text as policy,
                p.id as pairing_id, p.state as pairing_state, p.activated_at,
                mt.role as mt_role, mt.status as mt_status, mt.snoozed_until as mt_snooze, mt.grade as mt_grade,
                me.role as me_role, me.status as me_status, me.snoozed_until as me_snooze, me.grade as me_grade,
                rp.role as r_role, rp.status as r_status, rp.snoozed_until as r_snooze, rp.grade as r_grade, \s"""
                + PeopleRows.columns("a", "a_") + ", " + PeopleRows.columns("b", "b_") + ", "
                + PeopleRows.columns("r", "r_") + """
             from program pr
                left join pairing p on p.id = :pairing
                left join participant mt on mt.id = p.mentor_id
                left join participant me on me.id = p.mentee_id
                left join person a on a.id = mt.person_id
                left join person b on b.id = me.person_id
                left join person r on r.id = :recipient
                left join participant rp on rp.program_id = pr.id and rp.person_id = :recipient
            where pr.id = :program""")
        .bind("program", nudge.programId())
        .bind("pairing", nudge.pairingId())
        .bind("recipient", nudge.recipientPersonId())
        .map((rs, ctx) -> {
          DeliveryContext.Pair pair = null;
          long pairingId = rs.getLong("pairing_id");
          if (!rs.wasNull()) {
            pair = new DeliveryContext.Pair(pairingId, PairingState.fromCode(rs.getString("pairing_state")), instant(rs, "activated_at"),
                side(rs, "a_", "mt_"), side(rs, "b_", "me_"));
          }
          DeliveryContext.Side recipient = rs.getObject("r_id") == null ? null : side(rs, "r_", "r_");
          return new DeliveryContext(nudge, rs.getString("name"), rs.getString("theme"),
              ProgramState.fromCode(rs.getString("program_state")),
              rs.getInt("cadence_days"), ZoneId.of(rs.getString("default_time_zone")),
              rs.getObject("ends_on", java.time.LocalDate.class), rs.getString("policy"),
              pair, recipient);
        })
        .findOne());
  }

  private static DeliveryContext.Side side(ResultSet rs, String personPrefix, String participantPrefix) throws SQLException {
    int grade = rs.getInt(participantPrefix + "grade");
    String role = rs.getString(participantPrefix + "role");
    String status = rs.getString(participantPrefix + "status");
    // a coordinator who is not a participant has neither
    return new DeliveryContext.Side(PeopleRows.person(rs, personPrefix), role == null ? null : Role.fromCode(role),
        status == null ? null : ParticipantStatus.fromCode(status),
        instant(rs, participantPrefix + "snooze"), grade);
  }

  /** The person's identity on a connected platform; Slack first when they have both. */
  Optional<PlatformIdentity> identityOf(long personId) {
    return jdbi.withHandle(h -> h.createQuery(
            "select platform, workspace_id, user_id from platform_identity where person_id = :id order by platform, workspace_id limit 1")
        .bind("id", personId)
        .map((rs, ctx) -> new PlatformIdentity(Platform.fromCode(rs.getString(1)), rs.getString(2), rs.getString(3)))
        .findOne());
  }

  /** Identities of both people in one workspace, if they share one. */
  Optional<List<PlatformIdentity>> sharedWorkspace(long firstPersonId, long secondPersonId) {
    return jdbi.withHandle(h -> h.createQuery(
            """
            select a.platform, a.workspace_id, a.user_id as first_user, b.user_id as second_user
            from platform_identity a join platform_identity b on a.platform = b.platform and a.workspace_id = b.workspace_id
            where a.person_id = :first and b.person_id = :second
            order by a.platform, a.workspace_id limit 1""")
        .bind("first", firstPersonId).bind("second", secondPersonId)
        .map((rs, ctx) -> {
          Platform platform = Platform.fromCode(rs.getString(1));
          return List.of(new PlatformIdentity(platform, rs.getString(2), rs.getString(3)),
              new PlatformIdentity(platform, rs.getString(2), rs.getString(4)));
        })
        .findOne());
  }

  /** Display names of the mentors (or mentees) paired with this person in the program, for the closing message. */
  List<String> partnersOf(long programId, long personId) {
    return jdbi.withHandle(h -> h.createQuery(
            """
            select distinct other.display_name from pairing p
                join participant mt on mt.id = p.mentor_id
                join participant me on me.id = p.mentee_id
                join person other on other.id = case when mt.person_id = :person then me.person_id else mt.person_id end
            where p.program_id = :program and :person in (mt.person_id, me.person_id)
                and p.state in ('active', 'paused', 'ended')
            order by other.display_name""")
        .bind("program", programId).bind("person", personId).mapTo(String.class).list());
  }

  String emailOf(long personId) {
    return jdbi.withHandle(h -> h.createQuery("select email from person where id = :id")
        .bind("id", personId).mapTo(String.class).findOne().orElse(null));
  }

  void link(long personId, PlatformIdentity identity) {
    jdbi.useHandle(h -> h.createUpdate(
            """
            insert into platform_identity (platform, workspace_id, user_id, person_id)
            values (:platform, :ws, :user, :person) on conflict do nothing""")
        .bind("platform", identity.platform().code()).bind("ws", identity.workspaceId())
        .bind("user", identity.userId()).bind("person", personId).execute());
  }

  /** Whether the person is in a pairing of the program that is proposed, active or paused. */
  boolean inOpenPairing(long programId, long personId) {
    return jdbi.withHandle(h -> h.createQuery(
            """
            select exists (select 1 from pairing p join participant pt on pt.id in (p.mentor_id, p.mentee_id)
                where p.program_id = :program and pt.person_id = :person
                  and p.state in ('proposed', 'accepted_by_mentor', 'accepted_by_mentee', 'active', 'paused'))""")
        .bind("program", programId).bind("person", personId).mapTo(Boolean.class).one());
  }

  /** Whether the pair has ever confirmed a meeting: a "we met" answer, or a meeting marked held. */
  boolean everMet(long pairingId) {
    return jdbi.withHandle(h -> h.createQuery(
            """
            select exists (select 1 from check_in where pairing_id = :p and answer = 'met')
                or exists (select 1 from meeting where pairing_id = :p and status = 'held')""")
        .bind("p", pairingId).mapTo(Boolean.class).one());
  }

  /** Why the matcher proposed this pairing, for the proposal message. */
  String explanationOf(long pairingId) {
    return jdbi.withHandle(h -> h.createQuery("select explanation from pairing where id = :id")
        .bind("id", pairingId).mapTo(String.class).findOne().orElse(""));
  }

  /** Whether nobody has marked the help request done yet. */
  boolean helpRequestOpen(long helpRequestId) {
    return jdbi.withHandle(h -> h.createQuery("select resolved_at is null from help_request where id = :id")
        .bind("id", helpRequestId).mapTo(Boolean.class).findOne().orElse(false));
  }

  /** The name of the person behind a help request (coordinators need to reach them). */
  String helpRequesterName(long helpRequestId) {
    return jdbi.withHandle(h -> h.createQuery(
            "select p.display_name from help_request r join person p on p.id = r.person_id where r.id = :id")
        .bind("id", helpRequestId).mapTo(String.class).findOne().orElse("Someone"));
  }

  /** Every mentor who took part in the program, by name. */
  List<String> mentorsOf(long programId) {
    return jdbi.withHandle(h -> h.createQuery(
            """
            select distinct a.display_name from pairing p
                join participant mt on mt.id = p.mentor_id join person a on a.id = mt.person_id
            where p.program_id = :program and p.state in ('active', 'paused', 'ended')
            order by a.display_name""")
        .bind("program", programId).mapTo(String.class).list());
  }

  /** Windows whose check-ins were skipped because the pairing was paused: the ledger remembers pauses. */
  java.util.Set<String> pausedWindows(long pairingId) {
    return jdbi.withHandle(h -> h.createQuery(
            """
            select distinct window_ref from nudge
            where pairing_id = :p and kind = 'check_in' and state = 'skipped' and last_error = 'pairing_paused'""")
        .bind("p", pairingId).mapTo(String.class).set());
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
