package org.rmbot.mentoring.infra.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rmbot.mentoring.access.Actor;
import org.rmbot.mentoring.chat.ChatMessage;
import org.rmbot.mentoring.chat.Meaning;
import org.rmbot.mentoring.common.MovableClock;
import org.rmbot.mentoring.chat.ActionIds;
import org.rmbot.mentoring.importing.ImportResult;
import org.rmbot.mentoring.infra.Application;
import org.rmbot.mentoring.infra.Wiring;
import org.rmbot.mentoring.infra.demo.Cast.Member;
import org.rmbot.mentoring.nudge.DeliveringNudges;
import org.rmbot.mentoring.nudge.WorkingTime;
import org.rmbot.mentoring.participant.WorkingHours;
import org.rmbot.mentoring.persistence.Database;
import org.rmbot.mentoring.persistence.EmbeddedDatabase;
import org.rmbot.mentoring.program.Program;
import org.rmbot.mentoring.report.ProgramActivity;

/**
 * One run of the demo: a whole reverse mentoring program on a fast clock, through the real bot
 * (core, the platform's adapter and client, web server) against a fake Slack or Teams (a
 * {@link DemoWorkspace}), on a throw-away embedded PostgreSQL. The story is the same on both.
 *
 * <p>People only do what people can do: the coordinator types commands and imports the
 * CSV as the {@code import} command would; everyone else types commands, clicks the buttons of
 * the messages they received and fills in the forms the bot opens. Time moves hour by hour
 * through everyone's working day (and to the minute when someone acts); at each step the bot's
 * own planner and delivery run, as its Quartz jobs would, and time stops at each moment a message
 * comes due. What people do is chosen with a seeded random generator, so a seed always gives the
 * same transcript.
 *
 * <p>The program runs its whole life on its own schedule: the coordinator dates it (12 weeks by
 * default, from the day after it is set up), and the bot sends its kickoff, midpoint and closing
 * messages and opens its campaigns itself; the demo goes on for two weeks after the last day, while
 * the last campaigns collect their answers and close, and ends with the coordinator's report.
 *
 * <p>Beside the transcript the demo records a {@link Story}: every message with the values the bot
 * gave it, everything people did, and the database's pairings and campaigns, for checks that read
 * people's messages without reading words.
 */
final class DemoRun implements FeedbackChapters.Stage {
  static final String PROGRAM = "Pilot 2026";
  static final String THEME = "LGBTQ+ inclusion";
  /** A Monday: the coordinator sets the program up. */
  static final LocalDate START = LocalDate.of(2026, 1, 5);
  /** The program's first day: the day after it is set up. */
  static final LocalDate FIRST_DAY = START.plusDays(1);
  /** After the program's last day, for the last campaigns to collect their answers and close. */
  static final int WEEKS_AFTER = 2;
  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE dd MMM", Locale.ENGLISH);
  private static final Pattern PAIR_LINE = Pattern.compile("^(.+?) \\(mentor\\) \\+ (.+?) \\(mentee\\)");
  private static final Pattern PROPOSED_WITH = Pattern.compile("proposed for you with (.+?)\\.?$");

  record Options(long seed, int weeks, boolean quiet, Platform platform) {}

  /** The chat platform the people use. */
  enum Platform { SLACK, TEAMS }

  /** How a pair behaves; most pairs simply meet. */
  enum Persona {
    /** Books when asked, meets every window, answers check-ins. */
    ENGAGED,
    /** Lets the first weeks slip; the gentle nudge gets them to book. */
    SLOW_STARTER,
    /** Never books; after the at-risk alert the coordinator's nudge gets them going. */
    STALLS_THEN_RECOVERS,
    /** Never books; after the coordinator's nudge the mentor asks for help, privately. */
    STALLS_AND_ASKS_FOR_HELP
  }

  private static final class Pair {
    final long id;
    final Member mentor;
    final Member mentee;
    Persona persona;
    final List<Instant> meetings = new ArrayList<>();
    boolean bookingPlanned;
    boolean introduced;

    Pair(long id, Member mentor, Member mentee, Persona persona) {
      this.id = id;
      this.mentor = mentor;
      this.mentee = mentee;
      this.persona = persona;
    }

    boolean metBetween(Instant from, Instant to) {
      return meetings.stream().anyMatch(m -> !m.isBefore(from) && !m.isAfter(to));
    }

    boolean hasUpcoming(Instant now) {
      return meetings.stream().anyMatch(m -> m.isAfter(now));
    }

    boolean stalls() {
      return persona == Persona.STALLS_THEN_RECOVERS || persona == Persona.STALLS_AND_ASKS_FOR_HELP;
    }
  }

  private record Intent(Instant at, long seq, Action action) {}

  @FunctionalInterface
  private interface Action {
    void run() throws Exception;
  }

  private static final String[] MENTEE_REFLECTIONS = {
      "I hadn't noticed how many of our team events assume evenings are free. I'll ask the team what works for them.",
      "Hearing what it is like to be the only one in the room made me rethink how I chair meetings: quieter voices first.",
      "I'll stop saying 'guys' to the whole team, and I'll ask facilities about gender-neutral toilets on our floor.",
      "A visible role model would have changed a lot for my mentor early on. I've offered to speak at the network's next event.",
      "I learned how much energy goes into deciding whether to mention a partner at work. I'll share my own pronouns in meetings."
  };
  private static final String[] MENTOR_REFLECTIONS = {
      "It was easier than I expected to be candid. Next time I'll bring a concrete example about progression.",
      "Good to feel my experience taken seriously. I'll share the network's survey results next session.",
      "I was nervous about giving a director feedback; writing down three points beforehand helped.",
      "We agreed on one action each. Mine: write up what made onboarding hard, for the new-joiner guide."
  };

