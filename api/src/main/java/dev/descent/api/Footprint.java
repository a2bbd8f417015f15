package dev.descent.api;

/**
 * The memory a prepared workspace holds, so that the race can size the JVM it runs in and say
 * "needs 12.0 GB, 9.1 GB available" instead of failing half-way.
 *
 * @param heapBytes bytes on the Java heap: the columns in the solver's precision, scratch arrays
 * @param nativeBytes bytes outside the heap: native tensors, device or driver buffers
 */
public record Footprint(long heapBytes, long nativeBytes) {

  /** Checks both are ≥ 0. */
  public Footprint {
    if (heapBytes < 0 || nativeBytes < 0) {
      throw new IllegalArgumentException("footprint = " + heapBytes + " heap + " + nativeBytes
          + " native bytes: must be >= 0");
    }
  }

  /**
   * The data alone, on the heap: N·(p + 1) values (p feature columns and the targets) in the
   * precision's width. What most solvers hold.
   */
  public static Footprint ofData(long samples, int features, Precision precision) {
    return new Footprint(samples * (features + 1) * bytes(precision), 0);
  }

  /** The width of one value: 8 bytes in float64, 4 in float32. */
  public static long bytes(Precision precision) {
    return precision == Precision.FLOAT64 ? Double.BYTES : Float.BYTES;
  }

  /** Both together. */
  public long totalBytes() {
    return heapBytes + nativeBytes;
  }

  /** This and {@code more} added. */
  public Footprint plus(Footprint more) {
    return new Footprint(heapBytes + more.heapBytes, nativeBytes + more.nativeBytes);
  }
}
