package dev.descent.backend.scalar;

import dev.descent.api.Fit;
import dev.descent.api.Schedule;
import dev.descent.api.Workspace;

/**
 * The epoch loop, the loss trace and the open/closed state every scalar workspace shares; the
 * subclasses hold the resident data and the per-epoch kernel.
 *
 * <p>The kernel is one small method per epoch, called from this loop, because HotSpot compiles a
 * small hot method reliably while a method holding the whole loop nest may run in a lower tier
 * for a long time (on-stack replacement).
 */
abstract class EpochWorkspace implements Workspace {
  /** N. */
  protected final int samples;
  /** p + 1. */
  protected final int weightCount;
  private final String device;
  private boolean closed;

  EpochWorkspace(int samples, int weightCount, String device) {
    this.samples = samples;
    this.weightCount = weightCount;
    this.device = device;
  }

  /** Starts from these weights (p + 1 doubles), rounding them to the workspace's precision. */
  abstract void load(double[] weights);

  /** One epoch: gradient at the current weights, then the update with learning rate mu. */
  abstract void epoch(double learningRate);

  /** The mean squared error of the current weights. */
  abstract double loss();

  /** The current weights, widened to double. */
  abstract double[] weights();

  /** Drops the resident data. */
  abstract void release();

  @Override
  public final Fit descend(Schedule schedule) {
    ensureOpen();
    load(schedule.initialWeights(weightCount));
    int interval = schedule.traceInterval();
    double[] losses = new double[schedule.traceLength()];
    double learningRate = schedule.learningRate();
    for (int epoch = 0; epoch < schedule.epochs(); epoch++) {
      if (interval > 0 && epoch % interval == 0) {
        losses[epoch / interval] = loss();
      }
      epoch(learningRate);
    }
    if (interval > 0 && schedule.epochs() % interval == 0) {
      losses[schedule.epochs() / interval] = loss();
    }
    return new Fit(weights(), losses);
  }

  @Override
  public final String device() {
    ensureOpen();
    return device;
  }

  @Override
  public final void close() {
    if (!closed) {
      closed = true;
      release();
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("workspace is closed");
    }
  }

  /** The dataset's feature columns as float, rounded to nearest. */
  static float[] toFloat(double[] values) {
    float[] result = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      result[i] = (float) values[i];
    }
    return result;
  }

  static double[] toDouble(float[] values) {
    double[] result = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      result[i] = values[i];
    }
    return result;
  }
}
