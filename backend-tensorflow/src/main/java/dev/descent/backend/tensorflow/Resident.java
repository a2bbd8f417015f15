package dev.descent.backend.tensorflow;

import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Assign;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.family.TNumber;

/**
 * A data tensor kept in a variable, uploaded once by feeding its placeholder, instead of a graph
 * constant.
 *
 * <p>A constant puts the data into the GraphDef, which TensorFlow's graph optimiser (Grappler)
 * copies and rewrites several times on the first run, which for millions of samples made the
 * first run seconds slower than with the data in a variable (README). A variable
 * also keeps the graph clear of the 2 GB protobuf limit, and nothing in it is constant, so
 * nothing can be folded away.
 *
 * @param <T> the precision's TensorFlow type
 */
final class Resident<T extends TNumber> {
  /** Fed once, with the data. */
  final Placeholder<T> feed;
  /** Run once, to copy the fed data into the variable. */
  final Assign<T> upload;
  /**
   * The data: the variable itself, which ops read without a copy (an Identity in between would
   * be one more op in every epoch of {@code tensorflow.steps}).
   */
  final Operand<T> value;

  private Resident(Placeholder<T> feed, Assign<T> upload, Operand<T> value) {
    this.feed = feed;
    this.upload = upload;
    this.value = value;
  }

  /** Adds the variable, its placeholder, its upload and its read to the graph. */
  static <T extends TNumber> Resident<T> of(Ops tf, Numeric<T> numeric, String name, Shape shape) {
    Variable<T> variable = tf.withName(name).variable(shape, numeric.type());
    Placeholder<T> feed =
        tf.withName(name + "_feed").placeholder(numeric.type(), Placeholder.shape(shape));
    Assign<T> upload = tf.withName(name + "_upload").assign(variable, feed);
    return new Resident<>(feed, upload, variable);
  }
}
