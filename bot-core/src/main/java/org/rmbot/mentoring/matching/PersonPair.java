package org.rmbot.mentoring.matching;

/** Two people in no particular order: {@code PersonPair.of(a, b).equals(PersonPair.of(b, a))}. */
public record PersonPair(long first, long second) {

  public PersonPair {
    if (first > second) {
      long swap = first;
      first = second;
      second = swap;
    }
  }

  public static PersonPair of(long personA, long personB) {
    return new PersonPair(personA, personB);
  }
}
