package org.rmbot.mentoring.report;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;
import org.rmbot.mentoring.feedback.AnonymousFeedback;
import org.rmbot.mentoring.feedback.Purpose;
import org.rmbot.mentoring.participant.ParticipantStatus;
import org.rmbot.mentoring.program.Program;

/** Reads a program's impact figures from the tables: a handful of aggregate queries ({@link ReportSql}), no names, no free text. */
public final class ImpactReport {
  /** The chart and the weekly figures cover at most this many weeks, the most recent. */
  static final int MAX_WEEKS = 52;

  private final Jdbi jdbi;
  private final AnonymousFeedback feedback;
  private final Clock clock;

  public ImpactReport(Jdbi jdbi, AnonymousFeedback feedback, Clock clock) {
    this.jdbi = jdbi;
    this.feedback = feedback;
    this.clock = clock;
  }

  public ProgramReport of(Program program) {
    Instant now = clock.instant();
    Duration cadence = Duration.ofDays(program.cadenceDays());
    var latestFeedback = feedback.latestResults(program.id(), Purpose.FEEDBACK);
    var surveyChanges = feedback.surveyChanges(program.id());
    return jdbi.withHandle(h -> {
      ReportSql sql = h.attach(ReportSql.class);
      Map<String, Integer> enrolled = new TreeMap<>();
      int[] left = {0};
      sql.enrolment(program.id()).forEach(r -> {
        if (r.status() == ParticipantStatus.LEFT) {
          left[0] += r.n();
        } else {
          enrolled.merge(r.role(), r.n(), Integer::sum);
        }
      });
      Map<String, Integer> states = new TreeMap<>();
      sql.pairingsByState(program.id()).forEach(c -> states.put(c.value(), c.n()));
      ProgramActivity activity = ProgramActivity.of(sql, program.id());
      int matched = sql.matchedStillEnrolled(program.id());
      List<Instant> held = sql.meetingsHeldAt(program.id(), program.settings().defaultTimeZone().getId(), program.cadenceDays());
      List<Activity> pairs = sql.pairingLives(program.id());
      int windows = 0;
      for (Activity a : pairs) {
        Instant end = a.closedAt() == null || a.closedAt().isAfter(now) ? now : a.closedAt();
        windows += (int) (Duration.between(a.activatedAt(), end).toSeconds() / cadence.toSeconds()) + 1;
      }
      int help = sql.helpRequests(program.id());
      int openHelp = sql.openHelpRequests(program.id());
      Map<String, Integer> nudges = new TreeMap<>();
      sql.nudgesByState(program.id()).forEach(c -> nudges.put(c.value(), c.n()));
      List<ProgramReport.Week> weeks = weeks(program, pairs, held, cadence, now);
      // now, exactly as the status counts it; the weekly points replay the same rule back in time
      int atRiskNow = new ProgramFigures(jdbi, clock).atRiskPairings(program).size();
      return new ProgramReport(program.name(), program.theme(), program.state().code(),
          LocalDate.ofInstant(now, ZoneOffset.UTC), enrolled, left[0], matched, activity, states, windows, atRiskNow, weeks,
          help, openHelp, nudges, latestFeedback, surveyChanges);
    });
  }

  /**
   * A pairing's life for the weekly figures. Pauses are not kept with dates, so a pair counts as
   * active from activation until it closed.
   */
  record Activity(Instant activatedAt, Instant closedAt, List<Instant> met) {}

  /** As {@link ProgramFigures#atRiskPairings}: active for three windows with no "we met" in the last three. */
  private static int atRisk(List<Activity> pairs, Instant at, Duration cadence) {
    Instant cutoff = at.minus(cadence.multipliedBy(3));
    int n = 0;
    for (Activity p : pairs) {
      boolean open = p.closedAt() == null || p.closedAt().isAfter(at);
      if (open && !p.activatedAt().isAfter(cutoff)
          && p.met().stream().noneMatch(m -> m.isAfter(cutoff) && !m.isAfter(at))) {
        n++;
      }
    }
    return n;
  }

  private static List<ProgramReport.Week> weeks(Program program, List<Activity> pairs, List<Instant> held,
      Duration cadence, Instant now) {
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    LocalDate first = program.startsOn() != null ? program.startsOn()
        : pairs.stream().map(p -> LocalDate.ofInstant(p.activatedAt(), ZoneOffset.UTC)).min(LocalDate::compareTo).orElse(today);
    if (first.isAfter(today)) {
      first = today;
    }
    LocalDate monday = first.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    LocalDate lastMonday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    if (monday.isBefore(lastMonday.minusWeeks(MAX_WEEKS - 1))) {
      monday = lastMonday.minusWeeks(MAX_WEEKS - 1);
    }
    List<ProgramReport.Week> weeks = new ArrayList<>();
    for (LocalDate start = monday; !start.isAfter(lastMonday); start = start.plusWeeks(1)) {
      Instant from = start.atStartOfDay(ZoneOffset.UTC).toInstant();
      Instant to = start.plusWeeks(1).atStartOfDay(ZoneOffset.UTC).toInstant();
      Instant end = to.isAfter(now) ? now : to;
      int met = (int) held.stream().filter(t -> !t.isBefore(from) && t.isBefore(to)).count();
      weeks.add(new ProgramReport.Week(start, met, atRisk(pairs, end, cadence)));
    }
    return weeks;
  }
}
