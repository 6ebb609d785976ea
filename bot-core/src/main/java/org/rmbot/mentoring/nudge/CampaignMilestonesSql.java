package org.rmbot.mentoring.nudge;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.rmbot.mentoring.feedback.FeedbackCampaigns;

/** The campaign_milestone table. */
@RegisterRowMapper(CampaignMilestonesSql.EntryMapper.class)
interface CampaignMilestonesSql {
  String COLUMNS = "id, program_id, action, opens, campaign_id, due_at, done_at, switched_off";

  /** A milestone as its columns: {@code action} is open or close; {@code opens} only for open, {@code campaignId} only for close. */
  record Row(long programId, String action, String opens, Long campaignId, Instant dueAt) {
    static Row of(CampaignMilestone milestone) {
      if (milestone instanceof CampaignMilestone.Open open) {
        return new Row(open.programId(), "open", open.opens().name().toLowerCase(Locale.ROOT), null, open.dueAt());
      }
      CampaignMilestone.Close close = (CampaignMilestone.Close) milestone;
      return new Row(close.programId(), "close", null, close.campaignId(), close.dueAt());
    }
  }

  @SqlUpdate("""
      insert into campaign_milestone (program_id, action, opens, campaign_id, due_at)
      values (:programId, :action, :opens, :campaignId, :dueAt)
      on conflict do nothing""")
  int insert(@BindMethods Row row);

  @SqlQuery("select due_at from campaign_milestone where done_at is null order by due_at limit 1")
  Optional<Instant> nextDueAt();

  @SqlQuery("select " + COLUMNS + " from campaign_milestone where program_id = :program order by due_at, id")
  List<CampaignMilestones.Entry> ofProgram(@Bind("program") long programId);

  /**
   * The earliest milestone due and not done after the given position (due time, id), locked
   * until the transaction ends; one another transaction holds is skipped, not waited for.
   */
  @SqlQuery("""
      select\s""" + COLUMNS + """
       from campaign_milestone
      where done_at is null and due_at <= :now and (due_at, id) > (:afterDue, :afterId)
      order by due_at, id
      limit 1
      for update skip locked""")
  Optional<CampaignMilestones.Entry> claimNext(@Bind("now") Instant now, @Bind("afterDue") Instant afterDue,
      @Bind("afterId") long afterId);

  @SqlUpdate("update campaign_milestone set done_at = :at, switched_off = :switchedOff where id = :id and done_at is null")
  int markDone(@Bind("id") long id, @Bind("at") Instant at, @Bind("switchedOff") boolean switchedOff);

  final class EntryMapper implements RowMapper<CampaignMilestones.Entry> {
    @Override
    public CampaignMilestones.Entry map(ResultSet rs, StatementContext ctx) throws SQLException {
      long program = rs.getLong("program_id");
      Instant due = rs.getTimestamp("due_at").toInstant();
      CampaignMilestone milestone = rs.getString("action").equals("open")
          ? new CampaignMilestone.Open(program, FeedbackCampaigns.Kind.valueOf(rs.getString("opens").toUpperCase(Locale.ROOT)), due)
          : new CampaignMilestone.Close(program, rs.getLong("campaign_id"), due);
      Timestamp done = rs.getTimestamp("done_at");
      return new CampaignMilestones.Entry(rs.getLong("id"), milestone, done == null ? null : done.toInstant(),
          rs.getBoolean("switched_off"));
    }
  }
}
