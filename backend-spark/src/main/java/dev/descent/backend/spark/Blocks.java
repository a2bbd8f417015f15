package dev.descent.backend.spark;

import dev.descent.api.Dataset;
import dev.descent.api.Precision;
import dev.descent.reference.BlockRecipe;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Makes a dataset's rows into an RDD of {@link Block}s in the solver's precision.
 *
 * <p>When the dataset has a {@link BlockRecipe}, the executors make the blocks themselves from
 * the recipe's text and each block's index: the driver sends a list of integers, no data passes
 * through it, and a lost block is made again from the same two things. Since a block depends on
 * nothing else, the data is the same however many partitions hold it. Any other dataset (the
 * article's stream, a CSV file) is read on the driver in blocks with {@link Dataset#read} and
 * sent from there; a float32 block is converted as it is read, so the driver never holds an
 * N-sized float64 copy for it.
 */
final class Blocks {

  /** Rows per block read on the driver: BlockRecipe's default, 512 KiB per float64 column. */
  private static final int DRIVER_ROWS = BlockRecipe.DEFAULT_ROWS;

  /** Below this many rows a block is not split further to give every core one. */
  private static final int SMALLEST_SPLIT = 4_096;

  private Blocks() {}

  /**
   * The data as blocks in {@code precision}, in at most {@code partitions} partitions (fewer
   * when there are fewer blocks).
   */
  static JavaRDD<Block> of(JavaSparkContext context, Dataset data, Precision precision,
      int partitions) {
    Optional<BlockRecipe> recipe = data.recipe().flatMap(Blocks::parse);
    if (recipe.isPresent()) {
      return fromRecipe(context, recipe.get(), precision, partitions);
    }
    return fromDriver(context, data, precision, partitions);
  }

  /** Whether the data will be made on the executors. */
  static boolean madeOnExecutors(Dataset data) {
    return data.recipe().flatMap(Blocks::parse).isPresent();
  }

  private static Optional<BlockRecipe> parse(String text) {
    try {
      return Optional.of(BlockRecipe.parse(text));
    } catch (IllegalArgumentException notBlocks) {
      return Optional.empty();
    }
  }

  private static JavaRDD<Block> fromRecipe(JavaSparkContext context, BlockRecipe recipe,
      Precision precision, int partitions) {
    // The recipe travels as its text: BlockRecipe is not Serializable, its text is the contract.
    String text = recipe.toString();
    List<Integer> indices = IntStream.range(0, recipe.blocks()).boxed().toList();
    return context.parallelize(indices, Math.min(partitions, indices.size()))
        .map(index -> make(BlockRecipe.parse(text), index, precision));
  }

  private static Block make(BlockRecipe recipe, int index, Precision precision) {
    int rows = recipe.rowsIn(index);
    double[][] columns = new double[recipe.features()][rows];
    double[] targets = new double[rows];
    recipe.fill(index, columns, targets);
    if (precision == Precision.FLOAT64) {
      return new F64Block(columns, targets);
    }
    float[][] narrow = new float[columns.length][];
    for (int j = 0; j < columns.length; j++) {
      narrow[j] = toFloat(columns[j], rows);
    }
    return new F32Block(narrow, toFloat(targets, rows));
  }

  private static JavaRDD<Block> fromDriver(JavaSparkContext context, Dataset data,
      Precision precision, int partitions) {
    int n = data.samples();
    int p = data.features();
    int rowsPerBlock = Math.min(DRIVER_ROWS,
        Math.max(SMALLEST_SPLIT, (int) ((n + (long) partitions - 1) / partitions)));
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
