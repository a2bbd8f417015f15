package dev.descent.backend.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.descent.api.Dataset;
import dev.descent.api.Precision;
import dev.descent.reference.BlockRecipe;
import dev.descent.reference.Datasets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

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

  private void assertHolds(Dataset data, Precision precision, int partitions) {
    List<Block> blocks = driver.call(
        () -> Blocks.of(driver.context(), data, precision, partitions).collect());
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
