package dev.descent.backend.spark;

import dev.descent.api.Precision;
import dev.descent.reference.BlockRecipe;
import dev.descent.reference.CacheFile;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Blocks made on the executors from their indices alone: the driver sends integers. Each
 * partition makes its blocks one at a time as Spark asks for them, never a partition's worth at
 * once.
 *
 * <p>A <em>streamed</em> RDD (one aggregate pass that consumes each block before it asks for
 * the next and keeps none, as {@code spark.gram}'s) refills one set of arrays per partition
 * instead of allocating 1 MiB per block: at N = 1e8 that is 1.6 GB of short-lived arrays of
 * 512 KiB, each above G1's humongous-object threshold in a heap of a gigabyte or two. Never for
 * an RDD that is cached or collected, which keeps the blocks it is given.
 */
final class ExecutorBlocks {

  /** Writes block {@code index}'s rows into arrays exactly as long as the block. */
  @FunctionalInterface
  private interface Filler extends Serializable {
    void fill(int index, double[][] columns, double[] targets);
  }

  private ExecutorBlocks() {}

  /** Block {@code b}: rows {@code [b·rows, …)} of the cache file, mapped on the executor. */
  static JavaRDD<Block> fromFile(JavaSparkContext context, String file, int samples,
      int features, int rows, Precision precision, int partitions, boolean streamed) {
    int blocks = (samples + rows - 1) / rows;
    return indices(context, blocks, partitions).mapPartitions(each -> {
      // One mapping per partition; its pages are shared with every other reader of the file.
      CacheFile mapped = CacheFile.open(Path.of(file));
      return made(each, features, b -> (int) Math.min(rows, samples - (long) b * rows),
          (b, columns, targets) -> {
            long first = (long) b * rows;
            for (int j = 0; j < features; j++) {
              mapped.read(j, first, columns[j], 0, targets.length);
            }
            mapped.read(features, first, targets, 0, targets.length);
          }, precision, streamed);
    });
  }

  /** Block {@code b} of the recipe, made from (seed, b). */
  static JavaRDD<Block> fromRecipe(JavaSparkContext context, BlockRecipe recipe,
      Precision precision, int partitions, boolean streamed) {
    // The recipe travels as its text: BlockRecipe is not Serializable, its text is the contract.
    String text = recipe.toString();
    int features = recipe.features();
    return indices(context, recipe.blocks(), partitions).mapPartitions(each -> {
      BlockRecipe parsed = BlockRecipe.parse(text);
      return made(each, features, parsed::rowsIn, parsed::fill, precision, streamed);
    });
  }

  private static JavaRDD<Integer> indices(JavaSparkContext context, int blocks,
      int partitions) {
    List<Integer> indices = IntStream.range(0, blocks).boxed().toList();
    return context.parallelize(indices, Math.max(1, Math.min(partitions, blocks)));
  }

  private interface RowCount {
    int rowsIn(int block);
  }

  private static Iterator<Block> made(Iterator<Integer> indices, int features, RowCount rowCount,
      Filler filler, Precision precision, boolean streamed) {
    return new Iterator<>() {
      private double[][] columns;
      private double[] targets;

      @Override
      public boolean hasNext() {
        return indices.hasNext();
      }

      @Override
      public Block next() {
        int index = indices.next();
        int rows = rowCount.rowsIn(index);
        if (!streamed || targets == null || targets.length != rows) {
          columns = new double[features][rows];
          targets = new double[rows];
        }
        filler.fill(index, columns, targets);
        return Blocks.block(columns, targets, rows, precision);
      }
    };
  }
}
