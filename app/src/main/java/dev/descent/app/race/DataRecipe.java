package dev.descent.app.race;

import dev.descent.api.Dataset;
import dev.descent.reference.BlockRecipe;
import dev.descent.reference.DataCache;
import dev.descent.reference.Datasets;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * How to make a race's dataset, small enough to send to a forked JVM, which makes exactly the
 * same data from it (the generators are deterministic and the CSV file is read again). The
 * race's own JVM keeps only this and the data's {@link #shape}, never the values of generated
 * data.
 *
 * @param source "article" (the article's stream, p = 1), "synthetic" (one stream, p &gt; 1),
 *     "blocks" (row blocks seeded from (seed, block): {@link BlockRecipe}) or "csv"
 * @param samples N for generated data
 * @param features p for generated data
 * @param seed the generator's seed
 * @param sigma the noise's standard deviation
 * @param csv the CSV file, for source "csv"
 * @param target the CSV's target column, or null for the last
 */
public record DataRecipe(String source, int samples, int features, long seed, double sigma,
    String csv, String target) {

  /**
   * Generated data of at least this many values (N·(p + 1)) is written once to the
   * {@link DataCache} and mapped by every fork: making it is slower than reading it back.
   */
  public static final long CACHED_VALUES = 1L << 22;

  /** The article's stream for p = 1, the synthetic stream beyond. */
  public static DataRecipe generated(int samples, int features, long seed, double sigma) {
    return new DataRecipe(features == 1 ? "article" : "synthetic", samples, features, seed, sigma,
        null, null);
  }

  /** Row blocks seeded from (seed, block index), the same on any machine and partitioning. */
  public static DataRecipe blocks(int samples, int features, long seed, double sigma) {
    return new DataRecipe("blocks", samples, features, seed, sigma, null, null);
  }

  public static DataRecipe csv(Path file, String target) {
    return new DataRecipe("csv", 0, 0, 0, 0, file.toString(), target);
  }

  /** Whether the values come from a generator (so N and p are known without making them). */
  public boolean isGenerated() {
    return !source.equals("csv");
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
    return new DataShape(name, samples, features);
  }

  /**
   * The dataset: made here when small, else mapped from the data cache (written first by
   * whichever JVM needs it first).
   *
   * @param progress told how the writing of a large cache file goes
   */
  public Dataset build(Consumer<String> progress) {
    boolean large = (long) samples * (features + 1) >= CACHED_VALUES;
    return switch (source) {
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
      case "csv" -> Datasets.csv(Path.of(csv), target);
      default -> throw new IllegalArgumentException("unknown data source '" + source + "'");
    };
  }
}
