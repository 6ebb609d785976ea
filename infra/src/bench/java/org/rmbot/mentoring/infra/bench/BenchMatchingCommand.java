package org.rmbot.mentoring.infra.bench;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import org.rmbot.mentoring.matching.MatchProposal;
import org.rmbot.mentoring.matching.MatchingEngine;
import org.rmbot.mentoring.matching.ReportingLines;
import org.rmbot.mentoring.matching.Side;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs the whole {@link MatchingEngine} (all constraints, pins, explanations, reasons for the
 * unmatched) on a generated program. Generating the program is not timed. {@code heap_mb} is the
 * peak heap in use during the run: the sum of each heap pool's peak since just before it, so an
 * upper bound (pools peak at different moments).
 */
@Command(
    name = "matching",
    mixinStandardHelpOptions = true,
    description =
        "Match a generated program end to end; last line: matching: mentors=.. mentees=.."
            + " matched=.. ms=.. heap_mb=..")
public final class BenchMatchingCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--mentors", defaultValue = "5000", description = "mentors (default ${DEFAULT-VALUE})")
  int mentors;

  @Option(names = "--mentees", defaultValue = "5000", description = "mentees (default ${DEFAULT-VALUE})")
  int mentees;

  @Option(names = "--seed", defaultValue = "1", description = "random seed (default ${DEFAULT-VALUE})")
  long seed;

  @Override
  public void run() {
    PrintWriter out = spec.commandLine().getOut();
    long genStart = System.nanoTime();
    SyntheticProgram program = SyntheticProgram.generate(mentors, mentees, seed);
    out.printf("generated program (seed %d) in %d ms: %d pins, %d never-pair, %d earlier pairs, %d declined%n",
        seed, (System.nanoTime() - genStart) / 1_000_000, program.rules().pins().size(),
        program.rules().neverPair().size(), program.rules().previouslyPaired().size(),
        program.rules().declined().size());
    out.flush();

    System.gc(); // start the heap measurement from the program alone, not generator garbage
    resetHeapPeaks();
    long start = System.nanoTime();
    MatchProposal proposal =
        new MatchingEngine()
            .propose(program.rules(), program.candidates(), ReportingLines.of(program.managers()));
    long ms = (System.nanoTime() - start) / 1_000_000;
    long heapMb = peakHeapBytes() / (1024 * 1024);

    long unmatchedMentees = proposal.unmatched().stream().filter(u -> u.side() == Side.MENTEE).count();
    long idleMentors = proposal.unmatched().stream().filter(u -> u.side() == Side.MENTOR).count();
    out.printf("pairs=%d total_score=%d unmatched_mentees=%d mentors_without_mentee=%d%n",
        proposal.pairs().size(), proposal.totalScore(), unmatchedMentees, idleMentors);
    if (!proposal.pairs().isEmpty()) {
      out.println("e.g. " + proposal.pairs().get(0).explanation());
    }
    proposal.unmatched().stream()
        .filter(u -> u.side() == Side.MENTEE)
        .findFirst()
        .ifPresent(u -> out.println("e.g. unmatched " + u.name() + ": " + u.explanation()));
    out.printf("matching: mentors=%d mentees=%d matched=%d ms=%d heap_mb=%d%n",
        mentors, mentees, proposal.pairs().size(), ms, heapMb);
    out.flush();
  }

  private static void resetHeapPeaks() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  private static long peakHeapBytes() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }
}
