package dev.descent.backend.spark;

/**
 * The prepare/close cycle count both contract tests use instead of the kit's 1 000.
 *
 * <p>Each cycle starts a Spark context (~4 s for the first in a JVM, ~0.2 s after) and its close
 * waits out Netty's fixed 2-second quiet period so that no event-loop thread outlives the
 * workspace: ~2.3 s a cycle, so 1 000 cycles would take 40 minutes per precision. Ten cycles
 * still catch what a context could leak: one stray thread per cycle exceeds the kit's thread
 * bound, and a context's block manager, listener bus and scheduler hold megabytes each, well
 * over its heap bound across ten cycles.
 */
final class SparkContractCycles {
  static final int COUNT = 10;

  private SparkContractCycles() {}
}
