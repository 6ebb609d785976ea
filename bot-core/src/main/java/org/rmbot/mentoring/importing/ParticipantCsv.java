package org.rmbot.mentoring.importing;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.rmbot.mentoring.participant.Role;
import org.rmbot.mentoring.participant.WorkingHours;

/**
 * Reads and validates a participants file (documented in docs/IMPORT.md). Every problem in the
 * file is reported, each with its line number, so a coordinator can fix them all in one go.
 */
public final class ParticipantCsv {
  public static final List<String> REQUIRED = List.of("email", "name", "role", "grade", "department");
  public static final List<String> OPTIONAL = List.of(
      "manager_email", "time_zone", "working_hours", "working_days",
      "topics_offered", "topics_sought", "languages", "capacity");
  public static final int MAX_ROWS = 100_000;
  static final int MAX_FIELD = 200;
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s,;<>\"]+@[^@\\s,;<>\"]+\\.[^@\\s,;<>\"]+$");

  /** The parsed file: rows if every line was good, otherwise every problem found. */
  public record Parsed(List<ParticipantRow> rows, List<LineProblem> problems) {
    public boolean ok() {
      return problems.isEmpty();
    }
  }

  public Parsed parse(byte[] content, ZoneId defaultZone) {
    List<LineProblem> problems = new ArrayList<>();
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(content)).toString();
    } catch (CharacterCodingException e) {
      return new Parsed(List.of(), List.of(new LineProblem(lineOfFirstBadByte(content),
          "the file is not UTF-8 text; save it as \"CSV UTF-8\" and try again")));
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    if (text.isBlank()) {
      return new Parsed(List.of(), List.of(new LineProblem(0, "the file is empty; it needs a header line and one line per participant")));
    }
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
        .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).setAllowMissingColumnNames(true)
        .setDuplicateHeaderMode(org.apache.commons.csv.DuplicateHeaderMode.ALLOW_ALL).build();
    List<ParticipantRow> rows = new ArrayList<>();
    try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
      List<String> header = parser.getHeaderNames().stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
      if (!checkHeader(header, problems)) {
        return new Parsed(List.of(), problems);
      }
      Map<String, Integer> firstLineOfEmail = new HashMap<>();
      for (CSVRecord record : parser) {
        int line = (int) parser.getCurrentLineNumber();
        if (rows.size() + problems.size() >= MAX_ROWS) {
          problems.add(new LineProblem(line, "the file has more than " + MAX_ROWS + " lines; split it"));
          break;
        }
        if (!record.isConsistent()) {
          problems.add(new LineProblem(line, "has " + record.size() + " fields but the header has " + header.size()));
          continue;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
          fields.put(header.get(i), org.rmbot.mentoring.common.StorableText.of(record.get(i)).trim());
        }
        ParticipantRow row = readRow(line, fields, defaultZone, problems);
        if (row != null) {
          Integer earlier = firstLineOfEmail.putIfAbsent(row.email().toLowerCase(Locale.ROOT), line);
          if (earlier != null) {
            problems.add(new LineProblem(line, "email " + row.email() + " is already on line " + earlier));
          } else {
            rows.add(row);
          }
        }
      }
    } catch (IOException | IllegalArgumentException | IllegalStateException e) {
      // commons-csv reports broken quoting as an unchecked exception naming the position
      problems.add(new LineProblem(0, "the file is not valid CSV: " + e.getMessage()));
      return new Parsed(List.of(), problems);
    } catch (java.io.UncheckedIOException e) {
      problems.add(new LineProblem(0, "the file is not valid CSV: " + e.getCause().getMessage()));
      return new Parsed(List.of(), problems);
    }
    if (rows.isEmpty() && problems.isEmpty()) {
      problems.add(new LineProblem(0, "the file has a header but no participants"));
    }
    if (problems.isEmpty()) {
      problems.addAll(managerCycles(rows));
    }
    return new Parsed(problems.isEmpty() ? List.copyOf(rows) : List.of(), List.copyOf(problems));
  }

  private static boolean checkHeader(List<String> header, List<LineProblem> problems) {
    Set<String> known = new LinkedHashSet<>(REQUIRED);
    known.addAll(OPTIONAL);
    Set<String> seen = new TreeSet<>();
    for (String column : header) {
      if (column.isEmpty()) {
        problems.add(new LineProblem(1, "the header has an empty column name"));
      } else if (!known.contains(column)) {
        problems.add(new LineProblem(1, "unknown column '" + column + "'; known columns are: " + String.join(", ", known)));
      } else if (!seen.add(column)) {
        problems.add(new LineProblem(1, "column '" + column + "' appears twice"));
      }
    }
    for (String required : REQUIRED) {
      if (!header.contains(required)) {
        problems.add(new LineProblem(1, "missing required column '" + required + "'"));
      }
    }
    return problems.isEmpty();
  }

  private static ParticipantRow readRow(int line, Map<String, String> f, ZoneId defaultZone, List<LineProblem> problems) {
    int before = problems.size();
    for (var entry : f.entrySet()) {
      if (entry.getValue().length() > MAX_FIELD && !entry.getKey().startsWith("topics")) {
        problems.add(new LineProblem(line, entry.getKey() + " is longer than " + MAX_FIELD + " characters"));
      }
    }
    String email = f.getOrDefault("email", "");
    if (!EMAIL.matcher(email).matches()) {
      problems.add(new LineProblem(line, email.isEmpty() ? "email is missing" : "email '" + email + "' is not an email address"));
    }
    String name = f.getOrDefault("name", "");
    if (name.isEmpty()) {
      problems.add(new LineProblem(line, "name is missing"));
    }
    Role role = null;
    String roleText = f.getOrDefault("role", "").toLowerCase(Locale.ROOT);
    if (roleText.equals("mentor") || roleText.equals("mentee")) {
      role = Role.fromCode(roleText);
    } else {
      problems.add(new LineProblem(line, roleText.isEmpty() ? "role is missing (mentor or mentee)"
          : "role must be mentor or mentee, not '" + f.get("role") + "'"));
    }
    int grade = integer(line, "grade", f.getOrDefault("grade", ""), 0, 100, null, problems);
    String department = f.getOrDefault("department", "");
    if (department.isEmpty()) {
      problems.add(new LineProblem(line, "department is missing"));
    }
    String manager = f.getOrDefault("manager_email", "");
    if (!manager.isEmpty() && !EMAIL.matcher(manager).matches()) {
      problems.add(new LineProblem(line, "manager_email '" + manager + "' is not an email address"));
    } else if (!manager.isEmpty() && manager.equalsIgnoreCase(email)) {
      problems.add(new LineProblem(line, "manager_email is the person's own email"));
    }
    ZoneId zone = defaultZone;
    String zoneText = f.getOrDefault("time_zone", "");
    if (!zoneText.isEmpty()) {
      try {
        zone = ZoneId.of(zoneText);
      } catch (DateTimeException e) {
        problems.add(new LineProblem(line, "time_zone '" + zoneText + "' is not an IANA time zone (like Europe/London)"));
      }
    }
    Set<DayOfWeek> days = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
    String daysText = f.getOrDefault("working_days", "");
    if (!daysText.isEmpty()) {
      try {
        days = WorkingDays.parse(daysText);
      } catch (IllegalArgumentException e) {
        problems.add(new LineProblem(line, e.getMessage()));
      }
    }
    WorkingHours hours = null;
    String hoursText = f.getOrDefault("working_hours", "");
    try {
      hours = hoursText.isEmpty() ? new WorkingHours(WorkingHours.officeHours().start(), WorkingHours.officeHours().end(), days)
          : WorkingHours.parseRange(hoursText, days);
    } catch (IllegalArgumentException e) {
      problems.add(new LineProblem(line, e.getMessage()));
    }
    int capacity = integer(line, "capacity", f.getOrDefault("capacity", ""), 1, 10, 1, problems);
    if (capacity > 1 && role == Role.MENTEE) {
      problems.add(new LineProblem(line, "capacity applies to mentors only; a mentee has one mentor"));
    }
    if (problems.size() > before) {
      return null;
    }
    return new ParticipantRow(line, email, name, role, grade, department,
        manager.isEmpty() ? null : manager, zone, hours,
        list(f.get("topics_offered")), list(f.get("topics_sought")), list(f.get("languages")), capacity);
  }

  private static int integer(int line, String column, String text, int min, int max, Integer dflt, List<LineProblem> problems) {
    if (text.isEmpty()) {
      if (dflt != null) {
        return dflt;
      }
      problems.add(new LineProblem(line, column + " is missing"));
      return -1;
    }
    try {
      int value = Integer.parseInt(text);
      if (value < min || value > max) {
        problems.add(new LineProblem(line, column + " must be between " + min + " and " + max + ", not " + value));
      }
      return value;
    } catch (NumberFormatException e) {
      problems.add(new LineProblem(line, column + " must be a whole number, not '" + text + "'"));
      return -1;
    }
  }

  /** Splits "a; b ;A" into {a, b}: trimmed, de-duplicated without regard to case. */
  static Set<String> list(String text) {
    Set<String> out = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    if (text != null) {
      for (String item : text.split(";")) {
        String trimmed = item.trim().replaceAll("\\s+", " ");
        if (!trimmed.isEmpty()) {
          out.add(trimmed.length() > MAX_FIELD ? trimmed.substring(0, MAX_FIELD) : trimmed);
        }
      }
    }
    return Set.copyOf(out);
  }

  /** A manager chain that loops (A manages B, B manages A) is an error naming every line in it. */
  static List<LineProblem> managerCycles(List<ParticipantRow> rows) {
    Map<String, ParticipantRow> byEmail = new HashMap<>();
    rows.forEach(r -> byEmail.put(r.email().toLowerCase(Locale.ROOT), r));
    List<LineProblem> problems = new ArrayList<>();
    Set<String> reported = new java.util.HashSet<>();
    for (ParticipantRow start : rows) {
      List<ParticipantRow> path = new ArrayList<>();
      Set<String> onPath = new java.util.HashSet<>();
      ParticipantRow current = start;
      while (current != null && onPath.add(current.email().toLowerCase(Locale.ROOT))) {
        path.add(current);
        current = current.managerEmail() == null ? null : byEmail.get(current.managerEmail().toLowerCase(Locale.ROOT));
      }
      if (current != null) {
        String key = current.email().toLowerCase(Locale.ROOT);
        List<ParticipantRow> cycle = path.subList(path.indexOf(byEmail.get(key)), path.size());
        if (reported.add(cycle.stream().map(r -> r.email().toLowerCase(Locale.ROOT)).sorted().toList().toString())) {
          StringBuilder chain = new StringBuilder();
          for (ParticipantRow r : cycle) {
            chain.append(r.email()).append(" (line ").append(r.line()).append(") -> ");
          }
          chain.append(current.email());
          problems.add(new LineProblem(cycle.get(0).line(), "manager cycle: " + chain));
        }
      }
    }
    return problems;
  }

  private static int lineOfFirstBadByte(byte[] content) {
    var decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    int line = 1;
    for (int i = 0; i < content.length; i++) {
      if (content[i] == '\n') {
        line++;
      }
      if (content[i] < 0) {
        int len = (content[i] & 0xE0) == 0xC0 ? 2 : (content[i] & 0xF0) == 0xE0 ? 3 : (content[i] & 0xF8) == 0xF0 ? 4 : 1;
        try {
          decoder.reset().decode(ByteBuffer.wrap(content, i, Math.min(len, content.length - i)));
          i += len - 1;
        } catch (CharacterCodingException e) {
          return line;
        }
      }
    }
    return line;
  }
}
