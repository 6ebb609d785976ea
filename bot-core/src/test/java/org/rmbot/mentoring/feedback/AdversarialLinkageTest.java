package org.rmbot.mentoring.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rmbot.mentoring.access.Actor;
import org.rmbot.mentoring.participant.Person;
import org.rmbot.mentoring.participant.Role;
import org.rmbot.mentoring.privacy.SealedBox;
import org.rmbot.mentoring.privacy.SecretKey;
import org.rmbot.mentoring.program.Direction;
import org.rmbot.mentoring.program.NewProgram;
import org.rmbot.mentoring.program.Program;
import org.rmbot.mentoring.program.ProgramSettings;
import org.rmbot.mentoring.testing.TestDatabase;
import org.rmbot.mentoring.testing.World;

/**
 * The adversary has the whole database (every table, Postgres' system columns ctid, xmin and
 * cmin, the order rows come back in), the server secret, and knows who answered in which
 * order (from the sealed answers' xmin while the campaign was open). In each of {@value #TRIALS}
 * campaigns three people answer (k = 3, the lowest allowed). For every way of ordering the
 * released rows, the test counts
 * where each person's answer landed: with no link, each person's row is at each position a
 * third of the time. A leak puts it at the same position every time.
 *
 * <p>The same harness run on a naive table (one row per answer, inserted as people answer)
 * finds the link at once, so the test can fail. {@link WalLinkageTest} plays the harder
 * adversary: the WAL, every page, and when each person clicked.
 */
class AdversarialLinkageTest {
  private static final int TRIALS = 30;
  private static final int PEOPLE = 3;
  /**
   * With no link, a person's row lands at a given position Binomial(30, 1/3) times: 24 or more
   * happens with probability 2e-7 per cell, so across every strategy and cell a false alarm is
   * below one in ten thousand. A link puts it there 30 times out of 30.
   */
  private static final int CHANCE_LIMIT = 23;
  private static final SecretKey SECRET = SecretKey.of("an-adversarial-test-secret-that-is-long-enough");

  @RegisterExtension final TestDatabase db = new TestDatabase();

  /** Ways an adversary can order rows, as ORDER BY clauses over the table's own and system columns. */
  private static final Map<String, String> ORDERINGS = orderings();

  private static Map<String, String> orderings() {
    Map<String, String> o = new LinkedHashMap<>();
    o.put("the order rows come back in", "");
    for (String column : List.of("ctid", "xmin::text::bigint", "cmin::text::bigint", "id", "answers::text", "role")) {
      o.put(column, "order by " + column + ", ctid");
      o.put(column + " desc", "order by " + column + " desc, ctid desc");
    }
    return o;
  }

  private record Trial(long campaignId, List<String> tokensInAnswerOrder, List<String> boxOrderBeforeClose) {}

