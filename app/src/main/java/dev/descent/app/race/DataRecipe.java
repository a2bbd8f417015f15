package dev.descent.app.race;

import dev.descent.api.Dataset;
import dev.descent.reference.Datasets;
import java.nio.file.Path;

/**
 * How to make a race's dataset, small enough to send to a forked JVM, which rebuilds exactly
 * the same data from it (the generators are deterministic and the CSV file is read again).
 *
 * @param source "article" (p = 1), "synthetic" (p &gt; 1) or "csv"
 * @param samples N for generated data
 * @param features p for generated data
 * @param seed the generator's seed
 * @param sigma the noise's standard deviation
 * @param csv the CSV file, for source "csv"
 * @param target the CSV's target column, or null for the last
 */
public record DataRecipe(String source, int samples, int features, long seed, double sigma, String csv,
    String target) {

  public static DataRecipe generated(int samples, int features, long seed, double sigma) {
    return new DataRecipe(features == 1 ? "article" : "synthetic", samples, features, seed, sigma,
        null, null);
  }

  public static DataRecipe csv(Path file, String target) {
    return new DataRecipe("csv", 0, 0, 0, 0, file.toString(), target);
  }

  Dataset build() {
    return switch (source) {
      case "article" -> Datasets.article(samples, seed, sigma);
      case "synthetic" -> Datasets.synthetic(samples, features, seed, sigma, null);
      case "csv" -> Datasets.csv(Path.of(csv), target);
      default -> throw new IllegalArgumentException("unknown data source '" + source + "'");
    };
  }
}
