package org.rmbot.mentoring.persistence;

import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.rmbot.mentoring.common.Transactions;

/**
 * Jdbi keeps one handle per thread while a transaction is open, so repositories that call
 * {@code jdbi.withHandle} inside {@link #inTransaction} take part in the same transaction.
 */
public final class JdbiTransactions implements Transactions {
  private final Jdbi jdbi;

  public JdbiTransactions(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    return jdbi.inTransaction(handle -> work.get());
  }
}
