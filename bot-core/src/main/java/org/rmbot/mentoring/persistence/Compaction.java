package org.rmbot.mentoring.persistence;

import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After rows were deleted or changed to erase a person: rewrites every table of the bot's schema
 * (those the erasure touched, by name or by a foreign key's cascade, and any added later) so that
 * no heap page, TOAST page or index keeps the old bytes (a plain VACUUM only marks them free),
 * analyses them afresh and rewrites the statistics catalog, whose old rows held sample values; then ends
 * the WAL file that recorded all of it and checkpoints, so PostgreSQL deletes that file once
 * recovery no longer needs it (the embedded server keeps no WAL for reuse: docs/PRIVACY.md).
 *
 * <p>Each table is locked while it is rewritten (a moment for the bot's tables at a normal
 * size). On an external server the bot may lack a privilege for a step (MAINTAIN on
 * {@code pg_statistic}, {@code pg_checkpoint}, EXECUTE on {@code pg_switch_wal}): that step is
 * skipped, logged by code, and reported in {@link Compacted}.
 */
public final class Compaction {
  private static final Logger LOG = LoggerFactory.getLogger(Compaction.class);
  private static final String INSUFFICIENT_PRIVILEGE = "42501";

  /** What was done: the tables rewritten, the statistics catalog rewritten, the WAL let go. */
  public record Compacted(boolean tables, boolean statistics, boolean wal) {
    public boolean complete() {
      return tables && statistics && wal;
    }
  }

  private final Jdbi jdbi;

  public Compaction(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** Rewrites the tables of the current schema, the statistics and the WAL, each step as far as allowed. */
  public Compacted compact() {
    return jdbi.withHandle(h -> {
      List<String> tables = h.createQuery("""
              select quote_ident(relname) from pg_class
              where relnamespace = cast(current_schema() as regnamespace) and relkind in ('r', 'm') order by 1""")
          .mapTo(String.class).list();
      // VACUUM skips, with a warning only, what it may not rewrite: a rewrite shows as a new file
      boolean rewritten = tables.isEmpty()
          || rewrites(h, "tables", "vacuum (full, analyze) " + String.join(", ", tables), tables);
      boolean statistics = rewrites(h, "statistics", "vacuum full pg_catalog.pg_statistic", List.of("pg_catalog.pg_statistic"));
      boolean wal = step(h, "wal", "select pg_switch_wal()") && step(h, "wal", "checkpoint");
      return new Compacted(rewritten, statistics, wal);
    });
  }

  private static boolean rewrites(Handle h, String what, String sql, List<String> relations) {
    List<Long> before = fileNodes(h, relations);
    if (!step(h, what, sql)) {
      return false;
    }
    List<Long> after = fileNodes(h, relations);
    for (int i = 0; i < relations.size(); i++) {
      if (after.get(i).equals(before.get(i))) {
        skipped(what);
        return false;
      }
    }
    return true;
  }

  private static List<Long> fileNodes(Handle h, List<String> relations) {
    return relations.stream().map(r -> h.createQuery("select pg_relation_filenode(cast(:r as regclass))")
        .bind("r", r).mapTo(Long.class).one()).toList();
  }

  private static boolean step(Handle h, String what, String sql) {
    try {
      h.execute(sql);
      return true;
    } catch (RuntimeException e) {
      String state = sqlState(e);
      if (!INSUFFICIENT_PRIVILEGE.equals(state)) {
        throw e;
      }
      skipped(what);
      return false;
    }
  }

  private static void skipped(String what) {
    LOG.warn("compaction after erasure: {} skipped (not permitted); see docs/PRIVACY.md", what);
  }

  private static String sqlState(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
        return sql.getSQLState();
      }
    }
    return null;
  }
}
