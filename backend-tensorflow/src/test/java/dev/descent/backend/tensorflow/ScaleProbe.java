package dev.descent.backend.tensorflow;

import dev.descent.api.Dataset;
import dev.descent.api.Fit;
import dev.descent.api.Footprint;
import dev.descent.api.Precision;
import dev.descent.api.Schedule;
import dev.descent.api.Solver;
import dev.descent.api.Solvers;
import dev.descent.api.Workspace;
import dev.descent.reference.Datasets;
import dev.descent.reference.Deviation;
import dev.descent.reference.ReferenceDescent;
import dev.descent.reference.Tolerances;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A measuring harness, not a test: prepares one solver in one precision on the article's stream
 * of N samples and prints setup time, resident memory (VmRSS / VmHWM) and the heap's peak, then
 * a few epochs' deviation from the reference of the same precision. One solver per JVM, so the
 * peaks are its own; with a fixed, pre-touched heap ({@code -Xms256m -Xmx256m
 * -XX:+AlwaysPreTouch}) the growth of VmRSS is native memory alone.
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$CP dev.descent.backend.tensorflow.ScaleProbe \
 *     N solver|reference f32|f64 [epochs mu]
 * </pre>
 */
public final class ScaleProbe {

  private ScaleProbe() {}

  public static void main(String[] args) throws IOException {
    int n = (int) Double.parseDouble(args[0]);
    Precision precision = Precision.valueOf(args[2].equals("f32") ? "FLOAT32" : "FLOAT64");
    int epochs = args.length > 3 ? Integer.parseInt(args[3]) : 3;
    double mu = args.length > 4 ? Double.parseDouble(args[4]) : 0.1;
    if (args[1].equals("reference")) {
      double[] w = ReferenceDescent.descend(Datasets.articleStream(n, 444, 0.1),
          Schedule.of(mu, epochs), precision).weights();
      System.out.println(w[0] + "," + w[1]);
      return;
    }
    Solver solver = Solvers.load().byId(args[1]);
    if (!solver.availability().available()) {
      throw new IllegalStateException(solver.availability().toString());
    }
    Dataset data = Datasets.articleStream(n, 444, 0.1);
    long readStart = System.nanoTime();
    double[] chunk = new double[Design.CHUNK];
    for (int from = 0; from < n; from += Design.CHUNK) {
      data.read(data.features(), from, chunk, 0, Math.min(Design.CHUNK, n - from));
    }
    double readMs = (System.nanoTime() - readStart) / 1e6;
    System.gc();
    long rssBefore = status("VmRSS");
    long start = System.nanoTime();
    Schedule schedule = Schedule.of(mu, epochs);
    double[] weights;
    double setupMs;
    double solveMs;
    long rssPrepared;
    try (Workspace workspace = solver.prepare(data, precision)) {
      setupMs = (System.nanoTime() - start) / 1e6;
      System.gc();
      rssPrepared = status("VmRSS");
      long solveStart = System.nanoTime();
      Fit fit = workspace.descend(schedule);
      solveMs = (System.nanoTime() - solveStart) / 1e6;
      weights = fit.weights();
    }
    long peak = status("VmHWM");
    long heapPeak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        heapPeak += pool.getPeakUsage().getUsed();
      }
    }
    Footprint footprint = solver.footprint(n, 1, precision);
    // probe.expected=w0,w1 gives the reference's weights, so that a small heap will do.
    String given = System.getProperty("probe.expected");
    String deviation = "";
    if (!Boolean.getBoolean("probe.noReference")) {
      double[] expected = given != null
          ? Arrays.stream(given.split(",")).mapToDouble(Double::parseDouble).toArray()
          : ReferenceDescent.descend(data, schedule, precision).weights();
      double dev = Deviation.relative(weights, expected);
      double tolerance = Tolerances.relative(precision, n, 2);
      deviation = String.format(" dev %.3g (tol %.3g) %s", dev, tolerance,
          dev <= tolerance ? "OK" : "FAIL");
    }
    System.out.printf("%s %s N=%.0e setup %.0f ms (data read %.0f ms) solve %.0f ms"
            + " | RSS before %d MB, prepared %d MB, peak %d MB; heap peak %d MB"
            + " | footprint heap %d MB native %d MB | w %s%s%n",
        solver.id(), args[2], (double) n, setupMs, readMs, solveMs, rssBefore >> 10,
        rssPrepared >> 10, peak >> 10, heapPeak >> 20, footprint.heapBytes() >> 20,
        footprint.nativeBytes() >> 20, Arrays.toString(weights), deviation);
  }

  /** A /proc/self/status line's value in kB. */
  private static long status(String field) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith(field + ":")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return -1;
  }
}
