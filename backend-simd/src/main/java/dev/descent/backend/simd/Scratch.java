package dev.descent.backend.simd;

/**
 * Where a part of the work keeps its numbers inside its own scratch array: each part — each
 * thread of {@code simd.parallel} — owns one, padded at both ends by two cache lines so that no
 * two threads ever write to the same line (false sharing would cost a line transfer per epoch).
 *
 * @param sums the p + 1 gradient sums the part hands back
 * @param lanes 2 L slots for adding the lanes of two vectors
 * @param accumulators p + 1 vectors of L partial sums, for the blocked kernel
 * @param errors a block of errors, for the blocked kernel
 * @param block the samples per block, a multiple of {@code step}
 * @param length the scratch array's length
 */
record Scratch(int sums, int lanes, int accumulators, int errors, int block, int length) {

  /** Two 64-byte lines in 4-byte elements; a few more when elements are 8 bytes. */
  private static final int PAD = 32;

  /** What the blocked kernel keeps in L1 per block: the errors and one block of each column. */
  private static final int BLOCK_BYTES = 24 * 1024;

  /** The scratch of a part for p + 1 = {@code m} weights, L = {@code lanes}, 8- or 4-byte. */
  static Scratch of(int m, int lanes, int step, int bytes) {
    int block = Math.max(step, BLOCK_BYTES / bytes / (m + 1) / step * step);
    int sums = PAD;
    int laneSlots = sums + m;
    int accumulators = laneSlots + 2 * lanes;
    int errors = accumulators + m * lanes;
    return new Scratch(sums, laneSlots, accumulators, errors, block, errors + block + PAD);
  }
}
