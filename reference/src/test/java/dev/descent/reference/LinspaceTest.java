package dev.descent.reference;

import static dev.descent.reference.Fixtures.doubles;
import static dev.descent.reference.Fixtures.fnv1a64;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** {@code Datasets.linspace} against {@code np.linspace(start, stop, num)} from NumPy 2.4.6. */
class LinspaceTest {

  @Test
  void onePointIsTheStart() {
    assertArrayEquals(doubles(0x0000000000000000L), Datasets.linspace(0, 2, 1));
  }

  @Test
  void zeroPointsIsEmpty() {
    assertEquals(0, Datasets.linspace(0, 2, 0).length);
  }

  @Test
  void twoAndThreePoints() {
    assertArrayEquals(doubles(0x0L, 0x4000000000000000L), Datasets.linspace(0, 2, 2));
    assertArrayEquals(doubles(0x0L, 0x3ff0000000000000L, 0x4000000000000000L),
        Datasets.linspace(0, 2, 3));
  }

  @Test
  void sevenPoints() {
    assertArrayEquals(doubles(0x0000000000000000L, 0x3fd5555555555555L, 0x3fe5555555555555L,
        0x3ff0000000000000L, 0x3ff5555555555555L, 0x3ffaaaaaaaaaaaaaL, 0x4000000000000000L),
        Datasets.linspace(0, 2, 7));
  }

  @Test
  void descending() {
    assertArrayEquals(doubles(0x3ff0000000000000L, 0x3fe0000000000000L, 0x0000000000000000L,
        0xbfe0000000000000L, 0xbff0000000000000L), Datasets.linspace(1, -1, 5));
  }

  @Test
  void inexactStartAndStop() {
    assertArrayEquals(doubles(0x3fb999999999999aL, 0x3fc3333333333333L, 0x3fc999999999999aL,
        0x3fd0000000000000L, 0x3fd3333333333333L, 0x3fd6666666666666L, 0x3fd999999999999aL,
        0x3fdcccccccccccccL, 0x3fe0000000000000L, 0x3fe1999999999999L, 0x3fe3333333333333L,
        0x3fe4ccccccccccccL, 0x3fe6666666666666L), Datasets.linspace(0.1, 0.7, 13));
  }

  @Test
  void stepThatUnderflowsToZeroTakesNumpysDivideFirstBranch() {
    // gh-5437: step == 0, so NumPy computes i / div * delta instead of i * step.
    assertArrayEquals(doubles(0x0L, 0x0L, 0x1L), Datasets.linspace(0, Double.MIN_VALUE, 3));
    assertArrayEquals(doubles(0x0L, 0x0L, 0x1L, 0x2L, 0x2L), Datasets.linspace(0, 1e-323, 5));
  }

  @Test
  void equalStartAndStop() {
    double[] expected = {-3, -3, -3, -3};
    assertArrayEquals(expected, Datasets.linspace(-3, -3, 4));
  }

  @Test
  void theArticlesTenThousandPoints() {
    double[] x = Datasets.linspace(0, 2, 10_000);
    assertEquals(0x5533f6317f871a13L, fnv1a64(x));
    assertEquals(Double.longBitsToDouble(0x3fe5555555555556L), x[3333]);
    assertEquals(Double.longBitsToDouble(0x3fffff2e438a2036L), x[9998]);
  }
}
