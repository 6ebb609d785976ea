package org.rmbot.mentoring.infra.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rmbot.mentoring.infra.Main;
import picocli.CommandLine;

class BenchCommandsTest {
  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = Main.commandLine(java.util.Map.of());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  private String lastLine() {
    List<String> lines = out.toString().lines().toList();
    return lines.get(lines.size() - 1);
  }

  /** shared/reference/or-library, found by walking up; missing means a loud failure. */
  private static Path orLibrary() {
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      Path candidate = d.resolve("shared/reference/or-library");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("shared/reference/or-library not found above " + Path.of("").toAbsolutePath());
  }

  @Test
  void benchAssignmentPrintsThePublishedOptimumAsTheLastLine() {
    int exit = run("bench", "assignment", orLibrary().resolve("assign100.txt").toString());

    assertThat(exit).isZero();
    assertThat(lastLine()).matches("optimum=305 ms=\\d+");
  }

  @Test
  void benchAssignmentReadsTheGzippedSparseInstance() {
    int exit = run("bench", "assignment", orLibrary().resolve("assignp800.txt.gz").toString());

    assertThat(exit).isZero();
    assertThat(lastLine()).matches("optimum=2239 ms=\\d+");
  }

  @Test
  void benchAssignmentFailsWithOneLineForABadFile() throws IOException {
    Path bad = Files.writeString(dir.resolve("assign2.txt"), "2\n1 2 3 oops\n");

    int exit = run("bench", "assignment", bad.toString());

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString().lines())
        .containsExactly("error: assign2.txt: line 2, token 5: 'oops' is not an integer (expected cost)");
  }

  @Test
  void benchAssignmentFailsWithOneLineForAMissingFile() {
    int exit = run("bench", "assignment", dir.resolve("absent.txt").toString());

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString()).startsWith("error: no such file: ").hasLineCount(1);
  }

  @Test
  void benchMatchingRunsTheWholeEngineAndReportsTheFigures() {
    int exit = run("bench", "matching", "--mentors", "300", "--mentees", "250", "--seed", "7");

    assertThat(exit).isZero();
    assertThat(lastLine())
        .matches("matching: mentors=300 mentees=250 matched=\\d+ ms=\\d+ heap_mb=\\d+");
    int matched = Integer.parseInt(lastLine().replaceAll(".*matched=(\\d+).*", "$1"));
    assertThat(matched).isBetween(200, 250);
    assertThat(out.toString()).contains("different departments");
  }
}
