package dev.descent.reference;

import static dev.descent.reference.Fixtures.doubles;
import static dev.descent.reference.Fixtures.fnv1a64;
import static dev.descent.reference.Fixtures.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.api.Dataset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The article's data against NumPy: {@code np.random.seed(seed); noise = sigma *
 * np.random.randn(n); x = np.linspace(0, 2, n); d = 3 + 2 * x + noise}. Expected values come
 * from the script in src/test/resources/README.md.
 */
class ArticleDataTest {

  @Test
  void firstNoiseValuesAreTheArticles() {
    double[] noise = Datasets.articleNoise(10_000, 444, 0.1);
    assertEquals(0.035743992441799426, noise[0]);
    assertEquals(0.03775384003264157, noise[1]);
    assertEquals(0.13823378936833267, noise[2]);
  }

  @Test
  void checksumOfAllTargetsIsNumpys() {
    assertEquals(0xfe98e60ccbd9c578L, fnv1a64(Datasets.article().targets()));
  }

  @Test
  void everyValueMatchesNumpyBitForBit() {
    List<long[]> rows = Fixtures.hexRows("article-444.txt");
    Dataset data = Datasets.article();
    double[] noise = Datasets.articleNoise(10_000, 444, 0.1);
    assertEquals(10_000, rows.size());
    assertEquals(10_000, data.samples());
    double[] x = data.column(0);
    double[] d = data.targets();
    List<String> differences = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      long[] row = rows.get(i);
      compare(differences, "x", i, row[0], x[i]);
      compare(differences, "noise", i, row[1], noise[i]);
      compare(differences, "d", i, row[2], d[i]);
    }
    assertEquals(List.of(), differences.subList(0, Math.min(10, differences.size())),
        differences.size() + " of 30 000 values differ from NumPy");
  }

  private static void compare(
      List<String> differences, String field, int i, long expectedBits, double actual) {
    if (Double.doubleToRawLongBits(actual) != expectedBits) {
      differences.add(field + "[" + i + "] = " + hex(actual) + ", NumPy "
          + hex(Double.longBitsToDouble(expectedBits)));
    }
  }

  @Test
  void articleIsOneFeatureNamedAfterItsRecipe() {
    Dataset data = Datasets.article();
    assertEquals(1, data.features());
    assertEquals("article (N=10000, seed 444, sigma 0.1)", data.name());
    Dataset same = Datasets.article(10_000, 444, 0.1);
    assertArrayEquals(same.column(0), data.column(0));
    assertArrayEquals(same.targets(), data.targets());
  }

  @Test
  void singleSample() {
    Dataset data = Datasets.article(1, 0, 0.1);
    assertArrayEquals(doubles(0x0000000000000000L), data.column(0));
    assertArrayEquals(doubles(0x4009694725cb7d95L), data.targets());
  }

  @Test
  void twoSamplesWithLargestSeed() {
    Dataset data = Datasets.article(2, 4294967295L, 1.0);
    assertArrayEquals(doubles(0x0000000000000000L, 0x4000000000000000L), data.column(0));
    assertArrayEquals(doubles(0x400d2ff0e3121b62L, 0x401ead6325ca0fdeL), data.targets());
  }

  @Test
  void sevenSamples() {
    Dataset data = Datasets.article(7, 12345, 0.5);
    assertArrayEquals(doubles(0x0000000000000000L, 0x3fd5555555555555L, 0x3fe5555555555555L,
        0x3ff0000000000000L, 0x3ff5555555555555L, 0x3ffaaaaaaaaaaaaaL, 0x4000000000000000L),
        data.column(0));
    assertArrayEquals(doubles(0x40072e611d8516feL, 0x400f3fc574abb5d6L, 0x40104b61764a7184L,
        0x4012e377514adce1L, 0x401a99257536b075L, 0x401c1ec1d29aaebeL, 0x401c2f919f084f65L),
        data.targets());
  }

  @Test
  void thousandAndOneSamples() {
    Dataset data = Datasets.article(1001, 2024, 0.25);
    assertEquals(0xb927e44ad81d479fL, fnv1a64(data.column(0)));
    assertEquals(0xb543f76ed78406fbL, fnv1a64(data.targets()));
    assertEquals(1.0, data.column(0)[500]);
    assertEquals(Double.longBitsToDouble(0x400b560a4c6a6e35L), data.targets()[0]);
    assertEquals(Double.longBitsToDouble(0x401d643a10c47c24L), data.targets()[1000]);
  }

  @Test
  void zeroNoiseGivesTheExactLine() {
    Dataset data = Datasets.article(50, 444, 0.0);
    double[] x = data.column(0);
    double[] d = data.targets();
    for (int i = 0; i < 50; i++) {
      assertEquals(3 + 2 * x[i], d[i]);
    }
  }

  @ParameterizedTest
  @CsvSource({
    "0, 444, 0.1, N = 0",
    "-5, 444, 0.1, N = -5",
    "10, -1, 0.1, seed = -1",
    "10, 4294967296, 0.1, seed = 4294967296",
    "10, 444, -0.1, sigma = -0.1",
    "10, 444, NaN, sigma = NaN",
    "10, 444, Infinity, sigma = Infinity",
  })
  void rejectsBadParametersNamingFieldAndValue(int n, long seed, double sigma, String named) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Datasets.article(n, seed, sigma));
    assertTrue(e.getMessage().contains(named), e.getMessage());
    IllegalArgumentException noise =
        assertThrows(IllegalArgumentException.class, () -> Datasets.articleNoise(n, seed, sigma));
    assertEquals(e.getMessage(), noise.getMessage());
  }

  /** The stream gives the held data's bits, read whole, in chunks, or out of order. */
  @Test
  void theStreamIsTheSameDataBitForBit() {
    Dataset held = Datasets.article(5003, 444, 0.1);
    Dataset stream = Datasets.articleStream(5003, 444, 0.1);
    assertArrayEquals(held.column(0), stream.column(0));
    assertArrayEquals(held.targets(), stream.targets());
    double[] d = held.targets();
    double[] chunk = new double[100];
    stream.read(1, 4000, chunk, 0, 100);
    stream.read(1, 17, chunk, 0, 100);
    for (int i = 0; i < 100; i++) {
      assertEquals(d[17 + i], chunk[i], 0);
    }
    assertEquals("article(n=5003,seed=444,sigma=0.1)", stream.recipe().orElseThrow());
  }
}
