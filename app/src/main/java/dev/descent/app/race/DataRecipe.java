package dev.descent.app.race;

import dev.descent.api.Dataset;
import dev.descent.reference.BlockRecipe;
import dev.descent.reference.CsvColumns;
import dev.descent.reference.DataCache;
import dev.descent.reference.Datasets;
import dev.descent.reference.Standardization;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * How to make a race's dataset, small enough to send to a forked JVM, which makes exactly the
 * same data from it (the generators are deterministic and the CSV file is read again, with the
 * same columns chosen and the same standardisation). The race's own JVM keeps only this and the
 * data's {@link #shape}, never the values of generated data.
 *
 * @param source "article" (the article's stream, p = 1), "synthetic" (one stream, p &gt; 1),
 *     "blocks" (row blocks seeded from (seed, block): {@link BlockRecipe}) or "csv"
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

  /**
   * Generated data of at least this many values (N·(p + 1)) is written once to the
   * {@link DataCache} and mapped by every fork: making it is slower than reading it back.
   */
  public static final long CACHED_VALUES = 1L << 22;

  public DataRecipe {
    // A recipe decoded from an older fork protocol line has no list.
    featureColumns = featureColumns == null ? List.of() : List.copyOf(featureColumns);
  }

  /** The article's stream for p = 1, the synthetic stream beyond. */
  public static DataRecipe generated(int samples, int features, long seed, double sigma) {
    return new DataRecipe(features == 1 ? "article" : "synthetic", samples, features, seed, sigma,
        null, null, List.of(), false, false, false);
  }

  /** Row blocks seeded from (seed, block index), the same on any machine and partitioning. */
  public static DataRecipe blocks(int samples, int features, long seed, double sigma) {
    return new DataRecipe("blocks", samples, features, seed, sigma, null, null, List.of(), false,
        false, false);
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

  /**
   * Whether the race's JVM can know the shape without making the values: generated data that is
   * not standardised (standardising needs the values' means and deviations).
   */
  public boolean isGenerated() {
    return !source.equals("csv");
  }

  /**
   * Whether the data is mapped from the {@link DataCache} rather than held on the heap: generated
   * data of at least {@link #CACHED_VALUES} values that is not standardised.
   */
  public boolean isMapped() {
    return large() && !standardize && (source.equals("article") || source.equals("blocks"));
  }

  private boolean large() {
    return (long) samples * (features + 1) >= CACHED_VALUES;
  }

  /** The name, N and p, without making generated data. */
  public DataShape shape() {
    if (!isGenerated()) {
      Dataset data = build(line -> {});
      return new DataShape(data.name(), data.samples(), data.features());
    }
    String name = switch (source) {
      case "article" -> "article (N=" + samples + ", seed " + seed + ", sigma " + sigma + ")";
      case "blocks" -> "blocks (N=" + samples + ", p=" + features + ", seed " + seed + ", sigma "
          + sigma + ", " + BlockRecipe.DEFAULT_ROWS + " rows a block)";
      default -> "synthetic (N=" + samples + ", p=" + features + ", seed " + seed + ", sigma "
          + sigma + ")";
    };
    return new DataShape(name + (standardize ? ", standardised" : ""), samples, features);
  }

  /** The data the solvers see; see {@link #prepare}. */
  public Dataset build(Consumer<String> progress) {
    return prepare(progress).data();
  }

  /**
   * The data the solvers see, and how to take their weights back to the data's own units.
   * Generated data is made here when small, else mapped from the data cache (written first by
   * whichever JVM needs it first).
   *
   * @param progress told how the writing of a large cache file goes
   */
  public Prepared prepare(Consumer<String> progress) {
    boolean large = large();
    Dataset raw = switch (source) {
      case "article" -> large
          ? DataCache.standard().open(Datasets.articleRecipe(samples, seed, sigma),
              () -> Datasets.articleStream(samples, seed, sigma), progress)
          : Datasets.article(samples, seed, sigma);
      case "blocks" -> {
        BlockRecipe recipe = BlockRecipe.of(samples, features, seed, sigma);
        yield large ? DataCache.standard().open(recipe.toString(), recipe::dataset, progress)
            : recipe.dataset();
      }
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
  public record Prepared(Dataset data, Standardization standardization) {}
}
