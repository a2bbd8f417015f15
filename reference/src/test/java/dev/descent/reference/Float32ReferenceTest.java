package dev.descent.reference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.api.Dataset;
import dev.descent.api.Fit;
import dev.descent.api.Precision;
import dev.descent.api.Schedule;
import org.junit.jupiter.api.Test;

class Float32ReferenceTest {

  @Test
  void float64IsTheFloat64ReferenceBitForBit() {
    Fit fit = ReferenceDescent.descend(Datasets.article(), Article.schedule(), Precision.FLOAT64);
    assertArrayEquals(Article.descentWeights(), fit.weights());
  }

  /** Pinned: a change here changes every float32 verdict, so it must be deliberate. */
  @Test
  void float32ReachesItsOwnPinnedArticleWeights() {
    Fit fit = ReferenceDescent.descend(Datasets.article(), Article.schedule(), Precision.FLOAT32);
    assertArrayEquals(new double[] {2.959855318069458, 2.0329689979553223}, fit.weights());
    double fromFloat64 = Deviation.relative(fit.weights(), Article.descentWeights());
    assertTrue(fromFloat64 > 1e-6 && fromFloat64 < 2e-6, "float32 drifts " + fromFloat64);
  }

  @Test
  void oneEpochByHandInFloat() {
    // N = 2, x = {0, 1}, d = {1, 3}, w = 0, mu = 0.1 (not a float): every step rounds to float.
    Dataset data = Dataset.of("t", new double[][] {{0, 1}}, new double[] {1, 3});
    Fit fit = ReferenceDescent.descend(data, Schedule.of(0.1, 1), Precision.FLOAT32);
    float mu = 0.1f;
    assertArrayEquals(new double[] {mu * (1.0f * 4.0f), mu * (1.0f * 3.0f)}, fit.weights());
  }

  @Test
  void oneSkippedEpochOfTheArticleIsOutsideTheFloat32Tolerance() {
    Fit full = ReferenceDescent.descend(Datasets.article(), Article.schedule(), Precision.FLOAT32);
    Fit skipped = ReferenceDescent.descend(Datasets.article(),
        Article.schedule().withEpochs(Article.EPOCHS - 1), Precision.FLOAT32);
    double move = Deviation.relative(skipped.weights(), full.weights());
    double tolerance = Tolerances.relative(Precision.FLOAT32, Article.SAMPLES);
    assertTrue(move > 2 * tolerance, "one epoch moves " + move + ", tolerance " + tolerance);
  }

  @Test
  void tracesTheFloat32LossAtEveryInterval() {
    Dataset data = Datasets.synthetic(300, 2, 4, 0.2, null);
    Schedule schedule = Schedule.of(0.01, 20).withInitialWeights(1, 1, 1).tracedEvery(5);
    Fit traced = ReferenceDescent.descend(data, schedule, Precision.FLOAT32);
    Fit reference = ReferenceDescent.descend(data, schedule);
    assertEquals(5, traced.losses().length);
    assertTrue(Deviation.relative(traced.losses(), reference.losses()) < 1e-5,
        "float32 losses are the float64 ones to float32's accuracy");
    assertArrayEquals(ReferenceDescent.descend(data, schedule.tracedEvery(0), Precision.FLOAT32)
        .weights(), traced.weights(), "tracing does not change the weights");
  }

  @Test
  void rejectsANullPrecisionAndStartingWeightsOfTheWrongLength() {
    Dataset data = Datasets.synthetic(5, 2, 1, 0.1, null);
    IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
        () -> ReferenceDescent.descend(data, Schedule.of(0.1, 1), null));
    assertTrue(none.getMessage().contains("precision"), none.getMessage());
    IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
        () -> ReferenceDescent.descend(data, Schedule.of(0.1, 1).withInitialWeights(1, 2),
            Precision.FLOAT32));
    assertTrue(wrong.getMessage().contains("initialWeights"), wrong.getMessage());
  }

  @Test
  void pairwiseSumIsNumpysAndItsErrorGrowsLikeLogN() {
    float[] small = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
    assertEquals(66.0f, PairwiseSum.sum(small, 0, small.length));
    assertEquals(5.0f, PairwiseSum.sum(small, 1, 2));
    int n = 10_000_000;
    float[] tenths = new float[n];
    java.util.Arrays.fill(tenths, 0.1f);
    double exact = (double) 0.1f * n;
    float running = 0;
    for (float value : tenths) {
      running += value;
    }
    double pairwiseError = Math.abs(PairwiseSum.sum(tenths, 0, n) - exact) / exact;
    double runningError = Math.abs(running - exact) / exact;
    assertTrue(pairwiseError < 42 * 0x1p-24, "pairwise loses " + pairwiseError);
    assertTrue(runningError > 0.01, "a running float sum of 1e7 tenths drifts: " + runningError);
  }
}
