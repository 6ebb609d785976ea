package org.rmbot.mentoring.infra.hostile;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;
import org.rmbot.mentoring.testing.HostileText;

/**
 * Generators of text an attacker or an unlucky person might type into any field: the fixed
 * {@link HostileText} samples, arbitrary Unicode, and strings far longer than any limit.
 */
final class Hostile {
  private Hostile() {}

  /** Fixed hostile samples, shared with the rendering tests. */
  static final List<String> SAMPLES = HostileText.SAMPLES;

  /** A hostile sample, a long string, or arbitrary Unicode (including surrogates and controls). */
  static Arbitrary<String> text() {
    return Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.of(SAMPLES)),
        Tuple.of(3, Arbitraries.strings().ofMaxLength(40)),
        Tuple.of(1, Arbitraries.strings().all().ofMinLength(1000).ofMaxLength(20_000)),
        Tuple.of(2, Arbitraries.of(SAMPLES).list().ofMaxSize(4).map(l -> String.join(" ", l))));
  }

  /** Numbers as text, inside and far outside the ranges ids and grades use. */
  static Arbitrary<String> number() {
    return Arbitraries.oneOf(Arbitraries.longs().map(String::valueOf), Arbitraries.integers().between(-2, 50).map(String::valueOf),
        Arbitraries.of("1e9", "0x10", "NaN", "1.5", "+1", " 1", "１２"));
  }
}
