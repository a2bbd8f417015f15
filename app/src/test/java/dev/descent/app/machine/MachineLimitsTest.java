package dev.descent.app.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.descent.app.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cached limits: which ones apply, and the "% limit" column computed from them. */
class MachineLimitsTest {

  @TempDir
  Path cache;

  Environment here = Environment.current();

  /** 100 GB/s up to 64 KiB, 20 GB/s up to 1 MiB, 5 GB/s beyond; 10 and 20 GFLOP/s. */
  MachineLimits limits = new MachineLimits(here.cpuModel(), here.jvmVersion(),
      List.of(new MachineLimits.Level(64 << 10, 100e9), new MachineLimits.Level(1 << 20, 20e9)),
      5e9, 10e9, 20e9, "test", 9e9);

  @BeforeEach
  void useATemporaryCache() {
    System.setProperty(MachineLimits.CACHE_PROPERTY, cache.toString());
  }

  @AfterEach
  void restoreTheCache() {
    System.clearProperty(MachineLimits.CACHE_PROPERTY);
  }

  @Test
  void theBandwidthOfTheSmallestLevelThatHoldsTheWorkingSet() {
    assertEquals(100e9, limits.bandwidthFor(1000));
    assertEquals(100e9, limits.bandwidthFor(64 << 10));
    assertEquals(20e9, limits.bandwidthFor((64 << 10) + 1));
    assertEquals(5e9, limits.bandwidthFor(2 << 20));
  }

  @Test
  void figuresOfAnotherCpuOrJvmAreNotUsed() throws IOException {
    limits.save();
    assertEquals(Optional.of(limits), MachineLimits.cached(here));
    new MachineLimits("another CPU", here.jvmVersion(), limits.levels(), 5e9, 10e9, 20e9, "x",
        9e9)
        .save();
    assertEquals(Optional.empty(), MachineLimits.cached(here));
  }

  /**
   * As documented in Throughput: the roofline bound is the larger of the time to read
   * (p + 1)·N values per epoch at the bandwidth for that working set and the time for
   * (4p + 2)·N flops per epoch at the FMA peak; "% limit" is that bound over the best time.
   */
  @Test
  void percentOfLimitIsTheRooflineBoundOverTheBestTime() throws IOException {
    limits.save();
    Path report = cache.resolve("race.json");
    Run run = Run.of("race", "--solvers", "scalar", "--n", "2000", "--epochs", "100",
        "--repeat", "2", "--warmup", "1", "--fork", "0", "--precision", "f64",
        "--export-json", report.toString());
    assertEquals(0, run.exitCode(), run.out() + run.err());
    JsonObject result = JsonParser.parseString(Files.readString(report)).getAsJsonObject()
        .getAsJsonArray("results").get(0).getAsJsonObject();
    double best = result.get("bestSeconds").getAsDouble();
    double bytesPerEpoch = 2000 * 2 * 8;
    double bound = Math.max(bytesPerEpoch * 100 / 100e9, 2000.0 * 6 * 100 / 10e9);
    assertEquals(100 * bound / best, result.get("percentOfLimit").getAsDouble(), 1e-9);
    assertTrue(run.out().contains("% limit: the roofline (100 GB/s for this working set, "
        + "memory 5.0 GB/s on one core and 9.0 GB/s on all"), run.out());
  }

  /** Past the caches a parallel solver is held to every core's bandwidth, a serial one to one. */
  @Test
  void aParallelSolverIsHeldToAllCoresMemoryBandwidth() {
    assertEquals(100e9, limits.bandwidthFor(32 << 10, 4), 0, "in cache: one core's level");
    assertEquals(5e9, limits.bandwidthFor(1L << 30, 1), 0);
    assertEquals(9e9, limits.bandwidthFor(1L << 30, 2), 0);
    MachineLimits older = new MachineLimits(here.cpuModel(), here.jvmVersion(), limits.levels(),
        5e9, 10e9, 20e9, "cached before all cores were measured", 0);
    assertEquals(5e9, older.bandwidthFor(1L << 30, 2), 0);
  }
}
