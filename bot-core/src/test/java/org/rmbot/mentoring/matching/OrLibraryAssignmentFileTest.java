package org.rmbot.mentoring.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrLibraryAssignmentFileTest {
  @TempDir Path dir;

  private Path file(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }

  @Test
  void readsDenseCostsWrappedFreelyOverLines() throws IOException {
    Path f = file("assign3.txt", " 3 \n 1 2\n3 4 5 6\n\t7 8 9\n");

    CostMatrix m = OrLibraryAssignmentFile.read(f);

    assertThat(m.rows()).isEqualTo(3);
    assertThat(m.cells()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
  }

  @Test
  void readsSparseTriplesAndForbidsThePairsNotListed() throws IOException {
    Path f = file("assignp2.txt", "2\n1 1 5\n1 2 7\n2 2 1\n");

    CostMatrix m = OrLibraryAssignmentFile.read(f);

    assertThat(m.cost(0, 0)).isEqualTo(5);
    assertThat(m.cost(0, 1)).isEqualTo(7);
    assertThat(m.isForbidden(1, 0)).isTrue();
    assertThat(m.cost(1, 1)).isEqualTo(1);
  }

  @Test
  void readsGzipByItsContentNotItsName() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write("2\n4 1\n2 3\n".getBytes(StandardCharsets.US_ASCII));
    }
    Path f = Files.write(dir.resolve("assign2.bin"), bytes.toByteArray());

    assertThat(OrLibraryAssignmentFile.read(f).cells()).containsExactly(4, 1, 2, 3);
  }

  @Test
  void namesTheLineAndTokenOfANonNumber() throws IOException {
    Path f = file("bad.txt", "2\n1 2\n3 x4\n");

    assertThatThrownBy(() -> OrLibraryAssignmentFile.read(f))
        .isInstanceOf(MalformedAssignmentFileException.class)
        .hasMessage("bad.txt: line 3, token 5: 'x4' is not an integer (expected cost)");
  }

  @Test
  void saysHowManyCostsAreMissing() throws IOException {
    Path f = file("short.txt", "2\n1 2 3\n");

    assertThatThrownBy(() -> OrLibraryAssignmentFile.read(f))
        .isInstanceOf(MalformedAssignmentFileException.class)
        .hasMessageStartingWith("short.txt: ends after 3 of the 4 costs of a 2 x 2 problem")
        .hasMessageContaining("row 2, column 2 missing");
  }

  @Test
  void rejectsNumbersLeftOverAfterTheMatrix() throws IOException {
    Path f = file("long.txt", "1\n5\n6\n");

    assertThatThrownBy(() -> OrLibraryAssignmentFile.read(f))
        .isInstanceOf(MalformedAssignmentFileException.class)
        .hasMessage("long.txt: line 3, token 3: unexpected '6' after the end of the 1 x 1 costs");
  }

  @Test
  void rejectsANonPositiveSize() throws IOException {
    assertThatThrownBy(() -> OrLibraryAssignmentFile.read(file("zero.txt", "0\n")))
        .hasMessage("zero.txt: line 1, token 1: problem size n must be positive, got 0");
    assertThatThrownBy(() -> OrLibraryAssignmentFile.read(file("neg.txt", "-3 1 2")))
        .hasMessageContaining("must be positive, got -3");
  }

  @Test
  void rejectsAnEmptyFile() throws IOException {
    assertThatThrownBy(() -> OrLibraryAssignmentFile.read(file("empty.txt", " \n")))
        .isInstanceOf(MalformedAssignmentFileException.class)
        .hasMessageStartingWith("empty.txt: is empty");
  }

  @Test
  void rejectsAHugeSizeBeforeAllocating() throws IOException {
    assertThatThrownBy(() -> OrLibraryAssignmentFile.read(file("huge.txt", "99999999\n")))
        .hasMessageContaining("too large");
  }

  @Test
  void rejectsACostThatWouldMeanForbidden() throws IOException {
    assertThatThrownBy(() -> OrLibraryAssignmentFile.read(file("big.txt", "1 2147483647")))
        .hasMessageContaining("outside the supported range");
  }

  @Test
  void rejectsSparseIndicesOutOfRangeDuplicatesAndHalfTriples() throws IOException {
    assertThatThrownBy(() -> OrLibraryAssignmentFile.read(file("assignp-a.txt", "2\n1 3 5\n")))
        .hasMessage("assignp-a.txt: line 2, token 3: column index 3 is outside 1..2");
    assertThatThrownBy(() -> OrLibraryAssignmentFile.read(file("assignp-b.txt", "2\n1 1 5\n1 1 6\n")))
        .hasMessage("assignp-b.txt: line 3, token 7: pair (1, 1) is given twice");
    assertThatThrownBy(() -> OrLibraryAssignmentFile.read(file("assignp-c.txt", "2\n1 1 5\n2 2\n")))
        .hasMessageStartingWith("assignp-c.txt: ends inside a triple: cost missing after (2, 2)");
  }
}
