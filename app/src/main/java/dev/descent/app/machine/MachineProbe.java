package dev.descent.app.machine;

import dev.descent.app.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.function.LongToDoubleFunction;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Measures this machine's single-core limits with the Vector API: read bandwidth from a cache
 * and from memory, and the FMA peak. Runs in a JVM started with {@code --add-modules
 * jdk.incubator.vector}; prints one JSON {@link MachineLimits} on standard output.
 */
public final class MachineProbe {
  private static final VectorSpecies<Double> F64 = DoubleVector.SPECIES_PREFERRED;
  private static final VectorSpecies<Float> F32 = FloatVector.SPECIES_PREFERRED;
  private static volatile double sink;
  /** Long enough per round that the JIT's work is long done by the best of five. */
  private static final long FMA_ITERATIONS = 50_000_000L;

  /** Starts the line that carries the measured limits back to {@code descent machine}. */
  public static final String MARKER = "@@descent-machine ";

  private MachineProbe() {}

  public static void main(String[] args) {
    Environment env = Environment.current();
    // Working sets from well inside L1 to the whole L2: the bandwidth a kernel can reach falls
    // with every cache level its data spills out of.
    List<MachineLimits.Level> levels = new ArrayList<>();
    for (long bytes = 16 << 10; bytes <= l2CacheBytes(); bytes *= 4) {
      levels.add(new MachineLimits.Level(bytes, readBandwidth(bytes, 4_000_000_000L)));
    }
    double memoryBandwidth = readBandwidth(512L << 20, 4_000_000_000L);
    double allCores = readBandwidthOnAllCores(512L << 20, 4_000_000_000L);
    MachineLimits limits = new MachineLimits(env.cpuModel(), env.jvmVersion(), levels,
        memoryBandwidth, fmaPeak(FmaChains64.SPECIES.length(), FmaChains64::run, FMA_ITERATIONS),
        fmaPeak(FmaChains32.SPECIES.length(), FmaChains32::run, FMA_ITERATIONS),
        F64.vectorBitSize() + "-bit: " + F64.length() + " x f64, " + F32.length() + " x f32",
        allCores);
    System.out.println(MARKER + Json.encode(limits));
  }

  /**
   * Every core reading an array of its own at once, {@code bytes} in all: the machine's memory
   * bandwidth for a parallel kernel, bytes per second (best of several rounds, each timed from a
   * common start to the last thread's end).
   */
  static double readBandwidthOnAllCores(long bytes, long bytesPerRound) {
    int threads = Runtime.getRuntime().availableProcessors();
    int count = (int) (bytes / 4 / threads);
    float[][] data = new float[threads][count];
    for (float[] part : data) {
      for (int i = 0; i < count; i++) {
        part[i] = i * 1e-9f;
      }
    }
    int passes = (int) Math.max(1, bytesPerRound / (4L * count * threads));
    double best = Double.MAX_VALUE;
    for (int round = 0; round < 7; round++) {
      CyclicBarrier start = new CyclicBarrier(threads + 1);
      Thread[] readers = new Thread[threads];
      for (int t = 0; t < threads; t++) {
        float[] part = data[t];
        readers[t] = new Thread(() -> {
          try {
            start.await();
          } catch (InterruptedException | BrokenBarrierException e) {
            return;
          }
          double total = 0;
          for (int pass = 0; pass < passes; pass++) {
            total += sum(part);
          }
          sink = total;
        });
        readers[t].start();
      }
      long begin;
      try {
        start.await();
        begin = System.nanoTime();
        for (Thread reader : readers) {
          reader.join();
        }
      } catch (InterruptedException | BrokenBarrierException e) {
        Thread.currentThread().interrupt();
        return Double.NaN;
      }
      best = Math.min(best, (System.nanoTime() - begin) / 1e9);
    }
    return 4.0 * count * threads * passes / best;
  }

  /** The best of several timed passes over {@code bytes}: bytes per second. */
  static double readBandwidth(long bytes, long bytesPerRound) {
    int count = (int) (bytes / 4);
    float[] data = new float[count];
    for (int i = 0; i < count; i++) {
      data[i] = i * 1e-9f;
    }
    int passes = (int) Math.max(1, bytesPerRound / (4L * count));
    double best = Double.MAX_VALUE;
    for (int round = 0; round < 7; round++) {
      long start = System.nanoTime();
      double total = 0;
      for (int pass = 0; pass < passes; pass++) {
        total += sum(data);
      }
      sink = total;
      best = Math.min(best, (System.nanoTime() - start) / 1e9);
    }
    return 4.0 * count * passes / best;
  }

  /**
   * Eight independent vector sums of 32-bit lanes read as floats, so that loads, not the
   * latency of a chain of additions or the add ports, bound the loop: the figure must be an
   * upper bound that a good kernel can approach, never one it beats.
   */
  private static double sum(float[] data) {
    FloatVector a = FloatVector.zero(F32);
    FloatVector b = FloatVector.zero(F32);
    FloatVector c = FloatVector.zero(F32);
    FloatVector d = FloatVector.zero(F32);
    FloatVector e = FloatVector.zero(F32);
    FloatVector f = FloatVector.zero(F32);
    FloatVector g = FloatVector.zero(F32);
    FloatVector h = FloatVector.zero(F32);
    int step = F32.length();
    int i = 0;
    for (; i + 8 * step <= data.length; i += 8 * step) {
      a = a.add(FloatVector.fromArray(F32, data, i));
      b = b.add(FloatVector.fromArray(F32, data, i + step));
      c = c.add(FloatVector.fromArray(F32, data, i + 2 * step));
      d = d.add(FloatVector.fromArray(F32, data, i + 3 * step));
      e = e.add(FloatVector.fromArray(F32, data, i + 4 * step));
      f = f.add(FloatVector.fromArray(F32, data, i + 5 * step));
      g = g.add(FloatVector.fromArray(F32, data, i + 6 * step));
      h = h.add(FloatVector.fromArray(F32, data, i + 7 * step));
    }
    double tail = 0;
    for (; i < data.length; i++) {
      tail += data[i];
    }
    return a.add(b).add(c.add(d)).add(e.add(f).add(g.add(h))).reduceLanes(VectorOperators.ADD)
        + tail;
  }

  /** Eight independent FMA chains stay in registers: 2 operations per lane per FMA. */
  static double fmaPeak(int lanes, LongToDoubleFunction chains, long iterations) {
    double best = Double.MAX_VALUE;
    for (int round = 0; round < 5; round++) {
      long start = System.nanoTime();
      sink = chains.applyAsDouble(iterations);
      best = Math.min(best, (System.nanoTime() - start) / 1e9);
    }
    return 2.0 * 8 * lanes * iterations / best;
  }

  /** The L2 size Linux reports for CPU 0, or 1 MiB when it does not. */
  private static long l2CacheBytes() {
    try {
      String size = Files.readString(
          Path.of("/sys/devices/system/cpu/cpu0/cache/index2/size")).trim();
      long factor = size.endsWith("K") ? 1024 : size.endsWith("M") ? 1 << 20 : 1;
      return Long.parseLong(size.replaceAll("[^0-9]", "")) * factor;
    } catch (IOException | RuntimeException e) {
      return 1 << 20;
    }
  }
}
