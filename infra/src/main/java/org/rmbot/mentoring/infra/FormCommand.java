package org.rmbot.mentoring.infra;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.rmbot.mentoring.access.Actor;
import org.rmbot.mentoring.audit.AuditActor;
import org.rmbot.mentoring.audit.AuditSubject;
import org.rmbot.mentoring.common.Coded;
import org.rmbot.mentoring.feedback.FeedbackForm;
import org.rmbot.mentoring.feedback.FeedbackForms;
import org.rmbot.mentoring.feedback.FeedbackFormsInDatabase;
import org.rmbot.mentoring.feedback.Purpose;
import org.rmbot.mentoring.program.Program;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(
    name = "form",
    mixinStandardHelpOptions = true,
    description = {
      "Show or set a program's feedback or self-assessment form (JSON; see docs/PRIVACY.md, \"Forms\").",
      "Without FILE it prints the form in force. Campaigns already open keep the form they opened with."
    })
final class FormCommand implements Callable<Integer> {
  @CommandLine.ParentCommand Main main;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Option(names = "--program", required = true, paramLabel = "NAME", description = "The program.")
  String program;

  @CommandLine.Option(names = "--purpose", paramLabel = "PURPOSE", defaultValue = "feedback",
      description = "feedback, pre-survey or post-survey (default: ${DEFAULT-VALUE}).")
  String purpose;

  @CommandLine.Option(names = "--reset", description = "Go back to the default form.")
  boolean reset;

  @CommandLine.Parameters(paramLabel = "FILE", arity = "0..1", description = "The new form, as JSON (UTF-8).")
  Path file;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    Purpose chosen;
    try {
      chosen = Coded.fromCode(Purpose.class, purpose.replace('-', '_'));
    } catch (IllegalArgumentException e) {
      err.println("error: --purpose is feedback, pre-survey or post-survey, not " + purpose);
      return 2;
    }
    Optional<FeedbackForm> replacement = Optional.empty();
    if (file != null) {
      try {
        replacement = Optional.of(FeedbackForm.fromJson(Files.readString(file, StandardCharsets.UTF_8)));
      } catch (NoSuchFileException e) {
        err.println("error: no such file: " + file);
        return 1;
      } catch (IOException e) {
        err.println("error: cannot read " + file + ": " + e.getMessage());
        return 1;
      } catch (IllegalArgumentException e) {
        err.println("error: " + file.getFileName() + " is not a usable form: " + e.getMessage() + "; nothing was changed");
        return 1;
      }
    }
    try (Storage storage = Storage.open(main.settings(), 2)) {
      Wiring.Core core = Wiring.core(storage.database(), java.time.Clock.systemUTC());
      Optional<Program> found = core.programs().findByName(program);
      if (found.isEmpty()) {
        err.println("error: there is no program called '" + program + "'");
        return 1;
      }
      FeedbackForms forms = new FeedbackFormsInDatabase(storage.database().jdbi(), java.time.Clock.systemUTC());
      AuditActor operator = new Actor.Operator("command line, " + System.getProperty("user.name"));
      String what = chosen.code().replace('_', '-');
      if (reset) {
        forms.reset(found.get().id(), chosen);
        core.audit().record(operator, "form reset", found.get().id(), AuditSubject.form(chosen.code()));
        out.println("'" + found.get().name() + "' uses the default " + what + " form again");
      } else if (replacement.isPresent()) {
        forms.save(found.get().id(), chosen, replacement.get());
        core.audit().record(operator, "form set", found.get().id(), AuditSubject.form(chosen.code()));
        out.printf(Locale.ROOT, "saved the %s form of '%s': %d questions; campaigns already open keep theirs%n", what,
            found.get().name(), replacement.get().questions().size());
      } else {
        out.println(forms.formFor(found.get().id(), chosen).toJson());
      }
      return 0;
    }
  }
}
