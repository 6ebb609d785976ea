package org.rmbot.mentoring.nudge;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** The campaign milestones kept in the database, through {@link CampaignMilestonesSql}. */
public final class CampaignMilestonesInDatabase implements CampaignMilestones {
  private final CampaignMilestonesSql sql;

  public CampaignMilestonesInDatabase(Jdbi jdbi) {
    this.sql = jdbi.onDemand(CampaignMilestonesSql.class);
  }

  @Override
  public boolean plan(CampaignMilestone milestone) {
    return sql.insert(CampaignMilestonesSql.Row.of(milestone)) > 0;
  }

  @Override
  public Optional<Instant> nextDueAt() {
    return sql.nextDueAt();
  }

  @Override
  public List<Entry> ofProgram(long programId) {
    return sql.ofProgram(programId);
  }
}
