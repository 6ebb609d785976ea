package org.rmbot.mentoring.common;

import java.util.function.Supplier;

/** Runs work atomically: every repository call inside shares one database transaction. */
public interface Transactions {
  <T> T inTransaction(Supplier<T> work);

  default void run(Runnable work) {
    inTransaction(() -> {
      work.run();
      return null;
    });
  }
}
