package org.rmbot.mentoring.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.rmbot.mentoring.participant.Role;

class ParticipantCsvTest {
  private static final String HEADER = "email,name,role,grade,department,manager_email,time_zone,working_hours,topics_offered,topics_sought\n";
  private final ParticipantCsv csv = new ParticipantCsv();

  private ParticipantCsv.Parsed parse(String text) {
    return csv.parse(text.getBytes(StandardCharsets.UTF_8), ZoneId.of("Europe/London"));
  }

  @Test
  void readsAGoodFileWithDefaultsForOptionalColumns() {
    var parsed = parse(HEADER
        + "ana@example.com,Ana Souza,mentor,2,Data,lead@example.com,America/Sao_Paulo,10:00-18:00,allyship; Inclusive language ;ALLYSHIP,strategy\n"
        + "bo@example.com,\"Bo, Jr.\",Mentee,8,Finance,,,,,\n");
    assertThat(parsed.problems()).isEmpty();
    ParticipantRow ana = parsed.rows().get(0);
    assertThat(ana.role()).isEqualTo(Role.MENTOR);
    assertThat(ana.timeZone()).isEqualTo(ZoneId.of("America/Sao_Paulo"));
    assertThat(ana.workingHours().start()).isEqualTo(LocalTime.of(10, 0));
    assertThat(ana.topicsOffered()).containsExactlyInAnyOrder("allyship", "Inclusive language");
    ParticipantRow bo = parsed.rows().get(1);
    assertThat(bo.name()).isEqualTo("Bo, Jr.");
    assertThat(bo.timeZone()).isEqualTo(ZoneId.of("Europe/London"));
    assertThat(bo.workingHours().days()).containsExactlyInAnyOrder(
        DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
    assertThat(bo.capacity()).isEqualTo(1);
    assertThat(bo.line()).isEqualTo(3);
  }

  @Test
  void reportsEveryBadLineWithItsNumberAndReason() {
    var parsed = parse(HEADER
        + "ana@example.com,Ana,mentor,2,Data,,,,,\n"
        + "not-an-email,Bo,mentee,8,Finance,,,,,\n"
        + "cy@example.com,Cy,boss,eight,,,Mars/Olympus,25:00-26:00,,\n"
        + "ANA@example.com,Ana again,mentee,8,Finance,,,,,\n"
        + "di@example.com,Di,mentee,8\n");
    assertThat(parsed.rows()).isEmpty();
    assertThat(parsed.problems()).extracting(LineProblem::toString).containsExactly(
        "line 3: email 'not-an-email' is not an email address",
        "line 4: role must be mentor or mentee, not 'boss'",
        "line 4: grade must be a whole number, not 'eight'",
        "line 4: department is missing",
        "line 4: time_zone 'Mars/Olympus' is not an IANA time zone (like Europe/London)",
        "line 4: working hours must look like 09:00-17:00, got '25:00-26:00'",
        "line 5: email ANA@example.com is already on line 2",
        "line 6: has 4 fields but the header has 10");
  }

  @Test
  void unknownAndMissingColumnsAreNamed() {
    var parsed = parse("email,name,role,grade,shoe_size\n");
    assertThat(parsed.problems()).extracting(LineProblem::toString).containsExactly(
        "line 1: unknown column 'shoe_size'; known columns are: email, name, role, grade, department, manager_email,"
            + " time_zone, working_hours, working_days, topics_offered, topics_sought, languages, capacity",
        "line 1: missing required column 'department'");
  }

  @Test
  void anEmptyFileAndAHeaderOnlyFileAreRefused() {
    assertThat(parse("").problems()).extracting(LineProblem::message)
        .containsExactly("the file is empty; it needs a header line and one line per participant");
    assertThat(parse("  \n\n").problems()).hasSize(1);
    assertThat(parse(HEADER).problems()).extracting(LineProblem::message)
        .containsExactly("the file has a header but no participants");
  }

  @Test
  void aFileThatIsNotUtf8SaysWhichLine() {
    byte[] latin1 = (HEADER + "jose@example.com,Jos\u00e9,mentor,2,Data,,,,,\n").getBytes(StandardCharsets.ISO_8859_1);
    var parsed = csv.parse(latin1, ZoneId.of("UTC"));
    assertThat(parsed.problems()).extracting(LineProblem::toString)
        .containsExactly("line 2: the file is not UTF-8 text; save it as \"CSV UTF-8\" and try again");
  }

  @Test
  void aByteOrderMarkFromExcelIsIgnored() {
    var parsed = parse("\uFEFF" + HEADER + "ana@example.com,Ana,mentor,2,Data,,,,,\n");
    assertThat(parsed.problems()).isEmpty();
    assertThat(parsed.rows()).hasSize(1);
  }

  @Test
  void aManagerCycleNamesEveryoneInIt() {
    var parsed = parse(HEADER
        + "a@example.com,A,mentor,2,Data,b@example.com,,,,\n"
        + "b@example.com,B,mentee,8,Finance,c@example.com,,,,\n"
        + "c@example.com,C,mentee,9,Finance,a@example.com,,,,\n"
        + "d@example.com,D,mentor,2,Data,a@example.com,,,,\n");
    assertThat(parsed.problems()).extracting(LineProblem::toString).containsExactly(
        "line 2: manager cycle: a@example.com (line 2) -> b@example.com (line 3) -> c@example.com (line 4) -> a@example.com");
  }

  @Test
  void capacityIsForMentorsAndWorkingDaysMayBeARange() {
    var parsed = parse("email,name,role,grade,department,capacity,working_days\n"
        + "a@example.com,A,mentor,2,Data,3,Sun-Thu\n"
        + "b@example.com,B,mentee,8,Finance,2,\n"
        + "c@example.com,C,mentor,2,Data,11,Funday\n");
    assertThat(parsed.problems()).extracting(LineProblem::toString).containsExactly(
        "line 3: capacity applies to mentors only; a mentee has one mentor",
        "line 4: working_days must look like Mon-Fri or Mon;Wed;Fri, not 'Funday'",
        "line 4: capacity must be between 1 and 10, not 11");
    var good = parse("email,name,role,grade,department,capacity,working_days\na@example.com,A,mentor,2,Data,3,Sun-Thu\n");
    assertThat(good.rows().get(0).workingHours().days()).isEqualTo(Set.of(
        DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY));
  }

  @Test
  void brokenQuotingIsAClearError() {
    var parsed = parse(HEADER + "ana@example.com,\"Ana,mentor,2,Data,,,,,\n");
    assertThat(parsed.rows()).isEmpty();
    assertThat(parsed.problems()).hasSize(1);
    assertThat(parsed.problems().get(0).message()).startsWith("the file is not valid CSV");
  }
}
