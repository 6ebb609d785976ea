package org.rmbot.mentoring.nudge;

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
import org.jdbi.v3.core.Jdbi;
import org.rmbot.mentoring.feedback.FeedbackCampaigns;
import org.rmbot.mentoring.nudge.PlanningNudgesSql.CursorRow;
import org.rmbot.mentoring.nudge.PlanningNudgesSql.ProgramRow;
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
 * "you have not met for a while"); delivery re-checks it when the row comes due. The statements
 * are {@link PlanningNudgesSql}'s, each pass's on the handle of its transaction.
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
  private final PlanningNudgesSql sql;
  private final NudgeLedger ledger;
  private final CampaignMilestones milestones;
  private final Clock clock;
  private final Settings settings;

  public PlanningNudges(Jdbi jdbi, NudgeLedger ledger, Clock clock, Settings settings) {
    this.jdbi = jdbi;
    this.sql = jdbi.onDemand(PlanningNudgesSql.class);
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
    sql.startCursor(pairingId);
  }

  private void followActivations(Instant now) {
    jdbi.useTransaction(h -> {
      PlanningNudgesSql tx = h.attach(PlanningNudgesSql.class);
      Instant since = readMark(tx, "activations", now);
      tx.startCursorsActivated(since, now);
      tx.writeMark("activations", now);
    });
  }

  /** Plans the next step of the pairings whose cursor is within the horizon; returns {cursors read, rows planned}. */
  private int[] planCursors(Instant now, NudgePolicies.Cache policies) {
    return jdbi.inTransaction(h -> {
      PlanningNudgesSql tx = h.attach(PlanningNudgesSql.class);
      List<CursorRow> rows = tx.cursorsDue(now.plus(settings.horizon()), settings.batchSize());
      List<PlannedNudge> planned = new ArrayList<>();
      Map<Long, List<Person>> coordinators = new HashMap<>();
      List<PlanningNudgesSql.Advance> advance = new ArrayList<>();
      List<Long> finish = new ArrayList<>();
      for (CursorRow row : rows) {
        NudgePolicy policy = policies.get(row.programId(), row.policyJson());
        Duration cadence = Duration.ofDays(row.cadenceDays());
        if (row.pairingState() != PairingState.ACTIVE && row.pairingState() != PairingState.PAUSED) {
          finish.add(row.pairingId());
          continue;
        }
        int k = row.nextWindow();
        if (k == 0) {
          planActivation(row, policy, planned);
        } else {
          Instant windowEnd = row.activatedAt().plus(cadence.multipliedBy(k));
          if (k > MAX_WINDOWS || (row.endsOn() != null && windowEnd.isAfter(endOf(row.endsOn(), row.programZone())))) {
            finish.add(row.pairingId());
            continue;
          }
          List<Person> coords = coordinators.computeIfAbsent(row.programId(), tx::coordinatorsOf);
          planWindow(row, policy, k, cadence, coords, planned);
        }
        advance.add(new PlanningNudgesSql.Advance(row.pairingId(), k + 1,
            row.activatedAt().plus(cadence.multipliedBy(k + 1))));
      }
      if (!advance.isEmpty()) {
        tx.advance(advance);
      }
      if (!finish.isEmpty()) {
        tx.finish(finish);
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
      PlanningNudgesSql tx = h.attach(PlanningNudgesSql.class);
      Instant since = readMark(tx, "bookings", now);
      List<PlannedNudge> planned = new ArrayList<>();
      for (PlanningNudgesSql.Booking booking : tx.bookedSince(since, now)) {
        NudgePolicy policy = policies.get(booking.programId(), booking.policyJson());
        if (!policy.sends(NudgeKind.MEETING_REMINDER)) {
          continue;
        }
        Instant at = booking.scheduledAt();
        for (Duration lead : new java.util.TreeSet<>(policy.remindersBefore())) {
          for (Person p : List.of(booking.mentor(), booking.mentee())) {
            MeetingReminders.Timing timing = MeetingReminders.of(p, at, lead);
            if (timing.due().isBefore(now) || afterTheEnd(booking.endsOn(), booking.programZone(), timing.due())) {
              continue; // booked too late for this reminder, or due once the program is over
            }
            planned.add(new PlannedNudge(booking.programId(), booking.pairingId(), p.id(), Audience.PERSON,
                NudgeKind.MEETING_REMINDER, new WindowRef.MeetingReminder(booking.meetingId(), at.getEpochSecond(), lead),
                timing.due(), timing.expires()));
          }
        }
      }
      tx.writeMark("bookings", now);
      return ledger.plan(planned);
    });
  }

  /** Reflection prompts after "we met" answers given since the last pass. */
  private int planReflections(Instant now, NudgePolicies.Cache policies) {
    return jdbi.inTransaction(h -> {
      PlanningNudgesSql tx = h.attach(PlanningNudgesSql.class);
      Instant since = readMark(tx, "met", now);
      List<PlannedNudge> planned = new ArrayList<>();
      for (PlanningNudgesSql.Met met : tx.metSince(since, now)) {
        NudgePolicy policy = policies.get(met.programId(), met.policyJson());
        if (!policy.sends(NudgeKind.REFLECTION)) {
          continue;
        }
        Instant answered = met.answeredAt();
        Instant expires = answered.plus(Duration.ofDays(met.cadenceDays()));
        WindowRef window = new WindowRef.CadenceWindow(met.windowStart());
        for (Person p : List.of(met.mentor(), met.mentee())) {
          Instant due = WorkingTime.next(p, answered.plus(policy.reflectionAfter()));
          if (!afterTheEnd(met.endsOn(), met.programZone(), due)) {
            planned.add(new PlannedNudge(met.programId(), met.pairingId(), p.id(), Audience.PERSON,
                NudgeKind.REFLECTION, window, due, expires));
          }
        }
      }
      tx.writeMark("met", now);
      return ledger.plan(planned);
    });
  }

  /** Kickoff, midpoint and closing messages and feedback campaigns of active programs, once each. */
  private int planMilestones(Instant now, NudgePolicies.Cache policies) {
    List<ProgramRow> programs = sql.activeProgramsWithDates();
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
      PlanningNudgesSql tx = h.attach(PlanningNudgesSql.class);
      int fresh = tx.insertMark(mark, now);
      if (fresh == 0) {
        return 0;
      }
      List<PlannedNudge> planned = new ArrayList<>();
      Instant expires = dayStart.plus(MILESTONE_VALIDITY);
      if (policy.sends(kind)) {
        List<Person> recipients = tx.peopleOf(program.id());
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

  private PlannedNudge person(CursorRow row, Person p, NudgeKind kind, WindowRef window, Instant due, Instant expires) {
    return new PlannedNudge(row.programId(), row.pairingId(), p.id(), Audience.PERSON, kind, window, due, expires);
  }

  /** Whether {@code due} falls after the last day ({@code ends}, none if null) of a program in {@code zone}. */
  private static boolean afterTheEnd(LocalDate ends, ZoneId zone, Instant due) {
    return ends != null && !due.isBefore(endOf(ends, zone));
  }

  private static Instant endOf(LocalDate day, ZoneId zone) {
    return ZonedDateTime.of(day.plusDays(1), LocalTime.MIDNIGHT, zone).toInstant();
  }

  private Instant readMark(PlanningNudgesSql tx, String name, Instant now) {
    return tx.lockedMark(name).map(seen -> seen.minus(OVERLAP)).orElse(now.minus(settings.firstLookback()));
  }
}
