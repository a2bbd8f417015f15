package dev.descent.backend.spark;

import dev.descent.api.Dataset;
import dev.descent.api.Footprint;
import dev.descent.api.Precision;
import dev.descent.api.Workspace;

/**
 * {@code spark.gram}: one distributed pass for XᵀX and Xᵀd, then every epoch on the driver in
 * O(p²); the same iterates as {@code scalar.gram} up to rounding. Like {@code scalar.gram} it
 * wins by changing the algorithm's cost, and Spark lets that one pass cover data no single
 * machine holds.
 */
public final class SparkGramSolver extends SparkSolver {

  /** For ServiceLoader. */
  public SparkGramSolver() {}

  @Override
  public String id() {
    return "spark.gram";
  }

  @Override
  public String description() {
    return "Apache Spark, Gram statistics: one treeAggregate pass for X^T X and X^T d over the "
        + "executors, then O(p^2) per epoch on the driver; same iterates as scalar.gram";
  }

  @Override
  Workspace open(SparkDriver driver, Dataset data, Precision precision) {
    return new GramWorkspace(driver, data, precision);
  }

  /**
   * It caches nothing: a few blocks in flight per core and Spark's own objects (a peak of
   * 132 MiB at N = 1e9 here), except that data sent from the driver is held about three times
   * while it is sent, up to {@link Blocks#LARGEST_SENT} values.
   */
  @Override
  public Footprint footprint(long samples, int features, Precision precision) {
    long data = Footprint.ofData(samples, features, precision).heapBytes();
    long sent = Math.min(data, Blocks.LARGEST_SENT * Footprint.bytes(precision));
    return new Footprint(3 * sent + (128L << 20), 0);
  }
}
