package org.rmbot.mentoring.nudge;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.rmbot.mentoring.feedback.FeedbackCampaigns;
import org.rmbot.mentoring.pairing.PairingState;
import org.rmbot.mentoring.participant.Person;

/**
 * Turns programs, pairings, bookings and check-ins into ledger rows, a little ahead of time, and
 * program milestones also into the {@link CampaignMilestones} that open their feedback campaigns.
 *
 * <p>Each pass reads only what can produce nudges soon: pairings activated since the last pass,
 * pairings whose next cadence window ends within the horizon (a per-pairing cursor, indexed by
 * time), meetings booked and "we met" answers given since the last pass, and programs with a
 * milestone within the horizon. Its cost grows with the nudges coming due, not with the number
 * of pairs. Planning is idempotent (unique keys, {@code ON CONFLICT DO NOTHING}): two instances
 * planning at once, or one planning twice, cannot create two rows for one nudge.
 *
 * <p>Time-driven nudges are planned with their condition unchecked ("book your first meeting",
 * "you have not met for a while"); delivery re-checks it when the row comes due.
 */
public final class PlanningNudges {
  /**
   * Read event streams a little before where the last pass stopped: a transaction that stamped
   * its row just before the last pass may have committed just after it.
   */
  private static final Duration OVERLAP = Duration.ofMinutes(1);
  /** Without an end date a program's windows are planned for at most a year. */
  private static final int MAX_WINDOWS = 26;
  private static final Duration MILESTONE_VALIDITY = Duration.ofDays(7);
  private static final int MAX_BATCHES_PER_PASS = 200;

  /**
   * @param horizon how far ahead rows are planned
   * @param firstLookback how far back the first pass looks for activations, bookings and answers
   * @param batchSize pairings planned per transaction
   */
  public record Settings(Duration horizon, Duration firstLookback, int batchSize) {
    public static Settings defaults() {
      return new Settings(Duration.ofDays(1), Duration.ofDays(14), 500);
    }
  }

  private final Jdbi jdbi;
  private final NudgeLedger ledger;
  private final CampaignMilestones milestones;
  private final Clock clock;
  private final Settings settings;

  public PlanningNudges(Jdbi jdbi, NudgeLedger ledger, Clock clock, Settings settings) {
    this.jdbi = jdbi;
    this.ledger = ledger;
    this.milestones = new CampaignMilestonesInDatabase(jdbi);
    this.clock = clock;
    this.settings = settings;
  }

  public PlanningNudges(Jdbi jdbi, NudgeLedger ledger, Clock clock) {
    this(jdbi, ledger, clock, Settings.defaults());
  }

  /** One planning pass; returns how many new ledger rows it made. */
  public int planDue() {
    Instant now = clock.instant();
    NudgePolicies.Cache policies = new NudgePolicies.Cache();
    int planned = 0;
    followActivations(now);
    for (int i = 0; i < MAX_BATCHES_PER_PASS; i++) {
      int[] result = planCursors(now, policies);
      planned += result[1];
      if (result[0] < settings.batchSize()) {
        break;
      }
    }
    planned += planReminders(now, policies);
    planned += planReflections(now, policies);
    planned += planMilestones(now, policies);
    return planned;
  }

  /**
   * Starts a pairing's schedule at once (the consent flow calls this when both sides accepted);
   * the next pass would find it anyway.
   */
  public void pairingActivated(long pairingId) {
    jdbi.useHandle(h -> h.createUpdate(
            """
            insert into nudge_plan_cursor (pairing_id, next_window, next_plan_at)
            select id, 0, activated_at from pairing where id = :id and state = 'active' and activated_at is not null
            on conflict do nothing""")
        .bind("id", pairingId).execute());
  }

  private void followActivations(Instant now) {
    jdbi.useTransaction(h -> {
      Instant since = readMark(h, "activations", now);
      h.createUpdate(
              """
              insert into nudge_plan_cursor (pairing_id, next_window, next_plan_at)
              select p.id, 0, p.activated_at from pairing p
              where p.activated_at > :since and p.activated_at <= :now and p.state = 'active'
                  and not exists (select 1 from nudge_plan_cursor c where c.pairing_id = p.id)
              on conflict do nothing""")
          .bind("since", since).bind("now", now).execute();
      writeMark(h, "activations", now);
    });
  }

