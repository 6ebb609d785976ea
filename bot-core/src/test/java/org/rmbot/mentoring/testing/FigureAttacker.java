package org.rmbot.mentoring.testing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Plays someone who reads every anonymous figure the bot shows (chat, report, CSV) and does
 * arithmetic on them. A campaign's people fall into cells by role and by which optional scale
 * questions they answered; each question's answers in a cell are five unknown counts (how many
 * chose 1, 2, ... 5), and each cell's size is one more. Every shown count, mean (taken with its
 * count: a careful reader can always get that) and number who chose a value is a linear equation
 * in those unknowns. The attacker solves them exactly (integer Gaussian elimination) and, where a
 * solved total is 0, uses that each count in it is 0 (counts are never negative), until nothing
 * new follows. It then reports:
 *
 * <ul>
 *   <li>any group of 1 to k−1 people (a cell, or any group named by role and answered/skipped
 *       per optional question) whose size or whose sum for a question follows from the figures;
 *       the size of a campaign's whole set of respondents is public and is not counted;
 *   <li>any such group, of any size, of whom every member's answer to a question follows: the
 *       figures leave no one in it an answer other than one value (a distribution on one value,
 *       a mean of 1.0 or 5.0, or the same by subtraction);
 *   <li>any figure that does not match the answers (a reader that misread a figure would
 *       prove nothing).
 * </ul>
 */
public final class FigureAttacker {
  private static final List<String> ROLES = List.of("mentor", "mentee");

  private FigureAttacker() {}

  /** A 1 to 5 question of a campaign's form, as the form shows it. */
  public record Question(String id, String text, boolean optional) {}

  /** One person's true answers: scale question id to 1..5; a skipped optional question is absent. */
  public record Respondent(String role, Map<String, Integer> answers) {}

  /** What the attacker is attacking, and the truth to judge it by. */
  public record Campaign(String name, int k, List<Question> scales, List<Respondent> respondents) {
    public Campaign {
      scales = List.copyOf(scales);
      respondents = List.copyOf(respondents);
    }

    Question byText(String text) {
      return scales.stream().filter(q -> q.text().equals(text)).findFirst()
          .orElseThrow(() -> new AssertionError("campaign " + name + " has no question \"" + text + "\""));
    }
  }

  public enum Kind {
    /** How many people of the group answered the campaign. */
    RESPONDENTS,
    /** How many people of the group answered a question. */
    ANSWERED,
    /** The mean of a question's answers in the group. */
    MEAN,
    /** How many people of the group chose {@code value} for a question. */
    CHOSE
  }

  /**
   * One figure as read from a view.
   *
   * @param question the question's text as shown; null for {@link Kind#RESPONDENTS}
   * @param role "mentor" or "mentee"; null for everyone who answered
   * @param tolerance how far the shown value may be from the truth (its rounding)
   * @param where which view and line showed it, for the failure message
   */
  public record Figure(String campaign, String question, String role, Kind kind, int value, double shown,
      double tolerance, String where) {}

  /** Every way the figures give someone away; empty if none. */
  public static List<String> attack(List<Campaign> campaigns, List<Figure> figures) {
    List<String> found = new ArrayList<>();
    Map<String, Campaign> byName = new LinkedHashMap<>();
    campaigns.forEach(c -> byName.put(c.name(), c));
    for (Figure f : figures) {
      if (!byName.containsKey(f.campaign())) {
        found.add("a figure of an unknown campaign " + f.campaign() + ": " + f.where());
      }
    }
    for (Campaign c : campaigns) {
      found.addAll(new Equations(c, figures.stream().filter(f -> f.campaign().equals(c.name())).toList()).attack());
    }
    return found;
  }

  /** A cell: a role and which optional questions were answered (bit i: the i-th optional question). */
  private record Cell(String role, int answered) {}

  /** A group the attacker may single out: a role or anyone, and answered / skipped / either per optional question. */
  private record Group(String role, Boolean[] answered) {
    boolean contains(Cell c, List<Question> optional) {
      if (role != null && !role.equals(c.role())) {
        return false;
      }
      for (int i = 0; i < optional.size(); i++) {
        if (answered[i] != null && answered[i] != ((c.answered() >> i & 1) == 1)) {
          return false;
        }
      }
      return true;
    }

