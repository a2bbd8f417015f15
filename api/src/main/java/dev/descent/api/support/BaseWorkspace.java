package dev.descent.api.support;

import dev.descent.api.Fit;
import dev.descent.api.Schedule;
import dev.descent.api.Workspace;

/**
 * The state every workspace keeps the same way: open until {@link #close()}, then every call but
 * {@code close} throws; {@code close} frees once; the initial weights are checked to be p + 1
 * before the subclass sees them.
 *
 * <p>Subclass this when the backend runs a whole schedule at once (a device kernel that loops
 * over the epochs, a graph with a while loop); subclass {@link EpochWorkspace} when it computes
 * one epoch at a time.
 */
public abstract class BaseWorkspace implements Workspace {
  /** N. */
  protected final int samples;
  /** p + 1. */
  protected final int weightCount;
  private boolean closed;

  /**
   * @param samples N
   * @param weightCount p + 1
   */
  protected BaseWorkspace(int samples, int weightCount) {
    this.samples = samples;
    this.weightCount = weightCount;
  }

  /**
   * Runs the schedule from {@code initialWeights}: p + 1 values, already checked, a copy the
   * subclass may keep or change.
   */
  protected abstract Fit run(Schedule schedule, double[] initialWeights);

  /** Where the work runs, for {@link #device()}; called only while open. */
  protected abstract String describe();

  /** Frees what the workspace holds: native memory, sessions, kernels, threads. Called once. */
  protected abstract void release();

  @Override
  public final Fit descend(Schedule schedule) {
    ensureOpen();
    return run(schedule, schedule.initialWeights(weightCount));
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