  private record CursorRow(
      long pairingId, int nextWindow, long programId, Instant activatedAt, PairingState pairingState,
      int cadenceDays, LocalDate endsOn, ZoneId programZone, String policyJson,
      Person mentor, int mentorGrade, Person mentee, int menteeGrade) {}

  /** Plans the next step of the pairings whose cursor is within the horizon; returns {cursors read, rows planned}. */
  private int[] planCursors(Instant now, NudgePolicies.Cache policies) {
    return jdbi.inTransaction(h -> {
      List<CursorRow> rows = h.createQuery(
              """
              select c.pairing_id, c.next_window, p.program_id, p.activated_at, p.state as pairing_state,
                  pr.cadence_days, pr.ends_on, pr.default_time_zone, pr.nudge_policy::text as policy,
                  mt.grade as mentor_grade, me.grade as mentee_grade, \s"""
                  + PeopleRows.columns("a", "a_") + ", " + PeopleRows.columns("b", "b_") + """
               from nudge_plan_cursor c
                  join pairing p on p.id = c.pairing_id
                  join program pr on pr.id = p.program_id
                  join participant mt on mt.id = p.mentor_id
                  join participant me on me.id = p.mentee_id
                  join person a on a.id = mt.person_id
                  join person b on b.id = me.person_id
              where c.next_plan_at <= :until
              order by c.next_plan_at
              limit :limit
              for update of c skip locked""")
          .bind("until", now.plus(settings.horizon()))
          .bind("limit", settings.batchSize())
          .map(PlanningNudges::cursorRow)
          .list();
      List<PlannedNudge> planned = new ArrayList<>();
      Map<Long, List<Person>> coordinators = new HashMap<>();
      var advance = h.prepareBatch("update nudge_plan_cursor set next_window = :w, next_plan_at = :at where pairing_id = :id");
      var finish = h.prepareBatch("delete from nudge_plan_cursor where pairing_id = :id");
      int advanced = 0;
      int finished = 0;
      for (CursorRow row : rows) {
        NudgePolicy policy = policies.get(row.programId(), row.policyJson());
        Duration cadence = Duration.ofDays(row.cadenceDays());
        if (row.pairingState() != PairingState.ACTIVE && row.pairingState() != PairingState.PAUSED) {
          finish.bind("id", row.pairingId()).add();
          finished++;
          continue;
        }
        int k = row.nextWindow();
        if (k == 0) {
          planActivation(row, policy, planned);
        } else {
          Instant windowEnd = row.activatedAt().plus(cadence.multipliedBy(k));
          if (k > MAX_WINDOWS || (row.endsOn() != null && windowEnd.isAfter(endOf(row.endsOn(), row.programZone())))) {
            finish.bind("id", row.pairingId()).add();
            finished++;
            continue;
          }
          List<Person> coords = coordinators.computeIfAbsent(row.programId(), id -> coordinatorsOf(h, id));
          planWindow(row, policy, k, cadence, coords, planned);
        }
        advance.bind("w", k + 1).bind("at", row.activatedAt().plus(cadence.multipliedBy(k + 1)))
            .bind("id", row.pairingId()).add();
        advanced++;
      }
      if (advanced > 0) {
        advance.execute();
      }
      if (finished > 0) {
        finish.execute();
      }
      return new int[] {rows.size(), ledger.plan(planned)};
    });
  }

  private void planActivation(CursorRow row, NudgePolicy policy, List<PlannedNudge> out) {
    Instant activated = row.activatedAt();
    if (policy.sends(NudgeKind.INTRODUCTION)) {
      Instant due = WorkingTime.nextCommon(List.of(row.mentor(), row.mentee()), activated)
          // hours that never overlap: the junior mentor is the one never to message out of hours
          .orElseGet(() -> WorkingTime.next(row.mentor(), activated));
      out.add(new PlannedNudge(row.programId(), row.pairingId(), null, Audience.PAIR, NudgeKind.INTRODUCTION,
          "activation", due, null));
    }
    if (policy.sends(NudgeKind.BOOK_FIRST_MEETING)) {
      // logistics fall on the senior side (in a reverse program, the mentee)
      Person senior = org.rmbot.mentoring.pairing.Organiser.isMentor(row.mentorGrade(), row.menteeGrade())
          ? row.mentor() : row.mentee();
      out.add(person(row, senior, NudgeKind.BOOK_FIRST_MEETING, WindowRef.Named.ACTIVATION,
          WorkingTime.next(senior, activated.plus(policy.bookFirstMeetingAfter())), null));
    }
    if (policy.sends(NudgeKind.MENTOR_PREPARATION)) {
      out.add(person(row, row.mentor(), NudgeKind.MENTOR_PREPARATION, WindowRef.Named.ACTIVATION,
          WorkingTime.next(row.mentor(), activated.plus(policy.preparationAfter())), null));
    }
  }

