package org.rmbot.mentoring.report;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * What a program has done, each figure defined once, here, and shown under the same name in the
 * report, its CSV, the status and the demo's summary (docs/FIGURES.md says what each counts).
 * Counts only: no names, no free text.
 *
 * @param pairsProposed pairings proposed (one per pair, whatever its later fate)
 * @param pairsAccepted pairings both people accepted
 * @param pairsDeclined pairings one of them declined
 * @param introductions introductions the bot sent (one per pair)
 * @param meetingsBooked meetings a pair recorded as booked (cancelled ones not counted)
 * @param meetingsHeld cadence windows in which a pair confirmed they met (a "we met" answer):
 *     one per pair and window, however many answered
 * @param remindersSent meeting reminders sent (to each person)
 * @param checkInsSent "did you meet?" check-ins sent (to each person, each window)
 * @param checkInsAnswered check-ins answered (one per person, pair and window: the last answer)
 * @param answeredMet of those, "we met"
 * @param answeredNotYet of those, "not yet"
 * @param answeredRescheduled of those, "rescheduled"
 * @param gentleNudges gentle nudges sent to people of a pair that stopped meeting
 * @param atRiskAlerts at-risk alerts sent to coordinators
 * @param coordinatorNudges nudges a coordinator asked the bot to send
 * @param helpRequests private help requests made
 * @param messagesSent messages the bot sent on its own (everything in its schedule that is a
 *     message, to a person or a pair; replies to what people typed are not counted)
 */
public record ProgramActivity(
    int pairsProposed,
    int pairsAccepted,
    int pairsDeclined,
    int introductions,
    int meetingsBooked,
    int meetingsHeld,
    int remindersSent,
    int checkInsSent,
    int checkInsAnswered,
    int answeredMet,
    int answeredNotYet,
    int answeredRescheduled,
    int gentleNudges,
    int atRiskAlerts,
    int coordinatorNudges,
    int helpRequests,
    int messagesSent) {

  /** A program that has done nothing yet. */
  public static final ProgramActivity NONE = new ProgramActivity(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

  /** Reads every figure of the program now. */
  public static ProgramActivity read(Jdbi jdbi, long programId) {
    return jdbi.withHandle(h -> of(h.attach(ReportSql.class), programId));
  }

  /** Reads every figure of the program, in one pass of aggregate queries through {@code sql}. */
  static ProgramActivity of(ReportSql sql, long programId) {
    Map<String, Integer> sent = new LinkedHashMap<>();
    sql.sentByKind(programId).forEach(c -> sent.put(c.value(), c.n()));
    Map<String, Integer> answers = new LinkedHashMap<>();
    sql.answersByAnswer(programId).forEach(c -> answers.put(c.value(), c.n()));
    int messages = sent.values().stream().mapToInt(Integer::intValue).sum();
    return new ProgramActivity(
        sql.pairsProposed(programId),
        sql.pairsAccepted(programId),
        sql.pairsDeclined(programId),
        sent.getOrDefault("introduction", 0),
        sql.meetingsBooked(programId),
        sql.meetingsHeld(programId),
        sent.getOrDefault("meeting_reminder", 0),
        sent.getOrDefault("check_in", 0),
        answers.values().stream().mapToInt(Integer::intValue).sum(),
        answers.getOrDefault("met", 0),
        answers.getOrDefault("not_yet", 0),
        answers.getOrDefault("rescheduled", 0),
        sent.getOrDefault("stalled", 0),
        sent.getOrDefault("at_risk", 0),
        sent.getOrDefault("coordinator_nudge", 0),
        sql.helpRequests(programId),
        messages);
  }

  /** Every figure by its one name, in the order the report lists them: for the CSV, the demo and checks. */
  public Map<String, Long> figures() {
    Map<String, Long> f = new LinkedHashMap<>();
    f.put("pairs_proposed", (long) pairsProposed);
    f.put("pairs_accepted", (long) pairsAccepted);
    f.put("pairs_declined", (long) pairsDeclined);
    f.put("introductions", (long) introductions);
    f.put("meetings_booked", (long) meetingsBooked);
    f.put("meetings_held", (long) meetingsHeld);
    f.put("reminders_sent", (long) remindersSent);
    f.put("check_ins_sent", (long) checkInsSent);
    f.put("check_ins_answered", (long) checkInsAnswered);
    f.put("answered_met", (long) answeredMet);
    f.put("answered_not_yet", (long) answeredNotYet);
    f.put("answered_rescheduled", (long) answeredRescheduled);
    f.put("gentle_nudges", (long) gentleNudges);
    f.put("at_risk_alerts", (long) atRiskAlerts);
    f.put("coordinator_nudges", (long) coordinatorNudges);
    f.put("help_requests", (long) helpRequests);
    f.put("messages_sent", (long) messagesSent);
    return f;
  }

  private static final Map<String, String[]> LABELS = Map.ofEntries(
      Map.entry("pairs_proposed", new String[] {"pair proposed", "pairs proposed"}),
      Map.entry("pairs_accepted", new String[] {"pair accepted by both", "pairs accepted by both"}),
      Map.entry("pairs_declined", new String[] {"pair declined", "pairs declined"}),
      Map.entry("introductions", new String[] {"introduction", "introductions"}),
      Map.entry("meetings_booked", new String[] {"meeting booked", "meetings booked"}),
      Map.entry("meetings_held", new String[] {"meeting held", "meetings held"}),
      Map.entry("reminders_sent", new String[] {"reminder", "reminders"}),
      Map.entry("check_ins_sent", new String[] {"check-in sent", "check-ins sent"}),
      Map.entry("check_ins_answered", new String[] {"check-in answered", "check-ins answered"}),
      Map.entry("answered_met", new String[] {"\"we met\"", "\"we met\""}),
      Map.entry("answered_not_yet", new String[] {"\"not yet\"", "\"not yet\""}),
      Map.entry("answered_rescheduled", new String[] {"\"rescheduled\"", "\"rescheduled\""}),
      Map.entry("gentle_nudges", new String[] {"gentle nudge", "gentle nudges"}),
      Map.entry("at_risk_alerts", new String[] {"at-risk alert", "at-risk alerts"}),
      Map.entry("coordinator_nudges", new String[] {"coordinator nudge", "coordinator nudges"}),
      Map.entry("help_requests", new String[] {"help request", "help requests"}),
      Map.entry("messages_sent", new String[] {"message sent", "messages sent"}));

  /** "3 meetings held", "1 gentle nudge": a figure in words, as the report and the demo's summary say it. */
  public static String label(String figure, long n) {
    String[] words = LABELS.get(figure);
    if (words == null) {
      throw new IllegalArgumentException("no such figure: " + figure);
    }
    return n + " " + (n == 1 ? words[0] : words[1]);
  }
}
