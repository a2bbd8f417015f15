package dev.descent.reference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.api.Dataset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataCacheTest {

  /** Written once, then mapped: the same bits, across mapping windows, without making it again. */
  @Test
  void writesOnceAndReadsTheSameValuesBack(@TempDir Path folder) {
    BlockRecipe recipe = new BlockRecipe(10_007, 2, 9, 0.3, 1000);
    DataCache cache = new DataCache(folder, Long.MAX_VALUE, 1024);
    AtomicInteger made = new AtomicInteger();
    Dataset first = cache.open(recipe.toString(), () -> {
      made.incrementAndGet();
      return recipe.dataset();
    }, line -> {});
    Dataset again = cache.open(recipe.toString(), () -> {
      made.incrementAndGet();
      return recipe.dataset();
    }, line -> {});
    assertEquals(1, made.get());
    Dataset fresh = recipe.dataset();
    for (Dataset cached : new Dataset[] {first, again}) {
      assertEquals(10_007, cached.samples());
      assertEquals(2, cached.features());
      assertArrayEquals(fresh.column(0), cached.column(0));
      assertArrayEquals(fresh.column(1), cached.column(1));
      assertArrayEquals(fresh.targets(), cached.targets());
      assertArrayEquals(fresh.targetsAsFloats(), cached.targetsAsFloats());
      assertEquals(recipe.toString(), cached.recipe().orElseThrow());
    }
    assertTrue(cache.has(recipe.toString()));
    assertEquals(4096 + 10_007L * 3 * 8, cache.size());
  }

  @Test
  void evictsTheLeastRecentlyUsedBeyondTheBudgetAndClears(@TempDir Path folder)
      throws Exception {
    DataCache cache = new DataCache(folder, 2 * (4096 + 1000 * 2 * 8) + 100);
    for (int seed = 1; seed <= 3; seed++) {
      BlockRecipe recipe = new BlockRecipe(1000, 1, seed, 0.1, 100);
      cache.open(recipe.toString(), recipe::dataset, line -> {});
      Thread.sleep(20);
    }
    assertFalse(cache.has(new BlockRecipe(1000, 1, 1, 0.1, 100).toString()), "oldest evicted");
    assertTrue(cache.has(new BlockRecipe(1000, 1, 3, 0.1, 100).toString()));
    assertEquals(2 * (4096 + 1000 * 2 * 8), cache.clear());
    assertEquals(0, cache.size());
  }

  /** A damaged file is named with the fix, never read as data. */
  @Test
  void aTruncatedFileIsRefusedWithTheFix(@TempDir Path folder) throws Exception {
    BlockRecipe recipe = new BlockRecipe(500, 1, 1, 0.1, 100);
    DataCache cache = new DataCache(folder, Long.MAX_VALUE);
    cache.open(recipe.toString(), recipe::dataset, line -> {});
    Path file = folder.resolve(DataCache.fileName(recipe.toString()));
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 8));
    IllegalStateException error = assertThrows(IllegalStateException.class,
        () -> cache.open(recipe.toString(), recipe::dataset, line -> {}));
    assertTrue(error.getMessage().contains("descent cache --clear"), error.getMessage());
  }

  /**
   * A reader that maps the file itself finds it by the key and reads any range of rows, across
   * mapping windows, as the dataset gives them; a key with no file has none.
   */
  @Test
  void theFileOfAKeyReadsAnyRangeOfRows(@TempDir Path folder) {
    BlockRecipe recipe = new BlockRecipe(5_003, 2, 4, 0.2, 700);
    DataCache cache = new DataCache(folder, Long.MAX_VALUE, 1024);
    assertTrue(cache.file(recipe.toString()).isEmpty(), "nothing written yet");
    cache.open(recipe.toString(), recipe::dataset, line -> {});
    CacheFile file = CacheFile.open(cache.file(recipe.toString()).orElseThrow(), 1000);
    assertEquals(5_003, file.samples());
    assertEquals(2, file.features());
    assertEquals(recipe.toString(), file.key());
    Dataset fresh = recipe.dataset();
    for (int column = 0; column <= 2; column++) {
      double[] expected = new double[2_500];
      fresh.read(column, 1_999, expected, 0, 2_500);
      double[] read = new double[2_501];
      file.read(column, 1_999, read, 1, 2_500);
      assertArrayEquals(expected, java.util.Arrays.copyOfRange(read, 1, 2_501),
          "column " + column + " from row 1999, across windows of 1000");
    }
    assertThrows(IndexOutOfBoundsException.class, () -> file.read(0, 5_000, new double[4], 0, 4));
    assertTrue(cache.file(new BlockRecipe(5_003, 2, 5, 0.2, 700).toString()).isEmpty(),
        "another seed is another key");
  }
}
