package org.rmbot.mentoring.nudge;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each program's {@link NudgePolicy}, read from {@code program.nudge_policy}. A policy that
 * cannot be read is logged and replaced by the defaults, so one program's typo never stops the
 * schedule of every other program.
 */
public final class NudgePolicies {
  private static final Logger LOG = LoggerFactory.getLogger(NudgePolicies.class);
  private final Jdbi jdbi;

  public NudgePolicies(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public NudgePolicy of(long programId) {
    Optional<String> json = jdbi.withHandle(h -> h.createQuery("select nudge_policy::text from program where id = :id")
        .bind("id", programId).mapTo(String.class).findOne());
    return parse(programId, json.orElse(null));
  }

  /** Sets a program's overrides (validated first); the README's "Nudge policy" lists the keys. */
  public void override(long programId, String json) {
    NudgePolicy.fromJson(json);
    jdbi.useHandle(h -> h.createUpdate("update program set nudge_policy = cast(:json as jsonb) where id = :id")
        .bind("json", json).bind("id", programId).execute());
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
