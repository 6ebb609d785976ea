package org.rmbot.mentoring.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jdbi.v3.core.Jdbi;
import org.rmbot.mentoring.privacy.SealedBox;
import org.rmbot.mentoring.program.Program;

/**
 * One row per participant, for the coordinators who run the program: what they already see in
 * chat, in a spreadsheet. Lived-experience focus areas appear only for people who agreed to
 * share them with coordinators; reflections, help-request notes and anonymous answers never do.
 */
public final class ParticipantsCsv {
  private final Jdbi jdbi;
  private final SealedBox box;

  public ParticipantsCsv(Jdbi jdbi, SealedBox box) {
    this.jdbi = jdbi;
    this.box = box;
  }

  public byte[] of(Program program) {
    StringWriter out = new StringWriter();
    try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader("name", "role", "grade", "department",
        "status", "enrolled", "pairing", "partner", "meetings confirmed", "focus areas (shared by the person)").build())) {
      List<Object[]> rows = jdbi.withHandle(h -> h.createQuery(
              """
              select pt.id, pe.display_name, pt.role, pt.grade, pt.department, pt.status, pt.enrolled_at,
                     case when pt.focus_areas_shared_at is not null then pt.focus_areas_sealed end as shared_focus,
                     latest.state, other.display_name as partner,
                     (select count(*) from (select distinct c.pairing_id, c.window_start from check_in c
                        join pairing p on p.id = c.pairing_id
                        where (p.mentor_id = pt.id or p.mentee_id = pt.id) and c.answer = 'met') m) as meetings
              from participant pt join person pe on pe.id = pt.person_id
              left join lateral (select p.state, case when p.mentor_id = pt.id then p.mentee_id else p.mentor_id end as other_id
                                 from pairing p where p.mentor_id = pt.id or p.mentee_id = pt.id
                                 order by p.closed_at is null desc, p.id desc limit 1) latest on true
              left join participant o on o.id = latest.other_id
              left join person other on other.id = o.person_id
              where pt.program_id = :p
              order by pe.display_name, pt.id""")
          .bind("p", program.id())
          .map((rs, ctx) -> new Object[] {rs.getLong("id"), rs.getString("display_name"), rs.getString("role"),
              rs.getInt("grade"), rs.getString("department"), rs.getString("status"),
              LocalDate.ofInstant(rs.getTimestamp("enrolled_at").toInstant(), ZoneOffset.UTC), rs.getBytes("shared_focus"),
              rs.getString("state"), rs.getString("partner"), rs.getInt("meetings")})
          .list());
      for (Object[] r : rows) {
        byte[] focus = (byte[]) r[7];
        String focusAreas = focus == null ? "" : box.open(focus, "focus/participant:" + r[0]);
        csv.printRecord(r[1], r[2], r[3], r[4], r[5], r[6], r[8] == null ? "" : r[8], r[9] == null ? "" : r[9], r[10],
            focusAreas);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }
}
