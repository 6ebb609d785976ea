package org.rmbot.mentoring.participant;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The person and platform_identity tables. */
@RegisterRowMapper(PeopleSql.PersonMapper.class)
@RegisterRowMapper(PeopleSql.IdentityMapper.class)
interface PeopleSql {
  String COLUMNS = "id, email, display_name, time_zone, work_start, work_end, work_days";
  /** The same columns of {@code person p}, for queries that join it. */
  String P_COLUMNS = "p.id, p.email, p.display_name, p.time_zone, p.work_start, p.work_end, p.work_days";

  /** A person's row to save, already trimmed; {@code days} are ISO day numbers, sorted. */
  record Row(String email, String name, String zone, LocalTime start, LocalTime end, int[] days, Instant now) {}

  /** A platform identity's row, the platform coded. */
  record IdentityRow(String platform, String ws, String user) {}

  /** Creates the person, or updates the one with that email (touching updated_at only if something changed). */
  @SqlQuery("""
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
      returning\s""" + COLUMNS)
  Person save(@BindMethods Row row);

  @SqlQuery("select " + COLUMNS + " from person where id = :id")
  Optional<Person> findById(@Bind("id") long id);

  @SqlQuery("select " + COLUMNS + " from person where id = any(:ids)")
  List<Person> findByIds(@Bind("ids") Collection<Long> ids);

  @SqlQuery("select " + COLUMNS + " from person where lower(email) = lower(:email)")
  Optional<Person> findByEmail(@Bind("email") String email);

  @SqlQuery("select " + P_COLUMNS + """
       from person p join platform_identity i on i.person_id = p.id
      where i.platform = :platform and i.workspace_id = :ws and i.user_id = :user""")
  Optional<Person> findByIdentity(@BindMethods IdentityRow identity);

  @SqlQuery("select platform, workspace_id, user_id from platform_identity where person_id = :id order by platform, workspace_id")
  List<PlatformIdentity> identitiesOf(@Bind("id") long personId);

  @SqlUpdate("""
      insert into platform_identity (platform, workspace_id, user_id, person_id)
      values (:platform, :ws, :user, :person)
      on conflict (platform, workspace_id, user_id) do update set person_id = excluded.person_id""")
  void link(@BindMethods IdentityRow identity, @Bind("person") long personId);

  @SqlQuery("select count(*) from person")
  int count();

  final class PersonMapper implements RowMapper<Person> {
    @Override
    public Person map(ResultSet rs, StatementContext ctx) throws SQLException {
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

  final class IdentityMapper implements RowMapper<PlatformIdentity> {
    @Override
    public PlatformIdentity map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new PlatformIdentity(
          Platform.fromCode(rs.getString("platform")), rs.getString("workspace_id"), rs.getString("user_id"));
    }
  }
}
