package org.rmbot.mentoring.common;

import java.util.function.Function;

/**
 * What a use case did: done with a value, or rejected with a reason a person can read. A
 * business rule saying no is a result, not an exception.
 */
public sealed interface Outcome<T> {

  record Done<T>(T value) implements Outcome<T> {}

  record Rejected<T>(String reason) implements Outcome<T> {}

  static <T> Outcome<T> done(T value) {
    return new Done<>(value);
  }

  static <T> Outcome<T> rejected(String reason) {
    return new Rejected<>(reason);
  }

  default boolean isDone() {
    return this instanceof Done<T>;
  }

  /** The value; throws if this was rejected (for callers that have already checked). */
  default T value() {
    if (this instanceof Done<T> done) {
      return done.value();
    }
    throw new IllegalStateException("rejected: " + ((Rejected<T>) this).reason());
  }

  default <U> Outcome<U> map(Function<T, U> f) {
    if (this instanceof Done<T> done) {
      return new Done<>(f.apply(done.value()));
    }
    return new Rejected<>(((Rejected<T>) this).reason());
  }
}
