// Generated from src/main/templates/dev/descent/backend/simd/X-Workspace.java.template by dev.descent.codegen.Generator; do not edit.
package dev.descent.backend.simd;

import dev.descent.api.Dataset;
import dev.descent.api.support.EpochWorkspace;

/**
 * A float32 workspace: the resident columns — targets first, then the features — the weights,
 * and one scratch array per part. With one part the epoch runs on the calling thread; with
 * more, a {@link Team} runs the parts and the sums are added here in part order, so the result
 * does not depend on which thread finished first.
 *
 * <p>The data are read as floats ({@link Dataset#columnAsFloats}: no float64 copy is ever made,
 * so N = 1e9, p = 1 needs the 8 GB of its two columns and little else), and every epoch's
 * arithmetic is in float — the errors, the sums in the vector accumulators, the sum over parts
 * and the update — as TensorFlow computed the article's float32 run, except that each block of
 * samples' float sum goes into a double total (see {@link F32Kernel#gradient1}).
 *
 * <p>Each column is its own array, indexed from 0, so one index serves x and d: with all columns
 * in one array and an offset per column, C2 on JDK 25 reloaded the offsets from the stack every
 * step of the loop and ran measurably slower (see the README).
 */
final class F32Workspace extends EpochWorkspace implements Team.Task {
  private float[][] cols;
  private final float[] w;
  private final float[][] scratch;
  private final float[][] spares;
  private final Scratch slots;
  private final int[] bounds;
  private final float f;
  private final String device;
  private final Team team;
  /** This epoch's direction; alternates, starting forward in every descent (see gradient1). */
  private boolean backward;

  F32Workspace(Dataset data, Plan plan) {
    super(data.samples(), data.weightCount());
    cols = new float[weightCount][];
    cols[0] = data.targetsAsFloats();
    for (int j = 1; j < weightCount; j++) {
      cols[j] = data.columnAsFloats(j - 1);
    }
    w = new float[weightCount];
    slots = Scratch.of(weightCount, Lanes.F32.length(), F32Kernel.STEP, Float.BYTES);
    scratch = new float[plan.parts()][];
    spares = new float[plan.parts()][];
    for (int part = 0; part < plan.parts(); part++) {
      scratch[part] = new float[slots.length()];
      spares[part] = part == 0 ? scratch[0] : new float[slots.length()];
    }
    bounds = plan.bounds(samples, F32Kernel.STEP);
    f = 2 / (float) samples;
    device = Lanes.f32() + ", sums in f32 blocks of " + F32Kernel.CHUNK + " into f64"
        + (weightCount == 2 ? ", fused pass" : ", blocked pass")
        + ", 4 accumulators, " + plan.note() + " (" + Lanes.JVM + ")";
    team = plan.parts() > 1 ? new Team(plan.parts(), this, "descent-simd-f32") : null;
  }

  @Override
  protected void load(double[] weights) {
    for (int j = 0; j < weightCount; j++) {
      w[j] = (float) weights[j];
    }
    backward = false;
  }

  @Override
  protected void epoch(double learningRate) {
    float mu = (float) learningRate;
    if (team == null) {
      run(0, false);
    } else {
      team.run();
    }
    int sums = slots.sums();
    for (int j = 0; j < weightCount; j++) {
      float g = scratch[0][sums + j];
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
    float[] t = spare ? spares[part] : scratch[part];
    if (weightCount == 2) {
      F32Kernel.gradient1(cols[0], cols[1], from, to, w[0], w[1], backward, t, slots);
    } else {
      F32Kernel.gradient(cols, weightCount, from, to, w, backward, t, slots);
    }
  }

  @Override
  protected double loss() {
    float squares = F32Kernel.squares(cols, weightCount, 0, samples, w, scratch[0], slots);
    return squares / samples;
  }

  @Override
  protected double[] weights() {
    return toDouble(w);
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
