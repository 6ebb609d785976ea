package org.rmbot.mentoring.infra.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * CPU and heap while a bench runs. CPU is this JVM's (bot, load generator and local platforms
 * together, from the OperatingSystemMXBean) and, when its processes can be found, the embedded
 * PostgreSQL's (the postmaster listening on the port and its backends), in percent of one core.
 * Heap is sampled every 50 ms; each period reports its highest sample.
 */
final class ResourceUse implements AutoCloseable {
  private final com.sun.management.OperatingSystemMXBean os =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private final Optional<ProcessHandle> postgres;
  private final AtomicLong heapPeak = new AtomicLong();
  private final Thread sampler;
  private volatile boolean running = true;
  private long wallMark;
  private long jvmMark;
  private long dbMark;

  /** A period's figures: CPU in percent of one core and in milliseconds (NaN if unknown), heap in MB. */
  record Period(double jvmCpu, double dbCpu, double jvmCpuMs, double dbCpuMs, long heapPeakMb, long heapNowMb) {}

  ResourceUse(int postgresPort) {
    this.postgres = ProcessHandle.allProcesses()
        .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
        .filter(p -> p.info().arguments().map(a -> String.join(" ", a).contains("-p " + postgresPort)).orElse(false))
        .findFirst();
    sampler = new Thread(() -> {
      while (running) {
        heapPeak.accumulateAndGet(heapUsed(), Math::max);
        LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
      }
    }, "bench-heap");
    sampler.setDaemon(true);
    sampler.start();
    mark();
  }

  boolean seesDatabase() {
    return postgres.isPresent();
  }

  /** Starts a period. */
  void mark() {
    wallMark = System.nanoTime();
    jvmMark = os.getProcessCpuTime();
    dbMark = databaseCpuNanos();
    heapPeak.set(heapUsed());
  }

  /** The figures since the last mark. */
  Period period() {
    double wall = System.nanoTime() - wallMark;
    double jvm = os.getProcessCpuTime() - jvmMark;
    double db = postgres.isEmpty() ? Double.NaN : databaseCpuNanos() - dbMark;
    long now = heapUsed();
    return new Period(100 * jvm / wall, 100 * db / wall, jvm / 1e6, db / 1e6, Math.max(heapPeak.get(), now) >> 20, now >> 20);
  }

  private long databaseCpuNanos() {
    return postgres.map(p -> cpu(p) + p.descendants().mapToLong(ResourceUse::cpu).sum()).orElse(0L);
  }

  private static long cpu(ProcessHandle process) {
    return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
  }

  private static long heapUsed() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  @Override
  public void close() {
    running = false;
  }
}
