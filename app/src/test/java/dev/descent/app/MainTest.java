package dev.descent.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.descent.reference.Article;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The command line end to end, in-process, with the scalar backend on the class path. */
class MainTest {

  private static Run run(String... args) {
    return Run.of(args);
  }

  @Test
  void theArticlesRaceIsOkAndComputesTheArticlesNumbers(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("race.json");
    Run run = run("race", "--repeat", "2", "--warmup", "0", "--fork", "0", "--format", "json",
        "--output", file.toString());
    assertEquals(0, run.exitCode(), run.err());
    for (String id : List.of("scalar.numpy", "scalar", "scalar.gram", "closed form")) {
      assertTrue(run.out().contains(id), "row " + id + " in\n" + run.out());
    }
    assertFalse(run.out().contains("FAIL"), run.out());
    assertTrue(run.out().contains("NumPy 0.32 s"), run.out());

    // What the race computed, not what it prints from the article's constants: the NumPy-shaped
    // f64 loop repeats the article's own operations and must give its weights to the last bit;
    // the reference and the closed form are the race's own computations.
    JsonObject root = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
    assertArrayEquals(Article.descentWeights(), doubles(root.getAsJsonObject("reference")
        .getAsJsonArray("weights")));
    assertArrayEquals(Article.closedFormWeights(), doubles(root.getAsJsonObject("closedForm")
        .getAsJsonArray("weights")), 5e-9);
    int checked = 0;
    for (JsonElement element : root.getAsJsonArray("results")) {
      JsonObject result = element.getAsJsonObject();
      if (result.get("solver").getAsString().equals("scalar.numpy")
          && result.get("precision").getAsString().equals("f64")) {
        assertArrayEquals(Article.descentWeights(), doubles(result.getAsJsonArray("weights")));
        checked++;
      }
    }
    assertEquals(1, checked, root.toString());
  }

  private static double[] doubles(JsonArray array) {
    double[] values = new double[array.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = array.get(i).getAsDouble();
    }
    return values;
  }

  @Test
  void jsonHasEveryResultWithItsWeightsAndStatus(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("out/race.json");
    Run run = run("race", "--epochs", "500", "--n", "1000", "--repeat", "2", "--warmup", "1",
        "--solvers", "scalar.numpy,scalar,scalar.gram", "--format", "json", "--output",
        file.toString());
    assertEquals(0, run.exitCode(), run.err());
    JsonObject root = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
    assertEquals(1000, root.getAsJsonObject("parameters").get("n").getAsInt());
    assertTrue(root.getAsJsonObject("machine").get("cpus").getAsInt() >= 1);
    JsonArray results = root.getAsJsonArray("results");
    assertEquals(6, results.size(), "3 solvers x 2 precisions");
    for (JsonElement element : results) {
      JsonObject result = element.getAsJsonObject();
      assertEquals("OK", result.get("status").getAsString(), result.toString());
      assertEquals(2, result.getAsJsonArray("weights").size());
      assertEquals(2, result.getAsJsonArray("samples").size());
      assertTrue(result.get("bestSeconds").getAsDouble() > 0);
      assertTrue(result.get("medianSeconds").getAsDouble() >= result.get("bestSeconds").getAsDouble());
      assertTrue(result.get("deviation").getAsDouble() <= 2e-6, result.toString());
    }
    assertEquals(2, root.getAsJsonObject("closedForm").getAsJsonArray("weights").size());
  }

  @Test
  void theArticleDefaultsGiveTheArticlesWeightsInJson() {
    Run run = run("race", "--solvers", "scalar", "--precision", "f64", "--repeat", "1",
        "--warmup", "0", "--format", "json");
    assertEquals(0, run.exitCode(), run.err());
    JsonObject result = JsonParser.parseString(run.out()).getAsJsonObject()
        .getAsJsonArray("results").get(0).getAsJsonObject();
    JsonArray w = result.getAsJsonArray("weights");
    assertEquals(Article.DESCENT_WEIGHTS.get(0), w.get(0).getAsDouble(), 1e-12 * 3);
    assertEquals(Article.DESCENT_WEIGHTS.get(1), w.get(1).getAsDouble(), 1e-12 * 3);
  }

  @Test
  void csvAndMarkdownFormats() {
    Run csv = run("race", "--solvers", "scalar.gram", "--epochs", "10", "--repeat", "1",
        "--warmup", "0", "--p", "3", "--n", "50", "--format", "csv");
    assertEquals(0, csv.exitCode(), csv.err());
    String[] lines = csv.out().split("\n");
    assertEquals(3, lines.length, csv.out());
    assertTrue(lines[0].startsWith("solver,precision,status,device,"), lines[0]);
    assertTrue(lines[0].contains(",w0,w1,w2,w3,message"), lines[0]);
    assertTrue(lines[1].startsWith("scalar.gram,f64,OK,"), lines[1]);

    Run markdown = run("race", "--solvers", "scalar", "--epochs", "10", "--repeat", "1",
        "--warmup", "0", "--format", "markdown");
    assertTrue(markdown.out().contains("| solver | prec | device |"), markdown.out());
  }

