package dev.descent.reference;

import dev.descent.api.Dataset;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads one CSV file into a {@link Dataset}; the format is documented on
 * {@link Datasets#csv(Path, String)}. Every message starts with {@code file:line:} so that editors
 * and terminals can jump to the spot.
 */
final class CsvReader {
  // Plain decimal numbers only: Double.parseDouble would also take "0x1p3", "1d" or "NaN".
  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
  private static final Pattern NOT_FINITE =
      Pattern.compile("[+-]?(nan|inf|infinity)", Pattern.CASE_INSENSITIVE);
  private static final Pattern WHOLE_NUMBER = Pattern.compile("\\d+");

  private final String file;
  private final List<Row> rows = new ArrayList<>();
  private List<String> header;
  private int headerLine;

  private record Row(int line, String[] fields) {}

  private CsvReader(String file) {
    this.file = file;
  }

  static Dataset read(Path path, String targetColumn) {
    CsvReader reader = new CsvReader(path.toString());
    reader.readLines(path);
    return reader.toDataset(targetColumn, path.getFileName());
  }

  private void readLines(Path path) {
    try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      int number = 0;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        number++;
        if (number == 1 && line.startsWith("\uFEFF")) {
          line = line.substring(1);
        }
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
          continue;
        }
        if (header == null) {
          headerLine = number;
          header = parseHeader(line);
        } else {
          rows.add(new Row(number, line.split(",", -1)));
        }
      }
    } catch (IOException e) {
      String detail = e.getMessage() == null || e.getMessage().equals(path.toString())
          ? "" : " (" + e.getMessage() + ")";
      throw new UncheckedIOException(
          "cannot read CSV file '" + path + "': " + e.getClass().getSimpleName() + detail, e);
    }
  }

  private List<String> parseHeader(String line) {
    String[] fields = line.split(",", -1);
    List<String> names = new ArrayList<>(fields.length);
    Map<String, Integer> seen = new HashMap<>();
    for (int c = 0; c < fields.length; c++) {
      String name = unquote(fields[c]);
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

  private Dataset toDataset(String targetColumn, Path fileName) {
    if (header == null) {
      throw new IllegalArgumentException(
          file + ": no header line (the file is empty, blank or only comments)");
    }
    int target = targetIndex(targetColumn);
    if (header.size() < 2) {
      throw error(headerLine, "the only column is the target '" + header.get(target)
          + "'; a dataset needs at least one feature column besides it");
    }
    if (rows.isEmpty()) {
      throw error(headerLine, "no data rows after the header");
    }
    int n = rows.size();
    double[][] columns = new double[header.size() - 1][n];
    double[] targets = new double[n];
    for (int i = 0; i < n; i++) {
      Row row = rows.get(i);
      if (row.fields.length != header.size()) {
        throw error(row.line, row.fields.length + " fields but the header has " + header.size());
      }
      for (int c = 0; c < header.size(); c++) {
        double value = parseValue(row, c);
        if (c == target) {
          targets[i] = value;
        } else {
          columns[c < target ? c : c - 1][i] = value;
        }
      }
    }
    String name = fileName + " (target '" + header.get(target) + "')";
    return Dataset.of(name, columns, targets);
  }

  private int targetIndex(String targetColumn) {
    if (targetColumn == null) {
      return header.size() - 1;
    }
    int byName = header.indexOf(targetColumn.strip());
    if (byName >= 0) {
      return byName;
    }
    String names = String.join(", ", header);
    if (WHOLE_NUMBER.matcher(targetColumn.strip()).matches()) {
      int number = parseColumnNumber(targetColumn.strip());
      if (number >= 1 && number <= header.size()) {
        return number - 1;
      }
      throw error(headerLine, "target column " + targetColumn.strip() + " is out of range: the"
          + " header has " + header.size() + " columns (" + names + ")");
    }
    throw error(headerLine, "target column '" + targetColumn + "' is not in the header ("
        + names + ")");
  }

  private static int parseColumnNumber(String digits) {
    try {
      return Integer.parseInt(digits);
    } catch (NumberFormatException tooLarge) {
      return Integer.MAX_VALUE;
    }
  }

  private double parseValue(Row row, int c) {
    String raw = unquote(row.fields[c]);
    if (raw.isEmpty()) {
      throw valueError(row, c, "missing value");
    }
    if (NOT_FINITE.matcher(raw).matches()) {
      throw valueError(row, c, "value '" + raw + "' is not a finite number");
    }
    if (!DECIMAL.matcher(raw).matches()) {
      throw valueError(row, c, "non-numeric value '" + raw + "'");
    }
    double value = Double.parseDouble(raw);
    if (Double.isInfinite(value)) {
      throw valueError(row, c, "value '" + raw + "' is too large for a double (overflows to "
          + value + ")");
    }
    return value;
  }

  private static String unquote(String field) {
    String s = field.strip();
    if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
      s = s.substring(1, s.length() - 1).strip();
    }
    return s;
  }

  private IllegalArgumentException valueError(Row row, int c, String problem) {
    return error(row.line, "column '" + header.get(c) + "' (" + (c + 1) + "): " + problem);
  }

  private IllegalArgumentException error(int line, String problem) {
    return new IllegalArgumentException(file + ":" + line + ": " + problem);
  }
}
