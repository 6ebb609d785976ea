package org.rmbot.mentoring.matching;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * Reads J.E. Beasley's OR-Library linear assignment instances into a {@link CostMatrix}.
 *
 * <ul>
 *   <li>{@link Layout#DENSE} ({@code assign100.txt} ...): {@code n}, then {@code n * n} costs row
 *       by row. Line breaks mean nothing: rows are wrapped over several lines.
 *   <li>{@link Layout#SPARSE} ({@code assignp800.txt} ...): {@code n}, then triples {@code i j
 *       cost} with 1-based indices. Absent pairs are forbidden.
 * </ul>
 *
 * <p>Gzipped files are recognised by their magic bytes, whatever they are called. Anything else
 * in the file (a non-integer, too few numbers, {@code n <= 0}, numbers left over) is a {@link
 * MalformedAssignmentFileException} naming the file, line and token number.
 */
public final class OrLibraryAssignmentFile {

  public enum Layout {
    DENSE,
    SPARSE;

    /** OR-Library names the sparse set {@code assignpNNN}; everything else is dense. */
    public static Layout guessFrom(Path file) {
      String name = file.getFileName().toString();
      return name.startsWith("assignp") ? SPARSE : DENSE;
    }
  }

  private OrLibraryAssignmentFile() {}

  /** Reads {@code file}, choosing the layout from its name ({@link Layout#guessFrom}). */
  public static CostMatrix read(Path file) throws IOException {
    return read(file, Layout.guessFrom(file));
  }

  public static CostMatrix read(Path file, Layout layout) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.getFileName().toString(), layout);
    }
  }

  /** Reads from a stream; {@code source} only names it in error messages. */
  public static CostMatrix read(InputStream raw, String source, Layout layout) throws IOException {
    Tokens tokens = new Tokens(ungzipped(raw), source);
    int n = readSize(tokens);
    CostMatrix matrix = layout == Layout.DENSE ? readDense(tokens, n) : readSparse(tokens, n);
    if (tokens.next()) {
      throw tokens.error(
          "unexpected '" + tokens.text() + "' after the end of the "
              + (layout == Layout.DENSE ? n + " x " + n + " costs" : "triples"));
    }
    return matrix;
  }

  private static InputStream ungzipped(InputStream raw) throws IOException {
    BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
    in.mark(2);
    int b1 = in.read();
    int b2 = in.read();
    in.reset();
    return b1 == 0x1f && b2 == 0x8b ? new BufferedInputStream(new GZIPInputStream(in, 1 << 16)) : in;
  }

  private static int readSize(Tokens tokens) throws IOException {
    if (!tokens.next()) {
      throw tokens.endError("is empty: expected the problem size n");
    }
    long n = tokens.number("problem size n");
    if (n <= 0) {
      throw tokens.error("problem size n must be positive, got " + n);
    }
    if (n > 46_340) { // n * n cells must fit in one Java array
      throw tokens.error("problem size n = " + n + " is too large for one cost matrix");
    }
    return (int) n;
  }

  private static CostMatrix readDense(Tokens tokens, int n) throws IOException {
    CostMatrix m = CostMatrix.zeros(n, n);
    int[] cells = m.cells();
    for (int k = 0; k < cells.length; k++) {
      if (!tokens.next()) {
        throw tokens.endError(
            "ends after " + k + " of the " + cells.length + " costs of a " + n + " x " + n
                + " problem (row " + (k / n + 1) + ", column " + (k % n + 1) + " missing)");
      }
      cells[k] = tokens.cost();
    }
    return m;
  }

  private static CostMatrix readSparse(Tokens tokens, int n) throws IOException {
    CostMatrix m = CostMatrix.zeros(n, n);
    Arrays.fill(m.cells(), CostMatrix.FORBIDDEN);
    boolean[] seen = new boolean[n * n];
    while (tokens.next()) {
      int i = tokens.index("row index", n);
      if (!tokens.next()) {
        throw tokens.endError("ends inside a triple: column index and cost missing after row " + i);
      }
      int j = tokens.index("column index", n);
      if (!tokens.next()) {
        throw tokens.endError("ends inside a triple: cost missing after (" + i + ", " + j + ")");
      }
      int cost = tokens.cost();
      int cell = (i - 1) * n + (j - 1);
      if (seen[cell]) {
        throw tokens.error("pair (" + i + ", " + j + ") is given twice");
      }
      seen[cell] = true;
      m.cells()[cell] = cost;
    }
    return m;
  }

  /** Whitespace-separated tokens with their line and position, read without regexes. */
  private static final class Tokens {
    private final InputStream in;
    private final String source;
    private final StringBuilder text = new StringBuilder(16);
    private int line = 1;
    private int tokenLine;
    private long tokenNumber;
    private int pending = -2; // a byte read ahead, -2 when none

    Tokens(InputStream in, String source) {
      this.in = in;
      this.source = source;
    }

    /** Advances to the next token; false at end of input. */
    boolean next() throws IOException {
      text.setLength(0);
      int b = read();
      while (b != -1 && isSpace(b)) {
        if (b == '\n') {
          line++;
        }
        b = read();
      }
      if (b == -1) {
        return false;
      }
      tokenLine = line;
      tokenNumber++;
      while (b != -1 && !isSpace(b)) {
        if (text.length() < 40) { // enough to quote in an error; the rest is still consumed
          text.append((char) b);
        }
        b = read();
      }
      pending = b;
      return true;
    }

    String text() {
      return text.toString();
    }

    long number(String what) {
      int len = text.length();
      int start = len > 0 && (text.charAt(0) == '-' || text.charAt(0) == '+') ? 1 : 0;
      if (start == len || len - start > 18) {
        throw notANumber(what);
      }
      long value = 0;
      for (int k = start; k < len; k++) {
        char ch = text.charAt(k);
        if (ch < '0' || ch > '9') {
          throw notANumber(what);
        }
        value = value * 10 + (ch - '0');
      }
      return text.charAt(0) == '-' ? -value : value;
    }

    int cost() {
      long value = number("cost");
      if (value < Integer.MIN_VALUE || value >= CostMatrix.FORBIDDEN) {
        throw error("cost " + value + " is outside the supported range");
      }
      return (int) value;
    }

    int index(String what, int n) {
      long value = number(what);
      if (value < 1 || value > n) {
        throw error(what + " " + value + " is outside 1.." + n);
      }
      return (int) value;
    }

    MalformedAssignmentFileException error(String problem) {
      String where = tokenNumber == 0 ? "" : " line " + tokenLine + ", token " + tokenNumber + ":";
      return new MalformedAssignmentFileException(source + ":" + where + " " + problem);
    }

    MalformedAssignmentFileException endError(String problem) {
      return new MalformedAssignmentFileException(
          source + ": " + problem + " (end of file at line " + line + ")");
    }

    private MalformedAssignmentFileException notANumber(String what) {
      return error("'" + text + "' is not an integer (expected " + what + ")");
    }

    private int read() throws IOException {
      if (pending != -2) {
        int b = pending;
        pending = -2;
        return b;
      }
      return in.read();
    }

    private static boolean isSpace(int b) {
      return b == ' ' || b == '\n' || b == '\r' || b == '\t' || b == '\f' || b == 0x0b;
    }
  }
}
