package dev.descent.reference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.api.Dataset;
import dev.descent.api.Fit;
import dev.descent.api.Schedule;
import org.junit.jupiter.api.Test;

/** Standardisation, the step size the data allows, and divergence told apart from progress. */
class ConvergenceTest {

  /** Yearly values as people download them: a feature in the thousands. */
  static Dataset years() {
    int n = 135;
    double[] year = new double[n];
    double[] temp = new double[n];
    for (int i = 0; i < n; i++) {
      year[i] = 1880 + i;
      temp[i] = -0.3 + 0.007 * i + 0.1 * Math.sin(i * 1.7);
    }
    return Dataset.of("years", new double[][] {year}, temp);
  }

  @Test
  void stableLimitIsTwoOverTheHessiansLargestEigenvalue() {
    Dataset data = years();
    double[] x = data.column(0);
    double sum = 0;
    double squares = 0;
    for (double value : x) {
      sum += value;
      squares += value * value;
    }
    double a = 1;
    double b = sum / x.length;
    double c = squares / x.length;
    double largest = 2 * ((a + c) / 2 + Math.sqrt((a - c) * (a - c) / 4 + b * b));
    StepSize step = StepSize.of(data);
    assertEquals(largest, step.curvature(), 1e-12 * largest);
    assertEquals(2 / largest, step.stableLimit(), 1e-12 * 2 / largest);
    assertEquals(1 / largest, step.automatic(), 1e-12 / largest);
  }

  @Test
  void theArticlesMuDivergesOnYearsAndSaysWhy() {
    Dataset data = years();
    Fit run = ReferenceDescent.descend(data, Schedule.of(0.001, 10_000).tracedEvery(1));
    Convergence convergence =
        Convergence.of(data, 0.001, run, LeastSquares.solve(data));
    assertTrue(convergence.diverged());
    assertEquals(1, convergence.divergedAtEpoch());
    String limit = String.format(java.util.Locale.ROOT, "%.2g", StepSize.of(data).stableLimit());
    assertEquals("DIVERGED at epoch 1: mu = 0.001 is above the stable limit ≈ " + limit
        + " for this data; use --standardize or --mu auto", convergence.message());
  }

  @Test
  void fromTheArticlesStartTheLossGrowsAtOnceJustAboveTheLimit() {
    Dataset data = Datasets.article(200, 444, 0.1);
    double mu = StepSize.of(data).stableLimit() * 1.01;
    Fit run = ReferenceDescent.descend(data, Schedule.of(mu, 3000).tracedEvery(1));
    Convergence convergence = Convergence.of(data, mu, run, LeastSquares.solve(data));
    // w = 0 lies mostly along the stiff direction, which grows by 1.01 an epoch from the first.
    assertEquals(1, convergence.divergedAtEpoch(), convergence.toString());
  }

  @Test
  void startingOffTheStiffDirectionTheLossFallsFirstThenGrows() {
    Dataset data = Datasets.article(200, 444, 0.1);
    double[] x = data.column(0);
    double mean = java.util.Arrays.stream(x).average().orElseThrow();
    double meanSquare = java.util.Arrays.stream(x).map(v -> v * v).average().orElseThrow();
    double[] stiff = {1, 1};
    for (int i = 0; i < 100; i++) {
      double[] next = {stiff[0] + mean * stiff[1], mean * stiff[0] + meanSquare * stiff[1]};
      double norm = Math.hypot(next[0], next[1]);
      stiff = new double[] {next[0] / norm, next[1] / norm};
    }
    double[] optimum = LeastSquares.solve(data);
    double[] start = {optimum[0] - stiff[1], optimum[1] + stiff[0]};
    double mu = StepSize.of(data).stableLimit() * 1.01;
    Fit run = ReferenceDescent.descend(data,
        Schedule.of(mu, 3000).withInitialWeights(start).tracedEvery(1));
    Convergence convergence = Convergence.of(data, mu, run, optimum);
    assertTrue(convergence.diverged(), convergence.toString());
    int k = convergence.divergedAtEpoch();
    assertTrue(k > 10, convergence.toString());
    double[] losses = run.losses();
    assertTrue(losses[k] > losses[k - 1] && losses[k - 1] <= losses[k - 2]);
  }

  @Test
  void justBelowTheLimitNothingDiverges() {
    Dataset data = Datasets.article(200, 444, 0.1);
    double mu = StepSize.of(data).stableLimit() * 0.99;
    Fit run = ReferenceDescent.descend(data, Schedule.of(mu, 3000).tracedEvery(1));
    Convergence convergence = Convergence.of(data, mu, run, LeastSquares.solve(data));
    assertFalse(convergence.diverged(), convergence.toString());
  }

  @Test
  void theArticlesRunIsFiniteButNotConverged() {
    Dataset data = Datasets.article();
    Fit run = ReferenceDescent.descend(data, Schedule.of(0.001, 10_000).tracedEvery(1));
    Convergence convergence = Convergence.of(data, 0.001, run, LeastSquares.solve(data));
    assertFalse(convergence.diverged());
    assertEquals("", convergence.message());
    assertTrue(convergence.finalLoss() > convergence.closedFormLoss());
    assertTrue(convergence.gapClosed() > 0.99 && convergence.gapClosed() < 1,
        "gap closed " + convergence.gapClosed());
  }

  @Test
  void standardisedDescentWithTheAutomaticStepReachesTheClosedForm() {
    Dataset raw = years();
    Standardization scaling = Standardization.of(raw, true);
    Dataset data = scaling.apply(raw);
    double[] x = data.column(0);
    assertEquals(0, java.util.Arrays.stream(x).sum() / x.length, 1e-15);
    assertEquals(1, java.util.Arrays.stream(x).map(v -> v * v).sum() / x.length, 1e-14);
    double mu = StepSize.of(data).automatic();
    Fit run = ReferenceDescent.descend(data, Schedule.of(mu, 200).tracedEvery(1));
    double[] closedForm = LeastSquares.solve(raw);
    double[] back = scaling.toDataUnits(run.weights());
    assertArrayEquals(closedForm, back, 1e-9 * Math.abs(closedForm[0]));
    assertArrayEquals(closedForm, scaling.toDataUnits(LeastSquares.solve(data)), 1e-12);
    Convergence convergence =
        Convergence.of(data, mu, run, LeastSquares.solve(data));
    assertEquals(1, convergence.gapClosed(), 1e-9);
  }

  @Test
  void aConstantColumnCannotBeStandardised() {
    Dataset data = Dataset.of("flat", new double[][] {{1, 2, 3}, {5, 5, 5}}, new double[] {1, 2,
        3});
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Standardization.of(data, false));
    assertEquals("feature x2 of flat is constant (every value 5.0): it cannot be standardised",
        e.getMessage());
  }
}
