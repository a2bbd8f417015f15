package dev.descent.app.race;

import dev.descent.api.Footprint;
import dev.descent.api.Precision;
import dev.descent.api.Solver;
import dev.descent.app.stats.Units;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Which runs the race makes: a solver whose footprint for the problem does not fit the memory the
 * machine has free, or whose one call would take minutes when it was not named on the command
 * line, gets a SKIPPED row that says why and how, instead of an out-of-memory crash half-way or a
 * two-minute race that takes an hour.
 */
public final class Admission {

  /** A JVM's own needs beside the solver's: class data, code, the race's small objects. */
  public static final long JVM_BYTES = 256L << 20;

  /** One call longer than this leaves an unnamed solver out of the race. */
  public static final double LONGEST_UNNAMED_CALL_SECONDS = 60;

  private final long availableBytes;

  /** @param availableBytes the memory free for a solver's JVM */
  public Admission(long availableBytes) {
    this.availableBytes = availableBytes;
  }

  /** With the memory the machine has free now. */
  public static Admission now() {
    return new Admission(availableBytes());
  }

  /**
   * Why this run is not made, or empty when it is.
   *
   * @param named whether the user named the solver in --solvers
   */
  public Optional<String> refusal(Solver solver, Problem problem, Precision precision,
      boolean named) {
    DataShape shape = problem.shape();
    Footprint footprint = footprint(solver, shape, precision);
    long needed = heapFor(footprint) + footprint.nativeBytes();
    if (needed > availableBytes) {
      return Optional.of(String.format(Locale.ROOT, "needs %s, %s available (N = %d, p = %d, "
              + "%s: %s heap, %s native, plus the JVM)", gigabytes(needed),
          gigabytes(availableBytes), shape.samples(), shape.features(), precision.shortName(),
          gigabytes(footprint.heapBytes()), gigabytes(footprint.nativeBytes())));
    }
    if (!named) {
      OptionalDouble estimate = estimate(solver, shape, problem.schedule().epochs(), precision);
      if (estimate.isPresent() && estimate.getAsDouble() > LONGEST_UNNAMED_CALL_SECONDS) {
        return Optional.of("one call would take about " + Units.seconds(estimate.getAsDouble())
            + " at this size; name it (--solvers " + solver.id() + ") to race it");
      }
    }
    return Optional.empty();
  }

  /**
   * The heap a JVM needs for this footprint: the solver's heap bytes with room for the
   * collector to move them (×1.25), plus the JVM's own.
   */
  public static long heapFor(Footprint footprint) {
    return footprint.heapBytes() + footprint.heapBytes() / 4 + JVM_BYTES;
  }

  /** The solver's footprint, or the data alone when footprint() misbehaves. */
  public static Footprint footprint(Solver solver, DataShape shape, Precision precision) {
    try {
      Footprint declared = solver.footprint(shape.samples(), shape.features(), precision);
      if (declared != null) {
        return declared;
      }
    } catch (RuntimeException | LinkageError e) {
      // The SPI says cheap and never throws; the data alone is the least it holds.
    }
    return Footprint.ofData(shape.samples(), shape.features(), precision);
  }

  /** The solver's own estimate of one call, or empty when it has none or misbehaves. */
  static OptionalDouble estimate(Solver solver, DataShape shape, int epochs,
      Precision precision) {
    try {
      return solver.estimatedSeconds(shape.samples(), shape.features(), epochs, precision);
    } catch (RuntimeException | LinkageError e) {
      return OptionalDouble.empty();
    }
  }

  static String gigabytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f GB", bytes / 1e9);
  }

  /**
   * The memory a new process can have: Linux's MemAvailable (free plus reclaimable caches),
   * else the physical memory the JVM reports.
   */
  public static long availableBytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemAvailable:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      // Not Linux: fall through.
    }
    return physicalBytes();
  }

  /** The machine's physical memory, or this JVM's heap limit where the JVM cannot tell. */
  public static long physicalBytes() {
    java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun
        ? sun.getTotalMemorySize() : Runtime.getRuntime().maxMemory();
  }
}
