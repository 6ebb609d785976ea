package org.rmbot.mentoring.infra.bench;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.rmbot.mentoring.access.Actor;
import org.rmbot.mentoring.chat.ChatPlatforms;
import org.rmbot.mentoring.common.MovableClock;
import org.rmbot.mentoring.chat.ActionIds;
import org.rmbot.mentoring.conversation.Caller;
import org.rmbot.mentoring.conversation.ChatDesk;
import org.rmbot.mentoring.conversation.Directory;
import org.rmbot.mentoring.conversation.Reply;
import org.rmbot.mentoring.importing.ImportResult;
import org.rmbot.mentoring.infra.Wiring;
import org.rmbot.mentoring.matching.Candidate;
import org.rmbot.mentoring.matching.Side;
import org.rmbot.mentoring.nudge.DeliveringNudges;
import org.rmbot.mentoring.nudge.DeliveryLimits;
import org.rmbot.mentoring.nudge.LedgerNotifications;
import org.rmbot.mentoring.nudge.schedule.NudgeScheduler;
import org.rmbot.mentoring.pairing.Pairing;
import org.rmbot.mentoring.pairing.PairingState;
import org.rmbot.mentoring.participant.Platform;
import org.rmbot.mentoring.participant.PlatformIdentity;
import org.rmbot.mentoring.persistence.Database;
import org.rmbot.mentoring.persistence.EmbeddedDatabase;
import org.rmbot.mentoring.privacy.SealedBox;
import org.rmbot.mentoring.privacy.SecretKey;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * A whole program of N participants on a throwaway embedded PostgreSQL, timed step by step:
 * the CSV import, matching (preview and commit) and everyone accepting, as chat does it through
 * the desk; planning the next days' nudges pass by pass on a moving clock; then the coordinator's
 * {@code status} and {@code report} and a participant's {@code me}, through the desk. The
 * platform accepts everything at once, so the figures are the bot's own work and the database's.
 */
@Command(
    name = "program",
    mixinStandardHelpOptions = true,
    description = {
      "Imports, matches, activates and plans the first days of a generated program of N participants, timing each step"
          + " and the coordinator's status and report.",
      "Last line: program: participants=<n> pairs=<n> import_ms=<x> preview_ms=<x> commit_ms=<x> accept_p99_ms=<x>"
          + " plan_ms=<x> planned=<n> ledger_rows=<n> status_ms=<median> report_ms=<median> me_ms=<median>"
    })
public final class BenchProgramCommand implements Callable<Integer> {
  private static final String PROGRAM = "Program bench";
  private static final String WORKSPACE = "TBENCH";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Option(names = "--participants", defaultValue = "10000",
      description = "Participants, half mentors and half mentees (default: ${DEFAULT-VALUE}).")
  int participants;

  @CommandLine.Option(names = "--seed", defaultValue = "1", description = "Seed of the generated program (default: ${DEFAULT-VALUE}).")
  long seed;

  @CommandLine.Option(names = "--repeat", defaultValue = "5",
      description = "Times to run each of status, report and me after the first (default: ${DEFAULT-VALUE}).")
  int repeat;

  @CommandLine.Option(names = "--days", defaultValue = "14",
      description = "Days of planning after everyone accepted; 14 is the default cadence window, whose check-ins are"
          + " planned the day before it ends (default: ${DEFAULT-VALUE}).")
  int days;

  @CommandLine.Option(names = "--plan-every-minutes", defaultValue = "15",
      description = "Minutes between planning passes over the days (default: ${DEFAULT-VALUE}).")
  int planEveryMinutes;

  private PrintWriter out;

