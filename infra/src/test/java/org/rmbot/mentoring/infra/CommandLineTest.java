package org.rmbot.mentoring.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The jar's commands run in-process against an embedded database in a temporary data directory. */
class CommandLineTest {
  @TempDir Path dataDir;

  record Run(int exitCode, String out, String err) {}

  private Run run(Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine(env);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  private Run run(String... args) {
    return run(Map.of("MENTORING_DATA_DIR", dataDir.toString()), args);
  }

  private static Path sample() {
    return Path.of("..", "bot-core", "src", "main", "resources", "sample", "participants.csv");
  }

  @Test
  void migrateThenImportSurvivesRestartsAndIsIdempotent() {
    Run migrate = run("migrate");
    assertThat(migrate.exitCode()).as(migrate.err()).isZero();
    assertThat(migrate.out()).contains("embedded PostgreSQL in " + dataDir.resolve("postgres"))
        .containsPattern("applied [1-9]\\d* migrations?; schema version is now \\d+");

    Run first = run("import", "--program", "Pilot 2026", "--theme", "Allyship", sample().toString());
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.out()).contains("created program 'Pilot 2026'").contains("40 new, 0 updated, 0 unchanged");

    // a new process (the embedded server was stopped after each command) sees the earlier data
    Run second = run("import", "--program", "pilot 2026", sample().toString());
    assertThat(second.exitCode()).isZero();
    assertThat(second.out()).doesNotContain("created program").contains("0 new, 0 updated, 40 unchanged");

    Run again = run("migrate");
    assertThat(again.out()).contains("applied 0 migrations");
  }

  @Test
  void matchPreviewSavesNothingAndCommitProposesOnTheEmbeddedDatabase() {
    assertThat(run("import", "--program", "Pilot", sample().toString()).exitCode()).isZero();

    Run preview = run("match", "preview", "--program", "Pilot");
    assertThat(preview.exitCode()).as(preview.err()).isZero();
    assertThat(preview.out()).startsWith("preview for 'Pilot': 20 pairs, 2 unmatched")
        .contains("(mentor) +").contains("different departments")
        .containsPattern("unmatched mentor .+: .+");

    Run commit = run("match", "commit", "--program", "Pilot");
    assertThat(commit.out()).startsWith("committed for 'Pilot': 20 pairs");
    // everyone matched is now in a proposal awaiting consent, so a second commit has no mentees left
    Run again = run("match", "commit", "--program", "Pilot");
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.err().strip()).isEqualTo("error: no mentees are waiting to be matched");

