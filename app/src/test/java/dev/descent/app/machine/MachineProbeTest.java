package dev.descent.app.machine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The probe behind 'descent machine', on working sets small enough for a test. */
class MachineProbeTest {

  @Test
  void aCacheResidentWorkingSetReadsFasterThanMemory() {
    double cache = MachineProbe.readBandwidth(32 << 10, 200_000_000L);
    double memory = MachineProbe.readBandwidth(128L << 20, 400_000_000L);
    assertTrue(cache > 0 && memory > 0, cache + " and " + memory + " B/s");
    assertTrue(cache > memory, "32 KiB at " + cache / 1e9 + " GB/s, 128 MiB at "
        + memory / 1e9 + " GB/s");
  }

  @Test
  void f32HasTwiceTheLanesAndAboutTwiceTheFlops() {
    double f64 = MachineProbe.fmaPeak(FmaChains64.SPECIES.length(), FmaChains64::run, 5_000_000L);
    double f32 = MachineProbe.fmaPeak(FmaChains32.SPECIES.length(), FmaChains32::run, 5_000_000L);
    assertTrue(f64 > 0, f64 + " FLOP/s");
    assertTrue(f32 > 1.3 * f64, "f32 " + f32 / 1e9 + " GFLOP/s, f64 " + f64 / 1e9);
  }
}
