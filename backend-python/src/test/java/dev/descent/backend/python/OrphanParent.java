package dev.descent.backend.python;

import dev.descent.api.Precision;
import dev.descent.api.Schedule;
import dev.descent.api.Solvers;
import dev.descent.api.Workspace;
import dev.descent.reference.Datasets;

/**
 * A JVM for {@link OrphanTest} to kill: prepares a workspace of the solver named by the first
 * argument, and with {@code busy} keeps its worker inside a descent that does not end, then
 * prints {@code ready} and waits to be killed.
 */
public final class OrphanParent {
  private OrphanParent() {}

  public static void main(String[] args) throws InterruptedException {
    Workspace workspace = Solvers.load().byId(args[0])
        .prepare(Datasets.synthetic(1_000, 2, 1, 0.1, null), Precision.FLOAT64);
    if (args.length > 1 && args[1].equals("busy")) {
      Thread descent = new Thread(() -> workspace.descend(Schedule.of(1e-6, Integer.MAX_VALUE)));
      descent.setDaemon(true);
      descent.start();
      Thread.sleep(1_000); // the request is in the worker's hands
    }
    System.out.println("ready");
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
