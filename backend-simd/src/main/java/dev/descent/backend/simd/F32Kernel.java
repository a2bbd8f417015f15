// Generated from src/main/templates/dev/descent/backend/simd/X-Kernel.java.template by dev.descent.codegen.Generator; do not edit.
package dev.descent.backend.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The float32 kernels: the gradient sums of one range of samples, and the sum of squared
 * errors.
 * The arithmetic runs in float, as TensorFlow's float32 reductions did in the article: the data,
 * the weights, the errors and the accumulators are all float. Only where one block of at most
 * {@link #CHUNK} samples has been summed are its lanes added, in fixed order, and the block's
 * float sum added into a double (see {@link #gradient1}).
 *
 * <p>Every method is static and takes arrays, never vectors, so a call C2 declines to inline
 * costs a call and not a boxed vector per argument. Sums run in four independent vector
 * accumulators, so successive FMAs do not wait on each other's latency; the lanes are added in a
 * fixed pairwise order ({@link #sumLanes}) instead of {@code reduceLanes(ADD)}, whose order the
 * API leaves open, so the same input gives the same bits on every call.
 *
 * <p>A part's scratch array holds, from {@link Scratch#sums}: the p + 1 sums it hands back, 2 L
 * lanes for the reductions, p + 1 vector accumulators and a block of errors.
 */
final class F32Kernel {
  private static final VectorSpecies<Float> S = Lanes.F32;
  private static final int L = S.length();
  /** Samples per unrolled step: four vectors. */
  static final int STEP = 4 * L;
  /**
   * Samples per chunk of a backward pass: 64 KiB of each column, large enough that a call of
   * {@link #sweep1} per chunk costs nothing measurable, small enough that the chunks last read
   * in one epoch are still in L2 when the next epoch starts with them.
   */
  static final int CHUNK = 64 * 1024 / Float.BYTES;

  private F32Kernel() {}

  /**
   * The article's shape, p = 1, in one fused pass: for i in [from, to),
   * {@code e = d - (w0 + w1 x)}, {@code sum e} and {@code sum e x}, stored at
   * {@code t[s.sums()]} and {@code t[s.sums() + 1]}. Nothing is written per sample; x and d are
   * read once.
   *
   * <p>{@code backward} takes the range in chunks from its end to its start. Workspaces alternate
   * the direction every epoch: a range larger than L2 then starts each epoch with the chunks the
   * last one read last, still in L2, instead of with those it evicted first (up to a quarter of
   * the reads of each core's half at N = 10^6 in f32 come from L2 instead of L3, and all of them
   * once a range just fits). The sums come out in another, still fixed, order.
   *
   * <p>float32 sums in blocks: each chunk — forward or backward — is summed in the float lanes
   * from zero, 256 values per lane at most, and its lanes' sum is added into a double. One float
   * accumulator over the whole range would take N / 64 values per lane and lose accuracy in
   * proportion (2.9e-3 from the float64 trajectory at N = 1e8); a block's loses a few units of
   * float rounding whatever N is, and the double total adds less than one more: a double carries
   * 29 bits more than a float, and N / CHUNK &lt; 2^17 blocks. Why a double and not pairwise
   * floats: it is as cheap (one add per block) and rounds to float once, at the end. The hot loop
   * is untouched: the backward epochs already called {@link #sweep1} once per chunk, and the
   * forward ones now do too — one call, two lane reductions and two double adds per 16 384
   * samples, against about 3 000 cycles of loads for the chunk even from L2.
   */
  static void gradient1(float[] d, float[] x, int from, int to,
      float w0, float w1, boolean backward, float[] t, Scratch s) {
    int vectors = from + (to - from) / L * L;
    int lanes = s.lanes();
    double total0 = 0;
    double total1 = 0;
    if (backward) {
      for (int end = vectors; end > from; end -= CHUNK) {
        sweepBlock1(d, x, Math.max(from, end - CHUNK), end, w0, w1, t, lanes);
        total0 += t[lanes];
        total1 += t[lanes + L];
      }
    } else {
      for (int start = from; start < vectors; start += CHUNK) {
        sweepBlock1(d, x, start, Math.min(vectors, start + CHUNK), w0, w1, t, lanes);
        total0 += t[lanes];
        total1 += t[lanes + L];
      }
    }
    float sum0 = (float) total0;
    float sum1 = (float) total1;
    float tail0 = 0;
    float tail1 = 0;
    for (int i = vectors; i < to; i++) {
      float xi = x[i];
      float e = d[i] - Math.fma(xi, w1, w0);
      tail0 += e;
      tail1 = Math.fma(e, xi, tail1);
    }
    t[s.sums()] = sum0 + tail0;
    t[s.sums() + 1] = sum1 + tail1;
  }

  /**
   * One block of {@link #gradient1}, at most {@link #CHUNK} samples, summed from zero: its two
   * float sums at {@code t[at]} and {@code t[at + L]}.
   */
  private static void sweepBlock1(float[] d, float[] x, int from, int to, float w0, float w1,
      float[] t, int at) {
    FloatVector.zero(S).intoArray(t, at);
    FloatVector.zero(S).intoArray(t, at + L);
    sweep1(d, x, from, to, w0, w1, t, at);
    sumLanes(t, at);
    sumLanes(t, at + L);
  }

  /**
   * The vector part of {@link #gradient1} over [from, to), a whole number of vectors: the two
   * sums' lanes, added to those at {@code t[at ..]} and {@code t[at + L ..]}. Its own small
   * method so that only the loop's values are live in it, which C2 compiled faster on JDK 17 and
   * 25 than the same loop inside gradient1 (measured in the README).
   */
  private static void sweep1(float[] d, float[] x, int from, int to, float w0, float w1,
      float[] t, int at) {
    FloatVector vw0 = FloatVector.broadcast(S, w0);
    FloatVector vw1 = FloatVector.broadcast(S, w1);
    FloatVector zero = FloatVector.zero(S);
    FloatVector e0a = FloatVector.fromArray(S, t, at);
    FloatVector e0b = zero;
    FloatVector e0c = zero;
    FloatVector e0d = zero;
    FloatVector e1a = FloatVector.fromArray(S, t, at + L);
    FloatVector e1b = zero;
    FloatVector e1c = zero;
    FloatVector e1d = zero;
    int i = from;
    int steps = from + (to - from) / STEP * STEP;
    for (; i < steps; i += STEP) {
      FloatVector xa = FloatVector.fromArray(S, x, i);
      FloatVector xb = FloatVector.fromArray(S, x, i + L);
      FloatVector xc = FloatVector.fromArray(S, x, i + 2 * L);
      FloatVector xd = FloatVector.fromArray(S, x, i + 3 * L);
      FloatVector ea = FloatVector.fromArray(S, d, i).sub(xa.fma(vw1, vw0));
      FloatVector eb = FloatVector.fromArray(S, d, i + L).sub(xb.fma(vw1, vw0));
      FloatVector ec = FloatVector.fromArray(S, d, i + 2 * L).sub(xc.fma(vw1, vw0));
      FloatVector ed = FloatVector.fromArray(S, d, i + 3 * L).sub(xd.fma(vw1, vw0));
      e0a = e0a.add(ea);
      e0b = e0b.add(eb);
      e0c = e0c.add(ec);
      e0d = e0d.add(ed);
      e1a = ea.fma(xa, e1a);
      e1b = eb.fma(xb, e1b);
      e1c = ec.fma(xc, e1c);
      e1d = ed.fma(xd, e1d);
    }
    for (; i < to; i += L) {
      FloatVector xa = FloatVector.fromArray(S, x, i);
      FloatVector ea = FloatVector.fromArray(S, d, i).sub(xa.fma(vw1, vw0));
      e0a = e0a.add(ea);
      e1a = ea.fma(xa, e1a);
    }
    e0a.add(e0b).add(e0c.add(e0d)).intoArray(t, at);
    e1a.add(e1b).add(e1c.add(e1d)).intoArray(t, at + L);
  }

  /**
   * Any p: the gradient sums over [from, to) stored at {@code t[s.sums() + j]}, j = 0..p, with
   * column 0 of {@code cols} the targets and columns 1..p the features. The range goes in blocks
   * small enough to stay in L1: the errors of a block first, then one dot product per column;
   * the blocks from last to first when {@code backward} (see {@link #gradient1}).
   * The float accumulators go into double totals every {@link #CHUNK} samples at most, as in
   * {@link #gradient1}: one lane reduction per column per dozen or so L1 blocks.
   */
  static void gradient(float[][] cols, int m, int from, int to, float[] w, boolean backward,
      float[] t, Scratch s) {
    int acc = s.accumulators();
    FloatVector zero = FloatVector.zero(S);
    for (int j = 0; j < m; j++) {
      zero.intoArray(t, acc + j * L);
    }
    int vectors = from + (to - from) / L * L;
    int block = s.block();
    int blocks = (vectors - from + block - 1) / block;
    double[] totals = new double[m];
    int blocksPerFold = Math.max(1, CHUNK / block);
    for (int b = 0; b < blocks; b++) {
      int i = from + (backward ? blocks - 1 - b : b) * block;
      int length = Math.min(block, vectors - i);
      errors(cols, m, i, length, w, t, s.errors());
      sum(t, s.errors(), length, t, acc);
      for (int j = 1; j < m; j++) {
        dot(t, s.errors(), cols[j], i, length, t, acc + j * L);
      }
      if ((b + 1) % blocksPerFold == 0 || b == blocks - 1) {
        fold(t, acc, m, totals);
      }
    }
    for (int j = 0; j < m; j++) {
      t[s.sums() + j] = (float) totals[j];
    }
    for (int i = vectors; i < to; i++) {
      float e = error(cols, m, i, w);
      t[s.sums()] += e;
      for (int j = 1; j < m; j++) {
        t[s.sums() + j] = Math.fma(e, cols[j][i], t[s.sums() + j]);
      }
    }
  }

  /** The sum of squared errors over [from, to), any p. */
  static float squares(float[][] cols, int m, int from, int to, float[] w,
      float[] t, Scratch s) {
    int acc = s.accumulators();
    FloatVector.zero(S).intoArray(t, acc);
    int vectors = from + (to - from) / L * L;
    int block = s.block();
    double[] total = new double[1];
    int foldLength = Math.max(1, CHUNK / block) * block;
    for (int i = from; i < vectors; i += block) {
      int length = Math.min(block, vectors - i);
      errors(cols, m, i, length, w, t, s.errors());
      dot(t, s.errors(), t, s.errors(), length, t, acc);
      if ((i + length - from) % foldLength == 0 || i + length == vectors) {
        fold(t, acc, 1, total);
      }
    }
    float sum = (float) total[0];
    float tail = 0;
    for (int i = vectors; i < to; i++) {
      float e = error(cols, m, i, w);
      tail = Math.fma(e, e, tail);
    }
    return sum + tail;
  }

  /** {@code e = d - w0 - sum_j wj xj} for {@code length} samples from i, a multiple of L. */
  private static void errors(float[][] cols, int m, int i, int length, float[] w,
      float[] e, int eAt) {
    FloatVector w0 = FloatVector.broadcast(S, w[0]);
    float[] d = cols[0];
    for (int k = 0; k < length; k += L) {
      FloatVector.fromArray(S, d, i + k).sub(w0).intoArray(e, eAt + k);
    }
    for (int j = 1; j < m; j++) {
      FloatVector minusWj = FloatVector.broadcast(S, -w[j]);
      float[] x = cols[j];
      for (int k = 0; k < length; k += L) {
        FloatVector.fromArray(S, x, i + k)
            .fma(minusWj, FloatVector.fromArray(S, e, eAt + k))
            .intoArray(e, eAt + k);
      }
    }
  }

  /** One sample's error in scalar code, rounded like the vector lanes. */
  private static float error(float[][] cols, int m, int i, float[] w) {
    float e = cols[0][i] - w[0];
    for (int j = 1; j < m; j++) {
      e = Math.fma(cols[j][i], -w[j], e);
    }
    return e;
  }

  /** {@code acc += sum of a[aAt ..]} over {@code length} elements, a multiple of L. */
  private static void sum(float[] a, int aAt, int length, float[] acc, int accAt) {
    FloatVector s0 = FloatVector.zero(S);
    FloatVector s1 = s0;
    FloatVector s2 = s0;
    FloatVector s3 = s0;
    int k = 0;
    for (; k + STEP <= length; k += STEP) {
      s0 = s0.add(FloatVector.fromArray(S, a, aAt + k));
      s1 = s1.add(FloatVector.fromArray(S, a, aAt + k + L));
      s2 = s2.add(FloatVector.fromArray(S, a, aAt + k + 2 * L));
      s3 = s3.add(FloatVector.fromArray(S, a, aAt + k + 3 * L));
    }
    for (; k < length; k += L) {
      s0 = s0.add(FloatVector.fromArray(S, a, aAt + k));
    }
    FloatVector.fromArray(S, acc, accAt).add(s0.add(s1).add(s2.add(s3))).intoArray(acc, accAt);
  }

  /** {@code acc += a . b} over {@code length} elements, a multiple of L. */
  private static void dot(float[] a, int aAt, float[] b, int bAt, int length,
      float[] acc, int accAt) {
    FloatVector s0 = FloatVector.zero(S);
    FloatVector s1 = s0;
    FloatVector s2 = s0;
    FloatVector s3 = s0;
    int k = 0;
    for (; k + STEP <= length; k += STEP) {
      s0 = FloatVector.fromArray(S, a, aAt + k).fma(FloatVector.fromArray(S, b, bAt + k), s0);
      s1 = FloatVector.fromArray(S, a, aAt + k + L)
          .fma(FloatVector.fromArray(S, b, bAt + k + L), s1);
      s2 = FloatVector.fromArray(S, a, aAt + k + 2 * L)
          .fma(FloatVector.fromArray(S, b, bAt + k + 2 * L), s2);
      s3 = FloatVector.fromArray(S, a, aAt + k + 3 * L)
          .fma(FloatVector.fromArray(S, b, bAt + k + 3 * L), s3);
    }
    for (; k < length; k += L) {
      s0 = FloatVector.fromArray(S, a, aAt + k).fma(FloatVector.fromArray(S, b, bAt + k), s0);
    }
    FloatVector.fromArray(S, acc, accAt).add(s0.add(s1).add(s2.add(s3))).intoArray(acc, accAt);
  }

  /**
   * Adds the lanes of the m float accumulators at {@code t[acc + j L ..]} into {@code totals[j]}
   * and starts them again from zero: the end of one block of a blocked float sum.
   */
  private static void fold(float[] t, int acc, int m, double[] totals) {
    FloatVector zero = FloatVector.zero(S);
    for (int j = 0; j < m; j++) {
      totals[j] += sumLanes(t, acc + j * L);
      zero.intoArray(t, acc + j * L);
    }
  }

  /**
   * The L lanes stored at {@code t[at ..]} added pairwise in a fixed order — lane k to lane
   * k + L/2, then halves again — in place.
   */
  private static float sumLanes(float[] t, int at) {
    for (int half = L / 2; half > 0; half >>= 1) {
      for (int k = 0; k < half; k++) {
        t[at + k] += t[at + k + half];
      }
    }
    return t[at];
  }
}
