package org.rmbot.mentoring.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.rmbot.mentoring.access.Actor;
import org.rmbot.mentoring.chat.Block;
import org.rmbot.mentoring.chat.ChatMessage;
import org.rmbot.mentoring.participant.Person;
import org.rmbot.mentoring.participant.Role;
import org.rmbot.mentoring.persistence.Database;
import org.rmbot.mentoring.persistence.ReadOnlyScope;
import org.rmbot.mentoring.personaldata.Erasure;
import org.rmbot.mentoring.privacy.SealedBox;
import org.rmbot.mentoring.privacy.SecretKey;
import org.rmbot.mentoring.program.Direction;
import org.rmbot.mentoring.program.NewProgram;
import org.rmbot.mentoring.program.Program;
import org.rmbot.mentoring.program.ProgramSettings;
import org.rmbot.mentoring.testing.PersistentStyleServer;
import org.rmbot.mentoring.testing.World;

/**
 * The strongest adversary we can name, played on the persistent server as users run it (fsync
 * and full_page_writes on, the bot as its own non-superuser role; {@link PersistentStyleServer}):
 * it holds the superuser and the server secret, reads every table and every heap page
 * (pageinspect, dead row versions included) and the whole WAL (pg_walinspect: every record's
 * data and every full-page image, in commit order), and knows when each person was invited,
 * clicked and was thanked (the WAL position before their click and after their answer).
 *
 * <p>The content adversary opens every sealed value it can find anywhere with the key and
 * reads every plain answer; for each answer it finds the first WAL record in which it became
 * readable. The timing adversary then asks who had answered by then. The property: answers
 * become readable only in groups of at least k of one role, in one transaction; so the best
 * it can do is pick one of those k (the test plays "the latest person to answer before it
 * became readable", which on the design before this one linked every answer). Below k, no
 * answer ever becomes readable. Run mid-campaign after a CHECKPOINT, after close, for a below-k
 * campaign, and with a respondent who used forget-me.
 */
@Tag("slow")
class WalLinkageTest {
  private static final SecretKey SECRET = SecretKey.of("a-wal-adversary-secret-that-is-long-enough-too");
  private static final int K = 3;
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static PersistentStyleServer server;

  private Database database;
  private Jdbi jdbi;
  private Jdbi superuser;
  private World world;
  private AnonymousFeedback feedback;
  private Program program;
  private Actor coordinator;

