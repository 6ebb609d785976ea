package org.rmbot.mentoring.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.Tuple;

/** Whatever people type or paste, the parser answers, briefly, without replaying their text. */
class CommandParserPropertiesTest {
  /** The most of someone's input a message may quote back (the brief allows about 50). */
  static final int MOST_ECHOED = 50;

  private final CommandParser parser = new CommandParser(Invocation.SLASH_COMMAND);

  @Property(tries = 5_000)
  void anyTextGetsACommandOrAShortMessage(@ForAll("hostileText") String text) {
    ParseResult result = parser.parse(text);
    // Commands and refusals must both be common, or the property would be testing one path only.
    Statistics.label("result").collect(kind(result));
    Statistics.label("result").coverage(coverage -> {
      coverage.check("command").percentage(p -> p > 3);
      coverage.check("refusal").percentage(p -> p > 30);
    });
    if (result instanceof ParseResult.Parsed parsed) {
      assertSane(parsed.command());
    } else if (result instanceof ParseResult.Unrecognised unrecognised) {
      assertThat(unrecognised.message()).hasSizeLessThan(300);
      assertThat(echoedRun(unrecognised.message(), text)).isLessThanOrEqualTo(MOST_ECHOED);
    } else {
      fail("neither parsed nor unrecognised: " + result);
    }
  }

  @Property(tries = 500)
  void commandWordsIgnoreCaseAndSpacing(@ForAll("examples") String example, @ForAll("spaces") String space,
      @ForAll boolean upper) {
    String canonical = HelpTextTest.asAdaptersSendIt(example);
    String retyped = space + canonical.replace(" ", space) + space;
    // Only the command words change case: names and ids are kept as typed.
    int end = canonical.indexOf(' ') < 0 ? canonical.length() : canonical.indexOf(' ');
    String verb = canonical.substring(0, end);
    retyped = retyped.replaceFirst(verb, upper ? verb.toUpperCase() : Character.toUpperCase(verb.charAt(0)) + verb.substring(1));
    assertThat(parser.parse(retyped)).isEqualTo(parser.parse(canonical));
  }

  @Example
  void theEchoCheckCatchesAMessageThatRepeatsTheInput() {
    String input = "x".repeat(10) + "a pasted paragraph that goes on and on, well past fifty characters";
    String leaky = "Unknown command '" + input.substring(10) + "'.";
    assertThat(echoedRun(leaky, input)).isGreaterThan(MOST_ECHOED);
    assertThat(echoedRun("Unknown command 'x'.", input)).as("words in common by chance").isLessThan(10);
  }

  private static String kind(ParseResult result) {
    if (result instanceof ParseResult.Parsed parsed) {
      return parsed.command() instanceof Command.Help ? "help" : "command";
    }
    return result instanceof ParseResult.Unrecognised ? "refusal" : String.valueOf(result);
  }

  /** The longest run of characters that the message repeats from the input. */
  static int echoedRun(String message, String input) {
    int longest = 0;
    for (int start = 0; start < message.length(); start++) {
      int length = longest + 1;
      while (start + length <= message.length() && input.contains(message.substring(start, start + length))) {
        longest = length++;
      }
    }
    return longest;
  }

  /** What reaches the core is clean: no control characters, names short and free of markup. */
  private static void assertSane(Command command) {
    for (String value : strings(command)) {
      assertThat(value.codePoints().noneMatch(Character::isISOControl)).as(command.toString()).isTrue();
    }
    for (RecordComponent component : command.getClass().getRecordComponents()) {
      if (component.getName().equals("program") || component.getName().equals("name")) {
        String name = valueOf(component, command).map(Object::toString).orElse("");
        assertThat(name.codePointCount(0, name.length())).isLessThanOrEqualTo(ProgramNames.LONGEST_NAME);
        assertThat(name).doesNotContain("<", ">");
      }
    }
  }

  private static List<String> strings(Command command) {
    List<String> strings = new ArrayList<>();
    for (RecordComponent component : command.getClass().getRecordComponents()) {
      valueOf(component, command).ifPresent(v -> strings.add(v.toString()));
    }
    return strings;
  }

