package dev.descent.reference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.api.Dataset;
import dev.descent.api.Fit;
import dev.descent.api.Schedule;
import org.junit.jupiter.api.Test;

class ReferenceDescentTest {

  @Test
  void reachesTheArticlesPrintedWeights() {
    Fit fit = ReferenceDescent.descend(Datasets.article(), Article.schedule());
    assertTrue(Deviation.relative(fit.weights(), Article.descentWeights()) <= 1e-12,
        fit.toString());
  }

  @Test
  void oneEpochByHand() {
    // N = 2, x = {0, 1}, d = {1, 3}, w = 0: e = d, g0 = 4, g1 = 3, f = 1.
    Dataset data = Dataset.of("t", new double[][] {{0, 1}}, new double[] {1, 3});
    Fit fit = ReferenceDescent.descend(data, Schedule.of(0.5, 1));
    assertArrayEquals(new double[] {2.0, 1.5}, fit.weights());
  }

  @Test
  void tracesTheLossOfTheWeightsAfterEveryIntervalIncludingTheStart() {
    Dataset data = Datasets.synthetic(300, 2, 4, 0.2, null);
    Schedule schedule = Schedule.of(0.01, 20).withInitialWeights(1, 1, 1).tracedEvery(5);
    Fit traced = ReferenceDescent.descend(data, schedule);
    assertEquals(5, traced.losses().length);
    for (int point = 0; point < 5; point++) {
      Fit partial = ReferenceDescent.descend(data, Schedule.of(0.01, point * 5).withInitialWeights(1, 1, 1));
      assertEquals(ReferenceDescent.meanSquaredError(data, partial.weights()),
          traced.losses()[point], 1e-12 * traced.losses()[point], "loss after " + point * 5);
    }
    for (int point = 1; point < 5; point++) {
      assertTrue(traced.losses()[point] < traced.losses()[point - 1], "loss decreases");
    }
    assertArrayEquals(ReferenceDescent.descend(data, schedule.tracedEvery(0)).weights(),
        traced.weights(), "tracing does not change the weights");
  }

  @Test
  void convergesToTheClosedForm() {
    Dataset data = Datasets.synthetic(500, 3, 8, 0.3, null);
    Fit fit = ReferenceDescent.descend(data, Schedule.of(0.1, 3000));
    assertTrue(Deviation.relative(fit.weights(), LeastSquares.solve(data)) < 1e-10);
  }

  @Test
  void rejectsStartingWeightsOfTheWrongLength() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> ReferenceDescent.descend(Datasets.synthetic(5, 2, 1, 0.1, null),
            Schedule.of(0.1, 1).withInitialWeights(1, 2)));
    assertTrue(error.getMessage().contains("initialWeights"), error.getMessage());
  }
}
