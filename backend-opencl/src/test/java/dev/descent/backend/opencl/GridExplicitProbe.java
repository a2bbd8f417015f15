package dev.descent.backend.opencl;

import dev.descent.api.Dataset;
import dev.descent.api.Fit;
import dev.descent.api.Precision;
import dev.descent.api.Schedule;
import dev.descent.api.Solvers;
import dev.descent.api.Workspace;
import dev.descent.reference.Datasets;
import dev.descent.reference.Deviation;
import dev.descent.reference.ReferenceDescent;
import dev.descent.reference.Tolerances;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Run by {@link GridExplicitBuffersTest} in a JVM of its own (explicit buffers change the device
 * for every kernel of the JVM): {@code opencl.grid} with explicit buffers, many calls with
 * different schedules, starting weights and traces while the young generation churns and full
 * collections move the arrays; prints the device and how many calls were wrong.
 */
public final class GridExplicitProbe {

  private GridExplicitProbe() {}

  public static void main(String[] args) {
    Random random = new Random(42);
    List<byte[]> churn = new ArrayList<>();
    int calls = 0;
    int wrong = 0;
    for (Precision precision : List.of(Precision.FLOAT32, Precision.FLOAT64)) {
      for (int round = 0; round < 3; round++) {
        Dataset data = Datasets.synthetic(20_003 + round, 2, round, 0.5, null);
        try (Workspace workspace = Solvers.load().byId("opencl.grid").prepare(data, precision)) {
          if (round == 0) {
            System.out.println("device: " + workspace.device());
          }
          for (int call = 0; call < 12; call++) {
            double[] start = {random.nextGaussian(), random.nextGaussian(), random.nextGaussian()};
            Schedule schedule = new Schedule(0.05, 1 + random.nextInt(25), start,
                random.nextInt(4));
            Fit fit = workspace.descend(schedule);
            Fit expected = ReferenceDescent.descend(data, schedule, precision);
            double deviation = Deviation.relative(fit.weights(), expected.weights());
            boolean right = deviation <= Tolerances.relative(precision, data.samples(), 3)
                && fit.losses().length == expected.losses().length;
            for (int k = 0; right && k < fit.losses().length; k++) {
              right = Math.abs(fit.losses()[k] - expected.losses()[k])
                  <= 1e-3 * expected.losses()[k];
            }
            calls++;
            if (!right) {
              wrong++;
              System.out.println("wrong: " + precision + " round " + round + " call " + call
                  + " deviation " + deviation);
            }
            for (int k = 0; k < 64; k++) {
              churn.add(new byte[64 * 1024]);
            }
            if (churn.size() > 512) {
              churn.clear();
            }
            if (call % 4 == 3) {
              System.gc();
            }
          }
        }
      }
    }
    System.out.println("calls: " + calls + ", wrong: " + wrong);
  }
}
