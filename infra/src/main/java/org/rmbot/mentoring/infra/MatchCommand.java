package org.rmbot.mentoring.infra;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.rmbot.mentoring.access.Actor;
import org.rmbot.mentoring.chat.Markup;
import org.rmbot.mentoring.common.Outcome;
import org.rmbot.mentoring.matching.MatchProposal;
import org.rmbot.mentoring.matching.Matchmaking;
import org.rmbot.mentoring.matching.ProposedPair;
import org.rmbot.mentoring.matching.Unmatched;
import org.rmbot.mentoring.program.Program;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(
    name = "match",
    mixinStandardHelpOptions = true,
    description = {
      "Match a program's mentors and mentees (as the operator, with a coordinator's authority).",
      "preview shows the optimal pairs and why, saving nothing; commit saves them as proposals",
      "that each side then accepts or declines privately in chat."
    },
    subcommands = {MatchCommand.Preview.class, MatchCommand.Commit.class})
final class MatchCommand {
  // not runnable itself: "match" alone is a usage error naming preview and commit (exit code 2)
  @CommandLine.ParentCommand Main main;

  abstract static class Step implements Callable<Integer> {
    @CommandLine.ParentCommand MatchCommand parent;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--program", required = true, paramLabel = "NAME", description = "The program to match.")
    String program;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      try (Storage storage = Storage.open(parent.main.settings(), 2)) {
        Wiring.Core core = Wiring.core(storage.database(), Clock.systemUTC());
        var found = core.programs().findByName(program);
        if (found.isEmpty()) {
          err.println("error: there is no program named '" + program + "' (import participants into it first)");
          return 1;
        }
        Actor operator = new Actor.Operator("command line, " + System.getProperty("user.name"));
        Outcome<MatchProposal> result = run(core.matchmaking(), found.get(), operator);
        if (result instanceof Outcome.Rejected<MatchProposal> rejected) {
          err.println("error: " + Markup.plain(rejected.reason()));
          return 1;
        }
        print(found.get(), result.value(), out);
        return 0;
      }
    }

    abstract Outcome<MatchProposal> run(Matchmaking matchmaking, Program program, Actor operator);

    abstract String verb();

    private void print(Program program, MatchProposal proposal, PrintWriter out) {
      out.printf("%s for '%s': %d pairs, %d unmatched, total score %d%n", verb(), program.name(),
          proposal.pairs().size(), proposal.unmatched().size(), proposal.totalScore());
      for (ProposedPair pair : proposal.pairs()) {
        out.printf("  %s (mentor) + %s (mentee)%s: %s%n", pair.mentorName(), pair.menteeName(),
            pair.pinned() ? " [pinned]" : "", pair.explanation());
      }
      for (Unmatched u : proposal.unmatched()) {
        out.printf("  unmatched %s %s: %s%n", u.side().name().toLowerCase(java.util.Locale.ROOT), u.name(), u.explanation());
      }
    }
  }

  @Command(name = "preview", mixinStandardHelpOptions = true, description = "Show the optimal pairs and their reasons; save nothing.")
  static final class Preview extends Step {
    @Override
    Outcome<MatchProposal> run(Matchmaking matchmaking, Program program, Actor operator) {
      return matchmaking.preview(program.id(), operator);
    }

    @Override
    String verb() {
      return "preview";
    }
  }

  @Command(name = "commit", mixinStandardHelpOptions = true, description = "Save the optimal pairs as proposals awaiting both sides' consent.")
  static final class Commit extends Step {
    @Override
    Outcome<MatchProposal> run(Matchmaking matchmaking, Program program, Actor operator) {
      return matchmaking.commit(program.id(), operator).map(Matchmaking.Committed::proposal);
    }

    @Override
    String verb() {
      return "committed";
    }
  }
}