    String describe(List<Question> optional) {
      StringBuilder s = new StringBuilder(role == null ? "people" : role + "s");
      for (int i = 0; i < optional.size(); i++) {
        if (answered[i] != null) {
          s.append(answered[i] ? " who answered \"" : " who skipped \"").append(optional.get(i).id()).append('"');
        }
      }
      return s.toString();
    }
  }

  /** The linear system of one campaign. */
  private static final class Equations {
    private final Campaign campaign;
    private final List<Figure> figures;
    private final List<Question> optional;
    private final List<Cell> cells = new ArrayList<>();
    private final Map<Cell, Integer> sizeVar = new LinkedHashMap<>();
    /** question id, cell, value (1..5) to the variable of how many in the cell chose it. */
    private final Map<String, Integer> choseVar = new LinkedHashMap<>();
    private final long[] truth;
    private final RowSpace known;
    private final List<String> found = new ArrayList<>();

    Equations(Campaign campaign, List<Figure> figures) {
      this.campaign = campaign;
      this.figures = figures;
      this.optional = campaign.scales().stream().filter(Question::optional).toList();
      int vars = 0;
      for (String role : ROLES) {
        for (int a = 0; a < 1 << optional.size(); a++) {
          Cell c = new Cell(role, a);
          cells.add(c);
          sizeVar.put(c, vars++);
        }
      }
      for (Question q : campaign.scales()) {
        for (Cell c : cells) {
          if (answers(q, c)) {
            for (int v = 1; v <= 5; v++) {
              choseVar.put(key(q, c, v), vars++);
            }
          }
        }
      }
      truth = new long[vars];
      for (Respondent r : campaign.respondents()) {
        Cell c = cellOf(r);
        truth[sizeVar.get(c)]++;
        for (Question q : campaign.scales()) {
          Integer v = r.answers().get(q.id());
          if (v != null) {
            truth[choseVar.get(key(q, c, v))]++;
          }
        }
      }
      known = new RowSpace(vars);
      // what the form itself tells: in each cell, everyone who answers a question chose one value
      for (Question q : campaign.scales()) {
        for (Cell c : cells) {
          if (answers(q, c)) {
            long[] row = new long[vars];
            row[sizeVar.get(c)] = -1;
            for (int v = 1; v <= 5; v++) {
              row[choseVar.get(key(q, c, v))] = 1;
            }
            known.add(row);
          }
        }
      }
    }

    private boolean answers(Question q, Cell c) {
      return !q.optional() || (c.answered() >> optional.indexOf(q) & 1) == 1;
    }

    private static String key(Question q, Cell c, int v) {
      return q.id() + "/" + c.role() + "/" + c.answered() + "/" + v;
    }

    private Cell cellOf(Respondent r) {
      if (!ROLES.contains(r.role())) {
        throw new IllegalArgumentException("a respondent's role is mentor or mentee: " + r.role());
      }
      int a = 0;
      for (int i = 0; i < optional.size(); i++) {
        a |= r.answers().containsKey(optional.get(i).id()) ? 1 << i : 0;
      }
      return new Cell(r.role(), a);
    }

    List<String> attack() {
      for (Figure f : figures) {
        read(f);
      }
      List<Group> groups = groups();
      deduceZeros(groups);
      long everyone = campaign.respondents().size();
      for (Group g : groups) {
        long size = value(size(g));
        String who = g.describe(optional);
        if (size >= 1 && size < campaign.k() && size != everyone && known.contains(size(g))) {
          found.add(campaign.name() + ": the number of " + who + " (" + size + ", fewer than k = " + campaign.k()
              + ") follows from the figures");
        }
        for (Question q : campaign.scales()) {
          if (!allAnswer(g, q) || size == 0) {
            continue;
          }
          if (size < campaign.k() && known.contains(sum(g, q))) {
            found.add(campaign.name() + ": the sum of \"" + q.id() + "\" over the " + size + " " + who + " (fewer than k = "
                + campaign.k() + ") follows from the figures: " + value(sum(g, q)));
          }
          for (Homogeneity h : homogeneities(g, q)) {
            if (known.contains(h.row()) && value(h.row()) == 0) {
              found.add(campaign.name() + ": every one of the " + size + " " + who + " answered \"" + q.id() + "\" with "
                  + h.value() + ", and that follows from the figures");
              break;
            }
          }
        }
      }
      return found;
    }

