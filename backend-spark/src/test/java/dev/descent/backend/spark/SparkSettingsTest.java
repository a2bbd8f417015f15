package dev.descent.backend.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SparkSettingsTest {

  @Test
  void readsPairsSeparatedBySemicolonsOrLinesKeepingSpacesAndCommasInValues() {
    assertEquals(Map.of("spark.executor.memory", "512m",
            "spark.executor.extraJavaOptions", "-Da=1 -Db=2,3"),
        SparkSettings.parseConf(
            " spark.executor.memory=512m;\nspark.executor.extraJavaOptions=-Da=1 -Db=2,3;"));
    assertEquals(Map.of(), SparkSettings.parseConf(null));
  }

  @Test
  void rejectsAPairWithoutKeyOrEqualsQuotingIt() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> SparkSettings.parseConf("spark.a=1;oops"));
    assertTrue(error.getMessage().contains("'oops'"), error.getMessage());
    assertThrows(IllegalArgumentException.class, () -> SparkSettings.parseConf("=1"));
  }

  @Test
  void bindsToLoopbackOnlyForAnEmbeddedOrLoopbackMaster() {
    assertTrue(new SparkSettings("local[*]", Map.of()).isLocal());
    assertTrue(new SparkSettings("local[2]", Map.of()).isLoopback());
    assertTrue(new SparkSettings("spark://127.0.0.1:7077", Map.of()).isLoopback());
    assertFalse(new SparkSettings("spark://127.0.0.1:7077", Map.of()).isLocal());
    assertFalse(new SparkSettings("spark://spark-master:7077", Map.of()).isLoopback());
    assertThrows(IllegalArgumentException.class, () -> new SparkSettings(" ", Map.of()));
  }
}
