package dev.descent.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.api.Dataset;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LeastSquaresTest {

  @Test
  void givesTheArticlesClosedFormToItsPrintedDigits() {
    double[] w = LeastSquares.solve(Datasets.article());
    assertEquals(2.99536719, w[0], 5e-9);
    assertEquals(2.00288672, w[1], 5e-9);
  }

  @Test
  void recoversExactWeightsFromNoiselessDataOfManyFeatures() {
    double[] truth = {1.5, -2, 0.25, 3, -0.75};
    double[] w = LeastSquares.solve(Datasets.synthetic(200, 4, 3, 0.0, truth));
    assertTrue(Deviation.relative(w, truth) < 1e-13, Arrays.toString(w));
  }

  @Test
  void agreesWithTheNormalEquationsSolvedByHandForTwoWeights() {
    // d = 1 + 2x exactly at three points plus a residual that least squares splits evenly.
    Dataset data = Dataset.of("t", new double[][] {{0, 1, 2}}, new double[] {1, 3.5, 5});
    double[] w = LeastSquares.solve(data);
    // Normal equations: [3 3; 3 5] w = [9.5; 13.5] -> w1 = 2, w0 = 7/6.
    assertEquals(7.0 / 6, w[0], 1e-15);
    assertEquals(2.0, w[1], 1e-15);
  }

  @Test
  void failsClearlyOnASingularSystem() {
    IllegalArgumentException constant = assertThrows(IllegalArgumentException.class,
        () -> LeastSquares.solve(Dataset.of("t", new double[][] {{2, 2, 2}}, new double[] {1, 2, 3})));
    assertTrue(constant.getMessage().contains("singular"), constant.getMessage());
    assertTrue(constant.getMessage().contains("x1"), constant.getMessage());

    IllegalArgumentException duplicate = assertThrows(IllegalArgumentException.class,
        () -> LeastSquares.solve(Dataset.of("t",
            new double[][] {{1, 2, 3, 4}, {2, 4, 6, 8}}, new double[] {1, 2, 3, 5})));
    assertTrue(duplicate.getMessage().contains("x2"), duplicate.getMessage());

    IllegalArgumentException tooFew = assertThrows(IllegalArgumentException.class,
        () -> LeastSquares.solve(Dataset.of("t", new double[][] {{1}}, new double[] {1})));
    assertTrue(tooFew.getMessage().contains("N = 1 samples cannot determine 2 weights"),
        tooFew.getMessage());
  }
}