  private final Options options;
  private final PrintWriter out;
  private final Random random;
  private final Transcript transcript;
  private final FeedbackChapters feedback;
  private final MovableClock clock;
  private final Instant start;
  private final Instant end;
  /** The end of the program's last day, in London (the program's zone): people stop booking then. */
  private final Instant programEnd;
  private final PriorityQueue<Intent> intents =
      new PriorityQueue<>(Comparator.comparing(Intent::at).thenComparingLong(Intent::seq));
  private long intentSeq;
  private Cast cast;
  private DemoWorkspace workspace;
  private Application app;
  /** The bot's due work, stepped by the demo on its fast clock. */
  private final SteppedSchedule schedule = new SteppedSchedule();
  /** The bot's repositories and use cases on its database, for work that has no chat command (the CSV import). */
  private Wiring.Core core;

  private final Map<Long, Pair> pairs = new LinkedHashMap<>();
  private final Map<String, Persona> plannedPersonas = new HashMap<>();
  private String decliner;
  private boolean declined;
  private String rematchedWith;
  private final List<String> unmatched = new ArrayList<>();
  private LocalDate atRiskNudgeDay;
  private boolean helpAsked;
  private Map<String, Long> weekStart = Map.of();
  private ShownMessage finalStatus;
  private final DemoTap tap = new DemoTap();
  private final Story story = new Story();
  private Database database;
  private Program program;
  private final Map<String, Path> produced = new LinkedHashMap<>();
  private final List<String> summaryLines = new ArrayList<>();

  DemoRun(Options options, PrintWriter out, FeedbackChapters feedback) {
    this.options = options;
    this.out = out;
    this.random = new Random(options.seed());
    this.transcript = new Transcript(out, options.quiet());
    this.feedback = feedback;
    this.start = START.atStartOfDay(ZoneOffset.UTC).toInstant();
    // the program's last day, then two weeks for its last campaigns, to midnight in London
    this.end = ZonedDateTime.of(lastDay(options.weeks()).plusWeeks(WEEKS_AFTER).plusDays(1), LocalTime.MIDNIGHT, LONDON)
        .toInstant();
    this.programEnd = ZonedDateTime.of(lastDay(options.weeks()).plusDays(1), LocalTime.MIDNIGHT, LONDON).toInstant();
    this.clock = new MovableClock(start);
  }

  /** Runs the whole program; returns the exit code. */
  int run() throws Exception {
    long wallStart = System.nanoTime();
    Member cora = new Member("U0CORA", "Cora Bennett", "cora.bennett@example.com", LONDON, WorkingHours.officeHours(),
        Optional.empty());
    byte[] csv = sampleCsv();
    cast = Cast.of(cora, csv);
    Path dataDir = Files.createTempDirectory("mentoring-demo");
    try (EmbeddedDatabase database = EmbeddedDatabase.startThrowaway();
        DemoWorkspace opened = options.platform() == Platform.SLACK ? new SlackDemoWorkspace(clock)
            : new TeamsDemoWorkspace(clock, database.url())) {
      workspace = opened;
      byte[] key = new byte[48];
      new SecureRandom().nextBytes(key);
      Map<String, String> env = new HashMap<>(workspace.env());
      env.putAll(Map.of(
          "DATABASE_URL", database.url().jdbcUrl(),
          "MENTORING_SECRET_KEY", Base64.getEncoder().encodeToString(key),
          "MENTORING_DATA_DIR", dataDir.toString(),
          "MENTORING_ADMINS", workspace.adminId(cora),
          "HOST", "127.0.0.1",
          "PORT", "0",
          "MENTORING_INSTANCE_ID", "demo"));
      try (Application started = Application.start(env, clock, new PrintWriter(new StringWriter()), schedule, tap);
          Database db = Database.connect(database.url(), 2)) {
        app = started;
        this.database = db;
        core = Wiring.core(db, clock);
        workspace.botAt("http://127.0.0.1:" + started.port());
        for (Member m : cast.everyone()) {
          workspace.person(m);
        }
        story.theme = THEME;
        story.programEnd = programEnd;
        header();
        script(csv);
        loop();
        summary(Duration.ofNanos(System.nanoTime() - wallStart));
        snapshot();
      }
    } finally {
      deleteQuietly(dataDir);
    }
    return 0;
  }

  // The script: scenes at set times; everything else is people answering what they receive

  private void script(byte[] csv) {
    Member cora = cast.coordinator();
    LocalDate lastDay = lastDay(options.weeks());
    at(london(START, 9, 0), () -> {
      say(cora, "program create \"" + PROGRAM + "\" " + THEME);
      say(cora, "program dates \"" + PROGRAM + "\" " + FIRST_DAY + " " + lastDay);
      say(cora, "program open " + PROGRAM);
      importCsv(cora, csv);
      program = core.programs().findByName(PROGRAM).orElseThrow();
      // everyone opens the bot once: that is how the bot connects a chat user to the imported email
      for (Member m : cast.participants()) {
        at(inHours(m, 5, 120), () -> say(m, "me"));
      }
    });
    LocalDate tuesday = START.plusDays(1);
    at(london(tuesday, 9, 0), () -> {
      say(cora, "match preview");
      ShownMessage committed = say(cora, "match commit");
      castPairs(committed);
    });
    LocalDate wednesday = START.plusDays(2);
    at(london(wednesday, 9, 0), () -> {
      say(cora, "status");
      if (declined) {
        ShownMessage rematched = say(cora, "rematch");
        unmatched.clear();
        rematched.contexts().stream().filter(c -> c.startsWith("Unmatched")).forEach(unmatched::add);
        for (String[] pair : pairsIn(rematched)) {
          plannedPersonas.put(pair[1], Persona.ENGAGED);
          if (pair[1].equals(decliner)) {
            rematchedWith = pair[0];
          }
        }
      }
    });
    at(london(wednesday, 10, 0), () -> feedback.preProgramSurvey(this));
    // the bot opens the midpoint's feedback itself (09:00 in the program's zone); it closes 14 days later
    LocalDate midpoint = FIRST_DAY.plusDays(7L * options.weeks() / 2);
    at(london(midpoint, 9, 30), () -> {
      note("half-way: the bot has sent its midpoint message and opened the anonymous feedback; the coordinator looks");
      say(cora, "status");
    });
    at(london(midpoint.plusDays(14), 11, 0), () -> feedback.midpointCampaign(this));
    at(london(lastDay, 11, 0), () -> note("the program's last day: the bot has thanked everyone and opened the closing"
        + " feedback and the self-assessment after; they close in two weeks"));
    at(london(lastDay.plusWeeks(WEEKS_AFTER), 11, 0), () -> {
      note("the last campaigns have closed: final status");
      finalStatus = say(cora, "status");
      feedback.finalReport(this);
    });
  }

