package dev.descent.testkit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Heap in use after a full collection, resident set size and threads: what a leak of Java
 * objects, native buffers or worker threads makes grow.
 *
 * <p>Threads are counted in {@code /proc/self/task}, one entry per thread of the process: Java
 * threads and also the pthreads a native library starts (TensorFlow's and PoCL's pools), which
 * {@link Thread#activeCount()} never sees. Resident memory is {@code VmRSS} from
 * {@code /proc/self/status}, where native allocations show. Where there is no {@code /proc} (not
 * Linux), threads fall back to the JVM's live Java threads and resident memory goes unchecked,
 * and {@link #sources()} says so, for the check to print rather than skip silently.
 *
 * <p>Resident memory also grows when the JVM commits more heap, which is no leak (the heap in use
 * is checked on its own), so the resident check counts only growth beyond the growth of the
 * committed heap: native memory.
 *
 * @param heapBytes heap in use after the collections
 * @param heapCommittedBytes heap the JVM has committed
 * @param residentBytes VmRSS, or -1 where /proc is missing
 * @param threads threads in /proc/self/task, or live Java threads where /proc is missing
 * @param threadsFromProc whether {@code threads} came from /proc (native threads included)
 */
record ResourceSnapshot(long heapBytes, long heapCommittedBytes, long residentBytes, int threads,
    boolean threadsFromProc) {

  private static final Path STATUS = Path.of("/proc/self/status");
  private static final Path TASKS = Path.of("/proc/self/task");

  static ResourceSnapshot take() {
    settle();
    MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    int tasks = countTasks();
    return tasks >= 0
        ? new ResourceSnapshot(heap.getUsed(), heap.getCommitted(), readResidentBytes(), tasks,
            true)
        : new ResourceSnapshot(heap.getUsed(), heap.getCommitted(), readResidentBytes(),
            ManagementFactory.getThreadMXBean().getThreadCount(), false);
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

  /** Entries of /proc/self/task, or -1 where there is none. */
  private static int countTasks() {
    try (Stream<Path> tasks = Files.list(TASKS)) {
      return (int) tasks.count();
    } catch (IOException | RuntimeException e) {
      return -1;
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

  /** What this snapshot could measure, in one line for the test's output. */
  String sources() {
    return (threadsFromProc
        ? "threads from /proc/self/task (native threads included)"
        : "no /proc/self/task here: threads are the JVM's live Java threads, native threads unseen")
        + "; " + (residentBytes >= 0
        ? "resident memory from /proc/self/status VmRSS"
        : "no /proc/self/status VmRSS here: resident (native) memory NOT checked");
  }

  /** A report of the growth since {@code before}, for the test's output. */
  String growthSince(ResourceSnapshot before) {
    return "heap in use " + mib(heapBytes - before.heapBytes)
        + ", heap committed " + mib(heapCommittedBytes - before.heapCommittedBytes)
        + (residentBytes >= 0 && before.residentBytes >= 0
            ? ", resident " + mib(residentBytes - before.residentBytes) : ", resident unknown")
        + ", threads " + before.threads + " -> " + threads;
  }

  /** Resident growth beyond the committed heap's, or -1 where it cannot be measured. */
  long nativeGrowthSince(ResourceSnapshot before) {
    if (residentBytes < 0 || before.residentBytes < 0) {
      return -1;
    }
    return residentBytes - before.residentBytes
        - Math.max(0, heapCommittedBytes - before.heapCommittedBytes);
  }

  /** Fails naming every bound exceeded, not just the first. */
  void assertNoGrowthSince(ResourceSnapshot before, long heapBound, long residentBound,
      int threadBound) {
    List<String> leaks = new ArrayList<>();
    long heapGrowth = heapBytes - before.heapBytes;
    if (heapGrowth > heapBound) {
      leaks.add("heap in use grew by " + mib(heapGrowth) + " (bound " + mib(heapBound) + ")");
    }
    long nativeGrowth = nativeGrowthSince(before);
    if (nativeGrowth > residentBound) {
      leaks.add("resident memory beyond the committed heap grew by " + mib(nativeGrowth)
          + " (bound " + mib(residentBound) + ")");
    }
    if (threads - before.threads > threadBound) {
      leaks.add((threadsFromProc
          ? "threads of the process (/proc/self/task, native ones included) went from "
          : "live Java threads went from ") + before.threads + " to " + threads
          + " (bound +" + threadBound + ")");
    }
    assertTrue(leaks.isEmpty(), "over the cycles " + String.join("; ", leaks));
  }

  private static String mib(long bytes) {
    return String.format("%.1f MiB", bytes / 1048576.0);
  }
}
