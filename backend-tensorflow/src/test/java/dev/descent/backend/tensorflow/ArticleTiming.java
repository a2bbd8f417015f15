package dev.descent.backend.tensorflow;

import dev.descent.api.Dataset;
import dev.descent.api.Precision;
import dev.descent.api.Solver;
import dev.descent.api.Solvers;
import dev.descent.api.Workspace;
import dev.descent.reference.Article;
import dev.descent.reference.Datasets;
import dev.descent.reference.Deviation;
import dev.descent.reference.ReferenceDescent;
import java.util.Arrays;

/**
 * A measuring harness, not a test: the article's problem (N = 10 000, 10 000 epochs) on the
 * named solvers in both precisions, round-robin in one JVM, best and median of R timed calls
 * after W warm-ups, and each result's deviation from the reference of its precision.
 *
 * <pre>
 * java -cp ... dev.descent.backend.tensorflow.ArticleTiming R W solver...
 * </pre>
 */
public final class ArticleTiming {

  private ArticleTiming() {}

  public static void main(String[] args) {
    int repeats = Integer.parseInt(args[0]);
    int warmups = Integer.parseInt(args[1]);
    Dataset data = Datasets.article();
    for (Precision precision : Precision.values()) {
      double[] expected = ReferenceDescent.descend(data, Article.schedule(), precision).weights();
      for (int s = 2; s < args.length; s++) {
        Solver solver = Solvers.load().byId(args[s]);
        long start = System.nanoTime();
        try (Workspace workspace = solver.prepare(data, precision)) {
          double setupMs = (System.nanoTime() - start) / 1e6;
          double[] weights = null;
          for (int i = 0; i < warmups; i++) {
            weights = workspace.descend(Article.schedule()).weights();
          }
          double[] times = new double[repeats];
          for (int i = 0; i < repeats; i++) {
            long t = System.nanoTime();
            weights = workspace.descend(Article.schedule()).weights();
            times[i] = (System.nanoTime() - t) / 1e6;
          }
          Arrays.sort(times);
          System.out.printf("%-17s %s setup %6.1f ms best %6.1f ms median %6.1f ms w %s dev %.3g%n",
              solver.id(), precision == Precision.FLOAT32 ? "f32" : "f64", setupMs, times[0],
              times[repeats / 2], Arrays.toString(weights), Deviation.relative(weights, expected));
        }
      }
    }
  }
}
