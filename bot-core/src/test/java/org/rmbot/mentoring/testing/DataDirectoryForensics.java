package org.rmbot.mentoring.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The adversary who holds a running embedded server's whole data directory: it reads the port
 * from {@code postmaster.pid} and the superuser's password from the file beside the directory
 * (none before the password existed), connects as the superuser, and looks for strings, as
 * UTF-8 bytes, in every page of every relation of every database ({@code pageinspect}'s
 * {@code get_raw_page}: tables, indexes, TOAST, sequences, catalogs), in the planner's
 * statistics ({@code pg_stats}), and in every file under the directory (relation files, the
 * WAL, the commit log...), after a checkpoint has written every page out.
 */
public final class DataDirectoryForensics {
  /** Where a string was found. */
  public record Finding(String where, String needle) {}

  private final Path dataDirectory;

  public DataDirectoryForensics(Path dataDirectory) {
    this.dataDirectory = dataDirectory.toAbsolutePath();
  }

  /** Every place that holds any of the strings. */
  public List<Finding> search(List<String> needles) {
    List<Finding> found = new ArrayList<>();
    try {
      List<String> databases;
      try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
        s.execute("checkpoint");
        databases = strings(s, "select datname from pg_database where datallowconn order by 1");
      }
      for (String database : databases) {
        try (Connection c = connect(database); Statement s = c.createStatement()) {
          found.addAll(pages(s, database, needles));
          for (String row : strings(s, "select to_jsonb(t)::text from pg_stats t")) {
            needles.stream().filter(row::contains).forEach(n -> found.add(new Finding("pg_stats (" + database + ")", n)));
          }
        }
      }
      try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
        // what the page scan's own reads dirtied (hint bits) is written out too before the files are read
        s.execute("checkpoint");
      }
      found.addAll(files(needles));
    } catch (SQLException e) {
      throw new IllegalStateException("forensics: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return found;
  }

  /** Every page of every relation with storage, read through the server with get_raw_page. */
  private static List<Finding> pages(Statement s, String database, List<String> needles) throws SQLException {
    s.execute("create extension if not exists pageinspect");
    String array = needles.stream()
        .map(n -> "'\\x" + HexFormat.of().formatHex(n.getBytes(StandardCharsets.UTF_8)) + "'::bytea")
        .collect(Collectors.joining(", ", "array[", "]"));
    List<Finding> found = new ArrayList<>();
    try (ResultSet rs = s.executeQuery("""
        select c.relnamespace::regnamespace || '.' || c.relname, b, n.i
        from pg_class c
        cross join lateral generate_series(0, (pg_relation_size(c.oid) / current_setting('block_size')::int)::int - 1) b
        cross join lateral (select get_raw_page(c.oid::regclass::text, b) as page) p
        cross join unnest(%s) with ordinality n(needle, i)
        where c.relkind in ('r', 'i', 't', 'm', 'S') and c.relpersistence <> 't' and position(n.needle in p.page) > 0
        order by 1, 2, 3""".formatted(array))) {
      while (rs.next()) {
        found.add(new Finding("page " + rs.getString(1) + " block " + rs.getInt(2) + " (" + database + ")",
            needles.get(rs.getInt(3) - 1)));
      }
    }
    return found;
  }

  /** Every regular file under the data directory, byte by byte. */
  private List<Finding> files(List<String> needles) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dataDirectory)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    List<Finding> found = new ArrayList<>();
    for (Path file : files) {
      byte[] bytes;
      try {
        bytes = Files.readAllBytes(file);
      } catch (java.nio.file.NoSuchFileException e) {
        continue; // removed by the server while we looked: nothing left to read
      }
      String haystack = new String(bytes, StandardCharsets.ISO_8859_1);
      for (String needle : needles) {
        if (haystack.contains(new String(needle.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1))) {
          found.add(new Finding("file " + dataDirectory.relativize(file), needle));
        }
      }
    }
    return found;
  }

  /** A superuser connection, made with nothing but what the data directory and the file beside it hold. */
  public Connection connect(String database) throws SQLException {
    try {
      List<String> pid = Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
      String port = pid.get(3).strip();
      Path passwordFile = dataDirectory.resolveSibling(dataDirectory.getFileName() + ".password");
      String password = Files.exists(passwordFile) ? Files.readString(passwordFile).strip() : null;
      return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, "postgres", password);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> strings(Statement s, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }
}