  @Override
  public Integer call() throws Exception {
    if (participants < 4 || participants > 2 * SyntheticProgram.MAX_MENTEES || repeat < 1 || planEveryMinutes < 1 || days < 1) {
      throw new IllegalArgumentException("--participants must be 4.." + 2 * SyntheticProgram.MAX_MENTEES
          + ", --repeat, --days and --plan-every-minutes at least 1");
    }
    out = spec.commandLine().getOut();
    int mentors = participants / 2;
    SyntheticProgram program = SyntheticProgram.generate(mentors, participants - mentors, seed);
    MovableClock clock = new MovableClock(Instant.now());
    SecretKey secret = SecretKey.of(UUID.randomUUID() + "-" + UUID.randomUUID()); // thrown away with the database
    AcceptingPlatform platform = new AcceptingPlatform();
    try (EmbeddedDatabase postgres = EmbeddedDatabase.startThrowaway();
        Database database = Database.connect(postgres.url(), 10)) {
      database.migrate();
      Wiring.Core core = Wiring.core(database, clock);
      byte[] csv = csv(program);
      long importMs = timed("import", () -> core.importing().importFile(PROGRAM, "Generations", csv, new Actor.Operator("bench")),
          r -> r instanceof ImportResult.Imported i ? i.created() + " participants created" : "refused: " + r);
      long programId = core.programs().findByName(PROGRAM).orElseThrow().id();
      Caller coordinator = caller("coordinator@bench.example");
      BenchPrograms.addCoordinator(core, programId, coordinator.email().orElseThrow(), "Bench Coordinator");

      ChatPlatforms platforms = new ChatPlatforms(platform);
      try (Wiring.Nudges nudges = Wiring.nudges(core, database, clock, secret, platforms, new DeliveryLimits(clock),
          DeliveringNudges.Settings.defaults("bench"), NudgeScheduler.Settings.defaults("bench"))) {
        ChatDesk desk = Wiring.desk(core, database, clock, new SealedBox(secret),
            new LedgerNotifications(nudges.ledger(), nudges.planning(), core.participants(), core.programs(), clock),
            Directory.NONE, nudges.feedback(), platforms);
        long previewMs = timed("match preview", () -> desk.command(coordinator, "match preview"), BenchProgramCommand::firstLine);
        long commitMs = timed("match commit", () -> desk.command(coordinator, "match commit"), BenchProgramCommand::firstLine);

        List<Pairing> proposed = core.pairings().inProgram(programId).stream()
            .filter(p -> p.state() == PairingState.PROPOSED).toList();
        Latencies accepts = acceptAll(core, desk, proposed);
        long active = core.pairings().inProgram(programId).stream().filter(p -> p.state() == PairingState.ACTIVE).count();
        out.printf(Locale.ROOT, "accept (both sides, through the desk): %d clicks, %d pairs active, p50 %.1f ms, p99 %.1f ms,"
            + " max %.1f ms%n", accepts.count(), active, accepts.percentile(50), accepts.percentile(99), accepts.max());
        out.flush();

        int[] planned = {0};
        Latencies passes = plan(clock, () -> {
          int rows = nudges.planning().planDue();
          planned[0] += rows;
          return rows;
        });
        out.printf(Locale.ROOT, "plan %d days: %d passes every %d min, %d ledger rows planned, total %.0f ms, p50 pass %.1f ms,"
                + " slowest pass %.1f ms%n", days, passes.count(), planEveryMinutes, planned[0], passes.sum(),
            passes.percentile(50), passes.max());
        out.flush();

        Map<String, Integer> ledger = database.jdbi().withHandle(h -> h.createQuery(
                "select kind, count(*) as n from nudge group by kind order by kind")
            .reduceRows(new java.util.TreeMap<String, Integer>(), (m, row) -> {
              m.put(row.getColumn("kind", String.class), row.getColumn("n", Integer.class));
              return m;
            }));
        int ledgerRows = ledger.values().stream().mapToInt(Integer::intValue).sum();
        out.printf("ledger after planning: %d rows %s%n", ledgerRows, ledger);
        out.flush();

        Caller someone = caller(email(program.candidates().get(0).personId()));
        Latencies status = repeated("status", () -> desk.command(coordinator, "status"));
        Latencies report = repeated("report", () -> desk.command(coordinator, "report"));
        Latencies me = repeated("me", () -> desk.command(someone, "me"));
        out.printf(Locale.ROOT, "platform: %d messages, %d bytes uploaded%n", platform.messages(), platform.uploadedBytes());
        out.println(String.format(Locale.ROOT, "program: participants=%d pairs=%d import_ms=%d preview_ms=%d commit_ms=%d"
                + " accept_p99_ms=%.1f plan_ms=%.0f planned=%d ledger_rows=%d status_ms=%.1f report_ms=%.1f me_ms=%.1f",
            participants, active, importMs, previewMs, commitMs, accepts.percentile(99), passes.sum(), planned[0], ledgerRows,
            status.percentile(50), report.percentile(50), me.percentile(50)));
        out.flush();
      }
    }
    return 0;
  }

