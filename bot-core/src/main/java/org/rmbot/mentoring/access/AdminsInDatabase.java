package org.rmbot.mentoring.access;

import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

public final class AdminsInDatabase implements Admins {
  private final Jdbi jdbi;
  private final Clock clock;

  public AdminsInDatabase(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  @Override
  public void grant(long personId) {
    jdbi.useHandle(h -> h.createUpdate(
            "insert into workspace_admin (person_id, granted_at) values (:p, :now) on conflict do nothing")
        .bind("p", personId).bind("now", clock.instant()).execute());
  }

  @Override
  public boolean isAdmin(long personId) {
    return jdbi.withHandle(h -> h.createQuery("select count(*) from workspace_admin where person_id = :p")
        .bind("p", personId).mapTo(Integer.class).one()) > 0;
  }

  @Override
  public List<Long> all() {
    return jdbi.withHandle(h -> h.createQuery("select person_id from workspace_admin order by person_id")
        .mapTo(Long.class).list());
  }
}
