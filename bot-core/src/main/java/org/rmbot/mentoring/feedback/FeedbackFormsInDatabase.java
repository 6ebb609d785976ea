package org.rmbot.mentoring.feedback;

import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/** Each program's forms in {@code feedback_form}, through {@link FeedbackFormsSql}. */
public final class FeedbackFormsInDatabase implements FeedbackForms {
  private final FeedbackFormsSql sql;
  private final Clock clock;

  public FeedbackFormsInDatabase(Jdbi jdbi, Clock clock) {
    this.sql = jdbi.onDemand(FeedbackFormsSql.class);
    this.clock = clock;
  }

  @Override
  public FeedbackForm formFor(long programId, Purpose purpose) {
    return sql.form(programId, purpose.code())
        .map(FeedbackForm::fromJson)
        .orElseGet(() -> FeedbackForm.defaultFor(purpose));
  }

  @Override
  public void save(long programId, Purpose purpose, FeedbackForm form) {
    sql.save(programId, purpose.code(), form.toJson(), clock.instant());
  }

  @Override
  public void reset(long programId, Purpose purpose) {
    sql.reset(programId, purpose.code());
  }
}