  /** The generated program as the CSV a coordinator would import; people are person-ID@bench.example. */
  static byte[] csv(SyntheticProgram program) {
    StringBuilder csv = new StringBuilder(
        "email,name,role,grade,department,manager_email,time_zone,working_hours,topics_offered,topics_sought,languages,capacity\n");
    for (Candidate c : program.candidates()) {
      Long manager = program.managers().get(c.personId());
      csv.append(email(c.personId())).append(',').append(c.name()).append(',')
          .append(c.side() == Side.MENTOR ? "mentor" : "mentee").append(',').append(c.grade()).append(',')
          .append(c.department()).append(',').append(manager == null ? "" : email(manager)).append(',')
          .append(c.zone().getId()).append(',').append(c.workStart()).append('-').append(c.workEnd()).append(',')
          .append(String.join(";", new TreeSet<>(c.topicsOffered()))).append(',')
          .append(String.join(";", new TreeSet<>(c.topicsSought()))).append(',')
          .append(String.join(";", new TreeSet<>(c.languages()))).append(',')
          .append(c.side() == Side.MENTOR ? String.valueOf(c.capacity()) : "").append('\n');
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String email(long personNumber) {
    return "person-" + personNumber + "@bench.example";
  }

  /** Someone on Slack whose profile gives this email; the user id is made from it, so one email is one user. */
  private static Caller caller(String email) {
    return new Caller(new PlatformIdentity(Platform.SLACK, WORKSPACE, "U-" + email.substring(0, email.indexOf('@'))), null,
        Optional.of(email), Optional.of(ZoneId.of("Europe/London")));
  }

  /** Both sides of every proposed pair click Accept, as from the proposal message. */
  private Latencies acceptAll(Wiring.Core core, ChatDesk desk, List<Pairing> proposed) {
    List<Double> millis = new ArrayList<>();
    for (Pairing pairing : proposed) {
      for (long participantId : new long[] {pairing.mentorId(), pairing.menteeId()}) {
        long personId = core.participants().findById(participantId).orElseThrow().personId();
        Caller caller = caller(core.people().findById(personId).orElseThrow().email());
        long start = System.nanoTime();
        desk.action(caller, ActionIds.PROPOSAL_ACCEPT, String.valueOf(pairing.id()));
        millis.add((System.nanoTime() - start) / 1e6);
      }
    }
    return new Latencies(millis.stream().mapToDouble(Double::doubleValue).toArray());
  }

  /** Planning passes over {@code days} of the moving clock, one line a day; each pass's time. */
  private Latencies plan(MovableClock clock, IntSupplier pass) {
    Duration every = Duration.ofMinutes(planEveryMinutes);
    List<Double> all = new ArrayList<>();
    for (int day = 1; day <= days; day++) {
      Instant end = clock.instant().plus(Duration.ofDays(1));
      List<Double> millis = new ArrayList<>();
      int rows = 0;
      while (clock.instant().isBefore(end)) {
        long start = System.nanoTime();
        rows += pass.getAsInt();
        millis.add((System.nanoTime() - start) / 1e6);
        clock.advance(every);
      }
      Latencies today = new Latencies(millis.stream().mapToDouble(Double::doubleValue).toArray());
      out.printf(Locale.ROOT, "  day %d: %d rows planned in %.0f ms, slowest pass %.1f ms%n", day, rows, today.sum(), today.max());
      all.addAll(millis);
    }
    return new Latencies(all.stream().mapToDouble(Double::doubleValue).toArray());
  }

  /** The first call (cold) and then {@code repeat} more; prints both, returns the repeats. */
  private Latencies repeated(String what, Supplier<Reply> call) {
    long start = System.nanoTime();
    Reply first = call.get();
    double firstMs = (System.nanoTime() - start) / 1e6;
    double[] millis = new double[repeat];
    for (int i = 0; i < repeat; i++) {
      long s = System.nanoTime();
      call.get();
      millis[i] = (System.nanoTime() - s) / 1e6;
    }
    Latencies l = new Latencies(millis);
    out.printf(Locale.ROOT, "%s: first %.1f ms, then %d runs: median %.1f ms, max %.1f ms (%s)%n", what, firstMs, repeat,
        l.percentile(50), l.max(), firstLine(first));
    out.flush();
    return l;
  }

  private <T> long timed(String what, Supplier<T> work, java.util.function.Function<T, String> describe) {
    long start = System.nanoTime();
    T result = work.get();
    long ms = (System.nanoTime() - start) / 1_000_000;
    out.printf("%s: %d ms (%s)%n", what, ms, describe.apply(result));
    out.flush();
    return ms;
  }

  /** What the person would read first, shortened. */
  private static String firstLine(Reply reply) {
    String text = reply instanceof Reply.Say say ? say.message().fallbackText()
        : reply instanceof Reply.Replace replace ? replace.message().fallbackText() : reply.getClass().getSimpleName();
    String line = text.lines().findFirst().orElse("");
    return line.length() > 100 ? line.substring(0, 100) + "…" : line;
  }
}
