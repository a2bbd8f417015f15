package dev.descent.api;

import java.util.Arrays;

/**
 * How to descend: the learning rate mu, the number of epochs, the starting weights and, if
 * wanted, how often to record the loss.
 *
 * @param learningRate mu, finite and &gt; 0
 * @param epochs the number of full-batch updates, ≥ 0 (0 returns the initial weights)
 * @param initialWeights the p + 1 starting weights, intercept first; {@code null} means all zero
 * @param traceInterval k &gt; 0 records the loss every k epochs (see {@link Fit#losses()}); 0
 *     records none
 */
public record Schedule(double learningRate, int epochs, double[] initialWeights, int traceInterval) {

  /**
   * Validates and copies.
   *
   * @throws IllegalArgumentException naming the field and value when mu is not finite and
   *     positive, epochs &lt; 0, traceInterval &lt; 0 or an initial weight is not finite
   */
  public Schedule {
    if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
      throw new IllegalArgumentException(
          "mu = " + learningRate + ": the learning rate must be finite and > 0");
    }
    if (epochs < 0) {
      throw new IllegalArgumentException("epochs = " + epochs + ": must be >= 0");
    }
    if (traceInterval < 0) {
      throw new IllegalArgumentException(
          "traceInterval = " + traceInterval + ": must be >= 0 (0 records no trace)");
    }
    if (initialWeights != null) {
      initialWeights = initialWeights.clone();
      for (int j = 0; j < initialWeights.length; j++) {
        if (!Double.isFinite(initialWeights[j])) {
          throw new IllegalArgumentException(
              "initialWeights[" + j + "] = " + initialWeights[j] + ": must be finite");
        }
      }
    }
  }

  /** mu and epochs from zero weights, no trace. */
  public static Schedule of(double learningRate, int epochs) {
    return new Schedule(learningRate, epochs, null, 0);
  }

  /** The same schedule with these initial weights. */
  public Schedule withInitialWeights(double... weights) {
    return new Schedule(learningRate, epochs, weights, traceInterval);
  }

  /** The same schedule with a loss trace every {@code interval} epochs. */
  public Schedule tracedEvery(int interval) {
    return new Schedule(learningRate, epochs, initialWeights, interval);
  }

  /** The same schedule with another number of epochs. */
  public Schedule withEpochs(int newEpochs) {
    return new Schedule(learningRate, newEpochs, initialWeights, traceInterval);
  }

  /** A copy of the initial weights as given, or {@code null} for "all zero". */
  @Override
  public double[] initialWeights() {
    return initialWeights == null ? null : initialWeights.clone();
  }

  /**
   * The {@code count} initial weights: a copy of those given, or zeros.
   *
   * @throws IllegalArgumentException naming the lengths when weights were given for another
   *     number of features
   */
  public double[] initialWeights(int count) {
    if (initialWeights == null) {
      return new double[count];
    }
    if (initialWeights.length != count) {
      throw new IllegalArgumentException(
          "initialWeights has " + initialWeights.length + " values but the model has "
              + count + " weights (p + 1)");
    }
    return initialWeights.clone();
  }

  /**
   * How many losses a trace of this schedule holds: one for the starting weights and one every
   * {@code traceInterval} epochs after, so {@code epochs / traceInterval + 1}; 0 without trace.
   */
  public int traceLength() {
    return traceInterval == 0 ? 0 : epochs / traceInterval + 1;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Schedule that
        && Double.compare(learningRate, that.learningRate) == 0
        && epochs == that.epochs
        && traceInterval == that.traceInterval
        && Arrays.equals(initialWeights, that.initialWeights);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(new double[] {learningRate, epochs, traceInterval})
        + 31 * Arrays.hashCode(initialWeights);
  }

  @Override
  public String toString() {
    return "Schedule[mu=" + learningRate + ", epochs=" + epochs
        + (initialWeights == null ? "" : ", from=" + Arrays.toString(initialWeights))
        + (traceInterval == 0 ? "" : ", trace every " + traceInterval) + "]";
  }
}