  private void planWindow(CursorRow row, NudgePolicy policy, int k, Duration cadence, List<Person> coordinators,
      List<PlannedNudge> out) {
    Instant start = row.activatedAt().plus(cadence.multipliedBy(k - 1));
    Instant end = start.plus(cadence);
    Instant expires = end.plus(cadence);
    WindowRef window = WindowRef.CadenceWindow.of(start, row.programZone());
    List<Person> both = List.of(row.mentor(), row.mentee());
    if (policy.sends(NudgeKind.CHECK_IN)) {
      for (Person p : both) {
        out.add(person(row, p, NudgeKind.CHECK_IN, window, WorkingTime.next(p, end), expires));
      }
    }
    Instant escalate = end.plus(policy.escalationAfter());
    if (k >= policy.stalledAfterWindows() && policy.sends(NudgeKind.STALLED)) {
      for (Person p : both) {
        out.add(person(row, p, NudgeKind.STALLED, window, WorkingTime.next(p, escalate), expires));
      }
    }
    if (k >= policy.atRiskAfterWindows() && policy.sends(NudgeKind.AT_RISK)) {
      for (Person c : coordinators) {
        out.add(person(row, c, NudgeKind.AT_RISK, window, WorkingTime.next(c, escalate), expires));
      }
    }
  }

  /** Reminders for meetings booked since the last pass. */
  private int planReminders(Instant now, NudgePolicies.Cache policies) {
    return jdbi.inTransaction(h -> {
      Instant since = readMark(h, "bookings", now);
      List<PlannedNudge> planned = new ArrayList<>();
      h.createQuery(
              """
              select m.id as meeting_id, m.scheduled_at, p.id as pairing_id, p.program_id, pr.nudge_policy::text as policy,
                  pr.ends_on, pr.default_time_zone, \s"""
                  + PeopleRows.columns("a", "a_") + ", " + PeopleRows.columns("b", "b_") + """
               from meeting m
                  join pairing p on p.id = m.pairing_id
                  join program pr on pr.id = p.program_id
                  join participant mt on mt.id = p.mentor_id
                  join participant me on me.id = p.mentee_id
                  join person a on a.id = mt.person_id
                  join person b on b.id = me.person_id
              where m.created_at > :since and m.created_at <= :now and m.status = 'planned'
                  and m.scheduled_at > :now and p.state = 'active'""")
          .bind("since", since).bind("now", now)
          .map((rs, ctx) -> {
            NudgePolicy policy = policies.get(rs.getLong("program_id"), rs.getString("policy"));
            if (!policy.sends(NudgeKind.MEETING_REMINDER)) {
              return 0;
            }
            long meetingId = rs.getLong("meeting_id");
            Instant at = rs.getTimestamp("scheduled_at").toInstant();
            for (Duration lead : new java.util.TreeSet<>(policy.remindersBefore())) {
              for (Person p : List.of(PeopleRows.person(rs, "a_"), PeopleRows.person(rs, "b_"))) {
                MeetingReminders.Timing timing = MeetingReminders.of(p, at, lead);
                if (timing.due().isBefore(now) || afterTheEnd(rs, timing.due())) {
                  continue; // booked too late for this reminder, or due once the program is over
                }
                planned.add(new PlannedNudge(rs.getLong("program_id"), rs.getLong("pairing_id"), p.id(), Audience.PERSON,
                    NudgeKind.MEETING_REMINDER, new WindowRef.MeetingReminder(meetingId, at.getEpochSecond(), lead),
                    timing.due(), timing.expires()));
              }
            }
            return 0;
          })
          .list();
      writeMark(h, "bookings", now);
      return ledger.plan(planned);
    });
  }

