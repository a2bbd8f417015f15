package dev.descent.reference;

import dev.descent.api.Dataset;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the chosen columns of one CSV file into a {@link Dataset}; the format is documented on
 * {@link Datasets#csv(Path, CsvColumns)}. Fields are split by Commons CSV (RFC 4180 quoting, so
 * {@code "Seattle, WA"} is one field); every message starts with {@code file:line:} so that
 * editors and terminals can jump to the spot.
 */
final class CsvReader {
  // Plain decimal numbers only: Double.parseDouble would also take "0x1p3", "1d" or "NaN".
  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
  private static final Pattern INFINITE =
      Pattern.compile("[+-]?(inf|infinity)", Pattern.CASE_INSENSITIVE);
  // What spreadsheets, R and pandas write for "no value".
  private static final Pattern MISSING = Pattern.compile("|na|nan|[+-]nan",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern WHOLE_NUMBER = Pattern.compile("\\d+");
  private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
      .setCommentMarker('#')
      .setIgnoreEmptyLines(true)
      .setIgnoreSurroundingSpaces(true)
      .setTrim(true)
      .get();

  private final String file;
  private final CsvColumns columns;
  private final LineIndex lines;
  private List<String> header;
  private int headerLine;

  private CsvReader(String file, CsvColumns columns, String text) {
    this.file = file;
    this.columns = columns;
    this.lines = new LineIndex(text);
  }

  static Dataset read(Path path, CsvColumns columns) {
    String text = readText(path);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    return new CsvReader(path.toString(), columns, text).parse(text, path.getFileName());
  }

  private static String readText(Path path) {
    try {
      return Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      String detail = e.getMessage() == null || e.getMessage().equals(path.toString())
          ? "" : " (" + e.getMessage() + ")";
      throw new UncheckedIOException(
          "cannot read CSV file '" + path + "': " + e.getClass().getSimpleName() + detail, e);
    }
  }

  private Dataset parse(String text, Path fileName) {
    Columns chosen = null;
    int samples = 0;
    int dropped = 0;
    try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text))
        .setFormat(FORMAT).get()) {
      for (CSVRecord record : parser) {
        if (isBlankOrComment(record)) {
          continue;
        }
        int line = lines.recordLine(record.getCharacterPosition());
        if (header == null) {
          headerLine = line;
          header = parseHeader(record);
          chosen = choose();
          continue;
        }
        if (record.size() != header.size()) {
          throw error(line, record.size() + " fields but the header has " + header.size());
        }
        if (columns.rowLimit() > 0 && samples == columns.rowLimit()) {
          break;
        }
        if (chosen.add(record, line)) {
          samples++;
        } else {
          dropped++;
        }
      }
    } catch (IOException | UncheckedIOException e) {
      // Commons CSV names the line of an unbalanced quote in its message.
      throw new IllegalArgumentException(file + ": malformed CSV: " + e.getMessage(), e);
    }
    if (header == null) {
      throw new IllegalArgumentException(
          file + ": no header line (the file is empty, blank or only comments)");
    }
    if (samples == 0) {
      throw error(headerLine, dropped == 0 ? "no data rows after the header"
          : "no data rows left: all " + dropped + " have a missing value in a chosen column");
    }
    return chosen.toDataset(describe(fileName, chosen, samples, dropped));
  }

  private String describe(Path fileName, Columns chosen, int samples, int dropped) {
    StringBuilder name = new StringBuilder(fileName + " (target '"
        + header.get(chosen.target) + "'");
    if (!columns.features().isEmpty()) {
      name.append(", features ");
      for (int k = 0; k < chosen.features.length; k++) {
        name.append(k == 0 ? "'" : ", '").append(header.get(chosen.features[k])).append("'");
      }
    }
    if (dropped > 0) {
      name.append("; ").append(dropped).append(" of ").append(samples + dropped)
          .append(" rows dropped for a missing value");
    }
    if (columns.rowLimit() > 0) {
      name.append("; the first ").append(samples).append(" rows");
    }
    return name.append(")").toString();
  }

  private static boolean isBlankOrComment(CSVRecord record) {
    // Commons CSV drops empty lines and lines starting with '#', not "   " or "  # note".
    return record.size() == 1 && record.get(0).isEmpty() || record.get(0).startsWith("#");
  }

  private List<String> parseHeader(CSVRecord record) {
    List<String> names = new ArrayList<>(record.size());
    Map<String, Integer> seen = new HashMap<>();
    for (int c = 0; c < record.size(); c++) {
      String name = record.get(c);
      if (name.isEmpty()) {
        throw error(headerLine, "column " + (c + 1)
            + " has no name in the header; every column needs a distinct name");
      }
      Integer earlier = seen.putIfAbsent(name, c + 1);
      if (earlier != null) {
        throw error(headerLine, "duplicate column name '" + name + "' (columns " + earlier
            + " and " + (c + 1) + ")");
      }
      names.add(name);
    }
    return names;
  }

  private Columns choose() {
    int target = columns.target() == null
        ? header.size() - 1 : columnIndex("target", columns.target());
    int[] features;
    if (columns.features().isEmpty()) {
      if (header.size() < 2) {
        throw error(headerLine, "the only column is the target '" + header.get(target)
            + "'; a dataset needs at least one feature column besides it");
      }
      features = new int[header.size() - 1];
      for (int c = 0, k = 0; c < header.size(); c++) {
        if (c != target) {
          features[k++] = c;
        }
      }
    } else {
      features = new int[columns.features().size()];
      Map<Integer, String> given = new HashMap<>();
      for (int k = 0; k < features.length; k++) {
        String feature = columns.features().get(k);
        features[k] = columnIndex("feature", feature);
        if (features[k] == target) {
          throw error(headerLine, "feature column '" + feature.strip() + "' is the target '"
              + header.get(target) + "'; a column cannot be both");
        }
        String earlier = given.putIfAbsent(features[k], feature.strip());
        if (earlier != null) {
          throw error(headerLine, "feature column '" + header.get(features[k])
              + "' is chosen twice ('" + earlier + "' and '" + feature.strip() + "')");
        }
      }
    }
    return new Columns(target, features);
  }

  private int columnIndex(String role, String column) {
    String wanted = column.strip();
    int byName = header.indexOf(wanted);
    if (byName >= 0) {
      return byName;
    }
    String names = String.join(", ", header);
    if (WHOLE_NUMBER.matcher(wanted).matches()) {
      int number = parseColumnNumber(wanted);
      if (number >= 1 && number <= header.size()) {
        return number - 1;
      }
      throw error(headerLine, role + " column " + wanted + " is out of range: the header has "
          + header.size() + " columns (" + names + ")");
    }
    throw error(headerLine, role + " column '" + column + "' is not in the header (" + names
        + ")");
  }

  private static int parseColumnNumber(String digits) {
    try {
      return Integer.parseInt(digits);
    } catch (NumberFormatException tooLarge) {
      return Integer.MAX_VALUE;
    }
  }

  /** The value, or NaN when it is missing; anything else that is not a finite number throws. */
  private double parseValue(String raw, int line, int c) {
    if (MISSING.matcher(raw).matches()) {
      return Double.NaN;
    }
    if (INFINITE.matcher(raw).matches()) {
      throw valueError(line, c, "value '" + raw + "' is not a finite number");
    }
    if (!DECIMAL.matcher(raw).matches()) {
      throw valueError(line, c, "non-numeric value '" + raw + "'" + (columns.features().isEmpty()
          ? "; with text or date columns, choose the features with --features" : ""));
    }
    double value = Double.parseDouble(raw);
    if (Double.isInfinite(value)) {
      throw valueError(line, c, "value '" + raw + "' is too large for a double (overflows to "
          + value + ")");
    }
    return value;
  }

  private IllegalArgumentException valueError(int line, int c, String problem) {
    return error(line, "column '" + header.get(c) + "' (" + (c + 1) + "): " + problem);
  }

  private IllegalArgumentException error(int line, String problem) {
    return new IllegalArgumentException(file + ":" + line + ": " + problem);
  }

  /** The chosen columns' values, grown row by row. */
  private final class Columns {
    private final int target;
    private final int[] features;
    private double[][] values;
    private double[] targets = new double[64];
    private int rows;

    Columns(int target, int[] features) {
      this.target = target;
      this.features = features;
      this.values = new double[features.length][64];
    }

    /** Adds the row's values; false when one is missing and missing rows are dropped. */
    boolean add(CSVRecord record, int line) {
      double[] row = new double[features.length + 1];
      for (int k = 0; k <= features.length; k++) {
        int c = k < features.length ? features[k] : target;
        double value = parseValue(record.get(c), line, c);
        if (Double.isNaN(value)) {
          if (columns.dropMissing()) {
            return false;
          }
          String raw = record.get(c);
          throw valueError(line, c, "missing value" + (raw.isEmpty() ? "" : " '" + raw + "'")
              + "; --drop-missing skips the rows that have one");
        }
        row[k] = value;
      }
      if (rows == targets.length) {
        targets = Arrays.copyOf(targets, rows * 2);
        for (int k = 0; k < features.length; k++) {
          values[k] = Arrays.copyOf(values[k], rows * 2);
        }
      }
      for (int k = 0; k < features.length; k++) {
        values[k][rows] = row[k];
      }
      targets[rows++] = row[features.length];
      return true;
    }

    Dataset toDataset(String name) {
      double[][] exact = new double[features.length][];
      for (int k = 0; k < features.length; k++) {
        exact[k] = Arrays.copyOf(values[k], rows);
      }
      return Dataset.of(name, exact, Arrays.copyOf(targets, rows));
    }
  }

  /** Line numbers of character positions, for messages. */
  private static final class LineIndex {
    private final String text;
    private final int[] starts;

    LineIndex(String text) {
      this.text = text;
      List<Integer> found = new ArrayList<>();
      found.add(0);
      for (int i = 0; i < text.length(); i++) {
        char ch = text.charAt(i);
        if (ch == '\n' || ch == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n')) {
          found.add(i + 1);
        }
      }
      starts = found.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * The 1-based line a record starts on. Commons CSV gives the position where it began to
     * read, before the blank and comment lines it skipped, so those are skipped here too.
     */
    int recordLine(long position) {
      int index = Arrays.binarySearch(starts, (int) position);
      int line = index >= 0 ? index : -index - 2;
      while (line + 1 < starts.length && isSkipped(line)) {
        line++;
      }
      return line + 1;
    }

    private boolean isSkipped(int line) {
      int end = line + 1 < starts.length ? starts[line + 1] : text.length();
      String content = text.substring(starts[line], end).strip();
      return content.isEmpty() || content.startsWith("#");
    }
  }
}
