package dev.descent.reference;

import dev.descent.api.Schedule;
import java.util.List;

/**
 * What the article "Pure Python vs NumPy vs TensorFlow Performance Comparison" reported for its
 * problem — N = 10 000 points from {@code RandomState(444)}, mu = 0.001, 10 000 epochs — the
 * acceptance oracle of every solver and the row of numbers a race prints beside its own.
 */
public final class Article {

  /** The article's learning rate mu. */
  public static final double LEARNING_RATE = 0.001;

  /** The article's number of epochs. */
  public static final int EPOCHS = 10_000;

  /** The article's number of points. */
  public static final int SAMPLES = 10_000;

  /** The seed of the article's {@code np.random.RandomState}. */
  public static final long SEED = 444;

  /** The article's noise level: its noise is {@code 0.1 * np.random.randn(N)}. */
  public static final double SIGMA = 0.1;

  /** The weights 10 000 epochs of float64 gradient descent reach on the article's data. */
  public static final List<Double> DESCENT_WEIGHTS = List.of(2.959859852416156, 2.0329649630002757);

  /** The closed-form least-squares weights of the article's data, to the digits it printed. */
  public static final List<Double> CLOSED_FORM_WEIGHTS = List.of(2.99536719, 2.00288672);

  /**
   * One implementation's time as the article reported it.
   *
   * @param implementation e.g. "NumPy"
   * @param seconds wall time for the 10 000 epochs
   */
  public record Timing(String implementation, double seconds) {}

  /** The article's table: pure Python, NumPy, TensorFlow on a CPU. */
  public static final List<Timing> TIMINGS = List.of(
      new Timing("pure Python", 18.65),
      new Timing("NumPy", 0.32),
      new Timing("TensorFlow CPU", 1.20));

  private Article() {}

  /** The article's schedule: mu = 0.001, 10 000 epochs, from zero weights, no trace. */
  public static Schedule schedule() {
    return Schedule.of(LEARNING_RATE, EPOCHS);
  }

  /** {@link #DESCENT_WEIGHTS} as an array. */
  public static double[] descentWeights() {
    return DESCENT_WEIGHTS.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** {@link #CLOSED_FORM_WEIGHTS} as an array. */
  public static double[] closedFormWeights() {
    return CLOSED_FORM_WEIGHTS.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