  /** Reflection prompts after "we met" answers given since the last pass. */
  private int planReflections(Instant now, NudgePolicies.Cache policies) {
    return jdbi.inTransaction(h -> {
      Instant since = readMark(h, "met", now);
      List<PlannedNudge> planned = new ArrayList<>();
      h.createQuery(
              """
              select distinct on (ci.pairing_id, ci.window_start) ci.pairing_id, ci.window_start, ci.answered_at,
                  p.program_id, pr.cadence_days, pr.nudge_policy::text as policy, pr.ends_on, pr.default_time_zone, \s"""
                  + PeopleRows.columns("a", "a_") + ", " + PeopleRows.columns("b", "b_") + """
               from check_in ci
                  join pairing p on p.id = ci.pairing_id
                  join program pr on pr.id = p.program_id
                  join participant mt on mt.id = p.mentor_id
                  join participant me on me.id = p.mentee_id
                  join person a on a.id = mt.person_id
                  join person b on b.id = me.person_id
              where ci.answer = 'met' and ci.answered_at > :since and ci.answered_at <= :now and p.state = 'active'
              order by ci.pairing_id, ci.window_start, ci.answered_at""")
          .bind("since", since).bind("now", now)
          .map((rs, ctx) -> {
            NudgePolicy policy = policies.get(rs.getLong("program_id"), rs.getString("policy"));
            if (!policy.sends(NudgeKind.REFLECTION)) {
              return 0;
            }
            Instant answered = rs.getTimestamp("answered_at").toInstant();
            Instant expires = answered.plus(Duration.ofDays(rs.getInt("cadence_days")));
            WindowRef window = new WindowRef.CadenceWindow(rs.getObject("window_start", LocalDate.class));
            for (Person p : List.of(PeopleRows.person(rs, "a_"), PeopleRows.person(rs, "b_"))) {
              Instant due = WorkingTime.next(p, answered.plus(policy.reflectionAfter()));
              if (!afterTheEnd(rs, due)) {
                planned.add(new PlannedNudge(rs.getLong("program_id"), rs.getLong("pairing_id"), p.id(), Audience.PERSON,
                    NudgeKind.REFLECTION, window, due, expires));
              }
            }
            return 0;
          })
          .list();
      writeMark(h, "met", now);
      return ledger.plan(planned);
    });
  }

  private record ProgramRow(long id, LocalDate startsOn, LocalDate endsOn, ZoneId zone, String policyJson) {}

  /** Kickoff, midpoint and closing messages and feedback campaigns of active programs, once each. */
  private int planMilestones(Instant now, NudgePolicies.Cache policies) {
    List<ProgramRow> programs = jdbi.withHandle(h -> h.createQuery(
            """
            select id, starts_on, ends_on, default_time_zone, nudge_policy::text as policy from program
            where state = 'active' and starts_on is not null and ends_on is not null""")
        .map((rs, ctx) -> new ProgramRow(rs.getLong("id"), rs.getObject("starts_on", LocalDate.class),
            rs.getObject("ends_on", LocalDate.class), ZoneId.of(rs.getString("default_time_zone")), rs.getString("policy")))
        .list());
    int planned = 0;
    for (ProgramRow program : programs) {
      NudgePolicy policy = policies.get(program.id(), program.policyJson());
      LocalDate midpoint = program.startsOn().plusDays(
          (program.endsOn().toEpochDay() - program.startsOn().toEpochDay()) / 2);
      planned += planMilestone(program, policy, NudgeKind.KICKOFF, "kickoff", program.startsOn(), now);
      planned += planMilestone(program, policy, NudgeKind.MIDPOINT, "midpoint", midpoint, now);
      planned += planMilestone(program, policy, NudgeKind.CLOSING, "closing", program.endsOn(), now);
    }
    return planned;
  }

