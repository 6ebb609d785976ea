package org.rmbot.mentoring.infra.bench;

import picocli.CommandLine.Command;

/**
 * Parent of the benchmark entry points; each one prints its figures as its last line. Not
 * runnable itself: {@code bench} alone is a usage error naming the subcommands (exit code 2).
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Benchmarks. See docs/BENCHMARKS.md for what each measures; faults, inbound and program: docs/RELIABILITY.md.",
    subcommands = {BenchAssignmentCommand.class, BenchMatchingCommand.class, BenchFanoutCommand.class, BenchSlackAckCommand.class,
        BenchFaultsCommand.class, BenchInboundCommand.class, BenchProgramCommand.class})
public final class BenchCommand {}
