package org.rmbot.mentoring.feedback;

import java.util.List;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The statement of {@link AnonymousFeedback} itself: who is in a pairing, for a campaign's audience. */
interface AnonymousFeedbackSql {

  /** The participants (mentor or mentee) of the program's pairings in one of these states. */
  @SqlQuery("""
      select mentor_id from pairing where program_id = :p and state in (<states>)
      union select mentee_id from pairing where program_id = :p and state in (<states>)""")
  List<Long> paired(@Bind("p") long programId, @BindList("states") List<String> states);
}
