package dev.descent.testkit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Heap in use after a full collection, resident set size (Linux) and live threads: what a leak
 * of Java objects, native buffers or worker threads makes grow.
 */
record ResourceSnapshot(long heapBytes, long residentBytes, int threads) {

  private static final Path STATUS = Path.of("/proc/self/status");

  static ResourceSnapshot take() {
    settle();
    long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    return new ResourceSnapshot(heap, readResidentBytes(), Thread.activeCount());
  }

  /** Several collections with pauses, so finalisation and cleaners release native memory. */
  @SuppressWarnings("removal")
  private static void settle() {
    for (int round = 0; round < 4; round++) {
      System.gc();
      System.runFinalization();
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** VmRSS from /proc, or -1 where there is none. */
  private static long readResidentBytes() {
    try {
      List<String> lines = Files.readAllLines(STATUS);
      for (String line : lines) {
        if (line.startsWith("VmRSS:")) {
          String[] parts = line.trim().split("\\s+");
          return Long.parseLong(parts[1]) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }

  void assertNoGrowthSince(ResourceSnapshot before, long heapBound, long residentBound,
      int threadBound) {
    long heapGrowth = heapBytes - before.heapBytes;
    assertTrue(heapGrowth <= heapBound, "heap grew by " + mib(heapGrowth)
        + " over the cycles (bound " + mib(heapBound) + ")");
    if (residentBytes >= 0 && before.residentBytes >= 0) {
      long residentGrowth = residentBytes - before.residentBytes;
      assertTrue(residentGrowth <= residentBound, "resident memory grew by "
          + mib(residentGrowth) + " over the cycles (bound " + mib(residentBound) + ")");
    }
    assertTrue(threads - before.threads <= threadBound, "live threads went from "
        + before.threads + " to " + threads + " over the cycles");
  }

  private static String mib(long bytes) {
    return String.format("%.1f MiB", bytes / 1048576.0);
  }
}
