package dev.descent.reference;

/**
 * NumPy's legacy random generator, {@code numpy.random.RandomState(seed)} (what
 * {@code np.random.seed(seed)} sets up), ported bit for bit.
 *
 * <p>The stream is MT19937 seeded with Matsumoto and Nishimura's {@code init_genrand(seed)},
 * which is what {@code RandomState} does for an integer seed. The derived values follow
 * NumPy's {@code numpy/random/src/legacy/legacy-distributions.c}:
 *
 * <ul>
 *   <li>{@link #nextDouble()} is {@code random_sample()}: 53 random bits from two draws;
 *   <li>{@link #nextGaussian()} is {@code randn()} / {@code standard_normal()}: the polar
 *       Box–Muller method, which makes normals in pairs, returns the second and keeps the
 *       first for the next call; its logarithm is glibc's, see {@link GlibcLog}.
 * </ul>
 *
 * <p>So {@code new NumpyLegacyRandom(444).randn(10_000)} has exactly the bits of
 * {@code np.random.RandomState(444).randn(10_000)} as NumPy computes it on Linux x86-64. A mix of
 * calls reproduces the same mix in NumPy, in the same order; like NumPy's, the cached second
 * normal survives a {@code nextDouble()} in between.
 *
 * <p>Not thread-safe; not for cryptography. This is not {@code np.random.default_rng} (PCG64),
 * nor {@code np.random.MT19937(seed)}, which seeds the same generator differently.
 */
public final class NumpyLegacyRandom {
  private static final int STATE_SIZE = 624;
  private static final int SHIFT_SIZE = 397;
  private static final int MATRIX_A = 0x9908b0df;
  private static final int UPPER_MASK = 0x80000000;
  private static final int LOWER_MASK = 0x7fffffff;

  private static final long MAX_SEED = 0xffff_ffffL;

  // The 32-bit words are held in ints; their bits are what matter, read unsigned where it counts.
  private final int[] state = new int[STATE_SIZE];
  private int position;
  private boolean hasCachedGaussian;
  private double cachedGaussian;

  /**
   * A generator in the state of {@code np.random.RandomState(seed)}.
   *
   * @param seed 0 ≤ seed ≤ 2<sup>32</sup> − 1, as NumPy requires
   * @throws IllegalArgumentException naming the seed when it is out of range
   */
  public NumpyLegacyRandom(long seed) {
    if (seed < 0 || seed > MAX_SEED) {
      throw new IllegalArgumentException(
          "seed = " + seed + ": must be between 0 and 2^32 - 1 = " + MAX_SEED
              + ", as for NumPy's RandomState");
    }
    int word = (int) seed;
    for (int i = 0; i < STATE_SIZE; i++) {
      state[i] = word;
      word = 1812433253 * (word ^ (word >>> 30)) + i + 1;
    }
    position = STATE_SIZE;
  }

  /**
   * The next raw 32-bit output of MT19937, tempered ({@code genrand_int32}).
   *
   * @return a value in [0, 2<sup>32</sup> − 1]
   */
  public long nextUint32() {
    return Integer.toUnsignedLong(nextWord());
  }

  private int nextWord() {
    if (position == STATE_SIZE) {
      regenerate();
    }
    int y = state[position++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y;
  }

  private void regenerate() {
    for (int i = 0; i < STATE_SIZE; i++) {
      int y = (state[i] & UPPER_MASK) | (state[(i + 1) % STATE_SIZE] & LOWER_MASK);
      int next = state[(i + SHIFT_SIZE) % STATE_SIZE] ^ (y >>> 1);
      state[i] = (y & 1) == 0 ? next : next ^ MATRIX_A;
    }
    position = 0;
  }

  /**
   * The next uniform double in [0, 1), NumPy's {@code random_sample()}: the top 27 bits of one
   * draw and the top 26 of the next make a 53-bit integer, divided by 2<sup>53</sup>.
   *
   * @return a multiple of 2<sup>−53</sup> in [0, 1)
   */
  public double nextDouble() {
    long a = nextUint32() >>> 5;
    long b = nextUint32() >>> 6;
    return (a * 67108864.0 + b) / 9007199254740992.0;
  }

  /**
   * The next standard normal deviate, NumPy's legacy {@code gauss} ({@code randn()}).
   *
   * <p>Every other call returns the value cached by the call before, as NumPy does.
   *
   * @return a normal deviate with mean 0 and standard deviation 1
   */
  public double nextGaussian() {
    if (hasCachedGaussian) {
      hasCachedGaussian = false;
      double cached = cachedGaussian;
      cachedGaussian = 0.0;
      return cached;
    }
    double x1;
    double x2;
    double r2;
    do {
      x1 = 2.0 * nextDouble() - 1.0;
      x2 = 2.0 * nextDouble() - 1.0;
      r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1.0 || r2 == 0.0);
    // Math.log would round a few values differently from the C library NumPy calls.
    double f = Math.sqrt(-2.0 * GlibcLog.log(r2) / r2);
    cachedGaussian = f * x1;
    hasCachedGaussian = true;
    return f * x2;
  }

  /**
   * The next {@code n} standard normal deviates, as {@code np.random.randn(n)} draws them.
   *
   * @param n how many, ≥ 0
   * @return a new array of {@code n} values from {@link #nextGaussian()}, in order
   * @throws IllegalArgumentException naming n when it is negative
   */
  public double[] randn(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("n = " + n + ": must be >= 0");
    }
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      values[i] = nextGaussian();
    }
    return values;
  }
}