    /** Turns a figure into equations, after checking it says what the answers say. */
    private void read(Figure f) {
      Group g = new Group(f.role(), new Boolean[optional.size()]);
      if (f.kind() == Kind.RESPONDENTS) {
        check(f, value(size(g)));
        known.add(size(g));
        return;
      }
      Question q = campaign.byText(f.question());
      long[] answered = answered(g, q);
      switch (f.kind()) {
        case ANSWERED -> {
          check(f, value(answered));
          known.add(answered);
        }
        case MEAN -> {
          long n = value(answered);
          if (n == 0) {
            found.add("a mean of an empty group: " + f.where());
            return;
          }
          check(f, (double) value(sum(g, q)) / n);
          known.add(answered);
          known.add(sum(g, q));
        }
        case CHOSE -> {
          long[] row = chose(g, q, f.value());
          check(f, value(row));
          known.add(row);
        }
        default -> throw new IllegalStateException();
      }
    }

    private void check(Figure f, double truthValue) {
      if (Math.abs(f.shown() - truthValue) > f.tolerance() + 1e-9) {
        found.add("a figure that does not match the answers (" + truthValue + "): " + f.where());
      }
    }

    private List<Group> groups() {
      List<Group> groups = new ArrayList<>();
      List<String> roles = new ArrayList<>(ROLES);
      roles.add(null);
      int ways = (int) Math.pow(3, optional.size());
      for (String role : roles) {
        for (int w = 0; w < ways; w++) {
          Boolean[] answered = new Boolean[optional.size()];
          int rest = w;
          for (int i = 0; i < optional.size(); i++) {
            int d = rest % 3;
            rest /= 3;
            answered[i] = d == 0 ? null : d == 1;
          }
          groups.add(new Group(role, answered));
        }
      }
      return groups;
    }

    /** Where a total of counts that never go negative is known to be 0, each of them is 0. */
    private void deduceZeros(List<Group> groups) {
      Set<Integer> zero = new HashSet<>();
      boolean more = true;
      while (more) {
        more = false;
        List<long[]> candidates = new ArrayList<>();
        for (Group g : groups) {
          candidates.add(size(g));
          for (Question q : campaign.scales()) {
            if (allAnswer(g, q)) {
              for (int v = 1; v <= 5; v++) {
                candidates.add(chose(g, q, v));
              }
              homogeneities(g, q).forEach(h -> candidates.add(h.row()));
            }
          }
        }
        for (long[] row : candidates) {
          if (value(row) == 0 && known.contains(row)) {
            for (int i = 0; i < row.length; i++) {
              if (row[i] > 0 && zero.add(i)) {
                long[] unit = new long[truth.length];
                unit[i] = 1;
                known.add(unit);
                more = true;
              }
            }
          }
        }
      }
    }

    private boolean allAnswer(Group g, Question q) {
      return !q.optional() || Boolean.TRUE.equals(g.answered()[optional.indexOf(q)]);
    }

    private record Homogeneity(int value, long[] row) {}

    /** Totals that are 0 exactly when everyone in the group chose one value (every weight is not negative). */
    private List<Homogeneity> homogeneities(Group g, Question q) {
      List<Homogeneity> rows = new ArrayList<>();
      for (int v = 1; v <= 5; v++) {
        long[] others = new long[truth.length];
        for (int w = 1; w <= 5; w++) {
          if (w != v) {
            add(others, chose(g, q, w), 1);
          }
        }
        rows.add(new Homogeneity(v, others));
      }
      long[] ones = new long[truth.length];
      long[] fives = new long[truth.length];
      for (int v = 1; v <= 5; v++) {
        add(ones, chose(g, q, v), v - 1); // sum − count: 0 only if all chose 1 (a mean of 1.0)
        add(fives, chose(g, q, v), 5 - v); // 5·count − sum: 0 only if all chose 5 (a mean of 5.0)
      }
      rows.add(new Homogeneity(1, ones));
      rows.add(new Homogeneity(5, fives));
      return rows;
    }

