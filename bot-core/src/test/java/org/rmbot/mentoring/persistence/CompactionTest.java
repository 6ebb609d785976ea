package org.rmbot.mentoring.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rmbot.mentoring.testing.TestDatabase;
import org.slf4j.LoggerFactory;

/**
 * A deleted row outlives a plain VACUUM in the free space of its page, in its index and in the
 * planner's statistics; {@link Compaction} rewrites all three. Where the bot's role may not do a
 * step (an external server), the step is skipped and reported, never failed.
 */
class CompactionTest {
  private static final String NEEDLE = "ana.erased@example.com";

  @RegisterExtension final TestDatabase db = new TestDatabase();

  @Test
  void whatAPlainVacuumLeavesInPagesAndStatisticsACompactionRewrites() {
    Jdbi jdbi = db.jdbi();
    jdbi.useHandle(h -> {
      h.execute("create extension if not exists pageinspect");
      h.execute("create table secrets (id int primary key, email text not null)");
      h.execute("create index secrets_email on secrets (email)");
      h.execute("insert into secrets select i, 'person' || i || '@example.com' from generate_series(1, 60) i");
      h.execute("insert into secrets values (61, ?)", NEEDLE);
      h.execute("analyze secrets");
      h.execute("delete from secrets where id = 61");
      h.execute("vacuum secrets");
    });
    assertThat(pagesHolding(jdbi, "secrets")).as("after a plain VACUUM").isNotEmpty();
    assertThat(pagesHolding(jdbi, "secrets_email")).as("after a plain VACUUM").isNotEmpty();
    assertThat(statisticsHold(jdbi)).as("after a plain VACUUM").isTrue();

    Compaction.Compacted compacted = new Compaction(jdbi).compact();

    assertThat(compacted.complete()).isTrue();
    assertThat(pagesHolding(jdbi, "secrets")).isEmpty();
    assertThat(pagesHolding(jdbi, "secrets_email")).isEmpty();
    assertThat(pagesHolding(jdbi, "pg_statistic")).isEmpty();
    assertThat(statisticsHold(jdbi)).isFalse();
    int left = jdbi.withHandle(h -> h.createQuery("select count(*) from secrets").mapTo(Integer.class).one());
    assertThat(left).isEqualTo(60);
  }

  @Test
  void aRoleWithoutTheRightsForAStepGetsItsTablesRewrittenAndTheRestReportedAsSkipped() {
    String role = "plain_role_" + ProcessHandle.current().pid();
    try (Database admin = Database.connect(db.url(), 1)) {
      admin.jdbi().useHandle(h -> {
        h.execute("create role " + role + " login");
        h.execute("create schema " + role + " authorization " + role);
      });
      DatabaseUrl asRole = new DatabaseUrl(db.url().jdbcUrl().replaceFirst("\\?.*$", "") + "?currentSchema=" + role,
          role, null);
      try (Database plain = Database.connect(asRole, 1)) {
        plain.jdbi().useHandle(h -> {
          h.execute("create table own_rows (id int primary key, email text)");
          h.execute("insert into own_rows values (1, ?)", NEEDLE);
          h.execute("delete from own_rows");
        });
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        Logger logger = (Logger) LoggerFactory.getLogger(Compaction.class);
        logger.addAppender(log);
        Compaction.Compacted compacted;
        try {
          compacted = new Compaction(plain.jdbi()).compact();
        } finally {
          logger.detachAppender(log);
        }
        assertThat(compacted).isEqualTo(new Compaction.Compacted(true, false, false));
        assertThat(compacted.complete()).isFalse();
        assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly(
            "compaction after erasure: statistics skipped (not permitted); see docs/PRIVACY.md",
            "compaction after erasure: wal skipped (not permitted); see docs/PRIVACY.md");
      } finally {
        admin.jdbi().useHandle(h -> {
          h.execute("drop schema " + role + " cascade");
          h.execute("drop owned by " + role);
          h.execute("drop role " + role);
        });
      }
    }
  }

  private static List<Integer> pagesHolding(Jdbi jdbi, String relation) {
    return jdbi.withHandle(h -> h.createQuery("""
            select b from generate_series(0, (pg_relation_size(cast(:r as regclass)) / 8192)::int - 1) b
            where position(cast(:needle as bytea) in get_raw_page(:r, b)) > 0""")
        .bind("r", relation)
        .bind("needle", "\\x" + HexFormat.of().formatHex(NEEDLE.getBytes(StandardCharsets.UTF_8)))
        .mapTo(Integer.class).list());
  }

  private static boolean statisticsHold(Jdbi jdbi) {
    return jdbi.withHandle(h -> h.createQuery("select count(*) > 0 from pg_stats s where to_jsonb(s)::text like :n")
        .bind("n", "%" + NEEDLE + "%").mapTo(Boolean.class).one());
  }
}
