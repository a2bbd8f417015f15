package dev.descent.app.race;

import dev.descent.api.Dataset;
import dev.descent.reference.CsvColumns;
import dev.descent.reference.Datasets;
import dev.descent.reference.Standardization;
import java.nio.file.Path;
import java.util.List;

/**
 * How to make a race's dataset, small enough to send to a forked JVM, which rebuilds exactly
 * the same data from it (the generators are deterministic and the CSV file is read again, with
 * the same columns chosen and the same standardisation).
 *
 * @param source "article" (p = 1), "synthetic" (p &gt; 1) or "csv"
 * @param samples N for generated data; for a CSV file, how many of its first rows to use (0: all)
 * @param features p for generated data
 * @param seed the generator's seed
 * @param sigma the noise's standard deviation
 * @param csv the CSV file, for source "csv"
 * @param target the CSV's target column, or null for the last
 * @param featureColumns the CSV's feature columns, empty for every column but the target
 * @param dropMissing skip the CSV rows with a missing value in a chosen column
 * @param standardize scale the features to mean 0 and standard deviation 1
 * @param standardizeTarget scale the target too
 */
public record DataRecipe(String source, int samples, int features, long seed, double sigma,
    String csv, String target, List<String> featureColumns, boolean dropMissing,
    boolean standardize, boolean standardizeTarget) {

  public DataRecipe {
    // A recipe decoded from an older fork protocol line has no list.
    featureColumns = featureColumns == null ? List.of() : List.copyOf(featureColumns);
  }

  public static DataRecipe generated(int samples, int features, long seed, double sigma) {
    return new DataRecipe(features == 1 ? "article" : "synthetic", samples, features, seed, sigma,
        null, null, List.of(), false, false, false);
  }

  public static DataRecipe csv(Path file, String target) {
    return csv(file, CsvColumns.target(target));
  }

  /** A CSV file's chosen columns; {@link CsvColumns#rowLimit()} becomes {@link #samples()}. */
  public static DataRecipe csv(Path file, CsvColumns columns) {
    return new DataRecipe("csv", columns.rowLimit(), 0, 0, 0, file.toString(), columns.target(),
        columns.features(), columns.dropMissing(), false, false);
  }

  /** The same data, standardised before the descent ({@code --standardize}). */
  public DataRecipe standardized(boolean features, boolean alsoTarget) {
    return new DataRecipe(source, samples, this.features, seed, sigma, csv, target,
        featureColumns, dropMissing, features || alsoTarget, alsoTarget);
  }

  Dataset build() {
    return prepare().data();
  }

  /** The data the solvers see, and how to take their weights back to the data's own units. */
  Prepared prepare() {
    Dataset raw = switch (source) {
      case "article" -> Datasets.article(samples, seed, sigma);
      case "synthetic" -> Datasets.synthetic(samples, features, seed, sigma, null);
      case "csv" -> Datasets.csv(Path.of(csv),
          new CsvColumns(target, featureColumns, dropMissing, samples));
      default -> throw new IllegalArgumentException("unknown data source '" + source + "'");
    };
    if (!standardize) {
      return new Prepared(raw, Standardization.NONE);
    }
    Standardization standardization = Standardization.of(raw, standardizeTarget);
    return new Prepared(standardization.apply(raw), standardization);
  }

  /**
   * @param data what the solvers and the reference descend on
   * @param standardization how it was scaled, {@link Standardization#NONE} when it was not
   */
  record Prepared(Dataset data, Standardization standardization) {}
}
