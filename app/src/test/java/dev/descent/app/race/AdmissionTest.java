package dev.descent.app.race;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.api.Availability;
import dev.descent.api.Dataset;
import dev.descent.api.Footprint;
import dev.descent.api.Precision;
import dev.descent.api.Schedule;
import dev.descent.api.Solver;
import dev.descent.api.Workspace;
import java.util.EnumSet;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the race runs: by the memory the machine has free, and by how long a call would take. */
class AdmissionTest {

  /** A solver that declares a footprint and an estimate, and never runs. */
  private static Solver declaring(long heapBytesPerValue, double secondsPerCall) {
    return new Solver() {
      @Override
      public String id() {
        return "declares";
      }

      @Override
      public String description() {
        return "declares a footprint and a time";
      }

      @Override
      public Availability availability() {
        return Availability.available("nowhere");
      }

      @Override
      public Set<Precision> precisions() {
        return EnumSet.allOf(Precision.class);
      }

      @Override
      public Workspace prepare(Dataset data, Precision precision) {
        throw new AssertionError("the admission test never prepares");
      }

      @Override
      public Footprint footprint(long samples, int features, Precision precision) {
        return new Footprint(samples * (features + 1) * heapBytesPerValue, 1L << 30);
      }

      @Override
      public OptionalDouble estimatedSeconds(long samples, int features, int epochs,
          Precision precision) {
        return secondsPerCall < 0 ? OptionalDouble.empty() : OptionalDouble.of(secondsPerCall);
      }
    };
  }

  private static final Problem LARGE = Problem.of(DataRecipe.generated(100_000_000, 1, 1, 0.1),
      Schedule.of(0.001, 3));

  @Test
  void aRunThatCannotFitTheFreeMemoryIsRefusedWithTheNumbers() {
    Admission eightGigabytes = new Admission(8_000_000_000L);
    // 1e8 samples x 2 values x 8 bytes = 1.6 GB heap (x1.25 + JVM) + 1 GiB native: fits.
    assertEquals(Optional.empty(),
        eightGigabytes.refusal(declaring(8, -1), LARGE, Precision.FLOAT64, false));
    // 40 bytes a value: 8 GB heap, 10 GB with room: does not.
    Optional<String> refused = eightGigabytes.refusal(declaring(40, -1), LARGE,
        Precision.FLOAT64, true);
    assertTrue(refused.orElseThrow().startsWith("needs 11.3 GB, 8.0 GB available"),
        refused.orElseThrow());
    assertTrue(refused.orElseThrow().contains("N = 100000000, p = 1, f64"), refused.orElseThrow());
  }

  @Test
  void anUnnamedSolverWhoseCallTakesMinutesIsLeftOutButANamedOneRuns() {
    Admission plenty = new Admission(Long.MAX_VALUE);
    Optional<String> unnamed = plenty.refusal(declaring(8, 240), LARGE, Precision.FLOAT64, false);
    assertTrue(unnamed.orElseThrow().contains("one call would take about 240 s at this size"),
        unnamed.orElseThrow());
    assertTrue(unnamed.orElseThrow().contains("--solvers declares"), unnamed.orElseThrow());
    assertEquals(Optional.empty(),
        plenty.refusal(declaring(8, 240), LARGE, Precision.FLOAT64, true));
    assertEquals(Optional.empty(),
        plenty.refusal(declaring(8, 30), LARGE, Precision.FLOAT64, false));
  }

  @Test
  void onlyLargeGeneratedDataIsMappedSoOnlyItNeedsNoHeapForTheReferences() {
    assertTrue(DataRecipe.generated(3_000_000, 1, 444, 0.1).isMapped());
    assertTrue(DataRecipe.blocks(1_000_000, 4, 444, 0.1).isMapped());
    assertFalse(DataRecipe.generated(10_000, 1, 444, 0.1).isMapped(), "small: made in memory");
    assertFalse(DataRecipe.generated(3_000_000, 2, 444, 0.1).isMapped(), "synthetic: in memory");
    assertFalse(DataRecipe.generated(3_000_000, 1, 444, 0.1).standardized(true, false).isMapped(),
        "standardised: scaled copies in memory");
  }
}
