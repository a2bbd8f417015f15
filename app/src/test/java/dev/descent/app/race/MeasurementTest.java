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
    return ran(device, setup, new double[] {1, 2}, "", seconds);
  }

  private static Measurement ran(String device, double setup, double[] weights,
      String unrepeatable, double... seconds) {
    return new Measurement(Precision.FLOAT64, "", "", device, setup, List.of(1.0),
        Arrays.stream(seconds).boxed().toList(), weights, new double[0], false, unrepeatable,
        List.of(weights), "", 1);
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
  void everyLaunchsWeightsAreKeptForTheVerdictAndTheFirstUnrepeatableLaunchIsNamed() {
    double[] honest = {1, 2};
    double[] lazy = {1, 1.5};
    Measurement pooled = Measurement.pool(List.of(ran("cpu", 0.1, honest, "", 1),
        ran("cpu", 0.1, lazy, "", 2), ran("cpu", 0.1, honest, "call 2 gave [0.0]", 3)));
    assertEquals(3, pooled.judged().size());
    assertEquals(lazy[1], pooled.judged().get(1)[1], 0);
    assertEquals("launch 3: call 2 gave [0.0]", pooled.unrepeatable());
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
