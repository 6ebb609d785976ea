package org.rmbot.mentoring.infra.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.rmbot.mentoring.testing.Poll;

/**
 * The jar's {@code main} in a JVM of its own, from this test class path, with only the given
 * environment: what an operator runs, with its own logging set-up, shutdown hooks and exit code.
 * Its output goes to files the test reads.
 */
final class MainProcess implements AutoCloseable {
  private final Process process;
  private final Path out;
  private final Path err;

  private MainProcess(Process process, Path out, Path err) {
    this.process = process;
    this.out = out;
    this.err = err;
  }

  static MainProcess start(Path dir, Map<String, String> env, String... args) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
        "-cp", System.getProperty("java.class.path"), "org.rmbot.mentoring.infra.Main"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().clear();
    builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    builder.environment().put("HOME", System.getProperty("user.home"));
    builder.environment().putAll(env);
    Path out = dir.resolve("stdout-" + System.nanoTime());
    Path err = dir.resolve("stderr-" + System.nanoTime());
    builder.redirectOutput(out.toFile()).redirectError(err.toFile());
    try {
      return new MainProcess(builder.start(), out, err);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits for it to exit by itself; its exit code. */
  int exitCode(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("still running after " + timeout + "; stderr: " + err());
    }
    return process.exitValue();
  }

  /** SIGTERM, as an orchestrator stops it, then waits for it to exit. */
  int terminate(Duration timeout) throws InterruptedException {
    process.destroy();
    return exitCode(timeout);
  }

  boolean printed(String text, Duration timeout) {
    return Poll.until(timeout, () -> out().contains(text) || !process.isAlive());
  }

  String out() {
    return read(out);
  }

  String err() {
    return read(err);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
    }
  }
}
