package org.rmbot.mentoring.feedback;

import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

public final class FeedbackFormsInDatabase implements FeedbackForms {
  private final Jdbi jdbi;
  private final Clock clock;

  public FeedbackFormsInDatabase(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  @Override
  public FeedbackForm formFor(long programId, Purpose purpose) {
    return jdbi.withHandle(h -> h.createQuery("select form::text from feedback_form where program_id = :p and purpose = :purpose")
            .bind("p", programId).bind("purpose", purpose.code()).mapTo(String.class).findOne())
        .map(FeedbackForm::fromJson)
        .orElseGet(() -> FeedbackForm.defaultFor(purpose));
  }

  @Override
  public void save(long programId, Purpose purpose, FeedbackForm form) {
    jdbi.useHandle(h -> h.createUpdate(
            """
            insert into feedback_form (program_id, purpose, form, updated_at)
            values (:p, :purpose, cast(:form as jsonb), :now)
            on conflict (program_id, purpose) do update set form = excluded.form, updated_at = excluded.updated_at""")
        .bind("p", programId).bind("purpose", purpose.code()).bind("form", form.toJson()).bind("now", clock.instant())
        .execute());
  }

  @Override
  public void reset(long programId, Purpose purpose) {
    jdbi.useHandle(h -> h.createUpdate("delete from feedback_form where program_id = :p and purpose = :purpose")
        .bind("p", programId).bind("purpose", purpose.code()).execute());
  }
}
