package org.rmbot.mentoring.nudge;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each program's {@link NudgePolicy}, read from {@code program.nudge_policy} through
 * {@link NudgePoliciesSql}. A policy that cannot be read is logged and replaced by the defaults,
 * so one program's typo never stops the schedule of every other program.
 */
public final class NudgePolicies {
  private static final Logger LOG = LoggerFactory.getLogger(NudgePolicies.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Jdbi jdbi;
  private final NudgePoliciesSql sql;

  public NudgePolicies(Jdbi jdbi) {
    this.jdbi = jdbi;
    this.sql = jdbi.onDemand(NudgePoliciesSql.class);
  }

  public NudgePolicy of(long programId) {
    return parse(programId, sql.policyOf(programId).orElse(null));
  }

  /** Sets a program's overrides (validated first); the README's "Nudge policy" lists the keys. */
  public void override(long programId, String json) {
    NudgePolicy.fromJson(json);
    sql.write(json, programId);
  }

  /**
   * Switches one kind on or off for a program (a code of {@link NudgePolicy#switches()}), keeping
   * its other overrides; returns the policy now in force. The row is locked while it changes, so
   * two coordinators switching different kinds at once both count.
   *
   * @throws IllegalArgumentException if the kind cannot be switched, or the stored policy cannot
   *     be read (it is left as it is, for someone to correct)
   */
  public NudgePolicy switchKind(long programId, String code, boolean on) {
    if (!NudgePolicy.switches().contains(code)) {
      throw new IllegalArgumentException(code + " cannot be switched off");
    }
    return jdbi.inTransaction(h -> {
      NudgePoliciesSql locked = h.attach(NudgePoliciesSql.class);
      String stored = locked.lockedPolicyOf(programId).orElse(null);
      NudgePolicy before = NudgePolicy.fromJson(stored); // refuses a policy it cannot read, so it is an object here
      ObjectNode json = stored == null || stored.isBlank() ? JSON.createObjectNode() : (ObjectNode) readTree(stored);
      List<String> disabled = before.switched(code, on).disabledCodes();
      ArrayNode codes = json.putArray("disabled");
      disabled.forEach(codes::add);
      if (disabled.isEmpty()) {
        json.remove("disabled");
      }
      String updated = json.toString();
      NudgePolicy after = NudgePolicy.fromJson(updated);
      locked.write(updated, programId);
      return after;
    });
  }

  private static com.fasterxml.jackson.databind.JsonNode readTree(String json) {
    try {
      return JSON.readTree(json);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("the nudge policy is not valid JSON");
    }
  }

  static NudgePolicy parse(long programId, String json) {
    try {
      return NudgePolicy.fromJson(json);
    } catch (IllegalArgumentException e) {
      LOG.warn("program {}: {}; using the default nudge policy", programId, e.getMessage());
      return NudgePolicy.defaults();
    }
  }

  /** Policies read once per planning or dispatch pass. */
  static final class Cache {
    private final Map<Long, NudgePolicy> byProgram = new ConcurrentHashMap<>();

    NudgePolicy get(long programId, String json) {
      return byProgram.computeIfAbsent(programId, id -> parse(id, json));
    }
  }
}
