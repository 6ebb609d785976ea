package org.rmbot.mentoring.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.rmbot.mentoring.feedback.FeedbackForm;
import org.rmbot.mentoring.feedback.Purpose;
import org.rmbot.mentoring.program.NewProgram;
import org.rmbot.mentoring.program.ProgramsInDatabase;
import org.rmbot.mentoring.testing.TestDatabase;
import picocli.CommandLine;

/** Forms are data: the {@code form} command shows, sets and resets a program's form, refusing a broken one. */
class FormCommandTest {
  @RegisterExtension final TestDatabase db = new TestDatabase();
  @TempDir Path dir;

  private String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine(Map.of("DATABASE_URL", db.url().jdbcUrl()));
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new String[] {String.valueOf(code), out.toString(), err.toString()};
  }

  @Test
  void showSetAndResetAProgramsForm() throws Exception {
    new ProgramsInDatabase(db.jdbi(), java.time.Clock.systemUTC())
        .create(NewProgram.reverse("Pilot", "Allyship", LocalDate.of(2026, 1, 5)));
    String[] shown = run("form", "--program", "Pilot", "--purpose", "pre-survey");
    assertThat(shown[0]).as(shown[2]).isEqualTo("0");
    assertThat(FeedbackForm.fromJson(shown[1])).isEqualTo(FeedbackForm.defaultFor(Purpose.PRE_SURVEY));

    Path broken = Files.writeString(dir.resolve("broken.json"), "{\"title\": \"x\", \"questions\": []}");
    String[] refused = run("form", "--program", "Pilot", broken.toString());
    assertThat(refused[0]).isEqualTo("1");
    assertThat(refused[2]).contains("broken.json is not a usable form: a form has 1 to 12 questions; nothing was changed");

    Path ours = Files.writeString(dir.resolve("pulse.json"),
        "{\"title\": \"Pulse\", \"questions\": [{\"id\": \"heard\", \"type\": \"scale\", \"text\": \"I feel heard\"}]}");
    String[] saved = run("form", "--program", "pilot", ours.toString());
    assertThat(saved[1]).contains("saved the feedback form of 'Pilot': 1 questions");
    assertThat(run("form", "--program", "Pilot")[1]).contains("\"title\":\"Pulse\"");

    assertThat(run("form", "--program", "Pilot", "--reset")[1]).contains("uses the default feedback form again");
    assertThat(FeedbackForm.fromJson(run("form", "--program", "Pilot")[1])).isEqualTo(FeedbackForm.defaultFor(Purpose.FEEDBACK));
    assertThat(run("form", "--program", "Nope")[2]).contains("there is no program called 'Nope'");
  }
}
