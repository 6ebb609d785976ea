package org.rmbot.mentoring.command;

/**
 * Which pairing a coordinator means: named by one of its people, or by its number as shown in
 * {@code status}. The core resolves a person to their open pairing.
 */
public sealed interface PairingRef {

  record WithPerson(Mention person) implements PairingRef {
    public WithPerson {
      if (person == null) {
        throw new IllegalArgumentException("a pairing needs a person");
      }
    }
  }

  record Numbered(long pairingId) implements PairingRef {
    public Numbered {
      if (pairingId < 1) {
        throw new IllegalArgumentException("pairing numbers start at 1");
      }
    }
  }
}