    Run unknown = run("match", "preview", "--program", "Nope");
    assertThat(unknown.err()).contains("there is no program named 'Nope'");
  }

  @Test
  void aBadFileIsRefusedWholeWithLineNumbers() throws Exception {
    Path bad = dataDir.resolve("bad.csv");
    Files.writeString(bad, "email,name,role,grade,department\n"
        + "ok@example.com,Ok,mentor,2,Data\n"
        + "bad@example.com,Bad,mentor,high,Data\n"
        + "worse,Worse,chief,3,Data\n");
    Run result = run("import", "--program", "Pilot", bad.toString());
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("bad.csv was not imported; nothing was changed")
        .contains("line 3: grade must be a whole number, not 'high'")
        .contains("line 4: email 'worse' is not an email address")
        .contains("line 4: role must be mentor or mentee, not 'chief'");
    Run good = run("import", "--program", "Pilot", sample().toString());
    assertThat(good.out()).as("nothing from the bad file was kept").contains("created program 'Pilot'").contains("40 new");
  }

  @Test
  void configurationAndUsageErrorsAreOneLineWithNonZeroExit() {
    Run badUrl = run(Map.of("DATABASE_URL", "mysql://root:hunter2@db/x"), "migrate");
    assertThat(badUrl.exitCode()).isEqualTo(2);
    assertThat(badUrl.err().strip()).isEqualTo("error: DATABASE_URL must start with postgresql:// or jdbc:postgresql: (got 'mysql://root:****@db/x')");

    Run unreachable = run(Map.of("DATABASE_URL", "postgresql://bot:hunter2@127.0.0.1:1/mentoring"), "migrate");
    assertThat(unreachable.exitCode()).isEqualTo(1);
    assertThat(unreachable.err().strip()).startsWith("error: cannot connect to PostgreSQL at jdbc:postgresql://127.0.0.1:1/mentoring")
        .doesNotContain("hunter2").doesNotContain("\n");

    Run hugeBodies = run(Map.of("MENTORING_DATA_DIR", dataDir.toString(), "MENTORING_MAX_REQUEST_BYTES", "10"), "serve");
    assertThat(hugeBodies.exitCode()).isEqualTo(2);
    assertThat(hugeBodies.err().strip())
        .isEqualTo("error: MENTORING_MAX_REQUEST_BYTES must be a whole number from 16384 to 16777216, not '10'");

    Run admins = run(Map.of("MENTORING_DATA_DIR", dataDir.toString(), "MENTORING_ADMINS", "U0ADA"), "serve");
    assertThat(admins.exitCode()).isEqualTo(2);
    assertThat(admins.err().strip()).startsWith("error: MENTORING_ADMINS: a bare user id ('U0ADA') means a user of the Slack")
        .doesNotContain("\n");

    Run unknown = run("--frobnicate");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("Unknown option: '--frobnicate'");

    Run missingFile = run("import", "--program", "P", dataDir.resolve("nope.csv").toString());
    assertThat(missingFile.exitCode()).isEqualTo(1);
    assertThat(missingFile.err()).contains("no such file");
  }

  /** Misuse is exit code 2 with the reason, never a silent success or an option quietly ignored. */
  @Test
  void everyMisuseExitsTwoWithTheReason() {
    for (String[] args : List.of(new String[0], new String[] {"match"}, new String[] {"bench"})) {
      Run run = run(args);
      assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(2);
      assertThat(run.err()).as(String.join(" ", args)).startsWith("Missing required subcommand");
    }

    assertThat(run("import", "--program", "Pilot", "--theme", "Allyship", sample().toString()).exitCode()).isZero();
    Run same = run("import", "--program", "Pilot", "--theme", "allyship", sample().toString());
    assertThat(same.exitCode()).as("the theme it has: nothing to ignore").isZero();
    Run other = run("import", "--program", "Pilot", "--theme", "Generations", sample().toString());
    assertThat(other.exitCode()).isEqualTo(2);
    assertThat(other.err().strip()).isEqualTo("error: --theme is only for a program this import creates: 'Pilot'"
        + " exists already, with the theme 'Allyship'; nothing was imported");
  }

  /**
   * Every variable of the README's configuration table, set to something wrong, is refused at
   * start with one line naming it and exit code 2. A variable added to the README without a case
   * here fails the test.
   */
  @Test
  void everyDocumentedVariableIsValidated() throws Exception {
    Path aFile = Files.writeString(dataDir.resolve("not-a-directory"), "x");
    Map<String, String> slack = Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_SIGNING_SECRET", "s");
    Map<String, String> teams = Map.of("MICROSOFT_APP_ID", "aabdbd62-bc97-4afb-83ee-575594577de5",
        "MICROSOFT_APP_PASSWORD", "p");
    Map<String, Bad> bad = new java.util.LinkedHashMap<>();
    bad.put("MENTORING_DATA_DIR", new Bad("migrate", aFile.toString(), Map.of()));
    bad.put("DATABASE_URL", new Bad("migrate", "mysql://db/x", Map.of()));
    bad.put("MENTORING_LOG_LEVEL", new Bad("migrate", "LOUD", Map.of()));
    bad.put("MENTORING_DEBUG", new Bad("migrate", "yes please", Map.of()));
    bad.put("LOG_FORMAT", new Bad("migrate", "xml", Map.of()));
    bad.put("MENTORING_SECRET_KEY", new Bad("serve", "too-short", Map.of()));
    bad.put("MENTORING_ADMINS", new Bad("serve", "U0123,<@U456>", Map.of()));
    bad.put("PORT", new Bad("serve", "eighty", Map.of()));
    bad.put("HOST", new Bad("serve", "not a host", Map.of()));
    bad.put("MENTORING_INSTANCE_ID", new Bad("serve", "two words", Map.of()));
    bad.put("MENTORING_DISPATCH_EVERY_SECONDS", new Bad("serve", "0", Map.of()));
    bad.put("MENTORING_DELIVERY_LEASE_SECONDS", new Bad("serve", "30", Map.of()));
    bad.put("SLACK_MESSAGES_PER_SECOND", new Bad("serve", "fast", Map.of()));
    bad.put("MENTORING_MAX_REQUEST_BYTES", new Bad("serve", "10", Map.of()));
    bad.put("SLACK_BOT_TOKEN", new Bad("serve", "xoxp-a-user-token", Map.of("SLACK_SIGNING_SECRET", "s")));
    bad.put("SLACK_APP_TOKEN", new Bad("serve", "xoxb-not-an-app-token", Map.of("SLACK_BOT_TOKEN", "xoxb-1")));
    bad.put("SLACK_SIGNING_SECRET", new Bad("serve", "a secret without its bot token", Map.of()));
    bad.put("SLACK_API_URL", new Bad("serve", "ftp://example.com/api/", slack));
    bad.put("MICROSOFT_APP_ID", new Bad("serve", "not-an-app-id", Map.of("MICROSOFT_APP_PASSWORD", "p")));
    bad.put("MICROSOFT_APP_PASSWORD", new Bad("serve", "a password without its app id", Map.of()));
    bad.put("MICROSOFT_APP_TENANT_ID", new Bad("serve", "not a tenant", teams));
    bad.put("BOTFRAMEWORK_OPENID_METADATA_URL", new Bad("serve", "not a url", teams));
    bad.put("BOTFRAMEWORK_LOGIN_URL", new Bad("serve", "ldap://login.example.com/token", teams));
    bad.put("TEAMS_ENABLED", new Bad("serve", "yes", Map.of()));
    assertThat(bad.keySet()).as("a case for every variable of the README").containsExactlyInAnyOrderElementsOf(documented());

    for (var entry : bad.entrySet()) {
      Map<String, String> env = new java.util.HashMap<>(entry.getValue().with());
      env.put("MENTORING_DATA_DIR", dataDir.toString());
      env.put(entry.getKey(), entry.getValue().value());
      Run run = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(60),
          () -> run(env, entry.getValue().command()), entry.getKey() + " was accepted: serve started");
      String what = entry.getKey() + "=" + entry.getValue().value() + " -> " + run.err();
      assertThat(run.exitCode()).as(what).isEqualTo(2);
      assertThat(run.err().lines().toList()).as(what).hasSize(1)
          .allSatisfy(line -> assertThat(line).startsWith("error: ").contains(entry.getKey()));
    }
  }

  private record Bad(String command, String value, Map<String, String> with) {}

  /** The variables of the README's configuration table. */
  private static List<String> documented() throws java.io.IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    String table = readme.substring(readme.indexOf("## Configuration"), readme.indexOf("## Architecture"));
    return java.util.regex.Pattern.compile("(?m)^\\| `([A-Z_]+)` \\|").matcher(table).results().map(m -> m.group(1)).toList();
  }

  @Test
  void helpAndVersionWork() {
    Run help = run("--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).contains("migrate").contains("import").contains("bench");
    Run version = run("--version");
    assertThat(version.exitCode()).isZero();
    assertThat(version.out()).startsWith("mentoring-bot ");
  }
}
