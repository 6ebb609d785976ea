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
  private PeopleRows() {}

  static String columns(String table, String prefix) {
    StringBuilder sql = new StringBuilder();
    for (String c : new String[] {"id", "email", "display_name", "time_zone", "work_start", "work_end", "work_days"}) {
      if (!sql.isEmpty()) {
        sql.append(", ");
      }
      sql.append(table).append('.').append(c).append(" as ").append(prefix).append(c);
    }
    return sql.toString();
  }

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
