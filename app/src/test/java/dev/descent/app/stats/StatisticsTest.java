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
  void confidenceIntervalUsesStudentsT() {
    Timings timings = new Timings(List.of(1.0, 2.0, 3.0, 4.0, 5.0));
    assertEquals(3.0, timings.mean(), 0);
    assertEquals(3.0, timings.median(), 0);
    assertEquals(1.0, timings.best(), 0);
    assertEquals(Math.sqrt(2.5), timings.standardDeviation(), 1e-12);
    assertEquals(8.6103 * Math.sqrt(2.5) / Math.sqrt(5), timings.confidence999(), 1e-4);
    assertTrue(Double.isNaN(new Timings(List.of(1.0)).confidence999()));
  }

  /**
   * The exact quantile for the actual degrees of freedom. Expected values computed independently
   * (bisection on a Simpson integral of the t density's tail to 0.0005): the old table stepped
   * to 3.460 for df 41..60 and 3.291 past 120, intervals 1.7 % and 1.5 % too narrow here.
   */
  @Test
  void theQuantileIsExactForEveryDegreeOfFreedom() {
    assertEquals(8.6103, Timings.tQuantile(4), 1e-4);
    assertEquals(3.52025, Timings.tQuantile(45), 1e-4);
    assertEquals(3.4602, Timings.tQuantile(60), 1e-4);
    assertEquals(3.33984, Timings.tQuantile(200), 1e-4);
    List<Double> samples = new ArrayList<>();
    for (int i = 0; i < 46; i++) {
      samples.add(1.0 + (i % 2));
    }
    Timings timings = new Timings(samples);
    assertEquals(3.52025 * timings.standardDeviation() / Math.sqrt(46), timings.confidence999(),
        1e-5);
  }

  /** The normal approximation's two-sided p for samples beyond the exact test's size. */
  @Test
  void largeSamplesUseTheNormalApproximation() {
    List<Double> a = new ArrayList<>();
    List<Double> b = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      a.add((double) i);
      b.add(i + 0.5);
    }
    // U = 435 of 900, mean 450, sigma = sqrt(30·30·61/12) = 67.64; with the continuity
    // correction z = (15 - 0.5) / 67.64 = 0.2144, p = 2·(1 - Φ(0.2144)) = 0.8303.
    assertEquals(0.8303, MannWhitney.pValue(a, b), 1e-4);
  }

}