    private long[] size(Group g) {
      long[] row = new long[truth.length];
      cells.stream().filter(c -> g.contains(c, optional)).forEach(c -> row[sizeVar.get(c)] = 1);
      return row;
    }

    private long[] answered(Group g, Question q) {
      long[] row = new long[truth.length];
      cells.stream().filter(c -> g.contains(c, optional) && answers(q, c)).forEach(c -> row[sizeVar.get(c)] = 1);
      return row;
    }

    private long[] chose(Group g, Question q, int v) {
      long[] row = new long[truth.length];
      cells.stream().filter(c -> g.contains(c, optional) && answers(q, c)).forEach(c -> row[choseVar.get(key(q, c, v))] = 1);
      return row;
    }

    private long[] sum(Group g, Question q) {
      long[] row = new long[truth.length];
      for (int v = 1; v <= 5; v++) {
        add(row, chose(g, q, v), v);
      }
      return row;
    }

    private static void add(long[] into, long[] row, long times) {
      for (int i = 0; i < row.length; i++) {
        into[i] += row[i] * times;
      }
    }

    private long value(long[] row) {
      long v = 0;
      for (int i = 0; i < row.length; i++) {
        v += row[i] * truth[i];
      }
      return v;
    }
  }

  /**
   * The span of the known rows, kept in echelon form with integer entries (fraction-free
   * elimination, each row divided by the gcd of its entries): exact, no floating point. Entries
   * stay small here; an overflow throws rather than give a wrong answer.
   */
  static final class RowSpace {
    private final int width;
    private final List<long[]> rows = new ArrayList<>();
    private final List<Integer> pivots = new ArrayList<>();

    RowSpace(int width) {
      this.width = width;
    }

    void add(long[] row) {
      long[] r = reduce(row);
      int pivot = firstNonZero(r);
      if (pivot < 0) {
        return;
      }
      // keep the basis reduced: clear the new pivot's column from the earlier rows
      for (int i = 0; i < rows.size(); i++) {
        long[] b = rows.get(i);
        if (b[pivot] != 0) {
          rows.set(i, normalise(combine(b, r, pivot)));
        }
      }
      rows.add(r);
      pivots.add(pivot);
    }

    boolean contains(long[] row) {
      return firstNonZero(reduce(row)) < 0;
    }

    private long[] reduce(long[] row) {
      long[] r = row.clone();
      for (int i = 0; i < rows.size(); i++) {
        int p = pivots.get(i);
        if (r[p] != 0) {
          r = normalise(combine(r, rows.get(i), p));
        }
      }
      return r;
    }

    /** {@code a} with column {@code p} cleared by a multiple of {@code b} (whose entry at {@code p} is not 0). */
    private long[] combine(long[] a, long[] b, int p) {
      long g = gcd(a[p], b[p]);
      long x = a[p] / g;
      long y = b[p] / g;
      long[] out = new long[width];
      for (int i = 0; i < width; i++) {
        out[i] = Math.subtractExact(Math.multiplyExact(a[i], y), Math.multiplyExact(b[i], x));
      }
      return out;
    }

    private static long[] normalise(long[] r) {
      long g = 0;
      for (long x : r) {
        g = gcd(g, x);
      }
      if (g > 1) {
        for (int i = 0; i < r.length; i++) {
          r[i] /= g;
        }
      }
      return r;
    }

    private static long gcd(long a, long b) {
      a = Math.abs(a);
      b = Math.abs(b);
      while (b != 0) {
        long t = a % b;
        a = b;
        b = t;
      }
      return a;
    }

    private static int firstNonZero(long[] r) {
      for (int i = 0; i < r.length; i++) {
        if (r[i] != 0) {
          return i;
        }
      }
      return -1;
    }
  }
}
