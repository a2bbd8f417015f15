package dev.descent.backend.tensorflow;

import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.family.TNumber;

/**
 * A way to run all epochs of a descent inside one session run: given the starting weights w0
 * (1 × (p + 1)), the step {@code rate = mu·2/N}, the epoch count and the data Xᵀ
 * ((p + 1) × padded) and d (1 × padded), it adds to the graph the ops whose output is the final
 * weights, summing over the samples as {@link SampleSums} says.
 *
 * <p>w0, the rate and the epoch count are placeholders fed on every call: a loop over constants
 * only would let TensorFlow's constant folding compute the whole descent once, while the graph
 * is optimised, and later runs would return the cached answer without descending.
 */
interface LoopForm {

  /** How the loop runs, for device(): "graph while loop, 8 epochs per iteration". */
  String describe();

  /** Adds the loop to {@code graph} and returns its final weights. */
  <T extends TNumber> Operand<T> build(Graph graph, Ops tf, Numeric<T> numeric, SampleSums sums,
      Operand<TInt32> epochs, Operand<T> w0, Operand<T> rate, Operand<T> xt, Operand<T> d);

  /**
   * One epoch in the transposed layout, five ops unblocked: {@code e = w·Xᵀ − d},
   * {@code w − rate·(e·X)}.
   */
  static <T extends TNumber> Operand<T> epoch(Ops tf, Numeric<T> numeric, SampleSums sums,
      int m, Operand<T> w, Operand<T> rate, Operand<T> xt, Operand<T> d) {
    Operand<T> e = tf.math.sub(tf.linalg.matMul(w, xt), d);
    Operand<T> g = sums.gradientOfRows(tf, e, xt, m, numeric.type());
    return tf.math.sub(w, tf.math.mul(rate, g));
  }
}
