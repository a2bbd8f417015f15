package dev.descent.backend.spark;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.Function2;

/**
 * The two distributed sums, as static factories so that each closure captures only what it
 * names (the weights), never a workspace.
 */
final class Aggregations {

  /** The depth of the aggregation tree, MLlib's default. */
  private static final int TREE_DEPTH = 2;

  private Aggregations() {}

  /**
   * One job: Σ e_i·x_ij for j = 0 … p and Σ e_i² at {@code w} (p + 1 values in the blocks'
   * precision), over every block.
   */
  static double[] gradient(JavaRDD<Block> blocks, double[] w) {
    double[] weights = w.clone();
    Function2<double[], Block, double[]> add = (sums, block) -> {
      block.addGradient(weights, sums);
      return sums;
    };
    return blocks.treeAggregate(new double[weights.length + 1], add, Aggregations::merge,
        TREE_DEPTH);
  }

  /**
   * One job: the Gram statistics of every block ({@link Block#addGram}'s layout). A plain
   * {@code aggregate}, one stage: each partition's few numbers go straight to the driver. A
   * {@code treeAggregate} over more than a few partitions adds a shuffle stage, which pays off
   * for MLlib's long vectors, not for (p + 1)(p + 4)/2 numbers, and whose first use in a JVM
   * costs seconds of setup.
   */
  static double[] gram(JavaRDD<Block> blocks, int weightCount) {
    Function2<double[], Block, double[]> add = (sums, block) -> {
      block.addGram(sums);
      return sums;
    };
    return blocks.aggregate(new double[Block.gramLength(weightCount)], add,
        Aggregations::merge);
  }

  private static double[] merge(double[] into, double[] other) {
    for (int i = 0; i < into.length; i++) {
      into[i] += other[i];
    }
    return into;
  }
}
