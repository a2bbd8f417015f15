package dev.descent.backend.tensorflow;

import dev.descent.api.Precision;
import org.tensorflow.Operand;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.family.TNumber;

/**
 * One precision's TensorFlow type and the conversions between Java doubles and its constants
 * and tensors, so the graph builders are written once for float32 and float64.
 *
 * <p>Every tensor made here is filled from a Java array: {@code TFloat32.tensorOf(Shape)} alone
 * returns uninitialised native memory.
 *
 * @param <T> {@link TFloat32} or {@link TFloat64}
 */
abstract class Numeric<T extends TNumber> {

  /** float32, rounding each double to nearest. */
  static final Numeric<TFloat32> F32 = new Numeric<>(TFloat32.class, "f32") {
    @Override
    Operand<TFloat32> constant(Ops tf, Shape shape, double[] values) {
      return tf.constant(shape, DataBuffers.of(toFloats(values), true, false));
    }

    @Override
    TFloat32 tensor(Shape shape, double[] values) {
      return TFloat32.tensorOf(shape, DataBuffers.of(toFloats(values), true, false));
    }

    @Override
    TFloat32 allocate(Shape shape) {
      return TFloat32.tensorOf(shape);
    }

    @Override
    void write(TFloat32 tensor, long at, double[] values, int length) {
      float[] floats = new float[length];
      for (int i = 0; i < length; i++) {
        floats[i] = (float) values[i];
      }
      tensor.asRawTensor().data().asFloats().offset(at).write(floats, 0, length);
    }

    @Override
    double[] read(Tensor tensor) {
      float[] floats = new float[size(tensor)];
      ((TFloat32) tensor).copyTo(DataBuffers.of(floats, false, false));
      double[] values = new double[floats.length];
      for (int i = 0; i < floats.length; i++) {
        values[i] = floats[i];
      }
      return values;
    }
  };

  /** float64. */
  static final Numeric<TFloat64> F64 = new Numeric<>(TFloat64.class, "f64") {
    @Override
    Operand<TFloat64> constant(Ops tf, Shape shape, double[] values) {
      return tf.constant(shape, DataBuffers.of(values, true, false));
    }

    @Override
    TFloat64 tensor(Shape shape, double[] values) {
      return TFloat64.tensorOf(shape, DataBuffers.of(values, true, false));
    }

    @Override
    TFloat64 allocate(Shape shape) {
      return TFloat64.tensorOf(shape);
    }

    @Override
    void write(TFloat64 tensor, long at, double[] values, int length) {
      tensor.asRawTensor().data().asDoubles().offset(at).write(values, 0, length);
    }

    @Override
    double[] read(Tensor tensor) {
      double[] values = new double[size(tensor)];
      ((TFloat64) tensor).copyTo(DataBuffers.of(values, false, false));
      return values;
    }
  };

  private final Class<T> type;
  private final String shortName;

  private Numeric(Class<T> type, String shortName) {
    this.type = type;
    this.shortName = shortName;
  }

  /** The numeric type of a precision. */
  static Numeric<?> of(Precision precision) {
    return precision == Precision.FLOAT64 ? F64 : F32;
  }

  /** The TensorFlow type class, for placeholders and variables. */
  final Class<T> type() {
    return type;
  }

  /** FLOAT32 or FLOAT64. */
  final Precision precision() {
    return this == F32 ? Precision.FLOAT32 : Precision.FLOAT64;
  }

  /** "f32" or "f64". */
  final String shortName() {
    return shortName;
  }

  /** A constant of this shape holding {@code values} in row-major order. */
  abstract Operand<T> constant(Ops tf, Shape shape, double[] values);

  /** A scalar constant. */
  final Operand<T> scalar(Ops tf, double value) {
    return constant(tf, Shape.scalar(), new double[] {value});
  }

  /** A tensor of this shape holding {@code values} in row-major order; the caller closes it. */
  abstract T tensor(Shape shape, double[] values);

  /**
   * A tensor of this shape whose elements are not yet written: {@link #write} every one of them
   * before the tensor is used. The caller closes it.
   */
  abstract T allocate(Shape shape);

  /**
   * Writes {@code values[0, length)}, rounded to this precision, to the tensor's row-major
   * elements from index {@code at}: how data reach a tensor in blocks, with no N-sized array.
   */
  abstract void write(T tensor, long at, double[] values, int length);

  /** A scalar tensor; the caller closes it. */
  final T scalarTensor(double value) {
    return tensor(Shape.scalar(), new double[] {value});
  }

  /** All elements of a tensor of this type in row-major order, widened to double. */
  abstract double[] read(Tensor tensor);

  private static int size(Tensor tensor) {
    return Math.toIntExact(tensor.shape().size());
  }

  private static float[] toFloats(double[] values) {
    float[] floats = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      floats[i] = (float) values[i];
    }
    return floats;
  }
}
