package dev.descent.backend.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.api.Dataset;
import dev.descent.api.Precision;
import dev.descent.reference.BlockRecipe;
import dev.descent.reference.DataCache;
import dev.descent.reference.Datasets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The blocks Spark makes hold exactly the dataset's values, however they are partitioned. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BlocksTest {

  private SparkDriver driver;

  @BeforeAll
  void start() {
    driver = SparkDriver.start(new SparkSettings("local[2]", Map.of()), "BlocksTest");
  }

  @AfterAll
  void stop() {
    driver.close();
  }

  @Test
  void recipeBlocksMadeOnTheExecutorsDoNotDependOnThePartitions() {
    Dataset data = new BlockRecipe(10_007, 3, 7, 0.3, 1_000).dataset();
    for (int partitions : new int[] {1, 3, 11, 64}) {
      assertHolds(data, Precision.FLOAT64, partitions);
      assertHolds(data, Precision.FLOAT32, partitions);
    }
  }

  @Test
  void driverBlocksHoldTheDatasetsValues() {
    Dataset data = Datasets.synthetic(70_001, 2, 3, 0.5, null);
    assertHolds(data, Precision.FLOAT64, 2);
    assertHolds(data, Precision.FLOAT32, 5);
  }

  /**
   * On a local master the executors map the rows from the cache file the race wrote, when it
   * holds this dataset; never from a file of other data, nor on a cluster, nor without a file.
   */
  @Test
  void onALocalMasterTheExecutorsMapTheCachedFile(@TempDir Path folder) throws Exception {
    BlockRecipe recipe = new BlockRecipe(9_001, 2, 5, 0.2, 1_000);
    DataCache cache = new DataCache(folder, Long.MAX_VALUE);
    assertEquals(Blocks.Origin.RECIPE, Blocks.plan(recipe.dataset(), true, cache).origin(),
        "no file yet");
    Dataset cached = cache.open(recipe.toString(), recipe::dataset, line -> {});
    Blocks.Plan plan = Blocks.plan(cached, true, cache);
    assertEquals(Blocks.Origin.CACHE_FILE, plan.origin());
    assertEquals(Blocks.Origin.RECIPE, Blocks.plan(cached, false, cache).origin(),
        "a cluster's executors have no such file");
    for (int partitions : new int[] {1, 3, 7}) {
      assertHolds(cached, plan, Precision.FLOAT64, partitions);
      assertHolds(cached, plan, Precision.FLOAT32, partitions);
    }
    // Data of another shape under the same recipe text is not this file's: it is made anew.
    Dataset other = Dataset.generated("same recipe, other N", 9_000, 2, recipe.toString(),
        recipe.dataset()::read);
    assertEquals(Blocks.Origin.RECIPE, Blocks.plan(other, true, cache).origin());
    // A damaged file is not read as data.
    Path file = cache.file(recipe.toString()).orElseThrow();
    byte[] bytes = Files.readAllBytes(file);
    // A new file, not the mapped one cut short: a mapping read past a file's end faults.
    Files.delete(file);
    Files.write(file, Arrays.copyOf(bytes, bytes.length - 8));
    assertEquals(Blocks.Origin.RECIPE, Blocks.plan(cached, true, cache).origin());
  }

  /**
   * A streamed pass (arrays refilled per partition) sums the same bits as blocks made anew, from
   * the recipe and from the file, with a shorter last block in a partition of several blocks (65 536-row blocks from the
   * file).
   */
  @Test
  void aStreamedPassSumsTheSameAsFreshBlocks(@TempDir Path folder) {
    BlockRecipe recipe = new BlockRecipe(140_500, 2, 8, 0.2, 1_000);
    DataCache cache = new DataCache(folder, Long.MAX_VALUE);
    Dataset cached = cache.open(recipe.toString(), recipe::dataset, line -> {});
    for (Blocks.Plan plan : List.of(Blocks.plan(cached, false, cache),
        Blocks.plan(cached, true, cache))) {
      for (Precision precision : Precision.values()) {
        double[] fresh = driver.call(() -> Aggregations.gram(
            Blocks.of(driver.context(), cached, plan, precision, 2, false), 3));
        double[] streamed = driver.call(() -> Aggregations.gram(
            Blocks.of(driver.context(), cached, plan, precision, 2, true), 3));
        assertArrayEquals(fresh, streamed, plan.origin() + ", " + precision);
        assertEquals(140_500, streamed[0], "rows");
      }
    }
  }

  /** Data no recipe makes is sent from the driver up to a size, refused with the fix beyond. */
  @Test
  void theDriverSendsNoMoreThanItCan() {
    Dataset small = Datasets.synthetic(1_000, 1, 3, 0.5, null);
    assertEquals(Blocks.Origin.DRIVER, Blocks.plan(small, true,
        new DataCache(Path.of("/nonexistent"), 0)).origin());
    int rows = (int) (Blocks.LARGEST_SENT / 2 + 1);
    Dataset large = Dataset.generated("large", rows, 1, null,
        (column, from, into, offset, length) -> Arrays.fill(into, offset, offset + length, 1.0));
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> Blocks.of(driver.context(), large,
            Blocks.plan(large, true, new DataCache(Path.of("/nonexistent"), 0)),
            Precision.FLOAT64, 2, false));
    assertTrue(refused.getMessage().contains("--recipe blocks"), refused.getMessage());
  }

  private void assertHolds(Dataset data, Precision precision, int partitions) {
    Blocks.Plan plan = Blocks.plan(data, false, new DataCache(Path.of("/nonexistent"), 0));
    assertEquals(data.recipe().isPresent() ? Blocks.Origin.RECIPE : Blocks.Origin.DRIVER,
        plan.origin());
    assertHolds(data, plan, precision, partitions);
  }

  private void assertHolds(Dataset data, Blocks.Plan plan, Precision precision,
      int partitions) {
    List<Block> blocks = driver.call(
        () -> Blocks.of(driver.context(), data, plan, precision, partitions, false).collect());
    int p = data.features();
    double[][] columns = new double[p + 1][data.samples()];
    int row = 0;
    for (Block block : blocks) {
      for (int j = 0; j <= p; j++) {
        for (int i = 0; i < block.rows(); i++) {
          columns[j][row + i] = value(block, j, p, i);
        }
      }
      row += block.rows();
    }
    assertEquals(data.samples(), row, "rows over every block");
    for (int j = 0; j < p; j++) {
      assertArrayEquals(expected(data, j, precision), columns[j], "x" + (j + 1) + ", "
          + partitions + " partitions, " + precision);
    }
    assertArrayEquals(expected(data, p, precision), columns[p], "d, " + partitions
        + " partitions, " + precision);
  }

  private static double value(Block block, int column, int p, int i) {
    if (block instanceof F64Block b) {
      return column == p ? b.targets()[i] : b.columns()[column][i];
    }
    F32Block b = (F32Block) block;
    return column == p ? b.targets()[i] : b.columns()[column][i];
  }

  private static double[] expected(Dataset data, int column, Precision precision) {
    double[] values = new double[data.samples()];
    data.read(column, 0, values, 0, values.length);
    if (precision == Precision.FLOAT32) {
      for (int i = 0; i < values.length; i++) {
        values[i] = (float) values[i];
      }
    }
    return values;
  }
}
