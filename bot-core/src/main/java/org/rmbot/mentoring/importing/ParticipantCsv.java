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
import org.rmbot.mentoring.wording.Catalogue;

/**
 * Reads and validates a participants file (documented in docs/IMPORT.md). Every problem in the
 * file is reported, each with its line number, so a coordinator can fix them all in one go.
 */
public final class ParticipantCsv {
  private static final Catalogue WORDS = Catalogue.english();
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
          WORDS.phrase("importing.not_utf8"))));
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    if (text.isBlank()) {
      return new Parsed(List.of(), List.of(new LineProblem(0, WORDS.phrase("importing.empty"))));
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
          problems.add(new LineProblem(line, WORDS.phrase("importing.too_many_lines", "max", String.valueOf(MAX_ROWS))));
          break;
        }
        if (!record.isConsistent()) {
          problems.add(new LineProblem(line, WORDS.phrase("importing.field_count",
              "fields", String.valueOf(record.size()), "columns", String.valueOf(header.size()))));
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
            problems.add(new LineProblem(line, WORDS.phrase("importing.email_repeated",
                "email", row.email(), "earlier", String.valueOf(earlier))));
          } else {
            rows.add(row);
          }
        }
      }
    } catch (IOException | IllegalArgumentException | IllegalStateException e) {
      // commons-csv reports broken quoting as an unchecked exception naming the position
      problems.add(new LineProblem(0, WORDS.phrase("importing.not_csv", "reason", String.valueOf(e.getMessage()))));
      return new Parsed(List.of(), problems);
    } catch (java.io.UncheckedIOException e) {
      problems.add(new LineProblem(0, WORDS.phrase("importing.not_csv", "reason", String.valueOf(e.getCause().getMessage()))));
      return new Parsed(List.of(), problems);
    }
    if (rows.isEmpty() && problems.isEmpty()) {
      problems.add(new LineProblem(0, WORDS.phrase("importing.no_participants")));
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
        problems.add(new LineProblem(1, WORDS.phrase("importing.header.empty_column")));
      } else if (!known.contains(column)) {
        problems.add(new LineProblem(1, WORDS.phrase("importing.header.unknown_column",
            "column", column, "known", String.join(", ", known))));
      } else if (!seen.add(column)) {
        problems.add(new LineProblem(1, WORDS.phrase("importing.header.column_twice", "column", column)));
      }
    }
    for (String required : REQUIRED) {
      if (!header.contains(required)) {
        problems.add(new LineProblem(1, WORDS.phrase("importing.header.missing_column", "column", required)));
      }
    }
    return problems.isEmpty();
  }

  private static ParticipantRow readRow(int line, Map<String, String> f, ZoneId defaultZone, List<LineProblem> problems) {
    int before = problems.size();
    for (var entry : f.entrySet()) {
      if (entry.getValue().length() > MAX_FIELD && !entry.getKey().startsWith("topics")) {
        problems.add(new LineProblem(line, WORDS.phrase("importing.field_too_long",
            "column", entry.getKey(), "max", String.valueOf(MAX_FIELD))));
      }
    }
    String email = f.getOrDefault("email", "");
    if (!EMAIL.matcher(email).matches()) {
      problems.add(new LineProblem(line, email.isEmpty() ? WORDS.phrase("importing.email.missing")
          : WORDS.phrase("importing.email.invalid", "email", email)));
    }
    String name = f.getOrDefault("name", "");
    if (name.isEmpty()) {
      problems.add(new LineProblem(line, WORDS.phrase("importing.name.missing")));
    }
    Role role = null;
    String roleText = f.getOrDefault("role", "").toLowerCase(Locale.ROOT);
    if (roleText.equals("mentor") || roleText.equals("mentee")) {
      role = Role.fromCode(roleText);
    } else {
      problems.add(new LineProblem(line, roleText.isEmpty() ? WORDS.phrase("importing.role.missing")
          : WORDS.phrase("importing.role.invalid", "role", f.get("role"))));
    }
    int grade = integer(line, "grade", f.getOrDefault("grade", ""), 0, 100, null, problems);
    String department = f.getOrDefault("department", "");
    if (department.isEmpty()) {
      problems.add(new LineProblem(line, WORDS.phrase("importing.department.missing")));
    }
    String manager = f.getOrDefault("manager_email", "");
    if (!manager.isEmpty() && !EMAIL.matcher(manager).matches()) {
      problems.add(new LineProblem(line, WORDS.phrase("importing.manager.invalid", "manager", manager)));
    } else if (!manager.isEmpty() && manager.equalsIgnoreCase(email)) {
      problems.add(new LineProblem(line, WORDS.phrase("importing.manager.self")));
    }
    ZoneId zone = defaultZone;
    String zoneText = f.getOrDefault("time_zone", "");
    if (!zoneText.isEmpty()) {
      try {
        zone = ZoneId.of(zoneText);
      } catch (DateTimeException e) {
        problems.add(new LineProblem(line, WORDS.phrase("importing.time_zone.invalid", "zone", zoneText)));
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
      problems.add(new LineProblem(line, WORDS.phrase("importing.capacity.mentee")));
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
      problems.add(new LineProblem(line, WORDS.phrase("importing.column.missing", "column", column)));
      return -1;
    }
    try {
      int value = Integer.parseInt(text);
      if (value < min || value > max) {
        problems.add(new LineProblem(line, WORDS.phrase("importing.number.out_of_range", "column", column,
            "min", String.valueOf(min), "max", String.valueOf(max), "value", String.valueOf(value))));
      }
      return value;
    } catch (NumberFormatException e) {
      problems.add(new LineProblem(line, WORDS.phrase("importing.number.invalid", "column", column, "text", text)));
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
            chain.append(WORDS.phrase("importing.manager.cycle_step", "email", r.email(), "line", String.valueOf(r.line())));
          }
          chain.append(current.email());
          problems.add(new LineProblem(cycle.get(0).line(), WORDS.phrase("importing.manager.cycle", "chain", chain.toString())));
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
