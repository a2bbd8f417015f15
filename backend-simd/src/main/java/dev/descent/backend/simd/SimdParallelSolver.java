package dev.descent.backend.simd;

import dev.descent.api.Dataset;
import dev.descent.api.Precision;

/**
 * {@code simd.parallel}: the {@code simd} kernel over contiguous slices of the samples, one per
 * core, run by a fixed team of threads created in {@code prepare} and stopped in {@code close}
 * that meet at a spin barrier every epoch (see {@link Team}); the calling thread runs the first
 * slice and adds the slices' sums in slice order.
 *
 * <p>An epoch too small to share runs on the calling thread alone, no team started: below
 * {@link #THRESHOLD} bytes of data read per epoch (N (p + 1) times 8 or 4 bytes) the barrier
 * and the hand-over of weights and sums cost more than the second core saves. The device string
 * says which it did. The system property {@code descent.simd.parallel.threshold} (bytes)
 * overrides the threshold, for measuring it.
 */
public final class SimdParallelSolver extends VectorSolver {

  /**
   * Bytes read per epoch from which the epoch is split: a little above where two threads first
   * beat one, in both precisions, on the 2-core AVX-512 VM of the README (its measured crossover
   * is there), so that a problem near it stays on one thread.
   */
  public static final long THRESHOLD = 512 * 1024;

  private final long threshold;

  /** For ServiceLoader: the measured threshold, unless the system property overrides it. */
  public SimdParallelSolver() {
    this(Long.getLong("descent.simd.parallel.threshold", THRESHOLD));
  }

  /** With another threshold, e.g. 0 to test the team on small problems. */
  SimdParallelSolver(long threshold) {
    this.threshold = threshold;
  }

  @Override
  public String id() {
    return "simd.parallel";
  }

  @Override
  public String description() {
    return "the simd kernel split over the cores by persistent threads at a spin barrier each "
        + "epoch (calling thread alone below " + threshold + " B read per epoch); float32 sums "
        + "blocks in float, the blocks in a double";
  }

  @Override
  Plan plan(Dataset data, Precision precision) {
    int bytes = precision == Precision.FLOAT64 ? Double.BYTES : Float.BYTES;
    return Plan.parallel(data.samples(), data.weightCount(), bytes,
        Runtime.getRuntime().availableProcessors(), threshold);
  }
}
