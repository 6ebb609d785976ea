package org.rmbot.mentoring.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Random small programs checked against an oracle written separately from the engine: its own
 * constraint checks, a minute-by-minute working-hours overlap, and brute force over every way
 * of giving each mentee a mentor or nobody.
 */
class MatchingEnginePropertyTest {
  private static final String[] DEPARTMENTS = {"Finance", "Sales", "Legal"};
  private static final String[] TOPICS = {"ai", "allyship", "culture", "data"};
  private static final String[] LANGUAGES = {"English", "French"};
  private static final int[] OFFSET_HOURS = {0, 5, -8};

  private final MatchingEngine engine = new MatchingEngine();

  @Property(tries = 300)
  void proposesOnlyAllowedPairsWithinCapacityAndAsManyAndAsGoodAsBruteForce(
      @ForAll long seed) {
    Program program = Program.random(new Random(seed));

    MatchProposal proposal =
        engine.propose(program.rules, program.candidates, ReportingLines.of(program.managers));

    Oracle oracle = new Oracle(program);
    Map<Long, Integer> load = new HashMap<>();
    Set<Long> pairedMentees = new HashSet<>();
    for (ProposedPair pair : proposal.pairs()) {
      Candidate mentor = program.byId.get(pair.mentorParticipantId());
      Candidate mentee = program.byId.get(pair.menteeParticipantId());
      assertThat(oracle.allowed(mentor, mentee)).as("hard constraints hold for %s", pair).isTrue();
      assertThat(pair.score()).isEqualTo(oracle.score(mentor, mentee));
      assertThat(pairedMentees.add(mentee.participantId())).as("mentee paired once").isTrue();
      load.merge(mentor.participantId(), 1, Integer::sum);
    }
    load.forEach(
        (id, n) -> assertThat(n).as("load of mentor %d", id).isLessThanOrEqualTo(program.byId.get(id).capacity()));
    for (Pin pin : program.rules.pins()) {
      assertThat(proposal.pairs())
          .anySatisfy(
              p -> {
                assertThat(p.mentorParticipantId()).isEqualTo(pin.mentorParticipantId());
                assertThat(p.menteeParticipantId()).isEqualTo(pin.menteeParticipantId());
                assertThat(p.pinned()).isTrue();
              });
    }

    // Nobody silently dropped.
    Set<Long> reported = new HashSet<>();
    proposal.unmatched().forEach(u -> reported.add(u.participantId()));
    for (Candidate c : program.candidates) {
      boolean paired =
          c.side() == Side.MENTEE
              ? pairedMentees.contains(c.participantId())
              : load.containsKey(c.participantId());
      assertThat(paired ^ reported.contains(c.participantId()))
          .as("%s is either paired or reported unmatched", c.label())
          .isTrue();
    }
    for (Unmatched u : proposal.unmatched()) {
      boolean anyEligible = oracle.eligiblePartners(program.byId.get(u.participantId())) > 0;
      assertThat(u.reason() instanceof UnmatchedReason.CapacityTaken).isEqualTo(anyEligible);
    }

    long[] best = oracle.bestCountAndScore();
    assertThat(proposal.pairs()).hasSize((int) best[0]);
    assertThat(proposal.totalScore()).isEqualTo(best[1]);
  }

  /** A random program small enough for brute force. */
  static final class Program {
    final List<Candidate> candidates = new ArrayList<>();
    final Map<Long, Candidate> byId = new HashMap<>();
    final List<Candidate> mentors = new ArrayList<>();
    final List<Candidate> mentees = new ArrayList<>();
    final Map<Long, Long> managers = new HashMap<>();
    MatchingRules rules;

