package org.rmbot.mentoring.slack;

import com.slack.api.bolt.response.Response;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The HTTP acknowledgement of one Slack request, which goes out exactly once: either the
 * handler's own answer, or, if the handler armed a deadline and the work is still running when it
 * passes, an interim answer sent by {@link AckDeadlines}' watchdog. This lets the handler do its
 * work on the request thread (no hand-off to another thread and back: the common, fast case) and
 * still acknowledge within Slack's 3 seconds however long the work takes.
 *
 * <p>The servlet opens one per request and makes it visible to the handler on the request thread
 * (Bolt runs middleware and handlers on the thread that calls {@code App.run}). Socket Mode has
 * none, so handlers there fall back to running the work on an executor.
 */
final class Acknowledgement {
  private static final ThreadLocal<Acknowledgement> ON_THIS_THREAD = new ThreadLocal<>();

  private enum State { OPEN, ANSWERED, INTERIM }

  private final AtomicReference<State> state = new AtomicReference<>(State.OPEN);
  private final long arrivedNanos;
  private final Consumer<Response> transport;
  private volatile Armed armed;

  private record Armed(long deadlineNanos, Supplier<Response> interim) {}

  /** {@code arrivedNanos}: when the request arrived ({@link System#nanoTime()}), which budgets count from. */
  Acknowledgement(long arrivedNanos, Consumer<Response> transport) {
    this.arrivedNanos = arrivedNanos;
    this.transport = transport;
  }

  /** The acknowledgement of the request this thread is serving, if its transport can send one early. */
  static Optional<Acknowledgement> onThisThread() {
    return Optional.ofNullable(ON_THIS_THREAD.get());
  }

  /** Makes this the acknowledgement of the request the current thread serves, until the scope closes. */
  Scope serveOnThisThread() {
    ON_THIS_THREAD.set(this);
    return ON_THIS_THREAD::remove;
  }

  /**
   * If no answer is claimed within {@code budget} of the request's arrival (time spent in the
   * server's queue and Bolt's middleware counts), the watchdog sends {@code interim} instead.
   */
  void arm(Duration budget, Supplier<Response> interimAnswer) {
    this.armed = new Armed(arrivedNanos + budget.toNanos(), interimAnswer);
  }

  /**
   * Claims the acknowledgement for the real answer. True if it is still ours to send (repeatable);
   * false if the deadline passed and the interim answer went out instead.
   */
  boolean claim() {
    return state.compareAndSet(State.OPEN, State.ANSWERED) || state.get() == State.ANSWERED;
  }

  /** Called by the watchdog: sends the interim answer if the deadline has passed and nothing was claimed. */
  void expireIfDue(long nowNanos) {
    Armed due = armed;
    if (due != null && nowNanos - due.deadlineNanos() >= 0 && state.compareAndSet(State.OPEN, State.INTERIM)) {
      Response interim;
      try {
        interim = due.interim().get();
      } catch (RuntimeException e) {
        interim = Response.ok(); // the acknowledgement must go out, even without its words
      }
      transport.accept(interim);
    }
  }

  /** Ends the thread binding without the checked exception of {@link AutoCloseable}. */
  interface Scope extends AutoCloseable {
    @Override
    void close();
  }
}
