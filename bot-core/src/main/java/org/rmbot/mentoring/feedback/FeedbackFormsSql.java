package org.rmbot.mentoring.feedback;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The feedback_form table; forms travel as their JSON text. */
interface FeedbackFormsSql {

  @SqlQuery("select form::text from feedback_form where program_id = :p and purpose = :purpose")
  Optional<String> form(@Bind("p") long programId, @Bind("purpose") String purpose);

  @SqlUpdate("""
      insert into feedback_form (program_id, purpose, form, updated_at)
      values (:p, :purpose, cast(:form as jsonb), :now)
      on conflict (program_id, purpose) do update set form = excluded.form, updated_at = excluded.updated_at""")
  void save(@Bind("p") long programId, @Bind("purpose") String purpose, @Bind("form") String formJson,
      @Bind("now") Instant now);

  @SqlUpdate("delete from feedback_form where program_id = :p and purpose = :purpose")
  void reset(@Bind("p") long programId, @Bind("purpose") String purpose);
}