    static Program random(Random r) {
      Program p = new Program();
      int nm = 1 + r.nextInt(5);
      int ne = 1 + r.nextInt(6);
      for (int i = 0; i < nm; i++) {
        p.add(candidate(r, 1 + i, 1 + i, Side.MENTOR));
      }
      for (int i = 0; i < ne; i++) {
        // Now and then the same person is on both sides.
        long person = r.nextInt(8) == 0 ? 1 + r.nextInt(nm) : 100 + i;
        p.add(candidate(r, 100 + i, person, Side.MENTEE));
      }
      List<Long> people = new ArrayList<>();
      p.candidates.forEach(c -> people.add(c.personId()));
      people.add(900L); // someone outside the program
      for (long person : people) {
        if (r.nextInt(3) > 0) {
          p.managers.put(person, people.get(r.nextInt(people.size())));
        }
      }
      Direction direction = Direction.values()[r.nextInt(3)];
      p.rules =
          new MatchingRules(
              direction,
              r.nextInt(4),
              r.nextInt(4),
              randomPairs(r, people),
              randomPairs(r, people),
              randomPairs(r, people),
              List.of(),
              new ScoreWeights(r.nextInt(11), r.nextInt(11), r.nextInt(5), r.nextInt(11)),
              r.nextBoolean());
      if (r.nextBoolean()) {
        Oracle oracle = new Oracle(p);
        List<Pin> allowed = new ArrayList<>();
        for (Candidate m : p.mentors) {
          for (Candidate e : p.mentees) {
            if (oracle.allowed(m, e)) {
              allowed.add(new Pin(m.participantId(), e.participantId()));
            }
          }
        }
        if (!allowed.isEmpty()) {
          p.rules = p.rules.withPins(List.of(allowed.get(r.nextInt(allowed.size()))));
        }
      }
      return p;
    }

    private void add(Candidate c) {
      candidates.add(c);
      byId.put(c.participantId(), c);
      (c.side() == Side.MENTOR ? mentors : mentees).add(c);
    }

    private static Candidate candidate(Random r, long id, long person, Side side) {
      int start = r.nextInt(24);
      int length = 4 + r.nextInt(7);
      return new Candidate(
          id,
          person,
          side + " " + id,
          side,
          1 + r.nextInt(9),
          DEPARTMENTS[r.nextInt(DEPARTMENTS.length)],
          someOf(r, TOPICS),
          someOf(r, TOPICS),
          ZoneOffset.ofHours(OFFSET_HOURS[r.nextInt(OFFSET_HOURS.length)]),
          LocalTime.of(start, 0),
          LocalTime.of((start + length) % 24, 0),
          someOf(r, LANGUAGES),
          1 + r.nextInt(2));
    }

    private static Set<String> someOf(Random r, String[] pool) {
      Set<String> s = new HashSet<>();
      for (String x : pool) {
        if (r.nextInt(3) == 0) {
          s.add(x);
        }
      }
      return s;
    }

    private static Set<PersonPair> randomPairs(Random r, List<Long> people) {
      Set<PersonPair> pairs = new HashSet<>();
      for (int k = r.nextInt(3); k > 0; k--) {
        pairs.add(PersonPair.of(people.get(r.nextInt(people.size())), people.get(r.nextInt(people.size()))));
      }
      return pairs;
    }
  }

  /** The rules re-stated plainly, without the engine's indices, bit sets or windows. */
  static final class Oracle {
    private final Program p;

    Oracle(Program p) {
      this.p = p;
    }

    boolean allowed(Candidate mentor, Candidate mentee) {
      MatchingRules rules = p.rules;
      PersonPair pair = PersonPair.of(mentor.personId(), mentee.personId());
      int gap = rules.minGradeGap();
      int mg = mentor.grade();
      int eg = mentee.grade();
      boolean grades =
          switch (rules.direction()) {
            case REVERSE -> mg + gap <= eg;
            case TRADITIONAL -> eg + gap <= mg;
            case RECIPROCAL -> Math.abs(mg - eg) >= gap;
          };
      return mentor.personId() != mentee.personId()
          && !mentor.department().equalsIgnoreCase(mentee.department())
          && !rules.neverPair().contains(pair)
          && !rules.previouslyPaired().contains(pair)
          && !rules.declined().contains(pair)
          && !above(mentor.personId(), mentee.personId())
          && !above(mentee.personId(), mentor.personId())
          && grades
          // two people who both name languages share one, unless the program allows otherwise
          && (!rules.requireSharedLanguage() || mentor.languages().isEmpty() || mentee.languages().isEmpty()
              || common(mentor.languages(), mentee.languages()) > 0);
    }

