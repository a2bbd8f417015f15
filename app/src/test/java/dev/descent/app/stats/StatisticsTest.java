package dev.descent.app.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StatisticsTest {

  @Test
  void mannWhitneyExactPValueOfFullySeparatedSamples() {
    // 5 vs 5 with every value of b above a: only 2 of the C(10,5) = 252 splits are as extreme.
    double p = MannWhitney.pValue(List.of(1.0, 2.0, 3.0, 4.0, 5.0),
        List.of(6.0, 7.0, 8.0, 9.0, 10.0));
    assertEquals(2.0 / 252, p, 1e-12);
  }

  @Test
  void mannWhitneyOfIdenticalSamplesIsOne() {
    assertEquals(1.0, MannWhitney.pValue(List.of(1.0, 1.0, 1.0), List.of(1.0, 1.0, 1.0)), 1e-12);
  }

  @Test
  void mannWhitneyKnownSmallCase() {
    // a = {1, 3}, b = {2, 4, 5}: U_a = 1; splits with |U - 3| >= 2: U in {0, 1, 5, 6} -> 4 of 10.
    assertEquals(0.4, MannWhitney.pValue(List.of(1.0, 3.0), List.of(2.0, 4.0, 5.0)), 1e-12);
  }

  @Test
  void mannWhitneyNormalApproximationForLargeSamples() {
    Random random = new Random(1);
    List<Double> a = new ArrayList<>();
    List<Double> b = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      a.add(random.nextGaussian());
      b.add(random.nextGaussian() + 2);
    }
    assertTrue(MannWhitney.pValue(a, b) < 1e-6);
    assertTrue(MannWhitney.pValue(a, new ArrayList<>(a)) > 0.9);
  }

  @Test
  void standardNormalCdf() {
    assertEquals(0.5, MannWhitney.standardNormalCdf(0), 1e-7);
    assertEquals(0.975002, MannWhitney.standardNormalCdf(1.96), 1e-6);
    assertEquals(0.024998, MannWhitney.standardNormalCdf(-1.96), 1e-6);
  }

  @Test
  void confidenceIntervalUsesStudentsT() {
    Timings timings = new Timings(List.of(1.0, 2.0, 3.0, 4.0, 5.0));
    assertEquals(3.0, timings.mean(), 0);
    assertEquals(3.0, timings.median(), 0);
    assertEquals(1.0, timings.best(), 0);
    assertEquals(Math.sqrt(2.5), timings.standardDeviation(), 1e-12);
    assertEquals(8.610 * Math.sqrt(2.5) / Math.sqrt(5), timings.confidence999(), 1e-12);
    assertTrue(Double.isNaN(new Timings(List.of(1.0)).confidence999()));
  }

}
