package org.rmbot.mentoring.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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
    assertThat(badUrl.exitCode()).isEqualTo(1);
    assertThat(badUrl.err().strip()).isEqualTo("error: DATABASE_URL must start with postgresql:// or jdbc:postgresql: (got 'mysql://root:****@db/x')");

    Run unreachable = run(Map.of("DATABASE_URL", "postgresql://bot:hunter2@127.0.0.1:1/mentoring"), "migrate");
    assertThat(unreachable.exitCode()).isEqualTo(1);
    assertThat(unreachable.err().strip()).startsWith("error: cannot connect to PostgreSQL at jdbc:postgresql://127.0.0.1:1/mentoring")
        .doesNotContain("hunter2").doesNotContain("\n");

    Run unknown = run("--frobnicate");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("Unknown option: '--frobnicate'");

    Run missingFile = run("import", "--program", "P", dataDir.resolve("nope.csv").toString());
    assertThat(missingFile.exitCode()).isEqualTo(1);
    assertThat(missingFile.err()).contains("no such file");
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
