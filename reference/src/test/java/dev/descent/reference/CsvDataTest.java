package dev.descent.reference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.api.Dataset;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code Datasets.csv}: the format, target selection and every error message. */
class CsvDataTest {
  private static final String GOOD = String.join("\n",
      "# measured 2024-05-01",
      "",
      " x1 ,\"x2\", y",
      "1, 10, 100",
      "   ",
      "# a comment between rows",
      "2,20,200",
      "\"3\",-3e1,  -0.5",
      "");

  @TempDir Path dir;

  @Test
  void lastColumnIsTheTargetByDefault() throws IOException {
    Dataset data = Datasets.csv(write("data.csv", GOOD), (String) null);
    assertEquals(3, data.samples());
    assertEquals(2, data.features());
    assertArrayEquals(new double[] {1, 2, 3}, data.column(0));
    assertArrayEquals(new double[] {10, 20, -30}, data.column(1));
    assertArrayEquals(new double[] {100, 200, -0.5}, data.targets());
    assertEquals("data.csv (target 'y')", data.name());
  }

  @Test
  void targetByName() throws IOException {
    Dataset data = Datasets.csv(write("data.csv", GOOD), "x2");
    assertArrayEquals(new double[] {1, 2, 3}, data.column(0));
    assertArrayEquals(new double[] {100, 200, -0.5}, data.column(1));
    assertArrayEquals(new double[] {10, 20, -30}, data.targets());
  }

  @Test
  void targetByOneBasedNumber() throws IOException {
    Dataset data = Datasets.csv(write("data.csv", GOOD), "1");
    assertArrayEquals(new double[] {1, 2, 3}, data.targets());
    assertArrayEquals(new double[] {10, 20, -30}, data.column(0));
    assertArrayEquals(new double[] {100, 200, -0.5}, data.column(1));
  }

  @Test
  void aNumericHeaderNameWinsOverAColumnNumber() throws IOException {
    Dataset data = Datasets.csv(write("data.csv", "3,1,2\n7,8,9\n"), "1");
    assertArrayEquals(new double[] {8}, data.targets());
  }

  @Test
  void windowsLineEndingsAndByteOrderMark() throws IOException {
    Dataset data = Datasets.csv(write("data.csv", "\uFEFFa,b\r\n1,2\r\n3,4\r\n"), "b");
    assertArrayEquals(new double[] {1, 3}, data.column(0));
    assertArrayEquals(new double[] {2, 4}, data.targets());
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', value = {
    "abc      | non-numeric value 'abc'",
    "1.2.3    | non-numeric value '1.2.3'",
    "0x1p3    | non-numeric value '0x1p3'",
    "2d       | non-numeric value '2d'",
    "NaN      | missing value 'NaN'; --drop-missing skips the rows that have one",
    "nan      | missing value 'nan'; --drop-missing skips the rows that have one",
    "NA       | missing value 'NA'; --drop-missing skips the rows that have one",
    "inf      | value 'inf' is not a finite number",
    "-Infinity| value '-Infinity' is not a finite number",
    "1e999    | value '1e999' is too large for a double (overflows to Infinity)",
    "-1e999   | value '-1e999' is too large for a double (overflows to -Infinity)",
  })
  void badValueNamesFileLineColumnAndValue(String value, String problem) throws IOException {
    Path file = write("data.csv", "x1,x2,y\n1,2,3\n\n4," + value + ",6\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Datasets.csv(file, (String) null));
    String hint = problem.startsWith("non-numeric")
        ? "; with text or date columns, choose the features with --features" : "";
    assertEquals(file + ":4: column 'x2' (2): " + problem + hint, e.getMessage());
  }

  @Test
  void missingValue() throws IOException {
    Path file = write("data.csv", "x1,x2,y\n1,2,3\n4, ,6\n");
    assertMessage(file, null, file + ":3: column 'x2' (2): missing value;"
        + " --drop-missing skips the rows that have one");
  }

  @Test
  void missingTargetValue() throws IOException {
    Path file = write("data.csv", "x1,x2,y\n1,2,3\n4,5,\n");
    assertMessage(file, null, file + ":3: column 'y' (3): missing value;"
        + " --drop-missing skips the rows that have one");
  }

  @Test
  void raggedLines() throws IOException {
    Path longer = write("long.csv", "a,b,c,d\n1,2,3,4\n# note\n\n\n\n1,2,3,4,5\n");
    assertMessage(longer, null, longer + ":7: 5 fields but the header has 4");
    Path shorter = write("short.csv", "a,b,c,d\n1,2,3\n");
    assertMessage(shorter, null, shorter + ":2: 3 fields but the header has 4");
  }

  @Test
  void unknownTargetListsTheHeader() throws IOException {
    Path file = write("data.csv", GOOD);
    assertMessage(file, "z", file + ":3: target column 'z' is not in the header (x1, x2, y)");
  }

  @Test
  void targetNumberOutOfRange() throws IOException {
    Path file = write("data.csv", GOOD);
    assertMessage(file, "4",
        file + ":3: target column 4 is out of range: the header has 3 columns (x1, x2, y)");
    assertMessage(file, "0",
        file + ":3: target column 0 is out of range: the header has 3 columns (x1, x2, y)");
  }

  @Test
  void headerWithoutRows() throws IOException {
    Path file = write("data.csv", "# only a header\nx,y\n\n# and comments\n");
    assertMessage(file, null, file + ":2: no data rows after the header");
  }

  @Test
  void onlyTheTargetColumn() throws IOException {
    Path file = write("data.csv", "y\n1\n2\n");
    assertMessage(file, null, file + ":1: the only column is the target 'y';"
        + " a dataset needs at least one feature column besides it");
  }

  @Test
  void duplicateColumnNames() throws IOException {
    Path file = write("data.csv", "x, y, \"x\"\n1,2,3\n");
    assertMessage(file, null, file + ":1: duplicate column name 'x' (columns 1 and 3)");
  }

  @Test
  void unnamedColumn() throws IOException {
    Path file = write("data.csv", ",x,y\n0,1,2\n");
    assertMessage(file, null,
        file + ":1: column 1 has no name in the header; every column needs a distinct name");
  }

  @Test
  void emptyFile() throws IOException {
    Path file = write("data.csv", "\n  \n# nothing\n");
    assertMessage(file, null, file + ": no header line (the file is empty, blank or only comments)");
  }

  @Test
  void missingFileNamesThePath() {
    Path file = dir.resolve("x.csv");
    UncheckedIOException e =
        assertThrows(UncheckedIOException.class, () -> Datasets.csv(file, (String) null));
    assertEquals("cannot read CSV file '" + file + "': NoSuchFileException", e.getMessage());
  }

  @Test
  void directoryIsNotAFile() {
    UncheckedIOException e =
        assertThrows(UncheckedIOException.class, () -> Datasets.csv(dir, (String) null));
    assertTrue(e.getMessage().startsWith("cannot read CSV file '" + dir + "': "), e.getMessage());
  }

  @Test
  void nullPath() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Datasets.csv(null, (String) null));
    assertTrue(e.getMessage().contains("path"), e.getMessage());
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }

  private static void assertMessage(Path file, String target, String expected) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Datasets.csv(file, target));
    assertEquals(expected, e.getMessage());
  }
}
