package dev.descent.backend.spark;

import dev.descent.api.Dataset;
import dev.descent.api.Footprint;
import dev.descent.api.Precision;
import dev.descent.api.Workspace;
import java.util.OptionalDouble;

/**
 * {@code spark.steps}: MLlib's gradient descent — the data cached on the executors in primitive
 * blocks, one {@code treeAggregate} of the gradient per epoch, the update on the driver. Each
 * epoch pays a Spark job's overhead (tens of milliseconds), so it suits data too large for one
 * machine, not the article's 10 000 points.
 */
public final class SparkStepsSolver extends SparkSolver {

  /** For ServiceLoader. */
  public SparkStepsSolver() {}

  @Override
  public String id() {
    return "spark.steps";
  }

  @Override
  public String description() {
    return "Apache Spark, MLlib's shape: data cached on the executors in primitive blocks, one "
        + "treeAggregate of the gradient per epoch (a job each), the update on the driver";
  }

  @Override
  Workspace open(SparkDriver driver, Dataset data, Precision precision) {
    return new StepsWorkspace(driver, data, precision);
  }

  /**
   * One job per epoch: about 15 ms of job overhead on local[*] (60 ms on a small cluster) plus
   * 3.7 ns per sample and feature, as measured here (backend-spark/README.md); so the article's
   * 10 000 epochs take minutes, and the race runs it only when named.
   */
  /**
   * The blocks cached in the heap, with room for Spark's split of it: storage gets 60 % of the
   * heap above 300 MiB, and a partition that does not fit goes to disk and is read back every
   * epoch. 1.6 × the data + 64 MiB makes a heap (the race adds a quarter and 256 MiB) whose
   * storage share holds the data.
   */
  @Override
  public Footprint footprint(long samples, int features, Precision precision) {
    long data = Footprint.ofData(samples, features, precision).heapBytes();
    return new Footprint(data + data * 3 / 5 + (64L << 20), 0);
  }

  @Override
  public OptionalDouble estimatedSeconds(long samples, int features, int epochs,
      Precision precision) {
    return OptionalDouble.of(epochs * (0.015 + 3.7e-9 * samples * (features + 1) / 2));
  }
}
