package dev.descent.reference;

import java.util.List;

/**
 * Which columns of a CSV file make the dataset, and what to do with rows that lack a value.
 *
 * @param target the target's header name or 1-based number; null for the last column
 * @param features the feature columns, names or 1-based numbers, in the order the model uses
 *     them; empty for every column but the target
 * @param dropMissing skip the rows where a chosen column is empty, NA or NaN instead of failing
 * @param rowLimit read at most this many samples (after dropping), 0 for all of them
 */
public record CsvColumns(String target, List<String> features, boolean dropMissing,
    int rowLimit) {

  public CsvColumns {
    features = features == null ? List.of() : List.copyOf(features);
    if (rowLimit < 0) {
      throw new IllegalArgumentException("rowLimit = " + rowLimit + ": must be >= 0 (0: all)");
    }
  }

  /** Every column but the target is a feature, as files without text columns need. */
  public static CsvColumns target(String target) {
    return new CsvColumns(target, List.of(), false, 0);
  }
}
