package org.rmbot.mentoring.participant;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everyone the bot knows. Email is unique, compared without case. */
public interface People {
  /** Creates the person, or updates name, zone and hours of the one with that email. */
  Person save(NewPerson person);

  Optional<Person> findById(long id);

  /** The people with these ids, by id, in one look-up (a whole program's at once); unknown ids are left out. */
  Map<Long, Person> findByIds(Collection<Long> ids);

  Optional<Person> findByEmail(String email);

  Optional<Person> findByIdentity(PlatformIdentity identity);

  List<PlatformIdentity> identitiesOf(long personId);

  void link(long personId, PlatformIdentity identity);

  int count();
}
