package dev.descent.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

  private MachineProbe() {}

  public static void main(String[] args) {
    Environment env = Environment.current();
    long cacheBytes = Math.max(64 << 10, l2CacheBytes() / 2);
    double cacheBandwidth = readBandwidth((int) (cacheBytes / 8), 2_000_000_000L);
    double memoryBandwidth = readBandwidth(64 << 20, 4_000_000_000L);
    MachineLimits limits = new MachineLimits(env.cpuModel(), env.jvmVersion(), cacheBytes,
        cacheBandwidth, memoryBandwidth, fmaPeak64(), fmaPeak32(),
        F64.vectorBitSize() + "-bit: " + F64.length() + " x f64, " + F32.length() + " x f32");
    System.out.println(ForkProtocol.MARKER + ForkProtocol.encode(limits));
  }

  /** The best of several timed passes over {@code doubles} values: bytes per second. */
  private static double readBandwidth(int doubles, long bytesPerRound) {
    double[] data = new double[doubles];
    for (int i = 0; i < doubles; i++) {
      data[i] = i * 1e-9;
    }
    int passes = (int) Math.max(1, bytesPerRound / (8L * doubles));
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
    return 8.0 * doubles * passes / best;
  }

  /** Four independent vector sums: bound by loads, not by the latency of one chain. */
  private static double sum(double[] data) {
    DoubleVector a = DoubleVector.zero(F64);
    DoubleVector b = DoubleVector.zero(F64);
    DoubleVector c = DoubleVector.zero(F64);
    DoubleVector d = DoubleVector.zero(F64);
    int step = F64.length();
    int i = 0;
    for (; i + 4 * step <= data.length; i += 4 * step) {
      a = a.add(DoubleVector.fromArray(F64, data, i));
      b = b.add(DoubleVector.fromArray(F64, data, i + step));
      c = c.add(DoubleVector.fromArray(F64, data, i + 2 * step));
      d = d.add(DoubleVector.fromArray(F64, data, i + 3 * step));
    }
    double tail = 0;
    for (; i < data.length; i++) {
      tail += data[i];
    }
    return a.add(b).add(c.add(d)).reduceLanes(VectorOperators.ADD) + tail;
  }

  /** Eight independent FMA chains stay in registers: 2 operations per lane per FMA. */
  private static double fmaPeak64() {
    long iterations = 50_000_000L;
    double best = Double.MAX_VALUE;
    for (int round = 0; round < 5; round++) {
      long start = System.nanoTime();
      sink = fmaChains64(iterations);
      best = Math.min(best, (System.nanoTime() - start) / 1e9);
    }
    return 2.0 * 8 * F64.length() * iterations / best;
  }

  private static double fmaChains64(long iterations) {
    DoubleVector m = DoubleVector.broadcast(F64, 0.999999);
    DoubleVector k = DoubleVector.broadcast(F64, 1e-7);
    DoubleVector a0 = DoubleVector.broadcast(F64, 1);
    DoubleVector a1 = DoubleVector.broadcast(F64, 2);
    DoubleVector a2 = DoubleVector.broadcast(F64, 3);
    DoubleVector a3 = DoubleVector.broadcast(F64, 4);
    DoubleVector a4 = DoubleVector.broadcast(F64, 5);
    DoubleVector a5 = DoubleVector.broadcast(F64, 6);
    DoubleVector a6 = DoubleVector.broadcast(F64, 7);
    DoubleVector a7 = DoubleVector.broadcast(F64, 8);
    for (long i = 0; i < iterations; i++) {
      a0 = a0.fma(m, k);
      a1 = a1.fma(m, k);
      a2 = a2.fma(m, k);
      a3 = a3.fma(m, k);
      a4 = a4.fma(m, k);
      a5 = a5.fma(m, k);
      a6 = a6.fma(m, k);
      a7 = a7.fma(m, k);
    }
    return a0.add(a1).add(a2).add(a3).add(a4).add(a5).add(a6).add(a7)
        .reduceLanes(VectorOperators.ADD);
  }

  private static double fmaPeak32() {
    long iterations = 50_000_000L;
    double best = Double.MAX_VALUE;
    for (int round = 0; round < 5; round++) {
      long start = System.nanoTime();
      sink = fmaChains32(iterations);
      best = Math.min(best, (System.nanoTime() - start) / 1e9);
    }
    return 2.0 * 8 * F32.length() * iterations / best;
  }

  private static double fmaChains32(long iterations) {
    FloatVector m = FloatVector.broadcast(F32, 0.999999f);
    FloatVector k = FloatVector.broadcast(F32, 1e-7f);
    FloatVector a0 = FloatVector.broadcast(F32, 1);
    FloatVector a1 = FloatVector.broadcast(F32, 2);
    FloatVector a2 = FloatVector.broadcast(F32, 3);
    FloatVector a3 = FloatVector.broadcast(F32, 4);
    FloatVector a4 = FloatVector.broadcast(F32, 5);
    FloatVector a5 = FloatVector.broadcast(F32, 6);
    FloatVector a6 = FloatVector.broadcast(F32, 7);
    FloatVector a7 = FloatVector.broadcast(F32, 8);
    for (long i = 0; i < iterations; i++) {
      a0 = a0.fma(m, k);
      a1 = a1.fma(m, k);
      a2 = a2.fma(m, k);
      a3 = a3.fma(m, k);
      a4 = a4.fma(m, k);
      a5 = a5.fma(m, k);
      a6 = a6.fma(m, k);
      a7 = a7.fma(m, k);
    }
    return a0.add(a1).add(a2).add(a3).add(a4).add(a5).add(a6).add(a7)
        .reduceLanes(VectorOperators.ADD);
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