  @Test
  void raceOnAUsersCsvFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("data.csv");
    Files.writeString(file, "a,b,y\n1,2,5.1\n2,1,4.9\n3,5,14.2\n4,4,13\n0,1,2.1\n");
    Run run = run("race", "--csv", file.toString(), "--target", "y", "--epochs", "200",
        "--mu", "0.01", "--repeat", "1", "--warmup", "0", "--solvers", "scalar,scalar.numpy");
    assertEquals(0, run.exitCode(), run.err() + run.out());
    assertTrue(run.out().contains("N = 5, p = 2"), run.out());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "race --epochs -1|--epochs = -1",
      "race --n 0|--n = '0': must be >= 1",
      "race --p 0|--p = 0",
      "race --mu 0|--mu = 0.0",
      "race --mu NaN|--mu = NaN",
      "race --repeat 0|--repeat = 0",
      "race --solvers scalar,nope|unknown solver 'nope'; known: scalar.numpy, scalar, scalar.gram",
      "race --warmup -3|--warmup = -3",
      "race --fork -1|--fork = -1",
      "race --timeout 0|--timeout = 0.0",
      "race --trace -1|--trace = -1",
      "race --solvers scalar --baseline simd|--baseline 'simd' is not among the raced solvers",
      "compare /nonexistent/a.json /nonexistent/b.json|cannot read report '/nonexistent/a.json'",
      "race --precision f16|precision: unknown value 'f16'",
      "race --format xml|--format: unknown value 'xml'",
      "race --epochs ten|'ten' is not an int",
      "race --bogus|Unknown option: '--bogus'",
      "race --csv /nonexistent/file.csv|/nonexistent/file.csv",
      "list extra|Unmatched argument"})
  void badInputIsOneLineWithExitCode2(String spec) {
    String[] parts = spec.split("\\|");
    Run run = run(parts[0].split(" "));
    assertEquals(2, run.exitCode(), run.out() + run.err());
    assertTrue(run.err().contains(parts[1]), "expected '" + parts[1] + "' in: " + run.err());
    assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
    assertEquals("", run.out(), "nothing half-done on standard output");
  }

  @Test
  void aCsvWithANanIsRejectedNamingLineAndColumn(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("bad.csv");
    Files.writeString(file, "x,y\n1,2\n2,NaN\n");
    Run run = run("race", "--csv", file.toString());
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains(":3:"), run.err());
    assertTrue(run.err().contains("'y'"), run.err());
    assertEquals(1, run.err().strip().lines().count(), run.err());
  }

  @Test
  void listShowsEverySolverWithAvailability() {
    Run run = run("list");
    assertEquals(0, run.exitCode(), run.err());
    for (String id : List.of("scalar.numpy", "scalar", "scalar.gram")) {
      assertTrue(run.out().contains(id), run.out());
    }
    assertTrue(run.out().contains("available on JVM"), run.out());
    assertTrue(run.out().contains("changes the algorithm's cost"), run.out());
  }

  @Test
  void helpExplainsEveryOption() {
    Run run = run("race", "--help");
    assertEquals(0, run.exitCode());
    for (String option : List.of("--n", "--p", "--epochs", "--mu", "--seed", "--sigma", "--csv",
        "--precision", "--repeat", "--warmup", "--solvers", "--format", "--output", "--fork",
        "--timeout", "--plugins", "--verbose", "--allow-fallback", "--baseline", "--trace")) {
      assertTrue(run.out().contains(option), option + " in\n" + run.out());
    }
    Run top = run("--help");
    for (String command : List.of("race", "list", "machine", "compare")) {
      assertTrue(top.out().contains(command), command + " in\n" + top.out());
    }
    assertEquals(2, run().exitCode(), "no command is a usage error");
  }

  /** Sizes as people write them, in race as in sweep; a size that is none names the option. */
  @Test
  void raceTakesSizesAsPeopleWriteThem(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("race.json");
    Run run = run("race", "--n", "2k", "--epochs", "5", "--solvers", "scalar", "--fork", "0",
        "--repeat", "1", "--warmup", "0", "--export-json", file.toString());
    assertEquals(0, run.exitCode(), run.err());
    JsonObject root = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
    assertEquals(2000, root.getAsJsonObject("parameters").get("n").getAsInt());

    Run bad = run("race", "--n", "1e-3");
    assertEquals(2, bad.exitCode());
    assertTrue(bad.err().contains("--n = '1e-3' is 0.001, not a whole number"), bad.err());
  }
}