  /** The program's last day: {@code weeks} weeks after its first, so it runs {@code weeks} weeks from kickoff to closing. */
  static LocalDate lastDay(int weeks) {
    return FIRST_DAY.plusWeeks(weeks);
  }

  private void importCsv(Member cora, byte[] csv) {
    ImportResult result = core.importing().importFile(PROGRAM, THEME, csv,
        new Actor.Operator("demo, " + cora.name() + " importing participants.csv"));
    List<String> output = new ArrayList<>();
    if (result instanceof ImportResult.Imported done) {
      output.add(String.format("imported participants.csv into '%s': %d new, %d updated, %d unchanged%s", done.program(),
          done.created(), done.updated(), done.unchanged(),
          done.managersAdded() > 0 ? "; " + done.managersAdded() + " managers outside the file recorded by email" : ""));
    } else {
      throw new IllegalStateException("the sample CSV was refused: " + ((ImportResult.Refused) result).problems());
    }
    transcript.shell(clock.instant(), cora,
        "mentoring-bot import --program \"" + PROGRAM + "\" participants.csv", output);
  }

  /** Decides, with the seed, who will stall, who starts slowly and which mentee declines. */
  private void castPairs(ShownMessage committed) {
    List<String[]> proposed = new ArrayList<>(pairsIn(committed));
    if (proposed.size() < 6) {
      throw new IllegalStateException("matching proposed only " + proposed.size() + " pairs; the demo needs at least 6");
    }
    proposed.sort(Comparator.comparing((String[] p) -> p[1]));
    java.util.Collections.shuffle(proposed, random);
    decliner = proposed.get(0)[1];
    plannedPersonas.put(proposed.get(0)[1], Persona.ENGAGED);
    plannedPersonas.put(proposed.get(1)[1], Persona.SLOW_STARTER);
    plannedPersonas.put(proposed.get(2)[1], Persona.SLOW_STARTER);
    plannedPersonas.put(proposed.get(3)[1], Persona.STALLS_THEN_RECOVERS);
    plannedPersonas.put(proposed.get(4)[1], Persona.STALLS_AND_ASKS_FOR_HELP);
    for (String[] pair : proposed.subList(5, proposed.size())) {
      plannedPersonas.put(pair[1], Persona.ENGAGED);
    }
    for (String context : committed.contexts()) {
      if (context.startsWith("Unmatched")) {
        unmatched.add(context);
      }
    }
  }

  /** {mentor, mentee} names from a match commit or rematch answer. */
  private static List<String[]> pairsIn(ShownMessage reply) {
    List<String[]> found = new ArrayList<>();
    for (String section : reply.sections()) {
      Matcher m = PAIR_LINE.matcher(section);
      if (m.find()) {
        found.add(new String[] {m.group(1).trim(), m.group(2).trim()});
      }
    }
    return found;
  }

  // Time

  private void loop() throws Exception {
    int weekIndex = 0;
    Instant weekEnd = start.plus(Duration.ofDays(7));
    while (true) {
      Instant next = nextTick();
      if (!next.isBefore(end)) {
        break;
      }
      while (!next.isBefore(weekEnd)) {
        progress(weekIndex++);
        weekEnd = weekEnd.plus(Duration.ofDays(7));
      }
      if (next.isAfter(clock.instant())) {
        clock.moveTo(next);
      }
      schedule.planDue();
      deliver();
      while (!intents.isEmpty() && !intents.peek().at().isAfter(clock.instant())) {
        intents.poll().action().run();
        deliver();
      }
    }
    while (weekIndex < totalWeeks()) {
      progress(weekIndex++);
    }
  }

  /**
   * The next whole hour in which someone is at work, the next thing someone will do, or the next
   * moment a message or a campaign milestone comes due, whichever is first: an hour-before reminder arrives at its minute.
   */
  private Instant nextTick() {
    Instant now = clock.instant();
    Instant nextIntent = intents.isEmpty() ? end : intents.peek().at();
    Optional<Instant> due = schedule.nextAttemptAt().filter(t -> t.isAfter(now));
    if (due.isPresent() && due.get().isBefore(nextIntent)) {
      nextIntent = due.get();
    }
    if (!nextIntent.isAfter(now)) {
      return now;
    }
    Instant hour = now.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
    while (hour.isBefore(nextIntent) && hour.isBefore(end) && !anyoneAtWork(hour)) {
      hour = hour.plus(Duration.ofHours(1));
    }
    return hour.isBefore(nextIntent) ? hour : nextIntent;
  }

  private boolean anyoneAtWork(Instant hour) {
    Instant half = hour.plus(Duration.ofMinutes(30));
    return cast.everyone().stream().anyMatch(m -> WorkingTime.isWorking(m.asPerson(), hour)
        || WorkingTime.isWorking(m.asPerson(), half));
  }

  private void at(Instant when, Action action) {
    intents.add(new Intent(when, intentSeq++, action));
  }