  @Test
  void noOrderingOrJoinLinksAReleasedAnswerToItsAuthorBetterThanChance() {
    World world = new World(db.jdbi());
    AnonymousFeedback feedback = new AnonymousFeedback(db.jdbi(), new SealedBox(SECRET), SECRET, world.programs,
        world.participants, new FeedbackFormsInDatabase(db.jdbi(), world.clock), CampaignSchedule.NONE, world.audit,
        world.clock);
    Program program = world.programs.create(new NewProgram("Linkage", "Allyship", Direction.REVERSE,
        LocalDate.of(2026, 1, 5), LocalDate.of(2026, 7, 5), 14, 45,
        new ProgramSettings(3, ZoneId.of("UTC"), 1, 2, 365)));
    List<Person> people = new ArrayList<>();
    for (int i = 0; i < PEOPLE; i++) {
      Person p = world.aPerson("Respondent " + i);
      var mentor = world.enrol(program, p, Role.MENTOR, 2, "Dept " + i);
      people.add(p);
      // feedback asks people in a pairing: each respondent mentors someone
      var mentee = world.enrol(program, world.aPerson("Mentee " + i), Role.MENTEE, 8, "Other " + i);
      world.activePairing(program, mentor, mentee);
    }
    Actor coordinator = Actor.person(world.aPerson("Coordinator").id());
    Random random = new Random();
    List<Trial> trials = new ArrayList<>();

    for (int t = 0; t < TRIALS; t++) {
      Campaign campaign = feedback.open(program.id(), Purpose.FEEDBACK, CampaignAudience.MENTORS,
          world.clock.instant().plus(Duration.ofDays(2)), coordinator).value();
      List<Person> order = new ArrayList<>(people);
      Collections.shuffle(order, random);
      List<String> tokens = new ArrayList<>();
      for (Person p : order) {
        String token = UUID.randomUUID().toString();
        tokens.add(token);
        int score = 1 + random.nextInt(5);
        String ballotToken = WalLinkageTest.buttonValue(feedback.invitation(campaign.id(), p.id(), ZoneId.of("UTC")).orElseThrow());
        assertThat(feedback.submit(ballotToken, Map.of("safe", "" + score, "working", "" + score,
            "learned", "" + score, "comment", token))).isInstanceOf(Submission.Accepted.class);
        world.clock.advance(Duration.ofMinutes(1 + random.nextInt(30)));
      }
      // what the adversary knows while it is open: the order people answered in (the sealed answers' xmin)
      List<Long> xmins = db.jdbi().withHandle(h -> h.createQuery(
              "select xmin::text::bigint from feedback_sealed_ballot where campaign_id = :c order by xmin::text::bigint")
          .bind("c", campaign.id()).mapTo(Long.class).list());
      assertThat(xmins).as("the adversary does know when each answer came").hasSize(PEOPLE);
      trials.add(new Trial(campaign.id(), tokens, List.of()));

      world.clock.advance(Duration.ofHours(random.nextInt(5)));
      feedback.closeCollecting(program.id(), coordinator);
      world.clock.advance(Duration.ofDays(3));
    }

    // every strategy, on the released rows
    Map<String, int[][]> found = new LinkedHashMap<>();
    for (var ordering : ORDERINGS.entrySet()) {
      found.put(ordering.getKey(), positions(trials, t -> released("feedback_response", t.campaignId(), ordering.getValue())));
    }
    found.forEach((strategy, cells) -> assertThat(max(cells)).as("%s: %s", strategy, show(cells)).isLessThanOrEqualTo(CHANCE_LIMIT));

    // no join from any column of any table to any column of the answers tells them apart
    assertThat(discriminatingJoins()).isEmpty();

    // no time finer than the campaign: no time columns, and one transaction and one statement wrote each campaign's rows
    List<String> columns = strings(
        "select column_name || ' ' || data_type from information_schema.columns where table_name = 'feedback_response' order by ordinal_position");
    assertThat(columns).containsExactly("id uuid", "campaign_id bigint", "role text", "answers jsonb");
    assertThat(count(
            """
            select count(*) from (select campaign_id from feedback_response group by campaign_id
                                   having count(distinct xmin::text) > 1 or count(distinct cmin::text) > 1) x"""))
        .isZero();
    List<String> foreignKeys = strings(
        "select pg_get_constraintdef(oid) from pg_constraint where conrelid = 'feedback_response'::regclass and contype = 'f'");
    assertThat(foreignKeys).containsExactly("FOREIGN KEY (campaign_id) REFERENCES feedback_campaign(id) ON DELETE CASCADE");
    assertThat(count("select count(*) from feedback_token")).isZero();
    assertThat(count("select count(*) from feedback_sealed_ballot")).isZero();
    assertThat(count("select count(*) from feedback_response")).isEqualTo(TRIALS * PEOPLE);
  }

  @Test
  void theHarnessFindsTheLinkInANaiveTableWithARowPerAnswer() {
    db.jdbi().useHandle(h -> h.execute("create table naive_response (id uuid primary key, campaign_id bigint, role text, answers jsonb)"));
    Random random = new Random();
    List<Trial> trials = new ArrayList<>();
    for (int t = 0; t < TRIALS; t++) {
      List<String> tokens = new ArrayList<>();
      for (int p = 0; p < PEOPLE; p++) {
        String token = UUID.randomUUID().toString();
        tokens.add(token);
        long campaign = t;
        // each answer in its own transaction, as it arrives: random ids do not help
        db.jdbi().useHandle(h -> h.createUpdate(
                "insert into naive_response values (cast(:id as uuid), :c, 'mentor', cast(:a as jsonb))")
            .bind("id", UUID.randomUUID().toString()).bind("c", campaign)
            .bind("a", "{\"safe\": " + (1 + random.nextInt(5)) + ", \"comment\": \"" + token + "\"}").execute());
      }
      trials.add(new Trial(t, tokens, List.of()));
    }
    assertThat(max(positions(trials, t -> released("naive_response", t.campaignId(), ORDERINGS.get("ctid")))))
        .isEqualTo(TRIALS);
    assertThat(max(positions(trials, t -> released("naive_response", t.campaignId(), ORDERINGS.get("xmin::text::bigint")))))
        .isEqualTo(TRIALS);
    assertThat(max(positions(trials, t -> released("naive_response", t.campaignId(), "")))).isEqualTo(TRIALS);
  }