  private static Optional<Object> valueOf(RecordComponent component, Command command) {
    try {
      Object value = component.getAccessor().invoke(command);
      return value instanceof Optional<?> optional ? optional.map(Object.class::cast) : Optional.ofNullable(value);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  @Provide
  Arbitrary<String> hostileText() {
    Arbitrary<String> anyChars = Arbitraries.strings().all().ofMaxLength(200);
    Arbitrary<String> shortAnyChars = Arbitraries.strings().all().ofMaxLength(30);
    Arbitrary<String> controlChars = Arbitraries.strings().withCharRange('\u0000', '\u001F')
        .withChars('\u007F', '\u0085', '\u2028', '\u2029', '\u200B', '\u202E', '\uFEFF').ofMaxLength(50);
    Arbitrary<String> huge = Arbitraries.strings().all().ofMinLength(9_000).ofMaxLength(10_000);
    Arbitrary<String> hugeWord = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1_000).ofMaxLength(10_000);
    Arbitrary<String> commandWithJunk = Combinators.combine(
            Arbitraries.of(openings()),
            Arbitraries.oneOf(Arbitraries.of(hostileFragments()), shortAnyChars).list().ofMaxSize(6),
            Arbitraries.of(" ", "  ", "\t", "\n", "", "\u00A0"))
        .as((opening, fragments, separator) -> opening + separator + String.join(separator, fragments));
    // A real command with one hostile fragment put in as a word of its own or glued to a word.
    Arbitrary<String> mangledExample = Combinators.combine(
            Arbitraries.of(CommandCatalogue.all()).map(e -> HelpTextTest.asAdaptersSendIt(e.example())),
            Arbitraries.oneOf(Arbitraries.of(hostileFragments()), shortAnyChars),
            Arbitraries.integers().between(0, 1_000),
            Arbitraries.of(" ", ""))
        .as((example, fragment, at, glue) -> {
          int cut = example.indexOf(' ') + 1 + at % Math.max(1, example.length() - example.indexOf(' '));
          cut = Math.min(cut, example.length());
          return example.substring(0, cut) + glue + fragment + glue + example.substring(cut);
        });
    return Arbitraries.frequencyOf(
        Tuple.of(30, mangledExample),
        Tuple.of(20, commandWithJunk),
        Tuple.of(15, anyChars),
        Tuple.of(10, Arbitraries.of(hostileFragments())),
        Tuple.of(10, controlChars),
        Tuple.of(5, huge),
        Tuple.of(5, hugeWord));
  }

  @Provide
  Arbitrary<String> examples() {
    return Arbitraries.of(CommandCatalogue.all().stream().map(CommandHelp::example).toList());
  }

  @Provide
  Arbitrary<String> spaces() {
    return Arbitraries.strings().withChars(' ', '\t', '\n', '\u00A0', '\u2003').ofMinLength(1).ofMaxLength(5);
  }

  private static List<String> openings() {
    List<String> openings = new ArrayList<>(CommandCatalogue.verbs());
    openings.addAll(List.of("/mentoring", "program create", "program open", "match preview", "feedback results",
        "coordinator add", "pair", "never pair", "nudge", "snooze", "unpair", "forget", "help", "my"));
    return openings;
  }

  private static List<String> hostileFragments() {
    return List.of(
        "<!channel>", "<!here>", "<!everyone>", "<#C123|general>", "<!subteam^S1|@leaders>", "<@U123|<script>>",
        "<@>", "<@U1", "<@U1|", "<@ U1>", "<at>Bob</at>", "@bob", "@", "<", ">", "<>", "<<<@U1>>>",
        "'; DROP TABLE program; --", "\" OR 1=1 --", "Robert'); DELETE FROM person;--", "%s%n%x", "${jndi:ldap://x}",
        "\"", "“", "”", "„", "\"Pilot 2026\"", "\"unclosed", "“Pilot 2026”", "\"\"",
        "#0", "#-1", "#999999999999999999999", "42", "0", "-1", "999999999999999999999w", "2w", "10d", "0d", "13w",
        "3 days", "a week", "twelve weeks", "at-risk", "at", "risk", "preview", "commit", "open", "close", "create",
        "results", "add", "me", "data",
        "\u202Eevil", "\u200D", "\uD800", "\uDFFF", "\uD83D\uDE00", "💥", "🏳️‍🌈", "é", "e\u0301", "ﬁ", "İ", "ß",
        "\u0000", "\r\n", "\t", "\u00A0", "\u3000", "\uFFFF", "\uFFFD", "\uE000",
        "<script>alert(1)</script>", "*bold*", "`code`", "&amp;", "&lt;@U1&gt;", "\\", "\\n", "{{x}}");
  }
}
