package org.rmbot.mentoring.nudge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.rmbot.mentoring.feedback.FeedbackCampaigns;
import org.rmbot.mentoring.persistence.Database;
import org.rmbot.mentoring.program.Program;
import org.rmbot.mentoring.testing.TestDatabase;
import org.rmbot.mentoring.testing.World;

/**
 * V15 on a database from before it (migrated to V14): the ledger's campaign rows become campaign
 * milestones, waiting ones still to be done at their time, and the ledger refuses the old kind.
 */
class CampaignMilestonesMigrationTest {
  private static final Instant MIDPOINT_OPENS = Instant.parse("2026-02-16T09:00:00Z");
  private static final Instant CLOSES = Instant.parse("2026-01-19T00:00:00Z");

  @Test
  void theLedgersCampaignRowsMoveToTheMilestonesAndTheOldKindIsRefused() throws Exception {
    String name = "milestones_v14_" + ProcessHandle.current().pid();
    try (Connection c = TestDatabase.server().adminDataSource().getConnection(); Statement s = c.createStatement()) {
      s.execute("create database " + name);
    }
    try (Database old = Database.connect(TestDatabase.urlOf(name), 2)) {
      Flyway.configure().dataSource(old.dataSource()).locations("classpath:db/migration").target("14").load().migrate();
      Jdbi jdbi = old.jdbi();
      Program program = new World(jdbi).aReverseProgram();
      long campaign = jdbi.withHandle(h -> h.createQuery("""
              insert into feedback_campaign (program_id, purpose, origin, audience, form, anonymity_threshold, opened_at, closes_at)
              values (:p, 'pre_survey', 'kickoff', 'everyone', '{}', 3, '2026-01-05T09:00:00Z', :closes) returning id""")
          .bind("p", program.id()).bind("closes", CLOSES).mapTo(Long.class).one());
      jdbi.useHandle(h -> {
        ledgerRow(h, program.id(), "kickoff", "sent", Instant.parse("2026-01-05T09:00:00Z"));
        ledgerRow(h, program.id(), "close:" + campaign, "planned", CLOSES);
        ledgerRow(h, program.id(), "midpoint", "planned", MIDPOINT_OPENS);
      });

      old.migrate();

      CampaignMilestones milestones = new CampaignMilestonesInDatabase(jdbi);
      assertThat(milestones.ofProgram(program.id())).extracting(m -> m.milestone() + " done " + m.doneAt()).containsExactly(
          new CampaignMilestone.Open(program.id(), FeedbackCampaigns.Kind.KICKOFF, Instant.parse("2026-01-05T09:00:00Z"))
              + " done 2026-01-05T09:00:00Z",
          new CampaignMilestone.Close(program.id(), campaign, CLOSES) + " done null",
          new CampaignMilestone.Open(program.id(), FeedbackCampaigns.Kind.MIDPOINT, MIDPOINT_OPENS) + " done null");
      assertThat(milestones.nextDueAt()).contains(CLOSES);
      int ledgerRows = jdbi.withHandle(h -> h.createQuery("select count(*) from nudge").mapTo(Integer.class).one());
      assertThat(ledgerRows).isZero();
      assertThatThrownBy(() -> jdbi.useHandle(h -> ledgerRow(h, program.id(), "closing", "planned", MIDPOINT_OPENS)))
          .hasMessageContaining("nudge_kind_check");
    } finally {
      try (Connection c = TestDatabase.server().adminDataSource().getConnection(); Statement s = c.createStatement()) {
        s.execute("drop database if exists " + name + " with (force)");
      }
    }
  }

  private static void ledgerRow(org.jdbi.v3.core.Handle h, long program, String window, String state, Instant due) {
    h.createUpdate("""
            insert into nudge (idempotency_key, program_id, audience, kind, window_ref, due_at, state, next_attempt_at,
                created_at, sent_at)
            values (:key, :p, 'program', 'feedback_campaign', :window, :due, :state, :due, :due,
                case when :state = 'sent' then cast(:due as timestamptz) end)""")
        .bind("key", "feedback_campaign/program:" + program + "/" + window).bind("p", program).bind("window", window)
        .bind("state", state).bind("due", due).execute();
  }
}