    /** Is {@code boss} among {@code person}'s managers within the depth (at least one level)? */
    private boolean above(long boss, long person) {
      Long current = p.managers.get(person);
      for (int level = 0; level < Math.max(1, p.rules.reportingChainDepth()) && current != null; level++) {
        if (current == boss) {
          return true;
        }
        current = p.managers.get(current);
      }
      return false;
    }

    int score(Candidate mentor, Candidate mentee) {
      ScoreWeights w = p.rules.weights();
      return w.topicForMentee() * common(mentee.topicsSought(), mentor.topicsOffered())
          + w.topicForMentor() * common(mentor.topicsSought(), mentee.topicsOffered())
          + w.perOverlapHour() * overlapMinutes(mentor, mentee) / 60
          + (common(mentor.languages(), mentee.languages()) > 0 ? w.sharedLanguage() : 0);
    }

    private static int common(Set<String> a, Set<String> b) {
      Set<String> both = new HashSet<>(a);
      both.retainAll(b);
      return both.size();
    }

    private static int overlapMinutes(Candidate a, Candidate b) {
      boolean[] atWork = minutesUtc(a);
      boolean[] other = minutesUtc(b);
      int n = 0;
      for (int t = 0; t < atWork.length; t++) {
        if (atWork[t] && other[t]) {
          n++;
        }
      }
      return n;
    }

    private static boolean[] minutesUtc(Candidate c) {
      boolean[] day = new boolean[24 * 60];
      int offset = ((ZoneOffset) c.zone()).getTotalSeconds() / 60;
      int t = c.workStart().toSecondOfDay() / 60;
      int end = c.workEnd().toSecondOfDay() / 60;
      while (t != end) {
        day[Math.floorMod(t - offset, day.length)] = true;
        t = (t + 1) % day.length;
      }
      return day;
    }

    int eligiblePartners(Candidate c) {
      int n = 0;
      for (Candidate other : c.side() == Side.MENTOR ? p.mentees : p.mentors) {
        if (c.side() == Side.MENTOR ? allowed(c, other) : allowed(other, c)) {
          n++;
        }
      }
      return n;
    }

    /** {matched count, total score}, lexicographically best over all feasible proposals. */
    long[] bestCountAndScore() {
      long[] best = {-1, Long.MIN_VALUE};
      int[] load = new int[p.mentors.size()];
      search(0, load, 0, 0, best);
      return best;
    }

    private void search(int e, int[] load, long count, long score, long[] best) {
      if (e == p.mentees.size()) {
        if (count > best[0] || (count == best[0] && score > best[1])) {
          best[0] = count;
          best[1] = score;
        }
        return;
      }
      Candidate mentee = p.mentees.get(e);
      Pin pin =
          p.rules.pins().stream()
              .filter(x -> x.menteeParticipantId() == mentee.participantId())
              .findFirst()
              .orElse(null);
      if (pin == null) {
        search(e + 1, load, count, score, best); // nobody
      }
      for (int m = 0; m < p.mentors.size(); m++) {
        Candidate mentor = p.mentors.get(m);
        if (pin != null && pin.mentorParticipantId() != mentor.participantId()) {
          continue;
        }
        if (load[m] < mentor.capacity() && allowed(mentor, mentee)) {
          load[m]++;
          search(e + 1, load, count + 1, score + score(mentor, mentee), best);
          load[m]--;
        }
      }
    }
  }
}
