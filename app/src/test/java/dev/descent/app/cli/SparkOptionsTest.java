package dev.descent.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** --spark-master and --spark-conf reach the spark.* solvers' JVMs as the properties they read. */
class SparkOptionsTest {

  private static Map<String, String> properties(String... args) {
    RaceCommand race = new RaceCommand();
    new CommandLine(race).parseArgs(args);
    return race.runOptions.properties();
  }

  @Test
  void theMasterAndTheSettingsBecomeTheBackendsProperties() {
    Map<String, String> given = properties("--spark-master", "spark://127.0.0.1:7077",
        "--spark-conf", "spark.executor.memory=2g", "--spark-conf",
        "spark.executor.extraJavaOptions=-Da=1,-Db=2");
    assertEquals("spark://127.0.0.1:7077", given.get("descent.spark.master"));
    assertEquals("spark.executor.memory=2g;spark.executor.extraJavaOptions=-Da=1,-Db=2",
        given.get("descent.spark.conf"));
    Map<String, String> none = properties();
    assertFalse(none.containsKey("descent.spark.master"), "local[*] unless told");
    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
        () -> properties("--spark-conf", "no-equals-sign"));
    assertTrue(bad.getMessage().startsWith("--spark-conf = 'no-equals-sign'"), bad.getMessage());
  }
}
