package dev.descent.backend.simd;

/**
 * How many threads a workspace splits each epoch over, and how its device string says so.
 *
 * @param parts 1 for the calling thread alone, or the team size
 * @param note e.g. {@code "1 thread"}, {@code "2 threads at a spin barrier"}
 */
record Plan(int parts, String note) {

  /** The calling thread alone, for {@code simd}. */
  static final Plan SINGLE = new Plan(1, "1 thread");

  /**
   * The plan of {@code simd.parallel} for N samples of p + 1 columns of {@code bytes}-byte
   * elements: {@code cores} parts when an epoch reads at least {@code threshold} bytes
   * (N (p + 1) times the element size), else the calling thread alone, saying why.
   */
  static Plan parallel(int samples, int weights, int bytes, int cores, long threshold) {
    long work = (long) samples * weights * bytes;
    if (cores < 2) {
      return new Plan(1, "1 thread: only 1 CPU available");
    }
    if (work < threshold) {
      return new Plan(1, "1 thread: " + work + " B per epoch is below the " + cores
          + "-thread threshold of " + threshold + " B");
    }
    return new Plan(cores, cores + " threads at a spin barrier");
  }

  /** Split [0, N) into {@code parts} ranges whose inner bounds are multiples of {@code step}. */
  int[] bounds(int samples, int step) {
    int[] bounds = new int[parts + 1];
    for (int k = 1; k < parts; k++) {
      long even = (long) samples * k / parts;
      bounds[k] = (int) (even / step * step);
    }
    bounds[parts] = samples;
    return bounds;
  }
}
