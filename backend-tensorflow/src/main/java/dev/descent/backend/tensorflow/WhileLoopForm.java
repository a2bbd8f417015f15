package dev.descent.backend.tensorflow;

import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.family.TNumber;

/**
 * {@code tensorflow.loop}'s loop: {@link Graph#whileLoop}, TensorFlow's classic in-graph while
 * loop (Enter/Merge/Switch/NextIteration/Exit, which TensorFlow's CPU kernels and oneDNN run as
 * they are), with {@code unroll} epochs per iteration and a second loop for the remaining
 * {@code epochs mod unroll}.
 *
 * <p>Each loop variable costs four bookkeeping ops per iteration and the counter three more,
 * against five ops of arithmetic per epoch, so unrolling cuts the ops per epoch by more than
 * half. The cond and body are separate graphs that cannot use the outer graph's tensors, so the
 * data travel as loop variables (one copy of the data in the graph, not one per loop).
 */
final class WhileLoopForm implements LoopForm {

  /** The unroll factor when {@value #UNROLL_PROPERTY} does not say: see the module README. */
  static final int DEFAULT_UNROLL = 8;

  /** System property overriding the unroll factor (1 turns unrolling off). */
  static final String UNROLL_PROPERTY = "descent.tensorflow.loopUnroll";

  private final int unroll;

  WhileLoopForm(int unroll) {
    if (unroll < 1 || unroll > 1024) {
      throw new IllegalArgumentException(
          UNROLL_PROPERTY + " = " + unroll + ": must be between 1 and 1024");
    }
    this.unroll = unroll;
  }

  /**
   * The unroll factor from {@value #UNROLL_PROPERTY}, or the default.
   *
   * @throws IllegalArgumentException naming the property and value when it is not 1..1024
   */
  static WhileLoopForm fromSystemProperties() {
    String text = System.getProperty(UNROLL_PROPERTY);
    if (text == null || text.isBlank()) {
      return new WhileLoopForm(DEFAULT_UNROLL);
    }
    try {
      return new WhileLoopForm(Integer.parseInt(text.trim()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          UNROLL_PROPERTY + " = '" + text + "': must be an integer between 1 and 1024", e);
    }
  }

  @Override
  public String describe() {
    return "graph while loop, " + unroll + (unroll == 1 ? " epoch" : " epochs") + " per iteration";
  }

  @Override
  public <T extends TNumber> Operand<T> build(Graph graph, Ops tf, Numeric<T> numeric,
      SampleSums sums, Operand<TInt32> epochs, Operand<T> w0, Operand<T> rate, Operand<T> xt,
      Operand<T> d) {
    int m = (int) w0.shape().get(1);
    Epoch<T> epoch = (body, w, stepRate, data, targets) ->
        LoopForm.epoch(body, numeric, sums, m, w, stepRate, data, targets);
    if (unroll == 1) {
      return loop(graph, epochs, w0, rate, xt, d, 1, epoch, "descent");
    }
    Operand<TInt32> blocks = tf.math.floorDiv(epochs, tf.constant(unroll));
    Operand<TInt32> rest = tf.math.floorMod(epochs, tf.constant(unroll));
    Operand<T> w = loop(graph, blocks, w0, rate, xt, d, unroll, epoch, "descent");
    return loop(graph, rest, w, rate, xt, d, 1, epoch, "descent_rest");
  }

  /** One epoch built into a loop body's graph. */
  private interface Epoch<T extends TNumber> {
    Operand<T> build(Ops body, Operand<T> w, Operand<T> rate, Operand<T> xt, Operand<T> d);
  }

  /** {@code count} iterations of {@code perIteration} epochs each. */
  @SuppressWarnings("unchecked")
  private static <T extends TNumber> Operand<T> loop(Graph graph, Operand<TInt32> count,
      Operand<T> w, Operand<T> rate, Operand<T> xt, Operand<T> d, int perIteration,
      Epoch<T> epoch, String name) {
    Output<?>[] inputs = {count.asOutput(), w.asOutput(), rate.asOutput(), xt.asOutput(),
        d.asOutput()};
    Output<?>[] outputs = graph.whileLoop(inputs,
        (condGraph, in, out) -> {
          Ops tf = Ops.create(condGraph);
          out[0] = tf.math.greater((Output<TInt32>) in[0], tf.constant(0)).z();
        },
        (bodyGraph, in, out) -> {
          Ops tf = Ops.create(bodyGraph);
          Operand<T> next = (Output<T>) in[1];
          for (int i = 0; i < perIteration; i++) {
            next = epoch.build(
                tf, next, (Output<T>) in[2], (Output<T>) in[3], (Output<T>) in[4]);
          }
          out[0] = tf.math.sub((Output<TInt32>) in[0], tf.constant(1)).z();
          out[1] = next.asOutput();
          out[2] = in[2];
          out[3] = in[3];
          out[4] = in[4];
        },
        name);
    return (Output<T>) outputs[1];
  }
}
