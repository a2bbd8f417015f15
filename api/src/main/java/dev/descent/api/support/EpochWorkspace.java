package dev.descent.api.support;

import dev.descent.api.Fit;
import dev.descent.api.Schedule;

/**
 * A workspace whose backend computes one epoch at a time: this class runs the epoch loop and
 * records the loss trace; the subclass holds the resident data and writes {@link #epoch}.
 *
 * <p>The epoch is one small method called from this loop, not a loop the subclass writes,
 * because HotSpot compiles a small hot method with C2 after a few hundred calls, while a method
 * holding the whole loop nest gets there only by on-stack replacement and may run for a long
 * time in a lower tier first (seen on JDK 17 with Vector API code, where every vector operation
 * then runs as a boxed object).
 */
public abstract class EpochWorkspace extends BaseWorkspace {

  /**
   * @param samples N
   * @param weightCount p + 1
   */
  protected EpochWorkspace(int samples, int weightCount) {
    super(samples, weightCount);
  }

  /** Starts from these p + 1 weights, rounding them to the workspace's precision. */
  protected abstract void load(double[] weights);

  /** One epoch: the gradient at the current weights, then the update with learning rate mu. */
  protected abstract void epoch(double learningRate);

  /** The mean squared error of the current weights, in the workspace's precision. */
  protected abstract double loss();

  /** The current weights, widened to double. */
  protected abstract double[] weights();

  @Override
  protected final Fit run(Schedule schedule, double[] initialWeights) {
    load(initialWeights);
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

  /** The values widened to double, exactly. */
  protected static double[] toDouble(float[] values) {
    double[] result = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      result[i] = values[i];
    }
    return result;
  }
}
