package dev.descent.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.api.Precision;
import org.junit.jupiter.api.Test;

class TolerancesTest {

  @Test
  void float64IsOneBillionthForEveryProblem() {
    assertEquals(1e-9, Tolerances.relative(Precision.FLOAT64, 1));
    assertEquals(1e-9, Tolerances.relative(Precision.FLOAT64, 1_000_000_000L, 101));
  }

  @Test
  void float32IsUnitsOfRoundingThatGrowWithFeaturesAndLogN() {
    assertEquals(0x1p-24 * 8, Tolerances.relative(Precision.FLOAT32, 1));
    assertEquals(0x1p-24 * (4 + 36 + 10), Tolerances.relative(Precision.FLOAT32, 1024, 18),
        1e-20);
    double article = Tolerances.relative(Precision.FLOAT32, Article.SAMPLES);
    assertTrue(article > 1.2e-6 && article < 1.3e-6, "article: " + article);
    double billion = Tolerances.relative(Precision.FLOAT32, 1_000_000_000L);
    assertTrue(billion < 2.5e-6, "N = 1e9 stays below one article epoch: " + billion);
  }

  @Test
  void rejectsWhatIsNotAProblem() {
    assertThrows(IllegalArgumentException.class, () -> Tolerances.relative(null, 10));
    assertThrows(IllegalArgumentException.class,
        () -> Tolerances.relative(Precision.FLOAT32, 0));
    assertThrows(IllegalArgumentException.class,
        () -> Tolerances.relative(Precision.FLOAT32, 10, 0));
  }
}
