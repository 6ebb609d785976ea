package org.rmbot.mentoring.participant;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

public final class PeopleInDatabase implements People {
  private static final String COLUMNS = "id, email, display_name, time_zone, work_start, work_end, work_days";
  /** The same columns of {@code person p}, for queries that join it (worked out once, not per lookup). */
  private static final String P_COLUMNS = COLUMNS.replaceAll("(\\w+)", "p.$1");

  private final Jdbi jdbi;
  private final Clock clock;

  public PeopleInDatabase(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  @Override
  public Person save(NewPerson p) {
    return jdbi.withHandle(h -> h.createQuery(
                """
                insert into person (email, display_name, time_zone, work_start, work_end, work_days, created_at, updated_at)
                values (:email, :name, :zone, :start, :end, cast(:days as smallint[]), :now, :now)
                on conflict (lower(email)) do update set
                    display_name = excluded.display_name, time_zone = excluded.time_zone,
                    work_start = excluded.work_start, work_end = excluded.work_end,
                    work_days = excluded.work_days,
                    updated_at = case
                        when (person.display_name, person.time_zone, person.work_start, person.work_end, person.work_days)
                           is distinct from (excluded.display_name, excluded.time_zone, excluded.work_start, excluded.work_end, excluded.work_days)
                        then excluded.updated_at else person.updated_at end
                returning \s""" + COLUMNS)
            .bind("email", p.email().trim())
            .bind("name", p.displayName().trim())
            .bind("zone", p.timeZone().getId())
            .bind("start", p.workingHours().start())
            .bind("end", p.workingHours().end())
            .bind("days", dayNumbers(p.workingHours().days()))
            .bind("now", clock.instant())
            .map(PeopleInDatabase::map)
            .one());
  }

  @Override
  public Optional<Person> findById(long id) {
    return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from person where id = :id")
        .bind("id", id).map(PeopleInDatabase::map).findOne());
  }

  @Override
  public Map<Long, Person> findByIds(Collection<Long> ids) {
    Map<Long, Person> found = new HashMap<>();
    jdbi.useHandle(h -> h.createQuery("select " + COLUMNS + " from person where id = any(:ids)")
        .bindArray("ids", Long.class, ids).map(PeopleInDatabase::map).forEach(p -> found.put(p.id(), p)));
    return found;
  }

  @Override
  public Optional<Person> findByEmail(String email) {
    return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from person where lower(email) = lower(:email)")
        .bind("email", email.trim()).map(PeopleInDatabase::map).findOne());
  }

  @Override
  public Optional<Person> findByIdentity(PlatformIdentity identity) {
    return jdbi.withHandle(h -> h.createQuery(
            "select " + P_COLUMNS + """
             from person p join platform_identity i on i.person_id = p.id
            where i.platform = :platform and i.workspace_id = :ws and i.user_id = :user""")
        .bind("platform", identity.platform().code())
        .bind("ws", identity.workspaceId())
        .bind("user", identity.userId())
        .map(PeopleInDatabase::map).findOne());
  }

  @Override
  public List<PlatformIdentity> identitiesOf(long personId) {
    return jdbi.withHandle(h -> h.createQuery(
            "select platform, workspace_id, user_id from platform_identity where person_id = :id order by platform, workspace_id")
        .bind("id", personId)
        .map((rs, ctx) -> new PlatformIdentity(
            Platform.fromCode(rs.getString("platform")), rs.getString("workspace_id"), rs.getString("user_id")))
        .list());
  }

  @Override
  public void link(long personId, PlatformIdentity identity) {
    jdbi.useHandle(h -> h.createUpdate(
            """
            insert into platform_identity (platform, workspace_id, user_id, person_id)
            values (:platform, :ws, :user, :person)
            on conflict (platform, workspace_id, user_id) do update set person_id = excluded.person_id""")
        .bind("platform", identity.platform().code())
        .bind("ws", identity.workspaceId())
        .bind("user", identity.userId())
        .bind("person", personId)
        .execute());
  }

  @Override
  public int count() {
    return jdbi.withHandle(h -> h.createQuery("select count(*) from person").mapTo(Integer.class).one());
  }

  static int[] dayNumbers(Set<DayOfWeek> days) {
    return days.stream().sorted().mapToInt(DayOfWeek::getValue).toArray();
  }

  static Person map(ResultSet rs, StatementContext ctx) throws SQLException {
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    Array array = rs.getArray("work_days");
    for (Object day : (Object[]) array.getArray()) {
      days.add(DayOfWeek.of(((Number) day).intValue()));
    }
    return new Person(
        rs.getLong("id"),
        rs.getString("email"),
        rs.getString("display_name"),
        ZoneId.of(rs.getString("time_zone")),
        new WorkingHours(rs.getObject("work_start", LocalTime.class), rs.getObject("work_end", LocalTime.class), days));
  }
}
