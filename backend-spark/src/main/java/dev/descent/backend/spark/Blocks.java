package dev.descent.backend.spark;

import dev.descent.api.Dataset;
import dev.descent.api.Precision;
import dev.descent.reference.BlockRecipe;
import dev.descent.reference.CacheFile;
import dev.descent.reference.DataCache;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Makes a dataset's rows into an RDD of {@link Block}s in the solver's precision, by the
 * cheapest of three routes ({@link Origin}):
 *
 * <ul>
 *   <li>On a local master, when the race has written the dataset to its {@link DataCache} (it
 *       does for every generated dataset of 2<sup>22</sup> values or more), each executor maps
 *       its rows from that file: nothing is made again, nothing passes through the driver, and
 *       the pass is a read of memory the page cache already holds. Only where the executors share
 *       the machine: a cluster's executors have no such file.
 *   <li>When the dataset has a {@link BlockRecipe}, the executors make the blocks themselves from
 *       the recipe's text and each block's index: the driver sends a list of integers, and a lost
 *       block is made again from the same two things. Since a block depends on nothing else, the
 *       data is the same however many partitions hold it.
 *   <li>Any other dataset (the article's stream, a CSV file) is read on the driver in blocks with
 *       {@link Dataset#read} and sent from there; a float32 block is converted as it is read, so
 *       the driver never holds an N-sized float64 copy for it. Spark serialises each partition's
 *       blocks into its task, so this route is refused beyond {@link #LARGEST_SENT} values with
 *       the two that scale, instead of a driver that works silently for minutes.
 * </ul>
 */
final class Blocks {

  /** Where the executors get the rows; the text goes into {@code device()}. */
  enum Origin {
    CACHE_FILE("mapped from the data cache file on the executors"),
    RECIPE("made on the executors"),
    DRIVER("sent from the driver");

    final String text;

    Origin(String text) {
      this.text = text;
    }
  }

  /**
   * How one dataset's blocks are made.
   *
   * @param origin the route
   * @param file the cache file, for {@link Origin#CACHE_FILE}; else null
   */
  record Plan(Origin origin, String file) {}

  /** Rows per block read on the driver or from a file: BlockRecipe's default, 512 KiB a column. */
  private static final int DRIVER_ROWS = BlockRecipe.DEFAULT_ROWS;

  /** Below this many rows a block is not split further to give every core one. */
  private static final int SMALLEST_SPLIT = 4_096;

  /**
   * The most values (N·(p + 1)) sent from the driver: 2<sup>25</sup>, 256 MiB in float64. Spark
   * copies a parallelised collection into its tasks, so the driver holds the data about three
   * times over while it sends it; this keeps that under a gigabyte. At N = 1e8, p = 1 (2·10⁸
   * values) sending gave no result within the race's 120-s timeout.
   */
  static final long LARGEST_SENT = 1L << 25;

  private Blocks() {}

  /**
   * The route for this dataset: its cache file when the executors share this machine
   * ({@code local}) and {@code cache} holds a file for its recipe with its N and p, else its block
   * recipe, else the driver.
   */
  static Plan plan(Dataset data, boolean local, DataCache cache) {
    Optional<String> recipe = data.recipe();
    if (local && recipe.isPresent()) {
      Optional<Path> file = cache.file(recipe.get());
      if (file.isPresent() && matches(file.get(), data)) {
        return new Plan(Origin.CACHE_FILE, file.get().toString());
      }
    }
    if (recipe.flatMap(Blocks::parse).isPresent()) {
      return new Plan(Origin.RECIPE, null);
    }
    return new Plan(Origin.DRIVER, null);
  }

  /** Whether the file holds this dataset: its key, N and p; a damaged file does not. */
  private static boolean matches(Path file, Dataset data) {
    try {
      CacheFile mapped = CacheFile.open(file);
      return mapped.samples() == data.samples() && mapped.features() == data.features()
          && mapped.key().equals(data.recipe().orElse(null));
    } catch (RuntimeException unreadable) {
      return false;
    }
  }

  /**
   * The data as blocks in {@code precision}, by {@code plan}'s route, in at most
   * {@code partitions} partitions (fewer when there are fewer blocks).
   *
   * @param streamed whether the caller consumes each block before the next and keeps none (one
   *     aggregate pass): the executors then refill one set of arrays ({@link ExecutorBlocks})
   * @throws IllegalArgumentException when the data would be sent from the driver and is larger
   *     than {@link #LARGEST_SENT} values, naming the routes that scale
   */
  static JavaRDD<Block> of(JavaSparkContext context, Dataset data, Plan plan,
      Precision precision, int partitions, boolean streamed) {
    return switch (plan.origin()) {
      case CACHE_FILE -> ExecutorBlocks.fromFile(context, plan.file(), data.samples(),
          data.features(), rowsPerBlock(data.samples(), partitions), precision, partitions,
          streamed);
      case RECIPE -> ExecutorBlocks.fromRecipe(context,
          parse(data.recipe().orElseThrow()).orElseThrow(), precision, partitions, streamed);
      case DRIVER -> fromDriver(context, data, precision, partitions);
    };
  }

  private static Optional<BlockRecipe> parse(String text) {
    try {
      return Optional.of(BlockRecipe.parse(text));
    } catch (IllegalArgumentException notBlocks) {
      return Optional.empty();
    }
  }

  /** A block of these rows in {@code precision}; in float32 the values rounded as they are read. */
  static Block block(double[][] columns, double[] targets, int rows,
      Precision precision) {
    if (precision == Precision.FLOAT64) {
      return new F64Block(columns, targets);
    }
    float[][] narrow = new float[columns.length][];
    for (int j = 0; j < columns.length; j++) {
      narrow[j] = toFloat(columns[j], rows);
    }
    return new F32Block(narrow, toFloat(targets, rows));
  }

  private static int rowsPerBlock(int n, int partitions) {
    return Math.min(DRIVER_ROWS,
        Math.max(SMALLEST_SPLIT, (int) ((n + (long) partitions - 1) / partitions)));
  }

  private static JavaRDD<Block> fromDriver(JavaSparkContext context, Dataset data,
      Precision precision, int partitions) {
    int n = data.samples();
    int p = data.features();
    long values = (long) n * (p + 1);
    if (values > LARGEST_SENT) {
      throw new IllegalArgumentException("N = " + n + ", p = " + p + ": " + values
          + " values would be sent from Spark's driver (at most " + LARGEST_SENT + "); "
          + "race a block recipe (--recipe blocks: the executors make the rows) or, on a local "
          + "master, data the race caches (the executors map its file)");
    }
    int rowsPerBlock = rowsPerBlock(n, partitions);
    List<Block> blocks = new ArrayList<>();
    double[] chunk = new double[Math.min(rowsPerBlock, n)];
    for (int first = 0; first < n; first += rowsPerBlock) {
      int rows = Math.min(rowsPerBlock, n - first);
      if (precision == Precision.FLOAT64) {
        double[][] columns = new double[p][rows];
        double[] targets = new double[rows];
        for (int j = 0; j < p; j++) {
          data.read(j, first, columns[j], 0, rows);
        }
        data.read(p, first, targets, 0, rows);
        blocks.add(new F64Block(columns, targets));
      } else {
        float[][] columns = new float[p][];
        for (int j = 0; j < p; j++) {
          data.read(j, first, chunk, 0, rows);
          columns[j] = toFloat(chunk, rows);
        }
        data.read(p, first, chunk, 0, rows);
        blocks.add(new F32Block(columns, toFloat(chunk, rows)));
      }
    }
    return context.parallelize(blocks, Math.min(partitions, blocks.size()));
  }

  private static float[] toFloat(double[] values, int count) {
    float[] result = new float[count];
    for (int i = 0; i < count; i++) {
      result[i] = (float) values[i];
    }
    return result;
  }
}
