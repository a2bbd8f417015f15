package dev.descent.backend.simd;

import dev.descent.api.Fit;
import dev.descent.api.Schedule;
import dev.descent.api.Workspace;

/**
 * The epoch loop, the loss trace and the open/closed state both precisions share; subclasses
 * hold the resident columns and call the kernels.
 *
 * <p>The per-epoch work is one small method, {@link #epoch}, called from this loop: HotSpot
 * compiles a small hot method with C2 after a few hundred calls and every later call runs the
 * intrinsified vector code. A method that held the whole epoch loop would get there only by
 * on-stack replacement, and on JDK 17 such a method was seen to run for a second in C1 code
 * with every vector operation as a boxed Java object.
 */
abstract class EpochWorkspace implements Workspace {
  /** N. */
  protected final int samples;
  /** p + 1. */
  protected final int weightCount;
  private boolean closed;

  EpochWorkspace(int samples, int weightCount) {
    this.samples = samples;
    this.weightCount = weightCount;
  }

  /** Starts from these weights (p + 1 doubles), rounding them to the workspace's precision. */
  abstract void load(double[] weights);

  /** One epoch: gradient at the current weights, then the update with learning rate mu. */
  abstract void epoch(double learningRate);

  /** The mean squared error of the current weights, in the workspace's precision. */
  abstract double loss();

  /** The current weights, widened to double. */
  abstract double[] weights();

  /** Where the epochs run, for {@link #device()}. */
  abstract String describe();

  /** Drops the resident data and stops any threads. */
  abstract void release();

  @Override
  public final Fit descend(Schedule schedule) {
    ensureOpen();
    load(schedule.initialWeights(weightCount));
    int interval = schedule.traceInterval();
    double[] losses = new double[schedule.traceLength()];
    double learningRate = schedule.learningRate();
    int epochs = schedule.epochs();
    for (int epoch = 0; epoch < epochs; epoch++) {
      if (interval > 0 && epoch % interval == 0) {
        losses[epoch / interval] = loss();
      }
      epoch(learningRate);
    }
    if (interval > 0 && epochs % interval == 0) {
      losses[epochs / interval] = loss();
    }
    return new Fit(weights(), losses);
  }

  @Override
  public final String device() {
    ensureOpen();
    return describe();
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
}
