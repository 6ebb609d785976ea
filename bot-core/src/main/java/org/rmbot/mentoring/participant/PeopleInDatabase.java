package org.rmbot.mentoring.participant;

import java.time.Clock;
import java.time.DayOfWeek;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/** The people kept in the database, through {@link PeopleSql}. */
public final class PeopleInDatabase implements People {
  private final PeopleSql sql;
  private final Clock clock;

  public PeopleInDatabase(Jdbi jdbi, Clock clock) {
    this.sql = jdbi.onDemand(PeopleSql.class);
    this.clock = clock;
  }

  @Override
  public Person save(NewPerson p) {
    return sql.save(new PeopleSql.Row(p.email().trim(), p.displayName().trim(), p.timeZone().getId(),
        p.workingHours().start(), p.workingHours().end(), dayNumbers(p.workingHours().days()), clock.instant()));
  }

  @Override
  public Optional<Person> findById(long id) {
    return sql.findById(id);
  }

  @Override
  public Map<Long, Person> findByIds(Collection<Long> ids) {
    Map<Long, Person> found = new HashMap<>();
    sql.findByIds(ids).forEach(p -> found.put(p.id(), p));
    return found;
  }

  @Override
  public Optional<Person> findByEmail(String email) {
    return sql.findByEmail(email.trim());
  }

  @Override
  public Optional<Person> findByIdentity(PlatformIdentity identity) {
    return sql.findByIdentity(row(identity));
  }

  @Override
  public List<PlatformIdentity> identitiesOf(long personId) {
    return sql.identitiesOf(personId);
  }

  @Override
  public void link(long personId, PlatformIdentity identity) {
    sql.link(row(identity), personId);
  }

  @Override
  public int count() {
    return sql.count();
  }

  private static PeopleSql.IdentityRow row(PlatformIdentity identity) {
    return new PeopleSql.IdentityRow(identity.platform().code(), identity.workspaceId(), identity.userId());
  }

  static int[] dayNumbers(Set<DayOfWeek> days) {
    return days.stream().sorted().mapToInt(DayOfWeek::getValue).toArray();
  }
}
