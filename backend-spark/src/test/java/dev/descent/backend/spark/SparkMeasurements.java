package dev.descent.backend.spark;

import dev.descent.api.Dataset;
import dev.descent.api.Fit;
import dev.descent.api.Precision;
import dev.descent.api.Schedule;
import dev.descent.api.Solvers;
import dev.descent.api.Workspace;
import dev.descent.reference.BlockRecipe;
import dev.descent.reference.Deviation;
import dev.descent.reference.Tolerances;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Arrays;

/**
 * The numbers in backend-spark/README.md, by hand (not a test: minutes of work):
 *
 * <pre>{@code
 * mvn -o -q -pl backend-spark -am test-compile
 * mvn -o -q -pl backend-spark dependency:build-classpath -Dmdep.outputFile=target/cp
 * cd backend-spark   # this tree's api and reference first, not the ones in ~/.m2:
 * CP=target/test-classes:target/classes:../reference/target/classes:../api/target/classes
 * SPARK_LOCAL_IP=127.0.0.1 java -Xmx1g -XX:+UseSerialGC -cp $CP:$(cat target/cp) \
 *   dev.descent.backend.spark.SparkMeasurements gram 100000000
 * ... SparkMeasurements steps 10000 1000000 4000000
 * }</pre>
 *
 * <p>{@code gram N}: {@code spark.gram} on the block recipe (p = 1, f64), 10 000 epochs, checked
 * against the same iterates from statistics this JVM sums block by block on its own thread, with
 * the heap's peak. {@code steps N…}: {@code spark.steps}' time per epoch at each N, f64. The
 * master is {@code descent.spark.master}, {@code local[*]} by default.
 */
public final class SparkMeasurements {

  private SparkMeasurements() {}

  public static void main(String[] args) {
    if (args[0].equals("gram")) {
      gram(Integer.parseInt(args[1]));
    } else {
      for (int i = 1; i < args.length; i++) {
        steps(Integer.parseInt(args[i]));
      }
    }
    System.out.printf("peak heap used %.0f MiB of %.0f MiB%n", peakHeap() / 1048576.0,
        Runtime.getRuntime().maxMemory() / 1048576.0);
  }

  private static void gram(int n) {
    BlockRecipe recipe = BlockRecipe.of(n, 1, 444, 0.1);
    Dataset data = recipe.dataset();
    Schedule schedule = Schedule.of(0.001, 10_000);
    long start = System.nanoTime();
    Fit fit;
    try (Workspace workspace = Solvers.load(SparkMeasurements.class.getClassLoader())
        .byId("spark.gram").prepare(data, Precision.FLOAT64)) {
      double setup = (System.nanoTime() - start) / 1e9;
      long begin = System.nanoTime();
      fit = workspace.descend(schedule);
      System.out.printf("spark.gram N=%d: setup %.1f s, 10 000 epochs %.2f ms, on %s%n", n, setup,
          (System.nanoTime() - begin) / 1e6, workspace.device());
    }
    long begin = System.nanoTime();
    double[] expected = sequentialGramDescent(recipe, schedule);
    System.out.printf("  the same statistics on one thread here: %.1f s%n",
        (System.nanoTime() - begin) / 1e9);
    double deviation = Deviation.relative(fit.weights(), expected);
    System.out.printf("  w = %s, expected %s, deviation %.1e (tolerance %.0e): %s%n",
        Arrays.toString(fit.weights()), Arrays.toString(expected), deviation, Tolerances.FLOAT64,
        deviation <= Tolerances.FLOAT64 ? "OK" : "FAIL");
  }

  /** Σx, Σx², Σd, Σxd block by block, in one thread with O(block) memory; then the epochs. */
  private static double[] sequentialGramDescent(BlockRecipe recipe, Schedule schedule) {
    double[][] x = new double[1][recipe.rows()];
    double[] d = new double[recipe.rows()];
    double sx = 0;
    double sxx = 0;
    double sd = 0;
    double sxd = 0;
    for (int b = 0; b < recipe.blocks(); b++) {
      recipe.fill(b, x, d);
      for (int i = 0; i < recipe.rowsIn(b); i++) {
        sx += x[0][i];
        sxx += x[0][i] * x[0][i];
        sd += d[i];
        sxd += x[0][i] * d[i];
      }
    }
    double n = recipe.samples();
    double f = 2.0 / n;
    double mu = schedule.learningRate();
    double w0 = 0;
    double w1 = 0;
    for (int epoch = 0; epoch < schedule.epochs(); epoch++) {
      double g0 = sd - (n * w0 + sx * w1);
      double g1 = sxd - (sx * w0 + sxx * w1);
      w0 += mu * (f * g0);
      w1 += mu * (f * g1);
    }
    return new double[] {w0, w1};
  }

  private static void steps(int n) {
    Dataset data = BlockRecipe.of(n, 1, 444, 0.1).dataset();
    long start = System.nanoTime();
    try (Workspace workspace = Solvers.load(SparkMeasurements.class.getClassLoader())
        .byId("spark.steps").prepare(data, Precision.FLOAT64)) {
      double setup = (System.nanoTime() - start) / 1e9;
      workspace.descend(Schedule.of(0.001, 100));
      double best = Double.MAX_VALUE;
      for (int repeat = 0; repeat < 3; repeat++) {
        long begin = System.nanoTime();
        workspace.descend(Schedule.of(0.001, 200));
        best = Math.min(best, (System.nanoTime() - begin) / 1e6 / 200);
      }
      System.out.printf("spark.steps N=%d: setup %.2f s, best %.2f ms per epoch, on %s%n", n,
          setup, best, workspace.device());
    }
  }

  private static long peakHeap() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak;
  }
}
