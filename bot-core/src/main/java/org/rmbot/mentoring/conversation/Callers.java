package org.rmbot.mentoring.conversation;

import java.time.ZoneId;
import java.util.Optional;
import org.rmbot.mentoring.common.Transactions;
import org.rmbot.mentoring.participant.NewPerson;
import org.rmbot.mentoring.participant.People;
import org.rmbot.mentoring.participant.Person;
import org.rmbot.mentoring.participant.WorkingHours;

/**
 * Finds the person behind a caller: by platform identity, else by the email in their profile
 * (people imported by a coordinator are known by email before they ever talk to the bot), in
 * which case the identity is linked for next time. Someone the bot has never heard of is
 * created only when their profile gives an email, the key people are known by.
 */
public final class Callers {
  private final People people;
  private final Transactions transactions;

  public Callers(People people, Transactions transactions) {
    this.people = people;
    this.transactions = transactions;
  }

  public Optional<Person> known(Caller caller) {
    return people.findByIdentity(caller.identity());
  }

  public Optional<Person> resolve(Caller caller) {
    Optional<Person> known = people.findByIdentity(caller.identity());
    if (known.isPresent() || caller.email().isEmpty()) {
      return known;
    }
    return Optional.of(transactions.inTransaction(() -> {
      Person person = people.findByEmail(caller.email().get())
          .map(p -> refreshPlaceholder(p, caller))
          .orElseGet(() -> people.save(new NewPerson(caller.email().get(), caller.displayName(),
              caller.timeZone().orElse(ZoneId.of("UTC")), WorkingHours.officeHours())));
      people.link(person.id(), caller.identity());
      return person;
    }));
  }

  /** Managers recorded by email only get their real name and zone when they first show up. */
  private Person refreshPlaceholder(Person person, Caller caller) {
    if (!person.displayName().equalsIgnoreCase(person.email())) {
      return person;
    }
    return people.save(new NewPerson(person.email(), caller.displayName(),
        caller.timeZone().orElse(person.timeZone()), person.workingHours()));
  }
}
