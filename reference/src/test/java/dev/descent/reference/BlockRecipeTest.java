package dev.descent.reference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.api.Dataset;
import org.junit.jupiter.api.Test;

/** The block recipe: NumPy's values bit for bit, and the same data however it is read. */
class BlockRecipeTest {

  /** Made by the NumPy lines in BlockRecipe's javadoc (NumPy 2.4, Linux x86-64). */
  private static final long[] X_10 = {0x0000000000000000L, 0x3fcc71c71c71c71cL,
      0x3fdc71c71c71c71cL, 0x3fe5555555555555L, 0x3fec71c71c71c71cL, 0x3ff1c71c71c71c72L,
      0x3ff5555555555555L, 0x3ff8e38e38e38e38L, 0x3ffc71c71c71c71cL, 0x4000000000000000L};
  private static final long[] D_10 = {0x400849342574872bL, 0x400bdb8ac6302191L,
      0x40101bc60c2060f8L, 0x4011cdb5a3f65ed2L, 0x401280fffc6f3a8fL, 0x4014f1fc5fc61d9cL,
      0x4016c40df011510aL, 0x401881e8c4cdfaa6L, 0x401aa54d3947e3faL, 0x401d2902f067d147L};
  private static final long[] X1_7 = {0x3fdc3d1236911f14L, 0xbfd52cfa0066e3e2L,
      0x400372382a020f64L, 0xc004e0de1f9706aeL, 0x3fe147a78a20dca5L, 0x40073ccca5a9caecL,
      0x3fd567c73266b63eL};
  private static final long[] X2_7 = {0xbfd02247070e5970L, 0x3fbc0f63fce5e5b1L,
      0x3ff951d7b8451247L, 0x3fee27f308699b65L, 0x3ff5ce9fccc094cfL, 0xbfed30fb46bf191fL,
      0x3fdb07f93b1954aaL};
  private static final long[] D_7 = {0x400f4206859f6e9bL, 0x4000a55b5ffd3e15L,
      0x40194dc8ffc862eeL, 0xc00ad9b59fc2288dL, 0x40059a062f9c1a8bL, 0x40228abbcfb241b6L,
      0x400a3738f4e059abL};

  private static double[] doubles(long[] bits) {
    double[] values = new double[bits.length];
    for (int i = 0; i < bits.length; i++) {
      values[i] = Double.longBitsToDouble(bits[i]);
    }
    return values;
  }

  @Test
  void matchesNumpyBitForBitForOneAndForSeveralFeatures() {
    Dataset line = new BlockRecipe(10, 1, 444, 0.1, 4).dataset();
    assertArrayEquals(doubles(X_10), line.column(0));
    assertArrayEquals(doubles(D_10), line.targets());
    Dataset plane = new BlockRecipe(7, 2, 5, 0.25, 3).dataset();
    assertArrayEquals(doubles(X1_7), plane.column(0));
    assertArrayEquals(doubles(X2_7), plane.column(1));
    assertArrayEquals(doubles(D_7), plane.targets());
  }

  /** Any reader, any order, any chunking: the same values, as executors need. */
  @Test
  void blocksAreIndependentOfHowTheyAreRead() {
    BlockRecipe recipe = new BlockRecipe(1000, 3, 77, 0.5, 64);
    Dataset data = recipe.dataset();
    double[] whole = data.targets();
    double[] backwards = new double[1000];
    for (int from = 1000 - 37; from > -37; from -= 37) {
      int start = Math.max(0, from);
      data.read(3, start, backwards, start, Math.min(37, 1000 - start) - (start - from));
    }
    assertArrayEquals(whole, backwards);
    double[][] columns = new double[3][64];
    double[] targets = new double[64];
    recipe.fill(15, columns, targets);
    assertEquals(1000 - 15 * 64, recipe.rowsIn(15));
    for (int i = 0; i < recipe.rowsIn(15); i++) {
      assertEquals(whole[960 + i], targets[i], 0);
    }
    assertEquals(16, recipe.blocks());
  }

  @Test
  void travelsAsTextAndRejectsBadParameters() {
    BlockRecipe recipe = new BlockRecipe(1_000_000_000, 1, 444, 0.1, 65536);
    assertEquals("blocks(n=1000000000,p=1,seed=444,sigma=0.1,rows=65536)", recipe.toString());
    assertEquals(recipe, BlockRecipe.parse(recipe.toString()));
    assertEquals(recipe.toString(), recipe.dataset().recipe().orElseThrow());
    IllegalArgumentException notOne = assertThrows(IllegalArgumentException.class,
        () -> BlockRecipe.parse("article(n=5)"));
    assertTrue(notOne.getMessage().contains("'article(n=5)' is no block recipe"));
    assertThrows(IllegalArgumentException.class, () -> new BlockRecipe(0, 1, 1, 0.1, 4));
    assertThrows(IllegalArgumentException.class, () -> new BlockRecipe(5, 1, -1, 0.1, 4));
    assertThrows(IllegalArgumentException.class, () -> new BlockRecipe(5, 1, 1, Double.NaN, 4));
    assertThrows(IllegalArgumentException.class, () -> new BlockRecipe(5, 1, 1, 0.1, 0));
  }
}
