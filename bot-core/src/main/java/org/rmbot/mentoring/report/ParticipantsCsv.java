package org.rmbot.mentoring.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
  private final ReportSql sql;
  private final SealedBox box;

  public ParticipantsCsv(Jdbi jdbi, SealedBox box) {
    this.sql = jdbi.onDemand(ReportSql.class);
    this.box = box;
  }

  public byte[] of(Program program) {
    StringWriter out = new StringWriter();
    try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader("name", "role", "grade", "department",
        "status", "enrolled", "pairing", "partner", "meetings confirmed", "focus areas (shared by the person)").build())) {
      for (ReportSql.Participant r : sql.participants(program.id())) {
        byte[] focus = r.sealedSharedFocus();
        String focusAreas = focus == null ? "" : box.open(focus, "focus/participant:" + r.id());
        csv.printRecord(r.name(), r.role(), r.grade(), r.department(), r.status(), r.enrolled(),
            r.pairingState() == null ? "" : r.pairingState(), r.partner() == null ? "" : r.partner(), r.meetings(),
            focusAreas);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }
}
