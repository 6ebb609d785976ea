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
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.rmbot.mentoring.feedback.AnonymousFeedback;
import org.rmbot.mentoring.feedback.Purpose;
import org.rmbot.mentoring.program.Program;

/** Reads a program's impact figures from the tables: a handful of aggregate queries, no names, no free text. */
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
      Map<String, Integer> enrolled = new TreeMap<>();
      int[] left = {0};
      h.createQuery("select role, status, count(*) from participant where program_id = :p group by role, status")
          .bind("p", program.id())
          .map((rs, ctx) -> new Object[] {rs.getString(1), rs.getString(2), rs.getInt(3)})
          .forEach(r -> {
            if ("left".equals(r[1])) {
              left[0] += (int) r[2];
            } else {
              enrolled.merge((String) r[0], (int) r[2], Integer::sum);
            }
          });
      Map<String, Integer> states = new TreeMap<>();
      h.createQuery("select state, count(*) from pairing where program_id = :p group by state")
          .bind("p", program.id())
          .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getInt(2)))
          .forEach(e -> states.put(e.getKey(), e.getValue()));
      ProgramActivity activity = ProgramActivity.of(h, program.id());
      int matched = count(h,
          """
          select count(distinct x.id) from (select mentor_id as id from pairing where program_id = :p and activated_at is not null
                                            union select mentee_id from pairing where program_id = :p and activated_at is not null) x
          join participant pt on pt.id = x.id where pt.status <> 'left'""", program);
      // one meeting held per pairing and window with a "we met", dated by the meeting booked in that
      // window (the latest before the answer), or by the first "we met" when none was booked
      List<Instant> held = h.createQuery(
              """
              select coalesce(
                  (select max(m.scheduled_at) from meeting m where m.pairing_id = c.pairing_id and m.status <> 'cancelled'
                      and m.scheduled_at >= (c.window_start::timestamp at time zone :zone)
                      and m.scheduled_at < ((c.window_start + :cadence)::timestamp at time zone :zone)
                      and m.scheduled_at <= min(c.answered_at)),
                  min(c.answered_at))
              from check_in c join pairing p on p.id = c.pairing_id
              where p.program_id = :p and c.answer = 'met' group by c.pairing_id, c.window_start""")
          .bind("p", program.id())
          .bind("zone", program.settings().defaultTimeZone().getId())
          .bind("cadence", program.cadenceDays())
          .map((rs, ctx) -> rs.getTimestamp(1).toInstant())
          .list();
      List<Activity> pairs = h.createQuery(
              """
              select p.id, p.activated_at, p.closed_at,
                     array(select c.answered_at from check_in c where c.pairing_id = p.id and c.answer = 'met') as met
              from pairing p where p.program_id = :p and p.activated_at is not null""")
          .bind("p", program.id())
          .map((rs, ctx) -> {
            List<Instant> met = new ArrayList<>();
            for (Object t : (Object[]) rs.getArray("met").getArray()) {
              met.add(((java.sql.Timestamp) t).toInstant());
            }
            return new Activity(rs.getTimestamp("activated_at").toInstant(),
                rs.getTimestamp("closed_at") == null ? null : rs.getTimestamp("closed_at").toInstant(), met);
          })
          .list();
      int windows = 0;
      for (Activity a : pairs) {
        Instant end = a.closedAt() == null || a.closedAt().isAfter(now) ? now : a.closedAt();
        windows += (int) (Duration.between(a.activatedAt(), end).toSeconds() / cadence.toSeconds()) + 1;
      }
      int help = count(h, "select count(*) from help_request where program_id = :p", program);
      int openHelp = count(h, "select count(*) from help_request where program_id = :p and resolved_at is null", program);
      Map<String, Integer> nudges = new TreeMap<>();
      h.createQuery("select state, count(*) from nudge where program_id = :p group by state")
          .bind("p", program.id())
          .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getInt(2)))
          .forEach(e -> nudges.put(e.getKey(), e.getValue()));
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
  private record Activity(Instant activatedAt, Instant closedAt, List<Instant> met) {}

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

  private static int count(Handle h, String sql, Program program) {
    return h.createQuery(sql).bind("p", program.id()).mapTo(Integer.class).one();
  }
}
