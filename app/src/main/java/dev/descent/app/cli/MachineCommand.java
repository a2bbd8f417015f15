package dev.descent.app.cli;

import dev.descent.app.machine.Environment;
import dev.descent.app.machine.MachineLimits;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code descent machine}: measures and caches this machine's limits. */
@Command(
    name = "machine",
    mixinStandardHelpOptions = true,
    description = {
        "Measures this machine's single-core limits with the same JVM — read bandwidth from "
            + "working sets from 16 KiB up to the L2 cache's size and from one far larger than "
            + "every cache, and the "
            + "vector FMA peak in f64 and f32 — and caches them (in ~/.cache/descent/machine.json). "
            + "Races then report each solver's percentage of the roofline bound. Takes about "
            + "half a minute."})
public final class MachineCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--show", description = "Print the cached figures without measuring.")
  boolean show;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Environment env = Environment.current();
    Optional<MachineLimits> cached = MachineLimits.cached(env);
    if (show) {
      if (cached.isEmpty()) {
        throw new IllegalArgumentException("no figures cached for this CPU and JVM; run "
            + "'descent machine' to measure them");
      }
      print(out, cached.get());
      return 0;
    }
    out.println("measuring this machine's limits (about half a minute)…");
    out.flush();
    MachineLimits limits = MachineLimits.measure();
    limits.save();
    print(out, limits);
    out.println("cached in " + MachineLimits.cacheFile());
    out.flush();
    return 0;
  }

  private static void print(PrintWriter out, MachineLimits limits) {
    out.printf(Locale.ROOT, "CPU              %s%n", limits.cpuModel());
    out.printf(Locale.ROOT, "JVM              %s%n", limits.jvmVersion());
    out.printf(Locale.ROOT, "vectors          %s%n", limits.vectorSpecies());
    for (MachineLimits.Level level : limits.levels()) {
      out.printf(Locale.ROOT, "read bandwidth   %.1f GB/s for working sets up to %d KiB%n",
          level.bandwidth() / 1e9, level.bytes() / 1024);
    }
    out.printf(Locale.ROOT, "memory bandwidth %.1f GB/s one core, %.1f GB/s all %d cores%n",
        limits.memoryBandwidth() / 1e9, limits.allCoresMemoryBandwidth() / 1e9,
        Runtime.getRuntime().availableProcessors());
    out.printf(Locale.ROOT, "FMA peak         %.1f GFLOP/s f64, %.1f GFLOP/s f32 (one core)%n",
        limits.fmaPeak64() / 1e9, limits.fmaPeak32() / 1e9);
  }
}
