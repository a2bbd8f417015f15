// Generated from src/main/templates/dev/descent/backend/simd/X-Workspace.java.template by dev.descent.codegen.Generator; do not edit.
package dev.descent.backend.simd;

import dev.descent.api.Dataset;
import dev.descent.api.support.EpochWorkspace;

/**
 * A float64 workspace: the resident columns — targets first, then the features — the weights,
 * and one scratch array per part. With one part the epoch runs on the calling thread; with
 * more, a {@link Team} runs the parts and the sums are added here in part order, so the result
 * does not depend on which thread finished first.
 *
 * <p>Each column is its own array, indexed from 0, so one index serves x and d: with all columns
 * in one array and an offset per column, C2 on JDK 25 reloaded the offsets from the stack every
 * step of the loop and ran measurably slower (see the README).
 */
final class F64Workspace extends EpochWorkspace implements Team.Task {
  private double[][] cols;
  private final double[] w;
  private final double[][] scratch;
  private final double[][] spares;
  private final Scratch slots;
  private final int[] bounds;
  private final double f;
  private final String device;
  private final Team team;
  /** This epoch's direction; alternates, starting forward in every descent (see gradient1). */
  private boolean backward;

  F64Workspace(Dataset data, Plan plan) {
    super(data.samples(), data.weightCount());
    cols = new double[weightCount][];
    cols[0] = data.targets();
    for (int j = 1; j < weightCount; j++) {
      cols[j] = data.column(j - 1);
    }
    w = new double[weightCount];
    slots = Scratch.of(weightCount, Lanes.F64.length(), F64Kernel.STEP, Double.BYTES);
    scratch = new double[plan.parts()][];
    spares = new double[plan.parts()][];
    for (int part = 0; part < plan.parts(); part++) {
      scratch[part] = new double[slots.length()];
      spares[part] = part == 0 ? scratch[0] : new double[slots.length()];
    }
    bounds = plan.bounds(samples, F64Kernel.STEP);
    f = 2 / (double) samples;
    device = Lanes.f64() + (weightCount == 2 ? ", fused pass" : ", blocked pass")
        + ", 4 accumulators, " + plan.note() + " (" + Lanes.JVM + ")";
    team = plan.parts() > 1 ? new Team(plan.parts(), this, "descent-simd-f64") : null;
  }

  @Override
  protected void load(double[] weights) {
    System.arraycopy(weights, 0, w, 0, weightCount);
    backward = false;
  }

  @Override
  protected void epoch(double mu) {
    if (team == null) {
      run(0, false);
    } else {
      team.run();
    }
    int sums = slots.sums();
    for (int j = 0; j < weightCount; j++) {
      double g = scratch[0][sums + j];
      for (int part = 1; part < scratch.length; part++) {
        g += (team.spared(part) ? spares : scratch)[part][sums + j];
      }
      w[j] += mu * (f * g);
    }
    backward = !backward;
  }

  @Override
  public void run(int part, boolean spare) {
    int from = bounds[part];
    int to = bounds[part + 1];
    double[] t = spare ? spares[part] : scratch[part];
    if (weightCount == 2) {
      F64Kernel.gradient1(cols[0], cols[1], from, to, w[0], w[1], backward, t, slots);
    } else {
      F64Kernel.gradient(cols, weightCount, from, to, w, backward, t, slots);
    }
  }

  @Override
  protected double loss() {
    double squares = F64Kernel.squares(cols, weightCount, 0, samples, w, scratch[0], slots);
    return squares / samples;
  }

  @Override
  protected double[] weights() {
    return w.clone();
  }

  @Override
  protected String describe() {
    return device;
  }

  @Override
  protected void release() {
    if (team != null) {
      team.close();
    }
    cols = null;
  }
}
