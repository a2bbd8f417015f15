package dev.descent.backend.tensorflow;

import dev.descent.api.Precision;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.family.TNumber;

/**
 * How the sums over the samples are taken — the gradient's and the loss's — and so how many
 * samples the data tensors hold: N, or N padded with zeros to whole blocks.
 *
 * <p>TensorFlow's CPU matmul and XLA's dot add N float32 products into a few running sums; at
 * N = 1e7 that loses 200 units of float32 rounding and more beyond (the float32 reference sums
 * pairwise and the tolerance grows like log2 N). From {@value #BLOCKED_FROM} samples on, float32
 * sums are therefore blocked: the samples are viewed as [N / B, B] with B = {@value #BLOCK}, each
 * block summed in float32 (a short sum, a few units at most), and the block sums added in float64,
 * which adds nothing measurable. Padding samples are zero in every row of the data, the
 * intercept's included, so their errors and products are exactly zero.
 *
 * <p>Below {@value #BLOCKED_FROM} samples a single matmul stays within a few units (bit-identical
 * to the float32 reference at the article's N = 10 000) and costs two to three ops fewer per
 * epoch, which at that size is most of an epoch; float64 is never blocked: its running sums lose
 * about 1e-12 relative at N = 1e8, far inside its tolerance.
 */
final class SampleSums {

  /** The smallest N whose float32 sums are blocked. */
  static final int BLOCKED_FROM = 1 << 16;

  /** Samples per block: a float32 sum of this many stays within a few units of rounding. */
  static final int BLOCK = 1 << 10;

  private final int samples;
  private final int padded;
  private final boolean blocked;

  private SampleSums(int samples, boolean blocked) {
    this.samples = samples;
    this.blocked = blocked;
    this.padded = Math.toIntExact(padded(samples, blocked));
  }

  /** The sums for N samples in this precision. */
  static SampleSums of(int samples, Precision precision) {
    return new SampleSums(samples, blocks(samples, precision));
  }

  /** How many samples the data tensors hold for N samples in this precision. */
  static long padded(long samples, Precision precision) {
    return padded(samples, blocks(samples, precision));
  }

  private static boolean blocks(long samples, Precision precision) {
    return precision == Precision.FLOAT32 && samples >= BLOCKED_FROM;
  }

  private static long padded(long samples, boolean blocked) {
    return blocked ? (samples + BLOCK - 1) / BLOCK * BLOCK : samples;
  }

  /** How many samples the data tensors hold: N, or N rounded up to whole blocks. */
  int padded() {
    return padded;
  }

  /** Whether the sums are blocked, for device(). */
  boolean blocked() {
    return blocked;
  }

  /** "float32 sums in blocks of 1024, combined in float64", or "" when not blocked. */
  String describe() {
    return blocked ? ", f32 sums in blocks of " + BLOCK + " added in f64" : "";
  }

  /**
   * {@code e·X} in the transposed layout: e is 1 × padded, Xᵀ is m × padded, the result 1 × m.
   */
  <T extends TNumber> Operand<T> gradientOfRows(Ops tf, Operand<T> e, Operand<T> xt, int m,
      Class<T> type) {
    if (!blocked) {
      return tf.linalg.matMul(e, xt, MatMul.transposeB(true));
    }
    Operand<T> products = tf.reshape(tf.math.mul(e, xt), shape(tf, m, blocks(), BLOCK));
    Operand<T> blockSums = tf.reduceSum(products, tf.constant(2));
    Operand<T> sums = tf.dtypes.cast(
        tf.reduceSum(tf.dtypes.cast(blockSums, TFloat64.class), tf.constant(1)), type);
    return tf.reshape(sums, shape(tf, 1, m));
  }

  /**
   * {@code Xᵀ·e} in the article's layout, blocked: X is padded × m, e is padded × 1, the result
   * m × 1. (Unblocked, {@code tensorflow.steps} keeps the article's matmul.)
   */
  <T extends TNumber> Operand<T> gradientOfColumns(Ops tf, Operand<T> x, Operand<T> e, int m,
      Class<T> type) {
    if (!blocked) {
      throw new IllegalStateException("unblocked sums are the article's matmul");
    }
    Operand<T> products = tf.reshape(tf.math.mul(x, e), shape(tf, blocks(), BLOCK, m));
    Operand<T> blockSums = tf.reduceSum(products, tf.constant(1));
    Operand<T> sums = tf.dtypes.cast(
        tf.reduceSum(tf.dtypes.cast(blockSums, TFloat64.class), tf.constant(0)), type);
    return tf.reshape(sums, shape(tf, m, 1));
  }

  /** The mean of {@code e²} over the N samples, e being 1 × padded or padded × 1. */
  <T extends TNumber> Operand<T> meanSquare(Ops tf, Operand<T> e, Numeric<T> numeric) {
    Operand<T> squares = tf.math.square(e);
    if (!blocked) {
      return tf.math.mean(squares, tf.constant(new int[] {0, 1}));
    }
    Operand<T> blockSums =
        tf.reduceSum(tf.reshape(squares, shape(tf, blocks(), BLOCK)), tf.constant(1));
    Operand<T> sum = tf.dtypes.cast(
        tf.reduceSum(tf.dtypes.cast(blockSums, TFloat64.class), tf.constant(0)), numeric.type());
    return tf.math.mul(sum, numeric.scalar(tf, 1.0 / samples));
  }

  private int blocks() {
    return padded / BLOCK;
  }

  private static Operand<TInt64> shape(Ops tf, long... dimensions) {
    return tf.constant(dimensions);
  }
}