  @BeforeAll
  static void startServer() {
    server = PersistentStyleServer.start();
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @BeforeEach
  void setUp() {
    database = server.freshDatabase("wal" + DATABASES.incrementAndGet());
    jdbi = database.jdbi();
    superuser = server.superuser();
    String settings = jdbi.withHandle(h -> h.createQuery("select current_setting('fsync') || current_setting('full_page_writes')"
        + " || current_setting('synchronous_commit')").mapTo(String.class).one());
    assertThat(settings).as("fsync, full_page_writes, synchronous_commit").isEqualTo("ononon");
    world = new World(jdbi);
    FeedbackFormsInDatabase forms = new FeedbackFormsInDatabase(jdbi, world.clock);
    feedback = new AnonymousFeedback(jdbi, new SealedBox(SECRET), SECRET, world.programs, world.participants, forms,
        CampaignSchedule.NONE, world.audit, world.clock);
    program = world.programs.create(new NewProgram("Wal", "Allyship", Direction.REVERSE, LocalDate.of(2026, 1, 5),
        LocalDate.of(2026, 7, 5), 14, 45, new ProgramSettings(K, ZoneId.of("UTC"), 1, 2, 365)));
    // a short form, so a box of a dozen answers stays inside its heap row (no TOAST to reassemble)
    forms.save(program.id(), Purpose.FEEDBACK, new FeedbackForm("Short", List.of(
        new Question.Scale("safe", "I felt safe", "no", "yes", false),
        new Question.Text("note", "A word", 10, false))));
    coordinator = Actor.person(world.aPerson("Coordinator").id());
  }

  @AfterEach
  void tearDown() {
    database.close();
  }

  /** One person: their role, the unique word they answer with, and when they clicked and were thanked. */
  private record Respondent(Person person, Role role, String marker, long clickedAt, long thankedAt) {}

  /** Where the adversary first could read an answer: the WAL position, its transaction, the role it carried. */
  private record Sighting(long lsn, String xid, String role) {}

  @Test
  void answersBecomeReadableOnlyInGroupsOfKPerRole_midCampaignAfterACheckpoint_andAfterClose_withForgetMe() {
    long start = lsn();
    List<Person> mentors = people(7, Role.MENTOR);
    List<Person> mentees = people(6, Role.MENTEE);
    Campaign campaign = open(CampaignAudience.EVERYONE);
    List<Person> everyone = new ArrayList<>(mentors);
    everyone.addAll(mentees);
    java.util.Collections.shuffle(everyone, new Random(7));
    Map<String, Respondent> byMarker = new LinkedHashMap<>();
    // answers spread over five hours, the mixer's round every few minutes
    for (int i = 0; i < everyone.size(); i++) {
      Person p = everyone.get(i);
      Respondent r = answer(campaign, p, mentors.contains(p) ? Role.MENTOR : Role.MENTEE, "m" + i + "x" + p.id());
      byMarker.put(r.marker(), r);
      world.clock.advance(Duration.ofMinutes(23));
      tick();
    }
    // forget-me by someone who answered: their answer must stay in the crowd
    new Erasure(jdbi, feedback, world.audit, world.clock).forget(everyone.get(2).id(), Actor.person(everyone.get(2).id()), null);
    superuser.useHandle(h -> h.execute("checkpoint"));

    Map<String, Sighting> midway = adversary(start, lsn(), campaign, byMarker.keySet());
    assertGroupsOfAtLeastK(midway);
    assertThat(midway).as("some answers were mixed before close, in groups").isNotEmpty();
    assertThat(latestBeforeGuesses(midway, byMarker)).as("links by timing, mid-campaign").isLessThanOrEqualTo(groups(midway));

    world.clock.advance(Duration.ofDays(2));
    feedback.closeCollecting(program.id(), coordinator);
    superuser.useHandle(h -> h.execute("checkpoint"));
    Map<String, Sighting> all = adversary(start, lsn(), campaign, byMarker.keySet());
    assertThat(all.keySet()).as("every answer is readable once released").containsExactlyInAnyOrderElementsOf(byMarker.keySet());
    assertGroupsOfAtLeastK(all);
    int linked = latestBeforeGuesses(all, byMarker);
    assertThat(linked).as("answers linked by 'the latest person to answer before it became readable'")
        .isLessThanOrEqualTo(groups(all));
    assertThat(groups(all)).isLessThanOrEqualTo(byMarker.size() / K);
  }

  @Test
  void aCampaignBelowKNeverHasAReadableAnswerAnywhere() {
    long start = lsn();
    List<Person> two = people(2, Role.MENTOR);
    Campaign campaign = open(CampaignAudience.MENTORS);
    List<String> markers = new ArrayList<>();
    for (Person p : two) {
      markers.add(answer(campaign, p, Role.MENTOR, "low" + p.id()).marker());
      world.clock.advance(Duration.ofHours(2));
      tick();
    }
    world.clock.advance(Duration.ofDays(2));
    tick();
    assertThat(feedback.find(campaign.id()).orElseThrow().released()).isTrue();
    superuser.useHandle(h -> h.execute("checkpoint"));
    assertThat(adversary(start, lsn(), campaign, markers)).as("deleted unread: never readable, in no table, page or WAL record")
        .isEmpty();
  }

  // the bot's side, as a person uses it

  private Campaign open(CampaignAudience audience) {
    return feedback.open(program.id(), Purpose.FEEDBACK, audience, world.clock.instant().plus(Duration.ofDays(1)),
        coordinator).value();
  }

  private List<Person> people(int n, Role role) {
    List<Person> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Person p = world.aPerson(role.code() + " " + i);
      var self = world.enrol(program, p, role, role == Role.MENTOR ? 2 : 7, "Dept " + role + i);
      out.add(p);
      // feedback asks people in a pairing: each has a partner who does not answer
      Role other = role == Role.MENTOR ? Role.MENTEE : Role.MENTOR;
      var partner = world.enrol(program, world.aPerson("partner of " + role.code() + " " + i), other,
          other == Role.MENTOR ? 2 : 7, "Other " + role + i);
      world.activePairing(program, role == Role.MENTOR ? self : partner, role == Role.MENTOR ? partner : self);
    }
    return out;
  }

