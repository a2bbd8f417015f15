package dev.descent.reference;

import static dev.descent.reference.Fixtures.doubles;
import static dev.descent.reference.Fixtures.fnv1a64;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.api.Dataset;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * {@code Datasets.synthetic} against the NumPy recipe in its javadoc, run by the script in
 * src/test/resources/README.md.
 */
class SyntheticDataTest {

  @Test
  void shape() {
    Dataset data = Datasets.synthetic(123, 4, 1, 0.5, null);
    assertEquals(123, data.samples());
    assertEquals(4, data.features());
    assertEquals(5, data.weightCount());
  }

  @Test
  void deterministicPerSeed() {
    Dataset a = Datasets.synthetic(500, 3, 9, 0.1, null);
    Dataset b = Datasets.synthetic(500, 3, 9, 0.1, null);
    Dataset other = Datasets.synthetic(500, 3, 10, 0.1, null);
    for (int j = 0; j < 3; j++) {
      assertArrayEquals(a.column(j), b.column(j));
    }
    assertArrayEquals(a.targets(), b.targets());
    assertFalse(Arrays.equals(a.targets(), other.targets()));
  }

  @Test
  void defaultWeights() {
    assertArrayEquals(new double[] {3, 2, -1, 2.0 / 3, -0.5}, Datasets.defaultWeights(4));
  }

  @Test
  void reproducesNumpyWithDefaultWeights() {
    Dataset data = Datasets.synthetic(5, 3, 7, 0.5, null);
    assertArrayEquals(doubles(0x3ffb0c64ae2deb29L, 0xbfddd1eafa1d414dL, 0x3fa0cdcdf34c3aedL,
        0x3fda14bf2d03adc9L, 0xbfe93edb81e0483fL), data.column(0));
    assertArrayEquals(doubles(0x3f60ebd202837d2fL, 0xbf4d2d1912005d29L, 0xbffc1359cb53ff75L,
        0x3ff04853c2cd6586L, 0x3fe33748a9e578d5L), data.column(1));
    assertArrayEquals(doubles(0xbfe403839fa50ee5L, 0xbfc5f54b1dc2b993L, 0x3fe02b6997dba877L,
        0xbfd0ba1041f64458L, 0xbfcf1266dd043021L), data.column(2));
    assertArrayEquals(doubles(0x4014f10ff80be015L, 0x4001db0383315b0dL, 0x4014e06e735e1bdbL,
        0x4006153b3f62d009L, 0xbfba7b03cfabfa40L), data.targets());
  }

  @Test
  void reproducesNumpyWithGivenWeights() {
    Dataset data = Datasets.synthetic(4, 2, 99, 0.0, new double[] {1.5, -2, 0.25});
    assertArrayEquals(doubles(0xbfc238d086d9c366L, 0x40007530ab9c4334L, 0x3fd220f6b1501f0cL,
        0x3ff546e8ecc70e06L), data.column(0));
    assertArrayEquals(doubles(0xbfc3caa618bf72c5L, 0xbfb1ac01a260e582L, 0x3fe82a7043bf9621L,
        0x3fea6bb2852d3d30L), data.column(1));
    assertArrayEquals(doubles(0x3ffbefdef0f07544L, 0xc0050db95a7d4833L, 0x3ff1f4d2afcfe33eL,
        0xbfee80b711d0e8ccL), data.targets());
  }

  @Test
  void reproducesNumpyAtSize() {
    Dataset data = Datasets.synthetic(2000, 4, 31, 0.3, null);
    assertEquals(0x2e02db1a9f83bb85L, fnv1a64(data.column(3)));
    assertEquals(0x588c369bedb551aaL, fnv1a64(data.targets()));
  }

  @Test
  void firstColumnIsTheArticlesNoiseStream() {
    // Column 1 is the generator's first n normals, the same draws the article scales by sigma.
    double[] first = Datasets.synthetic(100, 2, 444, 0.1, null).column(0);
    assertArrayEquals(new NumpyLegacyRandom(444).randn(100), first);
  }

  @Test
  void givenWeightsAreCopied() {
    double[] weights = {1, 2};
    Dataset data = Datasets.synthetic(3, 1, 5, 0.0, weights);
    weights[1] = 100;
    assertEquals(1 + 2 * data.column(0)[0], data.targets()[0]);
  }

  @Test
  void rejectsBadSampleCount() {
    assertMessage(() -> Datasets.synthetic(0, 2, 1, 0.1, null), "N = 0");
  }

  @Test
  void rejectsBadFeatureCount() {
    assertMessage(() -> Datasets.synthetic(10, 0, 1, 0.1, null), "p = 0");
    assertMessage(() -> Datasets.defaultWeights(-2), "p = -2");
  }

  @Test
  void rejectsBadSeed() {
    assertMessage(() -> Datasets.synthetic(10, 2, -7, 0.1, null), "seed = -7");
  }

  @Test
  void rejectsBadSigma() {
    assertMessage(() -> Datasets.synthetic(10, 2, 1, -1, null), "sigma = -1.0");
    assertMessage(() -> Datasets.synthetic(10, 2, 1, Double.NaN, null), "sigma = NaN");
    assertMessage(
        () -> Datasets.synthetic(10, 2, 1, Double.POSITIVE_INFINITY, null), "sigma = Infinity");
  }

  @Test
  void rejectsWrongNumberOfWeights() {
    assertMessage(() -> Datasets.synthetic(10, 2, 1, 0.1, new double[] {1, 2}),
        "weights has 2 values but p = 2 features need p + 1 = 3");
  }

  @Test
  void rejectsNonFiniteWeights() {
    assertMessage(() -> Datasets.synthetic(10, 1, 1, 0.1, new double[] {1, Double.NaN}),
        "weights[1] = NaN");
    assertMessage(
        () -> Datasets.synthetic(10, 1, 1, 0.1, new double[] {Double.NEGATIVE_INFINITY, 1}),
        "weights[0] = -Infinity");
  }

  private static void assertMessage(Runnable call, String expected) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }
}
