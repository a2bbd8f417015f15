package dev.descent.app.race;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.api.Precision;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pooling the launches of --fork N. */
class MeasurementTest {

  private static Measurement ran(String device, double setup, double... seconds) {
    return new Measurement(Precision.FLOAT64, "", "", device, setup, List.of(1.0),
        Arrays.stream(seconds).boxed().toList(), new double[] {1, 2}, new double[0],
        false);
  }

  @Test
  void poolsEveryLaunchsSamplesWithTheMedianSetup() {
    Measurement pooled = Measurement.pool(List.of(ran("cpu", 0.3, 1, 2), ran("cpu", 0.1, 3),
        ran("cpu", 0.2, 4, 5)));
    assertEquals(List.of(1.0, 2.0, 3.0, 4.0, 5.0), pooled.seconds());
    assertEquals(3, pooled.warmupSeconds().size());
    assertEquals(0.2, pooled.setupSeconds(), 0);
    assertEquals("cpu", pooled.device());
  }

  @Test
  void aFailedLaunchStandsForAll() {
    Measurement failed = Measurement.lost(Precision.FLOAT64, "the JVM crashed", false);
    assertSame(failed, Measurement.pool(List.of(ran("cpu", 0.1, 1), failed, ran("cpu", 0.1, 2))));
  }

  @Test
  void launchesOnDifferentDevicesDoNotPool() {
    Measurement pooled = Measurement.pool(List.of(ran("gpu", 0.1, 1), ran("cpu", 0.1, 2)));
    assertTrue(pooled.error().contains("different devices"), pooled.error());
  }
}
