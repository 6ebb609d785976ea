package org.rmbot.mentoring.infra.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One {@code serve} in a JVM of its own, started from the same code as this one (the fat jar,
 * or the test class path), with its output appended to a log file. The campaign kills it with
 * SIGKILL and starts it again under the same instance name.
 */
final class ServeProcess implements AutoCloseable {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final String name;
  private final int port;
  private final Map<String, String> env;
  private final Path log;
  private Process process;

  ServeProcess(String name, int port, Map<String, String> env, Path log) {
    this.name = name;
    this.port = port;
    this.env = Map.copyOf(env);
    this.log = log;
  }

  String name() {
    return name;
  }

  void start() {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx256m", "-XX:+UseSerialGC",
        "-cp", System.getProperty("java.class.path"), "org.rmbot.mentoring.infra.Main", "serve"));
    builder.environment().putAll(env);
    builder.environment().put("PORT", String.valueOf(port));
    builder.environment().put("HOST", "127.0.0.1");
    builder.environment().put("MENTORING_INSTANCE_ID", name);
    builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("could not start serve", e);
    }
  }

  /** SIGKILL: no shutdown hook runs, nothing is released. */
  void kill() {
    process.destroyForcibly();
    try {
      process.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The status /readyz answers, or -1 if nothing answers (yet). */
  int readiness() {
    try {
      return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/readyz"))
          .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /** Waits until /readyz answers {@code status}; returns how long that took, or null at the deadline. */
  Duration awaitReadiness(int status, Duration timeout) {
    long started = System.nanoTime();
    long deadline = started + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
      }
      if (readiness() == status) {
        return Duration.ofNanos(System.nanoTime() - started);
      }
      LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
    }
    return null;
  }

  /** SIGTERM, then SIGKILL if it has not stopped after a while. */
  @Override
  public void close() {
    if (process == null || !process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        kill();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      kill();
    }
  }
}
