package dev.descent.backend.opencl;

import dev.descent.api.Availability;
import dev.descent.api.Fit;
import dev.descent.api.Precision;
import dev.descent.api.Schedule;
import dev.descent.api.Solver;
import dev.descent.api.Solvers;
import dev.descent.api.Workspace;
import dev.descent.reference.Article;
import dev.descent.reference.Datasets;
import dev.descent.reference.Deviation;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Run by {@link ForkedJvmTest} in a JVM of its own, with whatever environment the test wants:
 * prints, one line each, what the OpenCL solvers say, what Aparapi did to the logging, and —
 * with the argument "descend" — the article's result and the thread count around 20 cycles.
 */
public final class OpenclProbe {

  private OpenclProbe() {}

  /** Prints "key: value" lines for the test to check. */
  public static void main(String[] args) {
    Logger root = Logger.getLogger("");
    for (Handler handler : root.getHandlers()) {
      root.removeHandler(handler);
    }
    ConsoleHandler handler = new ConsoleHandler();
    handler.setLevel(Level.INFO);
    root.addHandler(handler);
    System.out.println("handler before: " + handler.getLevel());

    Solvers solvers = Solvers.load();
    System.out.println("failures: " + solvers.failures());
    for (String id : List.of("opencl.steps", "opencl.resident", "opencl.grid")) {
      Solver solver = solvers.byId(id);
      Availability availability = solver.availability();
      System.out.println(id + " | " + availability.available() + " | " + availability.reason()
          + " | " + availability.hint() + " | " + availability.device() + " | "
          + solver.precisions());
    }
    System.out.println("handler after: " + handler.getLevel());
    System.out.println("aparapi logger: " + Logger.getLogger("com.aparapi.logLevel").getLevel());

    for (String id : List.of("opencl.steps", "opencl.resident", "opencl.grid")) {
      String outcome;
      try (Workspace workspace = solvers.byId(id).prepare(Datasets.article(), Precision.FLOAT64)) {
        Fit fit = workspace.descend(Article.schedule());
        outcome = "deviation " + Deviation.relative(fit.weights(), Article.descentWeights())
            + " | " + workspace.device();
      } catch (RuntimeException e) {
        outcome = e.getClass().getSimpleName() + ": " + e.getMessage();
      }
      System.out.println("article " + id + ": " + outcome);
    }

    if (List.of(args).contains("cycles")) {
      int before = Thread.activeCount();
      List<String> devices = new ArrayList<>();
      for (int cycle = 0; cycle < 20; cycle++) {
        try (Workspace workspace = solvers.byId("opencl.resident")
            .prepare(Datasets.synthetic(200, 2, cycle, 0.1, null), Precision.FLOAT64)) {
          workspace.descend(Schedule.of(0.01, 5));
          devices.add(workspace.device());
        }
      }
      System.out.println("threads: " + before + " -> " + Thread.activeCount());
      System.out.println("live kernels: " + DeviceKernel.live());
    }
  }
}
