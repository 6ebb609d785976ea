package org.rmbot.mentoring.conversation;

import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** {@link MyMentoring} read from the database in one query, through {@link MyMentoringSql}. */
public final class MyMentoringInDatabase implements MyMentoring {
  private final MyMentoringSql sql;
  private final Clock clock;

  public MyMentoringInDatabase(Jdbi jdbi, Clock clock) {
    this.sql = jdbi.onDemand(MyMentoringSql.class);
    this.clock = clock;
  }

  @Override
  public List<Row> of(long personId) {
    return sql.of(personId, clock.instant());
  }
}
