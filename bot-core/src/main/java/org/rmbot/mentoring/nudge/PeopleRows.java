package org.rmbot.mentoring.nudge;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import org.rmbot.mentoring.participant.Person;
import org.rmbot.mentoring.participant.WorkingHours;

/** Reads a person joined into a wider query under a column prefix, so one query can carry several people. */
final class PeopleRows {
  /**
   * The columns of the person {@code a} under the prefix {@code a_}; {@link #B} and {@link #R} alike.
   * Constants, so that SqlObject annotations can name them.
   */
  static final String A = "a.id as a_id, a.email as a_email, a.display_name as a_display_name, a.time_zone as a_time_zone, "
      + "a.work_start as a_work_start, a.work_end as a_work_end, a.work_days as a_work_days";
  static final String B = "b.id as b_id, b.email as b_email, b.display_name as b_display_name, b.time_zone as b_time_zone, "
      + "b.work_start as b_work_start, b.work_end as b_work_end, b.work_days as b_work_days";
  static final String R = "r.id as r_id, r.email as r_email, r.display_name as r_display_name, r.time_zone as r_time_zone, "
      + "r.work_start as r_work_start, r.work_end as r_work_end, r.work_days as r_work_days";

  private PeopleRows() {}

  static Person person(ResultSet rs, String prefix) throws SQLException {
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    Array array = rs.getArray(prefix + "work_days");
    for (Object day : (Object[]) array.getArray()) {
      days.add(DayOfWeek.of(((Number) day).intValue()));
    }
    return new Person(
        rs.getLong(prefix + "id"),
        rs.getString(prefix + "email"),
        rs.getString(prefix + "display_name"),
        ZoneId.of(rs.getString(prefix + "time_zone")),
        new WorkingHours(rs.getObject(prefix + "work_start", LocalTime.class),
            rs.getObject(prefix + "work_end", LocalTime.class), days));
  }
}
