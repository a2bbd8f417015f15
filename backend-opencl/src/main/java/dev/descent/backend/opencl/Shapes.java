package dev.descent.backend.opencl;

import dev.descent.api.Dataset;
import dev.descent.api.Footprint;
import dev.descent.api.Precision;
import java.util.function.IntToLongFunction;

/**
 * How many work-items the kernels use, and whether a dataset fits the device at all.
 *
 * <p>On a CPU a work-group runs on one core and its work-items are loop iterations, so few of them
 * do: the resident kernel uses 8 (the fastest of 2 to 64 on PoCL, see the README) and the
 * per-epoch kernel one group of 64 per compute unit. A GPU wants many: 256
 * per group. The Java fallback runs one work-item, because Aparapi gives every work-item of a
 * group its own thread and a barrier costs a thread hand-over there.
 */
final class Shapes {

  private Shapes() {}

  /**
   * Work-items of the one resident work-group, as far as the device and its local memory allow;
   * decided before the build (the kernel's own limit can only lower it).
   */
  static int resident(Target target, IntToLongFunction localBytes, int p) {
    int wanted = !target.isOpenCl() ? 1 : target.isWide() ? 256 : 8;
    return fit(target, Math.min(wanted, target.maxWorkGroupSize()), localBytes, p);
  }

  /** Work-items per group of the per-epoch kernel, likewise. */
  static int stepsLocal(Target target, IntToLongFunction localBytes, int p) {
    int wanted = !target.isOpenCl() ? 1 : target.isWide() ? 256 : 64;
    return fit(target, Math.min(wanted, target.maxWorkGroupSize()), localBytes, p);
  }

  /** Groups of the per-epoch kernel: enough to fill the device, no more than the data needs. */
  static int stepsGroups(Target target, int localSize, int samples) {
    int wanted = !target.isOpenCl() ? 1 : target.computeUnits() * (target.isWide() ? 4 : 1);
    int needed = (samples + localSize - 1) / localSize;
    return Math.max(1, Math.min(wanted, needed));
  }

  /**
   * Work-items per group of the grid kernel: 256 on a GPU, 64 on a CPU (PoCL runs a group's
   * work-items as a vectorised loop on one core), 1 in Java; a power of two for the trees.
   */
  static int gridLocal(Target target, IntToLongFunction localBytes, int p) {
    int wanted = !target.isOpenCl() ? 1 : target.isWide() ? 256 : 64;
    int size = fit(target, Math.min(wanted, target.maxWorkGroupSize()), localBytes, p);
    return powerOfTwoAtMost(size);
  }

  /** At most this many samples per work-item, so a float32 running sum stays short. */
  static final int GRID_SAMPLES_PER_ITEM = 256;

  /**
   * Every group of the grid kernel reads every group's sums each epoch, so their count is capped;
   * past 4096 × 256 × 256 samples (2.7e8) a work-item sums more than 256.
   */
  static final int GRID_MAX_GROUPS = 4096;

  /**
   * Groups of the grid kernel: enough to fill the device (4 per compute unit on a GPU, 1 on a
   * CPU) but not more than the samples need, and more when a work-item would otherwise sum more
   * than {@link #GRID_SAMPLES_PER_ITEM} samples; one in Java.
   */
  static int gridGroups(Target target, int localSize, int samples) {
    if (!target.isOpenCl()) {
      return 1;
    }
    long fill = (long) target.computeUnits() * (target.isWide() ? 4 : 1);
    long needed = (samples + (long) localSize - 1) / localSize;
    long perItem = (long) localSize * GRID_SAMPLES_PER_ITEM;
    long accurate = (samples + perItem - 1) / perItem;
    long groups = Math.max(Math.min(fill, needed), accurate);
    return (int) Math.max(1, Math.min(groups, GRID_MAX_GROUPS));
  }

  /** The largest power of two not above {@code size} (at least 1). */
  static int powerOfTwoAtMost(int size) {
    return Integer.highestOneBit(Math.max(1, size));
  }

  /** Halves the group until its sums fit in local memory. */
  private static int fit(Target target, int wanted, IntToLongFunction localBytes, int p) {
    int size = Math.max(1, wanted);
    while (size > 1 && localBytes.applyAsLong(size) > target.localMemory()) {
      size /= 2;
    }
    if (localBytes.applyAsLong(size) > target.localMemory()) {
      throw new IllegalArgumentException("p = " + p + ": the sums of " + (p + 1)
          + " weights need " + localBytes.applyAsLong(size) + " bytes of local memory, "
          + target.description() + " has " + target.localMemory());
    }
    return size;
  }

  /**
   * The largest array Aparapi passes: it sizes buffers with a Java int, and an array of 2^31
   * bytes or more fails on the device (measured with PoCL: 2^28 doubles fail, 2^28 − 64 run)
   * however large the device's own allocation limit is.
   */
  static final long APARAPI_MAX_ARRAY_BYTES = Integer.MAX_VALUE;

  /**
   * Rejects data the kernels cannot index or the device cannot hold: they index with int, and
   * OpenCL caps the size of one buffer. For {@code opencl.steps} and {@code opencl.grid}, which
   * hold each of x and d in one array; {@code opencl.resident} splits larger data into row
   * segments and asks {@link Segments#plan} instead.
   */
  static void check(Target target, Dataset data, Precision precision) {
    long values = (long) data.samples() * data.features();
    if (values > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException("N * p = " + data.samples() + " * " + data.features()
          + " = " + values + " values: more than one Java array (and these kernels) can index");
    }
    long width = Footprint.bytes(precision);
    long bytes = values * width;
    if (bytes > APARAPI_MAX_ARRAY_BYTES) {
      throw new IllegalArgumentException("N * p = " + values + " values take " + bytes
          + " bytes in one array: Aparapi hands each array to OpenCL with an int byte count, so "
          + "one may hold at most 2 GiB (N * p up to " + APARAPI_MAX_ARRAY_BYTES / width + " in "
          + precision.shortName() + "); opencl.resident takes it in row segments, or race the"
          + " CPU solvers at this size");
    }
    if (bytes > target.maxAllocation()) {
      throw new IllegalArgumentException("N * p = " + values + " values take " + bytes
          + " bytes, more than the " + target.maxAllocation() + " one buffer may take on "
          + target.description());
    }
  }
}
