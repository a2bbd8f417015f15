package dev.descent.backend.simd;

import dev.descent.api.Dataset;

/**
 * A float32 workspace: the data rounded to float once, at prepare, and every epoch's arithmetic
 * in float — the errors, the running sums in the vector accumulators, the sum over parts and
 * the update — as TensorFlow computed the article's float32 run. Laid out like
 * {@link F64Workspace}, with twice the lanes per vector.
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
    for (int j = 0; j < weightCount; j++) {
      double[] values = j == 0 ? data.targets() : data.column(j - 1);
      cols[j] = new float[samples];
      for (int i = 0; i < samples; i++) {
        cols[j][i] = (float) values[i];
      }
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
    f = 2.0f / samples;
    device = Lanes.f32() + ", sums in f32" + (weightCount == 2 ? ", fused pass" : ", blocked pass")
        + ", 4 accumulators, " + plan.note() + " (" + Lanes.JVM + ")";
    team = plan.parts() > 1 ? new Team(plan.parts(), this, "descent-simd-f32") : null;
  }

  @Override
  void load(double[] weights) {
    for (int j = 0; j < weightCount; j++) {
      w[j] = (float) weights[j];
    }
    backward = false;
  }

  @Override
  void epoch(double learningRate) {
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
  double loss() {
    float squares = F32Kernel.squares(cols, weightCount, 0, samples, w, scratch[0], slots);
    return squares / samples;
  }

  @Override
  double[] weights() {
    double[] result = new double[weightCount];
    for (int j = 0; j < weightCount; j++) {
      result[j] = w[j];
    }
    return result;
  }

  @Override
  String describe() {
    return device;
  }

  @Override
  void release() {
    if (team != null) {
      team.close();
    }
    cols = null;
  }
}