  /** The comments of one campaign's rows in the strategy's order. */
  private List<String> released(String table, long campaignId, String orderBy) {
    return db.jdbi().withHandle(h -> h.createQuery(
            "select answers->>'comment' from " + table + " where campaign_id = :c " + orderBy)
        .bind("c", campaignId).mapTo(String.class).list());
  }

  /** cells[r][j]: in how many trials the r-th person to answer had their answer at position j. */
  private static int[][] positions(List<Trial> trials, java.util.function.Function<Trial, List<String>> strategy) {
    int[][] cells = new int[PEOPLE][PEOPLE];
    for (Trial trial : trials) {
      List<String> ranked = strategy.apply(trial);
      assertThat(ranked).hasSize(PEOPLE);
      for (int r = 0; r < PEOPLE; r++) {
        cells[r][ranked.indexOf(trial.tokensInAnswerOrder().get(r))]++;
      }
    }
    return cells;
  }

  private static int max(int[][] cells) {
    int max = 0;
    for (int[] row : cells) {
      for (int c : row) {
        max = Math.max(max, c);
      }
    }
    return max;
  }

  private static String show(int[][] cells) {
    StringBuilder s = new StringBuilder();
    for (int[] row : cells) {
      s.append(java.util.Arrays.toString(row));
    }
    return s.toString();
  }

  /**
   * Every join between a column of the answers (their own and ctid, xmin, cmin) and any column
   * (or xmin) of any other table, by text value: the joins that match different numbers of rows
   * for different answers of one campaign, i.e. that could tell them apart.
   */
  private List<String> discriminatingJoins() {
    return db.jdbi().withHandle(h -> {
      Map<String, List<String>> columnsByTable = new LinkedHashMap<>();
      h.createQuery(
              """
              select c.table_name, c.column_name from information_schema.columns c
              join information_schema.tables t on t.table_name = c.table_name and t.table_schema = c.table_schema
              where c.table_schema = 'public' and t.table_type = 'BASE TABLE' and c.table_name <> 'feedback_response'
              order by 1, 2""")
          .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)})
          .forEach(tc -> columnsByTable.computeIfAbsent(tc[0], t -> new ArrayList<>(List.of("xmin"))).add(tc[1]));
      List<String> answerColumns = List.of("id", "campaign_id", "role", "answers", "ctid", "xmin", "cmin");
      List<String> found = new ArrayList<>();
      columnsByTable.forEach((table, columns) -> {
        List<String> joins = new ArrayList<>();
        List<String> counts = new ArrayList<>();
        for (String a : answerColumns) {
          for (String c : columns) {
            joins.add("feedback_response." + a + " = " + table + "." + c);
            counts.add("(select count(*) from \"" + table + "\" t where t.\"" + c + "\"::text = r." + a + "::text)");
          }
        }
        // per answer, how many rows each join matches; one campaign's answers must all match alike
        Map<Long, Object[]> perCampaign = new LinkedHashMap<>();
        h.createQuery("select r.campaign_id, array[" + String.join(", ", counts) + "] from feedback_response r")
            .map((rs, ctx) -> Map.entry(rs.getLong(1), (Object[]) rs.getArray(2).getArray()))
            .forEach(row -> {
              Object[] first = perCampaign.putIfAbsent(row.getKey(), row.getValue());
              if (first != null) {
                for (int i = 0; i < first.length; i++) {
                  if (!first[i].equals(row.getValue()[i]) && !found.contains(joins.get(i))) {
                    found.add(joins.get(i));
                  }
                }
              }
            });
      });
      return found;
    });
  }

  private List<String> strings(String sql) {
    return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(String.class).list());
  }

  private int count(String sql) {
    return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
  }
}
