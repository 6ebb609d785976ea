package org.rmbot.mentoring.nudge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * When a program's nudges go out. The defaults (README, "Nudge policy") follow practitioners'
 * advice; a program overrides any of them in its {@code nudge_policy} JSON, for example
 * {@code {"bookFirstMeetingAfter": "P2D", "remindersBefore": ["PT2H"], "disabled": ["midpoint"]}}.
 * The cadence window itself is the program's {@code cadence_days}.
 *
 * @param disabled kinds this program does not send
 * @param opensCampaigns whether the program's milestones open its feedback campaigns (switched off
 *     as {@value #FEEDBACK_CAMPAIGNS} in {@code disabled}: a scheduled step, not a message)
 * @param bookFirstMeetingAfter after activation, the senior side is asked to book the first meeting
 * @param preparationAfter after activation, the mentor gets the preparation prompt
 * @param remindersBefore how long before a booked meeting each reminder goes out
 * @param reflectionAfter after a "we met" answer, both get a reflection prompt
 * @param escalationAfter after a window ends, how long to wait for check-in answers before escalating
 * @param stalledAfterWindows this many windows in a row without a meeting: a gentle nudge to both
 * @param atRiskAfterWindows this many windows in a row without a meeting: an at-risk alert to the coordinators
 */
public record NudgePolicy(
    Set<NudgeKind> disabled,
    Duration bookFirstMeetingAfter,
    Duration preparationAfter,
    List<Duration> remindersBefore,
    Duration reflectionAfter,
    Duration escalationAfter,
    int stalledAfterWindows,
    int atRiskAfterWindows,
    boolean opensCampaigns) {

  /** The code that switches the feedback campaigns off, among the kinds in {@code disabled}. */
  public static final String FEEDBACK_CAMPAIGNS = "feedback_campaign";
  private static final ObjectMapper JSON = new ObjectMapper();

  public NudgePolicy {
    disabled = disabled.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(disabled));
    remindersBefore = List.copyOf(remindersBefore);
    for (Duration d : List.of(bookFirstMeetingAfter, preparationAfter, reflectionAfter, escalationAfter)) {
      if (d.isNegative()) {
        throw new IllegalArgumentException("nudge delays cannot be negative: " + d);
      }
    }
    for (Duration d : remindersBefore) {
      if (d.isNegative() || d.isZero() || d.compareTo(Duration.ofDays(14)) > 0) {
        throw new IllegalArgumentException("reminders go between a minute and 14 days before a meeting, not " + d);
      }
    }
    if (stalledAfterWindows < 1 || atRiskAfterWindows <= stalledAfterWindows) {
      throw new IllegalArgumentException("escalation needs 1 <= stalledAfterWindows < atRiskAfterWindows, got "
          + stalledAfterWindows + " and " + atRiskAfterWindows);
    }
  }

  public static NudgePolicy defaults() {
    return new NudgePolicy(
        Set.of(),
        Duration.ofDays(1),
        Duration.ofDays(1),
        List.of(Duration.ofHours(24), Duration.ofHours(1)),
        Duration.ofHours(2),
        Duration.ofDays(2),
        2,
        3,
        true);
  }

  public boolean sends(NudgeKind kind) {
    return !disabled.contains(kind);
  }

  /** What a program may switch off, by code, in schedule order: the scheduled kinds, then the feedback campaigns. */
  public static List<String> switches() {
    List<String> codes = new ArrayList<>();
    for (NudgeKind kind : NudgeKind.values()) {
      if (kind.switchable()) {
        codes.add(kind.code());
      }
    }
    codes.add(FEEDBACK_CAMPAIGNS);
    return List.copyOf(codes);
  }

  /** Whether the switch with this code (one of {@link #switches()}) is on. */
  public boolean isOn(String code) {
    return code.equals(FEEDBACK_CAMPAIGNS) ? opensCampaigns : sends(NudgeKind.fromCode(code));
  }

  /** This policy with one switch (one of {@link #switches()}) turned on or off. */
  public NudgePolicy switched(String code, boolean on) {
    if (code.equals(FEEDBACK_CAMPAIGNS)) {
      return new NudgePolicy(disabled, bookFirstMeetingAfter, preparationAfter, remindersBefore, reflectionAfter,
          escalationAfter, stalledAfterWindows, atRiskAfterWindows, on);
    }
    Set<NudgeKind> kinds = EnumSet.noneOf(NudgeKind.class);
    kinds.addAll(disabled);
    if (on) {
      kinds.remove(NudgeKind.fromCode(code));
    } else {
      kinds.add(NudgeKind.fromCode(code));
    }
    return new NudgePolicy(kinds, bookFirstMeetingAfter, preparationAfter, remindersBefore, reflectionAfter,
        escalationAfter, stalledAfterWindows, atRiskAfterWindows, opensCampaigns);
  }

  /** What {@code disabled} holds in the stored JSON, in schedule order (the campaigns after the scheduled kinds). */
  public List<String> disabledCodes() {
    List<String> codes = new ArrayList<>();
    disabled.stream().filter(NudgeKind::switchable).sorted().forEach(k -> codes.add(k.code()));
    if (!opensCampaigns) {
      codes.add(FEEDBACK_CAMPAIGNS);
    }
    disabled.stream().filter(k -> !k.switchable()).sorted().forEach(k -> codes.add(k.code()));
    return codes;
  }

  /**
   * The defaults with a program's overrides applied. Unknown keys and bad values are refused
   * with a message naming them, so a typo does not silently fall back to a default.
   */
  public static NudgePolicy fromJson(String json) {
    NudgePolicy p = defaults();
    if (json == null || json.isBlank()) {
      return p;
    }
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("the nudge policy is not valid JSON");
    }
    if (!root.isObject()) {
      throw new IllegalArgumentException("the nudge policy must be a JSON object");
    }
    Set<NudgeKind> disabled = p.disabled();
    boolean campaigns = p.opensCampaigns();
    Duration book = p.bookFirstMeetingAfter();
    Duration prep = p.preparationAfter();
    List<Duration> reminders = p.remindersBefore();
    Duration reflection = p.reflectionAfter();
    Duration escalation = p.escalationAfter();
    int stalled = p.stalledAfterWindows();
    int atRisk = p.atRiskAfterWindows();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      JsonNode v = field.getValue();
      switch (field.getKey()) {
        case "disabled" -> {
          Set<NudgeKind> kinds = EnumSet.noneOf(NudgeKind.class);
          campaigns = true;
          for (JsonNode k : array(field.getKey(), v)) {
            if (k.asText().trim().equalsIgnoreCase(FEEDBACK_CAMPAIGNS)) {
              campaigns = false;
              continue;
            }
            try {
              kinds.add(NudgeKind.fromCode(k.asText()));
            } catch (IllegalArgumentException e) {
              throw new IllegalArgumentException("nudge policy: unknown nudge kind '" + k.asText() + "'");
            }
          }
          disabled = kinds;
        }
        case "bookFirstMeetingAfter" -> book = duration(field.getKey(), v);
        case "preparationAfter" -> prep = duration(field.getKey(), v);
        case "remindersBefore" -> {
          List<Duration> list = new ArrayList<>();
          for (JsonNode d : array(field.getKey(), v)) {
            list.add(duration(field.getKey(), d));
          }
          reminders = list;
        }
        case "reflectionAfter" -> reflection = duration(field.getKey(), v);
        case "escalationAfter" -> escalation = duration(field.getKey(), v);
        case "stalledAfterWindows" -> stalled = integer(field.getKey(), v);
        case "atRiskAfterWindows" -> atRisk = integer(field.getKey(), v);
        default -> throw new IllegalArgumentException("nudge policy: unknown setting '" + field.getKey() + "'");
      }
    }
    return new NudgePolicy(disabled, book, prep, reminders, reflection, escalation, stalled, atRisk, campaigns);
  }

  private static Iterable<JsonNode> array(String key, JsonNode v) {
    if (!v.isArray()) {
      throw new IllegalArgumentException("nudge policy: " + key + " must be a list");
    }
    return v;
  }

  private static Duration duration(String key, JsonNode v) {
    try {
      return Duration.parse(v.asText());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "nudge policy: " + key + " must be an ISO-8601 duration such as PT2H or P1D, not '" + v.asText() + "'");
    }
  }

  private static int integer(String key, JsonNode v) {
    if (!v.canConvertToInt() || !v.isIntegralNumber()) {
      throw new IllegalArgumentException("nudge policy: " + key + " must be a whole number");
    }
    return v.intValue();
  }
}
