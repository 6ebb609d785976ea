package org.rmbot.mentoring.personaldata;

import org.jdbi.v3.core.Handle;

/**
 * What a chat platform's adapter keeps to reach a person, beyond their platform identity (its
 * own tables, which bot-core does not know): erased by {@link Erasure} inside its transaction,
 * while the person's platform identities are still there to find those rows.
 */
public interface PlatformErasure {
  /** Deletes what the adapter keeps about the person, on the erasure's handle. */
  void forget(Handle h, long personId);
}