  /** A moment inside the person's working hours, {@code min} to {@code max} minutes from now (or later). */
  private Instant inHours(Member who, int min, int max) {
    Instant wanted = clock.instant().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(min + random.nextInt(max - min + 1)));
    return WorkingTime.next(who.asPerson(), wanted).truncatedTo(ChronoUnit.MINUTES);
  }

  private static Instant london(LocalDate day, int hour, int minute) {
    return ZonedDateTime.of(day, LocalTime.of(hour, minute), LONDON).toInstant();
  }

  // The bot's side: planning, campaign milestones and delivery, as the Quartz jobs would run them

  private void deliver() throws Exception {
    Instant at = clock.instant();
    long before = workspace.mark();
    for (int i = 0; i < 600; i++) {
      DeliveringNudges.Report report = schedule.dispatchAllDue();
      if (report.count(DeliveringNudges.Outcome.DEFERRED) == 0) {
        break;
      }
      // over the platform's rate limits the rest waits in the ledger; time passes as it would
      clock.advance(Duration.ofSeconds(1));
    }
    List<DemoWorkspace.Delivered> delivered = new ArrayList<>(workspace.deliveredSince(before, cast));
    // sends run concurrently; a stable order keeps the transcript the same for a seed
    delivered.sort(Comparator.comparing((DemoWorkspace.Delivered d) -> d.to().get(0).name())
        .thenComparing(d -> d.message().kind()).thenComparing(d -> d.message().text()));
    for (DemoWorkspace.Delivered d : delivered) {
      ShownMessage m = d.message();
      String headline = (d.to().size() > 1 ? workspace.wording().pairMark() : "") + m.text()
          + (m.buttons().isEmpty() ? "" : "  " + m.buttonRow());
      transcript.shown(at, d.to(), headline, m.fields());
      record(at, d.to(), m, false);
      react(d.to(), m);
    }
  }

  // The people's side: what each does with what they receive

  private void react(List<Member> to, ShownMessage m) {
    Member who = to.get(0);
    switch (m.kind()) {
      case "proposal" -> onProposal(who, m);
      case "introduction" -> pairOfMessage(m, to).ifPresent(p -> p.introduced = true);
      case "book_first_meeting" -> onBookFirstMeeting(who, m);
      case "check_in" -> onCheckIn(who, m);
      case "reflection" -> onReflectionPrompt(who, m);
      case "stalled" -> onGentleNudge(who, m);
      case "at_risk" -> onAtRisk();
      case "coordinator_nudge" -> onCoordinatorNudge(who);
      case "help_request" -> onHelpRequest(m);
      default -> feedback.received(this, who, m);
    }
  }

  /**
   * The coordinator reads the request, talks to the person (outside the bot), ends the pairing that
   * never met so both can start again, rematches, and marks the request done: within the day.
   */
  private void onHelpRequest(ShownMessage m) {
    if (!m.text().contains("asked for help")) {
      return; // the bot's reminder of a request still open
    }
    Member cora = cast.coordinator();
    at(inHours(cora, 30, 120), () -> {
      ShownMessage open = say(cora, "help-requests");
      Matcher number = Pattern.compile("#(\\d+) ").matcher(String.join("\n", open.sections()));
      Optional<Pair> stalled = pairs.values().stream().filter(p -> p.persona == Persona.STALLS_AND_ASKS_FOR_HELP).findFirst();
      if (stalled.isPresent()) {
        note("the coordinator has talked to them both; she ends the pairing so each can start again");
        say(cora, "unpair #" + stalled.get().id);
        pairs.remove(stalled.get().id);
        plannedPersonas.put(stalled.get().mentee.name(), Persona.ENGAGED);
        ShownMessage rematched = say(cora, "rematch");
        for (String[] pair : pairsIn(rematched)) {
          plannedPersonas.put(pair[1], Persona.ENGAGED);
        }
        unmatched.clear();
        rematched.contexts().stream().filter(c -> c.startsWith("Unmatched")).forEach(unmatched::add);
      }
      if (number.find()) {
        say(cora, "help-requests done " + number.group(1));
      }
    });
  }

  private void onProposal(Member who, ShownMessage m) {
    long id = Long.parseLong(m.button(ActionIds.PROPOSAL_ACCEPT)
        .orElseThrow(() -> new IllegalStateException("a proposal without an Accept button")).value());
    Matcher with = PROPOSED_WITH.matcher(m.text());
    if (!with.find()) {
      throw new IllegalStateException("cannot tell who a proposal is with: " + m.text());
    }
    Member partner = cast.byName(with.group(1)).orElseThrow(() -> new IllegalStateException("unknown partner " + with.group(1)));
    Member mentor = who.isMentor() ? who : partner;
    Member mentee = who.isMentor() ? partner : who;
    Pair pair = pairs.computeIfAbsent(id, k -> new Pair(id, mentor, mentee,
        plannedPersonas.getOrDefault(mentee.name(), Persona.ENGAGED)));
    boolean declines = !declined && who.name().equals(decliner);
    if (declines) {
      declined = true;
    }
    at(inHours(who, 10, 150), () -> {
      if (!pairs.containsKey(pair.id)) {
        return; // the other side declined first, and this person was told it will not go ahead
      }
      ShownMessage answer = click(who, m, declines ? ActionIds.PROPOSAL_DECLINE : ActionIds.PROPOSAL_ACCEPT)
          .requireMessage();
      if (declines) {
        pairs.remove(pair.id);
      }
    });
  }

  private void onBookFirstMeeting(Member who, ShownMessage m) {
    Pair pair = pairOfButton(m, ActionIds.BOOK_MEETING);
    if (pair.persona != Persona.ENGAGED || pair.bookingPlanned) {
      return; // they let it slip
    }
    pair.bookingPlanned = true;
    at(inHours(who, 30, 240), () -> book(who, pair, m, 2, 7));
  }

  private void onCheckIn(Member who, ShownMessage m) {
    Pair pair = pairOfButton(m, ActionIds.CHECK_IN_MET);
    Instant now = clock.instant();
    boolean met = pair.metBetween(now.minus(Duration.ofDays(16)), now);
    double roll = random.nextDouble();
    String answer;
    if (pair.stalls()) {
      answer = roll < 0.5 ? ActionIds.CHECK_IN_NOT_YET : null;
    } else if (met) {
      answer = roll < 0.9 ? ActionIds.CHECK_IN_MET : null;
    } else {
      answer = roll < 0.7 ? ActionIds.CHECK_IN_NOT_YET : null;
    }
    boolean bookNext = who.equals(pair.mentee) && pair.persona == Persona.ENGAGED && !pair.hasUpcoming(now)
        && !pair.bookingPlanned;
    if (bookNext) {
      pair.bookingPlanned = true;
    }
    if (answer == null && !bookNext) {
      return; // busy: the check-in goes unanswered
    }
    at(inHours(who, 15, 240), () -> {
      if (answer != null) {
        click(who, m, answer).requireMessage();
      }
      if (bookNext) {
        bookFromHome(who, pair, 5, 10);
      }
    });
  }

  private void onReflectionPrompt(Member who, ShownMessage m) {
    if (random.nextDouble() >= 0.35) {
      return;
    }
    String[] texts = who.isMentor() ? MENTOR_REFLECTIONS : MENTEE_REFLECTIONS;
    String text = texts[random.nextInt(texts.length)];
    at(inHours(who, 20, 180), () -> {
      ShownForm form = click(who, m, ActionIds.WRITE_REFLECTION).requireForm();
      submit(who, form, Map.of("text", text), "(private) \"" + text + "\"");
    });
  }

  private void onGentleNudge(Member who, ShownMessage m) {
    Pair pair = pairOfButton(m, ActionIds.BOOK_MEETING);
    if (pair.persona == Persona.SLOW_STARTER && who.equals(pair.mentee) && !pair.bookingPlanned) {
      pair.bookingPlanned = true;
      pair.persona = Persona.ENGAGED;
      at(inHours(who, 30, 180), () -> book(who, pair, m, 2, 6));
    }
  }

  private void onAtRisk() {
    Member cora = cast.coordinator();
    LocalDate today = LocalDate.ofInstant(clock.instant(), cora.zone());
    if (today.equals(atRiskNudgeDay)) {
      return;
    }
    atRiskNudgeDay = today;
    at(inHours(cora, 30, 90), () -> say(cora, "nudge at-risk"));
  }

  private void onCoordinatorNudge(Member who) {
    // someone in two pairings (a mentor may take two mentees): the nudge is about the one that stalled
    Optional<Pair> found = pairs.values().stream().filter(p -> p.mentor.equals(who) || p.mentee.equals(who))
        .min(Comparator.comparing((Pair p) -> !p.stalls()));
    if (found.isEmpty()) {
      return;
    }
    Pair pair = found.get();
    if (pair.persona == Persona.STALLS_THEN_RECOVERS && who.equals(pair.mentee) && !pair.bookingPlanned) {
      pair.bookingPlanned = true;
      pair.persona = Persona.ENGAGED;
      at(inHours(who, 60, 240), () -> bookFromHome(who, pair, 2, 6));
    } else if (pair.persona == Persona.STALLS_AND_ASKS_FOR_HELP && who.equals(pair.mentor) && !helpAsked) {
      helpAsked = true;
      at(inHours(who, 60, 240), () ->
          say(who, "help-request We haven't managed to meet yet and I'm not sure this pairing works. Could we talk?"));
    }
  }

  /** Books through the button of a message the person received: the button opens the booking form. */
  private void book(Member who, Pair pair, ShownMessage on, int minDays, int maxDays) throws Exception {
    if (!clock.instant().isBefore(programEnd)) {
      pair.bookingPlanned = false;
      return; // the program has ended: nobody books its meetings any more
    }
    ShownForm form = click(who, on, ActionIds.BOOK_MEETING).requireForm();
    fillInBooking(who, pair, form, minDays, maxDays);
  }

  /** Books from {@code /mentoring me}, which shows the pairing with its booking button. */
  private void bookFromHome(Member who, Pair pair, int minDays, int maxDays) throws Exception {
    if (!clock.instant().isBefore(programEnd)) {
      pair.bookingPlanned = false;
      return;
    }
    ShownMessage me = say(who, "me");
    if (me.button(ActionIds.BOOK_MEETING).isEmpty()) {
      pair.bookingPlanned = false;
      return;
    }
    book(who, pair, me, minDays, maxDays);
  }

  private void fillInBooking(Member who, Pair pair, ShownForm form, int minDays, int maxDays) throws Exception {
    pair.bookingPlanned = false;
    ZonedDateTime when = meetingTime(pair, minDays, maxDays);
    if (!when.toInstant().isBefore(programEnd)) {
      transcript.did(clock.instant(), who, "closes the form: the program ends before their next free slot");
      return;
    }
    Optional<ShownMessage> booked = submit(who, form, Map.of("date", when.toLocalDate().toString(),
        "time", when.toLocalTime().toString()), "date " + when.toLocalDate() + ", time " + when.toLocalTime());
    if (booked.isPresent() && booked.get().text().startsWith("Booked")) {
      pair.meetings.add(when.toInstant());
    }
  }

  /** A weekday {@code minDays} to {@code maxDays} ahead, at a half hour when both are at work if they ever are. */
  private ZonedDateTime meetingTime(Pair pair, int minDays, int maxDays) {
    ZoneId zone = pair.mentee.zone();
    LocalDate day = LocalDate.ofInstant(clock.instant(), zone).plusDays(minDays + random.nextInt(maxDays - minDays + 1));
    while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
      day = day.plusDays(1);
    }
    List<ZonedDateTime> both = new ArrayList<>();
    List<ZonedDateTime> menteeOnly = new ArrayList<>();
    for (LocalTime t = LocalTime.of(8, 0); t.isBefore(LocalTime.of(17, 0)); t = t.plusMinutes(30)) {
      ZonedDateTime slot = ZonedDateTime.of(day, t, zone);
      if (WorkingTime.isWorking(pair.mentee.asPerson(), slot.toInstant())
          && WorkingTime.isWorking(pair.mentee.asPerson(), slot.plusMinutes(45).toInstant())) {
        menteeOnly.add(slot);
        if (WorkingTime.isWorking(pair.mentor.asPerson(), slot.toInstant())
            && WorkingTime.isWorking(pair.mentor.asPerson(), slot.plusMinutes(45).toInstant())) {
          both.add(slot);
        }
      }
    }
    List<ZonedDateTime> choices = both.isEmpty() ? menteeOnly : both;
    return choices.isEmpty() ? ZonedDateTime.of(day, LocalTime.of(10, 0), zone) : choices.get(random.nextInt(choices.size()));
  }

  private Pair pairOfButton(ShownMessage m, String actionId) {
    String value = m.button(actionId).orElseThrow(() -> new IllegalStateException(
        "expected a " + actionId + " button on: " + m.text())).value();
    long id = Long.parseLong(value.contains("|") ? value.substring(0, value.indexOf('|')) : value);
    Pair pair = pairs.get(id);
    if (pair == null) {
      throw new IllegalStateException("a message about pairing " + id + ", which nobody was proposed");
    }
    return pair;
  }

  private Optional<Pair> pairOfMessage(ShownMessage m, List<Member> to) {
    return pairs.values().stream().filter(p -> to.contains(p.mentor) && to.contains(p.mentee)).findFirst();
  }

  // Acting in chat: every exchange goes in the transcript

  /** What a click led to: a message (a reply, or the message replaced) or a form. */
  private record Answer(ShownMessage message, ShownForm form) {
    ShownMessage requireMessage() {
      if (message == null) {
        throw new IllegalStateException("expected a message, the bot opened form " + form.title());
      }
      return message;
    }

    ShownForm requireForm() {
      if (form == null) {
        throw new IllegalStateException("expected a form, the bot said: " + message.text());
      }
      return form;
    }
  }

  @Override
  public ShownMessage say(Member who, String text) throws Exception {
    Instant at = clock.instant();
    transcript.did(at, who, workspace.wording().commandPrefix() + text);
    act(at, who, "command", text, "", Map.of());
    DemoWorkspace.Answer answer = workspace.command(who, text);
    if (answer.message() == null) {
      throw new IllegalStateException("/mentoring " + text + " opened a form; the demo fills that one in with sayForForm");
    }
    showReply(at, who, answer.message(), text.startsWith("match") || text.startsWith("rematch") ? 3 : 6);
    return answer.message();
  }

  @Override
  public ShownForm sayForForm(Member who, String text) throws Exception {
    Instant at = clock.instant();
    transcript.did(at, who, workspace.wording().commandPrefix() + text);
    act(at, who, "command", text, "", Map.of());
    DemoWorkspace.Answer answer = workspace.command(who, text);
    if (answer.form() == null) {
      throw new IllegalStateException("/mentoring " + text + " was expected to open a form; the bot said: "
          + (answer.message() == null ? answer.formErrors() : answer.message().text()));
    }
    showForm(at, who, answer.form());
    return answer.form();
  }

  @Override
  public ShownForm clickForForm(Member who, ShownMessage on, String actionId) throws Exception {
    return click(who, on, actionId).requireForm();
  }

  @Override
  public ShownMessage clickForMessage(Member who, ShownMessage on, String actionId) throws Exception {
    return click(who, on, actionId).requireMessage();
  }

  private void showForm(Instant at, Member who, ShownForm form) {
    List<String> labels = form.inputs().stream().map(i -> Transcript.clip(i.label(), 45)).toList();
    transcript.shown(at, List.of(who), "[form \"" + form.title() + "\"] " + String.join(" | ", labels)
        + "  [" + form.submitLabel() + "]", List.of());
  }

  private Answer click(Member who, ShownMessage on, String actionId) throws Exception {
    ShownMessage.Button button = on.button(actionId)
        .orElseThrow(() -> new IllegalStateException("no " + actionId + " button on: " + on.text()));
    Instant at = clock.instant();
    transcript.did(at, who, "clicks [" + button.label() + "]");
    act(at, who, "click", button.actionId(), button.value(), Map.of());
    DemoWorkspace.Answer answer = workspace.click(who, on, button);
    if (answer.form() != null) {
      showForm(at, who, answer.form());
      return new Answer(null, answer.form());
    }
    if (answer.message() == null) {
      throw new IllegalStateException("a click on " + actionId + " was refused: " + answer.formErrors());
    }
    showReply(at, who, answer.message(), 2);
    return new Answer(answer.message(), null);
  }

  /** Submits a form; the bot's answer, or empty if the form showed errors. */
  @Override
  public Optional<ShownMessage> submit(Member who, ShownForm form, Map<String, String> values, String shown)
      throws Exception {
    Instant at = clock.instant();
    transcript.did(at, who, "submits \"" + form.title() + "\": " + shown);
    act(at, who, "submit", form.callbackId(), "", values);
    DemoWorkspace.Answer answer = workspace.submit(who, form, values);
    if (answer.formErrors() != null) {
      transcript.shown(at, List.of(who), "[the form says] " + answer.formErrors(), List.of());
      return Optional.empty();
    }
    showReply(at, who, answer.message(), 2);
    return Optional.of(answer.message());
  }

  /** The bot's answer to what someone just did: shown, and recorded with its meaning. */
  private void showReply(Instant at, Member who, ShownMessage reply, int maxSections) {
    record(at, List.of(who), reply, true);
    display(at, who, reply, maxSections);
  }

  private void display(Instant at, Member who, ShownMessage reply, int maxSections) {
    List<String> details = new ArrayList<>();
    List<String> more = new ArrayList<>(reply.moreSections());
    String headline = reply.headline();
    if (headline.equals(reply.text()) && !more.isEmpty() && reply.fields().isEmpty() && !more.get(0).contains("\n• ")) {
      // a bare title ("Your mentoring"): its first section belongs on the same line
      headline = headline + ": " + more.remove(0).replace("\n", " ");
    }
    for (int i = 0; i < Math.min(maxSections, more.size()); i++) {
      String section = more.get(i);
      if (section.contains("\n• ")) {
        // a list (results, one line per question): one line each
        List<String> lines = new ArrayList<>(section.lines().toList());
        if (lines.get(0).endsWith("(in random order)")) {
          // the bot shuffles comments anew each time, on purpose; sorted, a seed still gives one transcript
          lines.set(0, lines.get(0) + ", sorted here");
          java.util.Collections.sort(lines.subList(1, lines.size()));
        }
        lines.forEach(l -> details.add(l.startsWith("• ") ? "  " + l : l));
      } else {
        details.add(section.replace("\n", ": "));
      }
    }
    if (more.size() > maxSections) {
      details.add("... and " + (more.size() - maxSections) + " more");
    }
    List<String> fields = reply.fields();
    for (int i = 0; i < fields.size(); i += 3) {
      details.add(String.join(" | ", fields.subList(i, Math.min(fields.size(), i + 3))));
    }
    details.addAll(reply.contexts());
    transcript.shown(at, List.of(who), headline + (reply.buttons().isEmpty() ? "" : "  " + reply.buttonRow()), details);
  }

  // The story beside the transcript: values, for the checks that read it

  private void act(Instant at, Member who, String how, String what, String value, Map<String, String> values) {
    story.acts.add(new Story.Act(story.next(), at, who, how, what, value, Map.copyOf(values)));
  }

  /** A message as shown, with the meaning the bot gave it (found by its delivery key, or the reply just given). */
  private void record(Instant at, List<Member> to, ShownMessage shown, boolean reply) {
    String key = deliveryKeyOf(shown);
    Optional<ChatMessage> neutral = key != null ? tap.sent(key) : reply ? tap.takeReply() : Optional.empty();
    story.messages.add(new Story.Message(story.next(), at, List.copyOf(to), key,
        neutral.map(ChatMessage::meaning).orElse(Meaning.NONE), shown.allText(), reply));
  }

  private static String deliveryKeyOf(ShownMessage shown) {
    return shown.deliveryKey().isEmpty() ? null : shown.deliveryKey();
  }

  /** The database's pairings, campaigns and consents at the end, and who each person id is. */
  private void snapshot() {
    database.jdbi().useHandle(h -> {
      h.createQuery("select id, email from person").map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2)))
          .forEach(e -> story.emails.put(e.getKey(), e.getValue()));
      h.createQuery(
              """
              select p.id, a.email as mentor, b.email as mentee, p.state, p.proposed_at, p.activated_at, p.closed_at
              from pairing p join participant mt on mt.id = p.mentor_id join person a on a.id = mt.person_id
                   join participant me on me.id = p.mentee_id join person b on b.id = me.person_id order by p.id""")
          .map((rs, ctx) -> new Story.Pairing(rs.getLong("id"), rs.getString("mentor"), rs.getString("mentee"),
              rs.getString("state"), rs.getTimestamp("proposed_at").toInstant(), instant(rs.getTimestamp("activated_at")),
              instant(rs.getTimestamp("closed_at"))))
          .forEach(story.pairings::add);
      h.createQuery("select id, purpose, opened_at, closes_at from feedback_campaign order by id")
          .map((rs, ctx) -> new Story.Campaign(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
              rs.getTimestamp(4).toInstant()))
          .forEach(story.campaigns::add);
      h.createQuery("select p.email from participant pt join person p on p.id = pt.person_id where pt.topics_shared_at is not null")
          .mapTo(String.class).forEach(story.namingLivedExperience::add);
    });
  }

  private static Instant instant(java.sql.Timestamp t) {
    return t == null ? null : t.toInstant();
  }

  /** What the demo recorded beside its transcript; complete once {@link #run} has returned. */
  Story story() {
    return story;
  }

  /** The program's figures now, as the bot defines them (ProgramActivity): what the report and the summary show. */
  private Map<String, Long> figures() {
    if (program == null) {
      return Map.of();
    }
    return ProgramActivity.read(database.jdbi(), program.id()).figures();
  }

  // Stage, for the feedback chapters

  @Override
  public Member coordinator() {
    return cast.coordinator();
  }

  @Override
  public List<Member> participants() {
    return cast.participants();
  }

  @Override
  public void note(String text) {
    transcript.note(clock.instant(), cast.coordinator(), text);
  }

  @Override
  public void produced(String what, Path file) {
    produced.put(what, file);
  }

  @Override
  public void later(Member who, int minMinutes, int maxMinutes, FeedbackChapters.Act act) {
    at(inHours(who, minMinutes, maxMinutes), act::run);
  }

  @Override
  public long mark() {
    return workspace.mark();
  }

  @Override
  public List<ShownMessage> showPostedTo(Member who, long mark, int tapMark) {
    List<ShownMessage> shown = new ArrayList<>();
    List<ChatMessage> neutral = tap.withoutKeySince(tapMark);
    int k = 0;
    for (DemoWorkspace.Delivered posted : workspace.postedTo(who, mark)) {
      Meaning meaning = k < neutral.size() ? neutral.get(k++).meaning() : Meaning.NONE;
      story.messages.add(new Story.Message(story.next(), posted.at(), List.of(who), null, meaning,
          posted.message().allText(), false));
      if (meaning.key().equals("report")) {
        story.reportFigures = meaning.figures();
        story.reportAt = posted.at();
      }
      display(posted.at(), who, posted.message(), 8);
      shown.add(posted.message());
    }
    return shown;
  }

  @Override
  public int tapMark() {
    return tap.markWithoutKey();
  }

  @Override
  public Random random() {
    return random;
  }

  @Override
  public LocalDate today(Member who) {
    return LocalDate.ofInstant(clock.instant(), who.zone());
  }

  @Override
  public String platformName() {
    return workspace.wording().name();
  }

  @Override
  public List<DemoWorkspace.SharedFile> files() {
    return workspace.files();
  }

  @Override
  public void summaryLine(String line) {
    summaryLines.add(line);
  }

  // Output

  private void header() {
    transcript.always("Reverse mentoring demo: \"" + PROGRAM + "\" (" + THEME + "), " + cast.participants().size()
        + " people from the sample CSV and a coordinator; set up on " + DAY.format(START) + " " + START.getYear()
        + ", the program runs " + options.weeks() + " weeks from " + DAY.format(FIRST_DAY) + " to "
        + DAY.format(lastDay(options.weeks())) + ", then " + WEEKS_AFTER + " weeks for its last answers; seed "
        + options.seed() + ".");
    if (!options.quiet()) {
      transcript.always("The real bot (" + workspace.wording().parts() + ") runs against " + workspace.wording().fake() + " on a"
          + " throw-away database. Lines are in time order; each shows what one person saw (<) or did (>), in their"
          + " own local time.");
    }
    transcript.blank();
  }

  /** The week's line: what the program did that week, as the bot counts it (ProgramActivity), in the report's words. */
  private void progress(int index) {
    LocalDate from = START.plusWeeks(index);
    Map<String, Long> now = figures();
    List<String> parts = new ArrayList<>();
    Long messages = now.getOrDefault("messages_sent", 0L) - weekStart.getOrDefault("messages_sent", 0L);
    if (messages > 0) {
      parts.add(ProgramActivity.label("messages_sent", messages));
    }
    now.forEach((name, n) -> {
      long delta = n - weekStart.getOrDefault(name, 0L);
      if (delta > 0 && !name.equals("messages_sent")) {
        parts.add(ProgramActivity.label(name, delta));
      }
    });
    String line = String.format("=== week %d/%d (%s - %s)%s: %s", index + 1, totalWeeks(), DAY.format(from),
        DAY.format(from.plusDays(6)), index >= options.weeks() + 1 ? ", after the program" : "",
        parts.isEmpty() ? "quiet" : String.join(", ", parts));
    transcript.blank();
    transcript.always(line);
    transcript.blank();
    weekStart = now;
  }

  /** Weeks simulated: the set-up week and the program's weeks (it starts on a Tuesday), then the weeks after it. */
  private int totalWeeks() {
    return (int) Math.ceil(Duration.between(start, end).toDays() / 7.0);
  }

  /** The summary: the program's figures as the bot defines them, the very ones its report shows. */
  private void summary(Duration took) {
    Map<String, Long> f = figures();
    story.summaryFigures = f;
    story.summaryAt = clock.instant();
    transcript.blank();
    transcript.always(String.format("Summary: %d simulated weeks in %.1f s (seed %d); the program ran %d weeks, %s to %s",
        totalWeeks(), took.toMillis() / 1000.0, options.seed(), options.weeks(), DAY.format(FIRST_DAY),
        DAY.format(lastDay(options.weeks()))));
    transcript.always("  " + cast.participants().size() + " participants imported; " + words(f, "pairs_proposed") + ", "
        + words(f, "pairs_accepted") + ", " + words(f, "pairs_declined")
        + (decliner != null && declined ? " (" + decliner + ", then matched with "
            + (rematchedWith == null ? "nobody yet" : rematchedWith) + ")" : ""));
    unmatched.forEach(u -> transcript.always("  " + u));
    transcript.always("  " + words(f, "introductions") + " " + workspace.wording().pairPlace() + ", "
        + words(f, "meetings_booked") + ", " + words(f, "meetings_held") + ", " + words(f, "reminders_sent") + ", "
        + words(f, "check_ins_sent") + ", " + words(f, "check_ins_answered") + " (" + words(f, "answered_met") + ", "
        + words(f, "answered_not_yet") + ", " + words(f, "answered_rescheduled") + ")");
    transcript.always("  " + words(f, "gentle_nudges") + ", " + words(f, "at_risk_alerts") + ", "
        + words(f, "coordinator_nudges") + ", " + words(f, "help_requests") + "; " + words(f, "messages_sent") + " in all");
    summaryLines.forEach(l -> transcript.always("  " + l));
    if (finalStatus != null) {
      transcript.always("Final status (what " + cast.coordinator().name() + " saw at the end):");
      transcript.always("  " + finalStatus.headline());
      finalStatus.fields().forEach(x -> transcript.always("  " + x));
    }
    if (!produced.isEmpty()) {
      transcript.always("Files from the report:");
      produced.forEach((what, file) -> transcript.always("  " + what + ": " + file.toAbsolutePath()));
    }
  }

  private static String words(Map<String, Long> figures, String name) {
    return ProgramActivity.label(name, figures.getOrDefault(name, 0L));
  }

  private static byte[] sampleCsv() throws IOException {
    try (InputStream in = DemoRun.class.getResourceAsStream("/sample/participants.csv")) {
      if (in == null) {
        throw new IllegalStateException("the sample participants.csv is missing from the jar");
      }
      return in.readAllBytes();
    }
  }

  private static void deleteQuietly(Path dir) {
    try (var files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary directory left behind is not worth failing the demo for
    }
  }
}
