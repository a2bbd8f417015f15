package dev.descent.reference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.api.Dataset;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code Datasets.csv} with chosen columns: text and dates beside, quotes, missing values. */
class CsvColumnsTest {
  private static final String WEATHER = String.join("\n",
      "date,station,precipitation,temp_max,temp_min,wind,weather",
      "2012-01-01,\"Seattle, WA\",0.0,12.8,5.0,4.7,drizzle",
      "2012-01-02,\"Seattle, WA\",10.9,10.6,2.8,4.5,rain",
      "2012-01-03,\"Seattle, \"\"Sea-Tac\"\"\",0.8,11.7,7.2,2.3,rain",
      "2012-01-04,Tacoma,20.3,12.2,5.6,4.7,",
      "");

  @TempDir Path dir;

  @Test
  void textDateAndQuotedColumnsBesideTheChosenOnesAreIgnored() throws IOException {
    Dataset data = Datasets.csv(write("weather.csv", WEATHER), new CsvColumns("temp_max",
        List.of("precipitation", "temp_min", "wind"), false, 0));
    assertEquals(4, data.samples());
    assertEquals(3, data.features());
    assertArrayEquals(new double[] {0.0, 10.9, 0.8, 20.3}, data.column(0));
    assertArrayEquals(new double[] {5.0, 2.8, 7.2, 5.6}, data.column(1));
    assertArrayEquals(new double[] {4.7, 4.5, 2.3, 4.7}, data.column(2));
    assertArrayEquals(new double[] {12.8, 10.6, 11.7, 12.2}, data.targets());
    assertEquals("weather.csv (target 'temp_max', features 'precipitation', 'temp_min', 'wind')",
        data.name());
  }

  @Test
  void featuresByNumberInTheOrderGiven() throws IOException {
    Dataset data = Datasets.csv(write("weather.csv", WEATHER),
        new CsvColumns("4", List.of("6", "3"), false, 0));
    assertArrayEquals(new double[] {4.7, 4.5, 2.3, 4.7}, data.column(0));
    assertArrayEquals(new double[] {0.0, 10.9, 0.8, 20.3}, data.column(1));
    assertArrayEquals(new double[] {12.8, 10.6, 11.7, 12.2}, data.targets());
  }

  @Test
  void withoutFeaturesATextColumnSaysHowToLeaveItOut() throws IOException {
    Path file = write("weather.csv", WEATHER);
    assertMessage(file, CsvColumns.target("temp_max"), file + ":2: column 'date' (1): "
        + "non-numeric value '2012-01-01'; with text or date columns, choose the features with "
        + "--features");
  }

  @Test
  void chosenColumnsAreChecked() throws IOException {
    Path file = write("weather.csv", WEATHER);
    assertMessage(file, new CsvColumns("temp_max", List.of("wind", "temp_max"), false, 0),
        file + ":1: feature column 'temp_max' is the target 'temp_max'; a column cannot be both");
    assertMessage(file, new CsvColumns("temp_max", List.of("wind", "6"), false, 0),
        file + ":1: feature column 'wind' is chosen twice ('wind' and '6')");
    assertMessage(file, new CsvColumns("temp_max", List.of("humidity"), false, 0),
        file + ":1: feature column 'humidity' is not in the header (date, station, "
            + "precipitation, temp_max, temp_min, wind, weather)");
    assertMessage(file, new CsvColumns("temp_max", List.of("8"), false, 0),
        file + ":1: feature column 8 is out of range: the header has 7 columns (date, station, "
            + "precipitation, temp_max, temp_min, wind, weather)");
    assertMessage(file, new CsvColumns("temp_max", List.of("station"), false, 0),
        file + ":2: column 'station' (2): non-numeric value 'Seattle, WA'");
  }

  @Test
  void missingValuesNameFileLineAndColumn() throws IOException {
    String csv = "year,x,y\n2000,1,2\n2001,,4\n2002,NA,6\n2003,4,NaN\n2004,5,10\n";
    Path file = write("gaps.csv", csv);
    CsvColumns columns = new CsvColumns("y", List.of("x"), false, 0);
    assertMessage(file, columns, file + ":3: column 'x' (2): missing value; --drop-missing skips"
        + " the rows that have one");
    Path later = write("later.csv", csv.replace("2001,,4", "2001,2,4"));
    assertMessage(later, columns, later + ":4: column 'x' (2): missing value 'NA'; --drop-missing"
        + " skips the rows that have one");
  }

  @Test
  void dropMissingSkipsThoseRowsAndCountsThem() throws IOException {
    Path file = write("gaps.csv", "year,x,y\n,1,2\n2001,,4\n2002,NA,6\n2003,4,NaN\n2004,5,10\n");
    Dataset data = Datasets.csv(file, new CsvColumns("y", List.of("x"), true, 0));
    assertArrayEquals(new double[] {1, 5}, data.column(0));
    assertArrayEquals(new double[] {2, 10}, data.targets());
    assertEquals("gaps.csv (target 'y', features 'x'; 3 of 5 rows dropped for a missing value)",
        data.name());
    Path empty = write("empty.csv", "x,y\n1,\nNA,2\n");
    assertMessage(empty, new CsvColumns("y", List.of("x"), true, 0),
        empty + ":1: no data rows left: all 2 have a missing value in a chosen column");
  }

  @Test
  void aQuotedLineBreakCountsForTheLineNumbers() throws IOException {
    Path file = write("notes.csv", "note,x,y\n\"two\nlines\",1,2\n# comment\n\nok,abc,3\n");
    assertMessage(file, new CsvColumns("y", List.of("x"), false, 0),
        file + ":6: column 'x' (2): non-numeric value 'abc'");
  }

  @Test
  void anUnbalancedQuoteIsMalformed() throws IOException {
    Path file = write("bad.csv", "x,y\n1,2\n\"3,4\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Datasets.csv(file, CsvColumns.target(null)));
    assertTrue(e.getMessage().startsWith(file + ": malformed CSV: "), e.getMessage());
  }

  @Test
  void rowLimitTakesTheFirstRows() throws IOException {
    Dataset data = Datasets.csv(write("weather.csv", WEATHER),
        new CsvColumns("temp_max", List.of("wind"), false, 2));
    assertArrayEquals(new double[] {4.7, 4.5}, data.column(0));
    assertTrue(data.name().endsWith("; the first 2 rows)"), data.name());
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }

  private static void assertMessage(Path file, CsvColumns columns, String expected) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Datasets.csv(file, columns));
    assertEquals(expected, e.getMessage());
  }
}
