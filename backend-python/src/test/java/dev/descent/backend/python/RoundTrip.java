package dev.descent.backend.python;

import dev.descent.api.Precision;
import dev.descent.api.Schedule;
import dev.descent.api.Solvers;
import dev.descent.api.Workspace;
import dev.descent.reference.Article;
import dev.descent.reference.Datasets;
import java.util.Arrays;

/**
 * Measures what the race's time for a Python call includes beyond the descent: the round trip
 * of an empty call (0 epochs) on the article's data, against a full article call.
 *
 * <pre>
 * mvn -o -q -pl backend-python -am test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.descent.backend.python.RoundTrip [-Dexec.args=python.gram]
 * </pre>
 */
public final class RoundTrip {
  private RoundTrip() {}

  public static void main(String[] args) {
    String id = args.length > 0 ? args[0] : "python.numpy";
    try (Workspace workspace =
        Solvers.load().byId(id).prepare(Datasets.article(), Precision.FLOAT64)) {
      System.out.println(id + " on " + workspace.device());
      long[] empty = time(workspace, Article.schedule().withEpochs(0), 2_000);
      long[] full = time(workspace, Article.schedule(), 5);
      System.out.printf("empty call: best %.1f us, median %.1f us (2000 calls)%n",
          empty[0] / 1e3, empty[empty.length / 2] / 1e3);
      System.out.printf("article call: best %.1f ms, median %.1f ms (5 calls)%n",
          full[0] / 1e6, full[full.length / 2] / 1e6);
      System.out.printf("round trip / article call: %.4f %% (median / best)%n",
          100.0 * empty[empty.length / 2] / full[0]);
    }
  }

  private static long[] time(Workspace workspace, Schedule schedule, int calls) {
    long[] nanos = new long[calls];
    for (int call = 0; call < calls; call++) {
      long start = System.nanoTime();
      workspace.descend(schedule);
      nanos[call] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
    return nanos;
  }
}