  private int planMilestone(ProgramRow program, NudgePolicy policy, NudgeKind kind, String name, LocalDate day,
      Instant now) {
    Instant dayStart = ZonedDateTime.of(day, LocalTime.MIDNIGHT, program.zone()).toInstant();
    if (dayStart.isAfter(now.plus(settings.horizon())) || now.isAfter(dayStart.plus(MILESTONE_VALIDITY))) {
      return 0;
    }
    String mark = "program:" + program.id() + ":" + name;
    return jdbi.inTransaction(h -> {
      // the mark row serialises planners: the second one to get here finds it and stops
      int fresh = h.createUpdate("insert into nudge_planner_mark (name, seen_until) values (:n, :now) on conflict do nothing")
          .bind("n", mark).bind("now", now).execute();
      if (fresh == 0) {
        return 0;
      }
      List<PlannedNudge> planned = new ArrayList<>();
      Instant expires = dayStart.plus(MILESTONE_VALIDITY);
      if (policy.sends(kind)) {
        List<Person> recipients = h.createQuery(
                "select " + PeopleRows.columns("a", "a_") + """
                 from person a where a.id in (
                    select person_id from participant where program_id = :p and status <> 'left'
                    union select person_id from program_coordinator where program_id = :p)
                order by a.id""")
            .bind("p", program.id())
            .map((rs, ctx) -> PeopleRows.person(rs, "a_"))
            .list();
        for (Person p : recipients) {
          Instant localDayStart = ZonedDateTime.of(day, LocalTime.MIDNIGHT, p.timeZone()).toInstant();
          planned.add(new PlannedNudge(program.id(), null, p.id(), Audience.PERSON, kind, new WindowRef.Named(name),
              WorkingTime.next(p, localDayStart), expires));
        }
      }
      int rows = ledger.plan(planned);
      // the self-assessment before at kickoff; feedback at midpoint; feedback and the self-assessment after at the close
      if (policy.opensCampaigns()) {
        Instant opens = ZonedDateTime.of(day, LocalTime.of(9, 0), program.zone()).toInstant();
        milestones.plan(new CampaignMilestone.Open(program.id(), campaignsAt(kind), opens));
      }
      return rows;
    });
  }

  private static FeedbackCampaigns.Kind campaignsAt(NudgeKind milestone) {
    return switch (milestone) {
      case KICKOFF -> FeedbackCampaigns.Kind.KICKOFF;
      case CLOSING -> FeedbackCampaigns.Kind.CLOSING;
      default -> FeedbackCampaigns.Kind.MIDPOINT;
    };
  }

  private static List<Person> coordinatorsOf(Handle h, long programId) {
    return h.createQuery("select " + PeopleRows.columns("a", "a_")
            + " from program_coordinator pc join person a on a.id = pc.person_id where pc.program_id = :p order by a.id")
        .bind("p", programId)
        .map((rs, ctx) -> PeopleRows.person(rs, "a_"))
        .list();
  }

  private PlannedNudge person(CursorRow row, Person p, NudgeKind kind, WindowRef window, Instant due, Instant expires) {
    return new PlannedNudge(row.programId(), row.pairingId(), p.id(), Audience.PERSON, kind, window, due, expires);
  }

  /** Whether {@code due} falls after the last day of the row's program (columns ends_on, default_time_zone). */
  private static boolean afterTheEnd(java.sql.ResultSet rs, Instant due) throws java.sql.SQLException {
    LocalDate ends = rs.getObject("ends_on", LocalDate.class);
    return ends != null && !due.isBefore(endOf(ends, ZoneId.of(rs.getString("default_time_zone"))));
  }

  private static Instant endOf(LocalDate day, ZoneId zone) {
    return ZonedDateTime.of(day.plusDays(1), LocalTime.MIDNIGHT, zone).toInstant();
  }

  private Instant readMark(Handle h, String name, Instant now) {
    // lock the mark so two planners follow a stream one after the other
    return h.createQuery("select seen_until from nudge_planner_mark where name = :n for update")
        .bind("n", name)
        .map((rs, ctx) -> rs.getTimestamp(1).toInstant().minus(OVERLAP))
        .findOne()
        .orElse(now.minus(settings.firstLookback()));
  }

  private static void writeMark(Handle h, String name, Instant now) {
    h.createUpdate(
            """
            insert into nudge_planner_mark (name, seen_until) values (:n, :now)
            on conflict (name) do update set seen_until = greatest(nudge_planner_mark.seen_until, excluded.seen_until)""")
        .bind("n", name).bind("now", now).execute();
  }

  private static CursorRow cursorRow(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws SQLException {
    return new CursorRow(
        rs.getLong("pairing_id"),
        rs.getInt("next_window"),
        rs.getLong("program_id"),
        rs.getTimestamp("activated_at").toInstant(),
        PairingState.fromCode(rs.getString("pairing_state")),
        rs.getInt("cadence_days"),
        rs.getObject("ends_on", LocalDate.class),
        ZoneId.of(rs.getString("default_time_zone")),
        rs.getString("policy"),
        PeopleRows.person(rs, "a_"),
        rs.getInt("mentor_grade"),
        PeopleRows.person(rs, "b_"),
        rs.getInt("mentee_grade"));
  }
}
