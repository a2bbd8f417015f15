package dev.descent.app.cli;

import dev.descent.app.race.DataRecipe;
import dev.descent.app.race.Problem;
import dev.descent.reference.CsvColumns;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * How to read and condition the data, and how to choose the step: the options {@code race} and
 * {@code sweep} share besides the data's size.
 */
final class DataOptions {

  @Option(names = "--features", paramLabel = "COL[,COL…]", split = ",",
      description = "The CSV's feature columns, by name or 1-based number, in the model's order; "
          + "the other columns are ignored whatever they hold (default: every column but the "
          + "target).")
  List<String> features;

  @Option(names = "--drop-missing", description = "Skip the CSV rows where a chosen column is "
      + "empty, NA or NaN, and say how many (default: such a row is an error naming it).")
  boolean dropMissing;

  @Option(names = "--standardize", description = "Scale the features to mean 0 and standard "
      + "deviation 1 before the descent, as Spark MLlib does; the report gives the weights in the "
      + "data's own units.")
  boolean standardize;

  @Option(names = "--standardize-target", description = "With --standardize, scale the target "
      + "too.")
  boolean standardizeTarget;

  @Option(names = "--recipe", paramLabel = "stream|blocks", defaultValue = "stream",
      description = "How generated data is made: stream, one NumPy stream (the article's own "
          + "data for p = 1; it cannot be split), or blocks, row blocks of 65 536 each seeded from "
          + "(seed, block), the same however it is partitioned, so a Spark executor makes its "
          + "own blocks (default: ${DEFAULT-VALUE}).")
  String recipe;

  /** Generated data by {@code --recipe}. */
  DataRecipe generated(int samples, int features, long seed, double sigma) {
    return switch (recipe.strip().toLowerCase(Locale.ROOT)) {
      case "stream" -> DataRecipe.generated(samples, features, seed, sigma);
      case "blocks" -> DataRecipe.blocks(samples, features, seed, sigma);
      default -> throw new IllegalArgumentException("--recipe = '" + recipe
          + "': use stream or blocks");
    };
  }

  /** Which columns of the file, and how many of its first rows (0: all). */
  CsvColumns columns(String target, int rowLimit) {
    return new CsvColumns(target, features, dropMissing, rowLimit);
  }

  /** Rejects the CSV-only options without --csv, naming them. */
  void requireCsv(Path csv) {
    if (csv == null && (features != null || dropMissing)) {
      throw new IllegalArgumentException((features != null ? "--features" : "--drop-missing")
          + " only applies with --csv");
    }
    if (standardizeTarget && !standardize) {
      throw new IllegalArgumentException("--standardize-target needs --standardize");
    }
  }

  /** The recipe, standardised when asked. */
  DataRecipe conditioned(DataRecipe recipe) {
    return standardize ? recipe.standardized(true, standardizeTarget) : recipe;
  }

  /** {@code --mu}: a number, or auto (NaN here) for 1/L of the data. */
  static double parseMu(String option, String value) {
    if (value.strip().toLowerCase(Locale.ROOT).equals("auto")) {
      return Double.NaN;
    }
    try {
      double mu = Double.parseDouble(value.strip());
      if (!(mu > 0) || !Double.isFinite(mu)) {
        throw new IllegalArgumentException(option + " = " + mu
            + ": must be finite and > 0, or auto");
      }
      return mu;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " = '" + value
          + "': not a number; use a step such as 0.001, or auto");
    }
  }

  /** The problem with the step {@code --mu} asked for. */
  static Problem withStep(Problem problem, double mu) {
    return Double.isNaN(mu) ? problem.withAutomaticStep() : problem;
  }

  static final String MU_DESCRIPTION = "Learning rate, or auto for 1/L with L the largest "
      + "eigenvalue of the loss's Hessian for this data (2/L is the limit above which the descent "
      + "diverges) (default: ${DEFAULT-VALUE}).";
}
