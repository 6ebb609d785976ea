package org.rmbot.mentoring.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.rmbot.mentoring.access.Actor;
import org.rmbot.mentoring.importing.ImportResult;
import org.rmbot.mentoring.importing.ImportingParticipants;
import org.rmbot.mentoring.importing.LineProblem;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Import participants from a CSV file (columns: docs/IMPORT.md).",
      "All or nothing: if any line is bad, every problem is listed and nothing is imported.",
      "Importing the same file again changes nothing."
    })
final class ImportCommand implements Callable<Integer> {
  @CommandLine.ParentCommand Main main;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Option(names = "--program", required = true, paramLabel = "NAME",
      description = "The program to enrol people in; created as a draft if it does not exist.")
  String program;

  @CommandLine.Option(names = "--theme", paramLabel = "THEME", defaultValue = "Reverse mentoring",
      description = "Theme of the program when it is created by this import (default: ${DEFAULT-VALUE});"
          + " a different theme for a program that exists is refused.")
  String theme;

  @CommandLine.Parameters(paramLabel = "FILE", description = "The participants CSV file (UTF-8).")
  Path file;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    byte[] content;
    try {
      content = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      err.println("error: no such file: " + file);
      return 1;
    } catch (IOException e) {
      err.println("error: cannot read " + file + ": " + e.getMessage());
      return 1;
    }
    try (Storage storage = Storage.open(main.settings(), 2)) {
      Wiring.Core core = Wiring.core(storage.database(), java.time.Clock.systemUTC());
      var existing = core.programs().findByName(program);
      if (existing.isPresent() && spec.commandLine().getParseResult().hasMatchedOption("--theme")
          && !existing.get().theme().equalsIgnoreCase(theme.strip())) {
        // an option that would be silently ignored is a mistake to point out, not to skip
        err.println("error: --theme is only for a program this import creates: '" + existing.get().name()
            + "' exists already, with the theme '" + existing.get().theme() + "'; nothing was imported");
        return 2;
      }
      ImportingParticipants importing = core.importing();
      ImportResult result = importing.importFile(program, theme, content,
          new Actor.Operator("command line, " + System.getProperty("user.name")));
      if (result instanceof ImportResult.Imported done) {
          if (done.programCreated()) {
            out.println("created program '" + done.program() + "' (draft, reverse mentoring, theme: " + theme + ")");
          }
          out.printf("imported %s into '%s': %d new, %d updated, %d unchanged%s%n", file.getFileName(), done.program(),
              done.created(), done.updated(), done.unchanged(),
              done.managersAdded() > 0 ? "; " + done.managersAdded() + " managers outside the file recorded by email" : "");
          return 0;
      }
      ImportResult.Refused refused = (ImportResult.Refused) result;
          err.println("error: " + file.getFileName() + " was not imported; nothing was changed. Problems:");
          for (LineProblem problem : refused.problems()) {
            err.println("  " + problem);
          }
          return 1;
    }
  }
}