  /** Invited, clicks, answers with a word of their own; the adversary notes the WAL position around it. */
  private Respondent answer(Campaign campaign, Person person, Role role, String marker) {
    String token = buttonValue(feedback.invitation(campaign.id(), person.id(), ZoneOffset.UTC).orElseThrow());
    long clicked = lsn();
    assertThat(ReadOnlyScope.run(() -> feedback.formFor(token, ZoneOffset.UTC))).isNotNull();
    Submission done = ReadOnlyScope.run(() -> feedback.submit(token, Map.of("safe", "3", "note", marker)));
    assertThat(done).isInstanceOf(Submission.Accepted.class);
    return new Respondent(person, role, marker, clicked, lsn());
  }

  private void tick() {
    feedback.tick();
  }

  static String buttonValue(ChatMessage message) {
    return message.blocks().stream().filter(Block.Actions.class::isInstance).map(Block.Actions.class::cast)
        .flatMap(a -> a.buttons().stream()).map(Block.Button::value).findFirst().orElseThrow();
  }

  // the adversary

  private long lsn() {
    return superuser.withHandle(h -> h.createQuery("select (pg_current_wal_insert_lsn() - '0/0'::pg_lsn)::bigint")
        .mapTo(Long.class).one());
  }

  /**
   * Every answer the adversary can read, with where it first became readable: sealed values
   * opened with the key (the ballot box) and plain answers, in every WAL record's data and
   * full-page image, and in every heap page of every table now (dead row versions too).
   */
  private Map<String, Sighting> adversary(long from, long to, Campaign campaign, java.util.Collection<String> words) {
    SealedBox key = new SealedBox(SECRET);
    Map<String, Sighting> first = new HashMap<>();
    // what the released rows say (read from the table), so their words can be looked for in plain
    Map<String, String> releasedRoles = new HashMap<>();
    superuser.useHandle(h -> h.createQuery("select answers->>'note', coalesce(role, 'null') from feedback_response")
        .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2))).forEach(e -> releasedRoles.put(e.getKey(), e.getValue())));
    List<byte[]> needles = words.stream().map(w -> w.getBytes(StandardCharsets.UTF_8)).toList();
    superuser.useHandle(h -> h.createQuery(
            """
            select (start_lsn - '0/0'::pg_lsn)::bigint, coalesce(xid::text, ''), block_data, block_fpi_data
            from pg_get_wal_block_info(cast(:from as text)::pg_lsn, cast(:to as text)::pg_lsn, true)
            where reldatabase = (select oid from pg_database where datname = current_database())
            order by start_lsn""")
        .bind("from", lsnText(from)).bind("to", lsnText(to))
        .map((rs, ctx) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getBytes(3), rs.getBytes(4)})
        .forEach(row -> {
          for (int i = 2; i <= 3; i++) {
            byte[] data = (byte[]) row[i];
            if (data != null) {
              Sighting here = new Sighting((long) row[0], (String) row[1], null);
              read(key, campaign.id(), data).forEach((marker, role) ->
                  first.putIfAbsent(marker, new Sighting(here.lsn(), here.xid(), role)));
              for (byte[] needle : needles) {
                String word = new String(needle, StandardCharsets.UTF_8);
                if (!first.containsKey(word) && indexOf(data, needle) >= 0) {
                  first.put(word, new Sighting(here.lsn(), here.xid(), releasedRoles.getOrDefault(word, "plain")));
                }
              }
            }
          }
        }));
    // the tables as they are now, page by page
    List<String> tables = superuser.withHandle(h -> h.createQuery(
            "select c.oid::regclass::text from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                + " where c.relkind in ('r', 't') and n.nspname in ('public', 'pg_toast')")
        .mapTo(String.class).list());
    for (String table : tables) {
      int pages = superuser.withHandle(h -> h.createQuery("select pg_relation_size(cast(:t as regclass)) / 8192")
          .bind("t", table).mapTo(Integer.class).one());
      for (int p = 0; p < pages; p++) {
        int page = p;
        byte[] raw = superuser.withHandle(h -> h.createQuery("select get_raw_page(:t, :p)").bind("t", table).bind("p", page)
            .mapTo(byte[].class).one());
        read(key, campaign.id(), raw).forEach((marker, role) -> first.putIfAbsent(marker, new Sighting(to, "now", role)));
        for (byte[] needle : needles) {
          String word = new String(needle, StandardCharsets.UTF_8);
          if (!first.containsKey(word) && indexOf(raw, needle) >= 0) {
            first.put(word, new Sighting(to, "now", releasedRoles.getOrDefault(word, "plain")));
          }
        }
      }
    }
    return first;
  }

  /** Answers readable in these bytes: sealed values (4-byte varlena headers at every offset) opened with the key, and plain JSON. */
  private static Map<String, String> read(SealedBox key, long campaignId, byte[] data) {
    Map<String, String> found = new LinkedHashMap<>();
    for (int i = 0; i + 5 < data.length; i++) {
      if (data[i + 4] != 1) {
        continue;
      }
      long header = (data[i] & 0xffL) | (data[i + 1] & 0xffL) << 8 | (data[i + 2] & 0xffL) << 16 | (data[i + 3] & 0xffL) << 24;
      long total = header >>> 2;
      if ((header & 3) != 0 || total < 33 || i + total > data.length) {
        continue;
      }
      try {
        String plain = key.open(Arrays.copyOfRange(data, i + 4, (int) (i + total)), BallotBox.context(campaignId));
        for (String line : plain.split("\n")) {
          if (!line.isBlank()) {
            Ballot b = Ballot.fromJson(line.strip());
            found.put((String) b.answers().get("note"), String.valueOf(b.role()));
          }
        }
      } catch (SealedBox.SealedBoxException e) {
        // not a sealed value of this key
      }
    }
    return found;
  }

  private static int indexOf(byte[] data, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= data.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (data[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static String lsnText(long lsn) {
    return Long.toHexString(lsn >>> 32).toUpperCase() + "/" + Long.toHexString(lsn & 0xffffffffL).toUpperCase();
  }

  /** Answers first readable in the same transaction form a group; each must hold at least k, and k of each role it shows. */
  private static void assertGroupsOfAtLeastK(Map<String, Sighting> sightings) {
    Map<String, List<Sighting>> groups = new TreeMap<>();
    sightings.values().forEach(s -> groups.computeIfAbsent(s.xid(), x -> new ArrayList<>()).add(s));
    groups.forEach((xid, group) -> {
      assertThat(group).as("answers first readable together in transaction %s", xid).hasSizeGreaterThanOrEqualTo(K);
      Map<String, Integer> perRole = new TreeMap<>();
      group.forEach(s -> perRole.merge(s.role(), 1, Integer::sum));
      perRole.forEach((role, n) -> assertThat(n).as("role %s in transaction %s", role, xid).isGreaterThanOrEqualTo(K));
    });
  }

  private static int groups(Map<String, Sighting> sightings) {
    return (int) sightings.values().stream().map(Sighting::xid).distinct().count();
  }

  /**
   * The timing adversary's guess for each readable answer: the person who was between their click
   * and their thanks when it became readable, else whoever was thanked last before.
   */
  private static int latestBeforeGuesses(Map<String, Sighting> sightings, Map<String, Respondent> byMarker) {
    int right = 0;
    for (var e : sightings.entrySet()) {
      long at = e.getValue().lsn();
      Respondent guess = byMarker.values().stream().filter(r -> r.clickedAt() <= at && at <= r.thankedAt()).findFirst()
          .orElse(null);
      for (Respondent r : byMarker.values()) {
        if (guess != null && guess.clickedAt() <= at && at <= guess.thankedAt()) {
          break;
        }
        if (r.thankedAt() <= at && (guess == null || r.thankedAt() > guess.thankedAt())) {
          guess = r;
        }
      }
      if (guess != null && guess.marker().equals(e.getKey())) {
        right++;
      }
    }
    return right;
  }

}
