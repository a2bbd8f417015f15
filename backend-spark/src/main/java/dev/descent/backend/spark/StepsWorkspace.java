package dev.descent.backend.spark;

import dev.descent.api.Dataset;
import dev.descent.api.Fit;
import dev.descent.api.Precision;
import dev.descent.api.Schedule;
import dev.descent.api.support.BaseWorkspace;
import dev.descent.reference.DataCache;
import java.util.Locale;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.storage.StorageLevel;

/**
 * {@code spark.steps}: MLlib's shape. The blocks are cached on the executors; every epoch is one
 * {@code treeAggregate} job that sums the gradient (and the squared errors, for the trace, at no
 * extra pass), and the driver updates the p + 1 weights.
 *
 * <p>In float32 the weights, mu and {@code f = 2/N} are floats and the update runs in float, as
 * in the float32 reference; the gradient sums come back as doubles (see {@link F32Block}) and are
 * rounded to float once.
 */
final class StepsWorkspace extends BaseWorkspace {

  private final SparkDriver driver;
  private final JavaRDD<Block> blocks;
  private final boolean single;
  private final String device;

  StepsWorkspace(SparkDriver driver, Dataset data, Precision precision) {
    super(data.samples(), data.weightCount());
    this.driver = driver;
    this.single = precision == Precision.FLOAT32;
    // One partition per core: each epoch is then one task per core, the fewest a job can have.
    // MEMORY_AND_DISK, because a block recomputed from a recipe every epoch costs more than a
    // read from local disk.
    long start = System.nanoTime();
    Blocks.Plan plan = Blocks.plan(data, driver.isLocal(), DataCache.standard());
    this.blocks = Blocks.of(driver.context(), data, plan, precision, driver.parallelism(), false)
        .persist(StorageLevel.MEMORY_AND_DISK());
    long rows = driver.call(() -> blocks.map(Block::rows).reduce(Integer::sum));
    double cacheSeconds = (System.nanoTime() - start) / 1e9;
    if (rows != data.samples()) {
      throw new IllegalStateException("Spark cached " + rows + " rows of N = " + data.samples());
    }
    this.device = String.format(Locale.ROOT, "%s, %d cached partitions %s in %.2f s (context "
        + "start %.2f s), one treeAggregate per epoch, %s", driver.describe(),
        blocks.getNumPartitions(), plan.origin().text, cacheSeconds, driver.startSeconds(),
        precision.shortName());
  }

  @Override
  protected Fit run(Schedule schedule, double[] initialWeights) {
    return driver.call(() -> descend(schedule, initialWeights));
  }

  private Fit descend(Schedule schedule, double[] w) {
    int m = weightCount;
    for (int j = 0; j < m; j++) {
      w[j] = round(w[j]);
    }
    double mu = round(schedule.learningRate());
    double f = single ? (float) (2.0 / samples) : 2.0 / samples;
    int interval = schedule.traceInterval();
    double[] losses = new double[schedule.traceLength()];
    for (int epoch = 0; epoch < schedule.epochs(); epoch++) {
      double[] sums = Aggregations.gradient(blocks, w);
      if (interval > 0 && epoch % interval == 0) {
        losses[epoch / interval] = meanSquare(sums[m]);
      }
      for (int j = 0; j < m; j++) {
        w[j] = round(w[j] + round(mu * round(f * round(sums[j]))));
      }
    }
    if (interval > 0 && schedule.epochs() % interval == 0) {
      losses[schedule.epochs() / interval] = meanSquare(Aggregations.gradient(blocks, w)[m]);
    }
    return new Fit(w, losses);
  }

  /**
   * The value in the workspace's precision. A float32 operation on doubles that hold floats,
   * rounded to float, gives float arithmetic's result exactly (53 ≥ 2·24 + 2 bits).
   */
  private double round(double value) {
    return single ? (float) value : value;
  }

  private double meanSquare(double squares) {
    return single ? (float) squares / (float) samples : squares / samples;
  }

  /** Every epoch's pass runs on all the executors' cores at once. */
  @Override
  public int threads() {
    return driver.parallelism();
  }

  @Override
  protected String describe() {
    return device;
  }

  @Override
  protected void release() {
    driver.close();
  }
}
