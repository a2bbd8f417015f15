package dev.descent.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.descent.app.Run;
import dev.descent.reference.StepSize;
import dev.descent.reference.Datasets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Data as people download it, end to end: chosen columns, standardisation, divergence. */
class RealDataTest {
  private static final String[] FAST = {"--solvers", "scalar,scalar.gram", "--repeat", "1",
      "--warmup", "0", "--no-progress"};

  @TempDir Path dir;

  private Path weather() throws IOException {
    StringBuilder csv = new StringBuilder(
        "date,station,precipitation,temp_max,temp_min,wind,weather\n");
    for (int i = 0; i < 40; i++) {
      double precipitation = Math.round(Math.max(0, 6 * Math.sin(i * 1.3)) * 10) / 10.0;
      double low = Math.round((3 + 4 * Math.sin(i * 0.21)) * 10) / 10.0;
      double wind = Math.round((3.5 + 2 * Math.cos(i * 0.53)) * 10) / 10.0;
      double high = 5.1 + 0.95 * low - 0.12 * precipitation - 0.25 * wind
          + 0.6 * Math.sin(i * 7.77);
      csv.append(String.format(Locale.ROOT, "2012-01-%02d,\"Seattle, WA\",%s,%.2f,%s,%s,%s%n",
          i + 1, i == 7 ? "NA" : Double.toString(precipitation), high, low, wind,
          i % 2 == 0 ? "rain" : "sun"));
    }
    return Files.writeString(dir.resolve("weather.csv"), csv);
  }

  private Path years() throws IOException {
    StringBuilder csv = new StringBuilder("year,temp\n");
    for (int i = 0; i < 135; i++) {
      csv.append(String.format(Locale.ROOT, "%d,%.2f%n", 1880 + i,
          -0.3 + 0.007 * i + 0.1 * Math.sin(i * 1.7)));
    }
    return Files.writeString(dir.resolve("years.csv"), csv);
  }

  private static Run race(Path csv, String... options) {
    String[] args = new String[3 + options.length + FAST.length];
    args[0] = "race";
    args[1] = "--csv";
    args[2] = csv.toString();
    System.arraycopy(options, 0, args, 3, options.length);
    System.arraycopy(FAST, 0, args, 3 + options.length, FAST.length);
    return Run.of(args);
  }

  @Test
  void aDateColumnWithoutFeaturesSaysWhatToDo() throws IOException {
    Path file = weather();
    Run run = race(file, "--target", "temp_max", "--fork", "0");
    assertEquals(ExitCode.USAGE, run.exitCode(), run.out());
    assertEquals("descent: " + file + ":2: column 'date' (1): non-numeric value '2012-01-01'; "
        + "with text or date columns, choose the features with --features", run.err().strip());
  }

  @Test
  void aMissingValueNamesItsLineUnlessDropped() throws IOException {
    Path file = weather();
    Run run = race(file, "--target", "temp_max", "--features", "precipitation,temp_min,wind",
        "--fork", "0");
    assertEquals(ExitCode.USAGE, run.exitCode(), run.out());
    assertEquals("descent: " + file + ":9: column 'precipitation' (3): missing value 'NA'; "
        + "--drop-missing skips the rows that have one", run.err().strip());
  }

  @Test
  void chosenFeaturesRaceOkAndStandardisedAutoStepReachesTheClosedForm() throws IOException {
    Path json = dir.resolve("race.json");
    Run run = race(weather(), "--target", "temp_max", "--features", "precipitation,temp_min,wind",
        "--drop-missing", "--standardize", "--mu", "auto", "--epochs", "5000", "--fork", "0",
        "--export-json", json.toString());
    assertEquals(0, run.exitCode(), run.out() + run.err());
    assertTrue(run.out().contains("1 of 40 rows dropped for a missing value"), run.out());
    assertTrue(run.out().contains("(auto)"), run.out());
    assertTrue(run.out().contains("standardised: features scaled"), run.out());
    assertTrue(run.out().contains(": converged (the loss is within 1e-6"), run.out());
    JsonObject root = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
    for (JsonElement element : root.getAsJsonArray("results")) {
      JsonObject result = element.getAsJsonObject();
      assertEquals("OK", result.get("status").getAsString(), result.toString());
      if (result.get("precision").getAsString().equals("f64")) {
        assertTrue(result.get("closedFormDeviation").getAsDouble() < 1e-6, result.toString());
      }
    }
    assertTrue(root.getAsJsonObject("parameters").get("muAuto").getAsBoolean());
  }

  @Test
  void theArticlesMuOnYearsDivergesWithTheStableLimitAndExitCodeFour() throws IOException {
    Path file = years();
    Run run = race(file, "--target", "temp", "--fork", "0");
    assertEquals(ExitCode.DIVERGED, run.exitCode(), run.out() + run.err());
    double limit = StepSize.of(Datasets.csv(file, "temp")).stableLimit();
    assertTrue(run.out().contains("DIVERGED at epoch 1: mu = 0.001 is above the stable limit ≈ "
        + String.format(Locale.ROOT, "%.2g", limit) + " for this data; use --standardize or "
        + "--mu auto"), run.out());
    assertFalse(run.out().contains("FAIL"), run.out());
    assertFalse(run.out().contains("[NaN, NaN]"), run.out());
    for (String line : run.out().split("\n")) {
      if (line.startsWith("scalar")) {
        assertTrue(line.strip().endsWith("DIVERGED"), line);
      }
    }
  }

  @Test
  void standardizeOrAutoStepMakesYearsOk() throws IOException {
    Path file = years();
    assertEquals(0, race(file, "--target", "temp", "--standardize", "--fork", "0").exitCode());
    Run auto = race(file, "--target", "temp", "--mu", "auto", "--fork", "0");
    assertEquals(0, auto.exitCode(), auto.out());
    assertTrue(auto.out().contains("NOT converged"), auto.out());
  }

  @Test
  void forkedJvmsRebuildTheChosenStandardisedColumns() throws IOException {
    Path json = dir.resolve("forked.json");
    Run run = Run.of("race", "--csv", weather().toString(), "--target", "4", "--features",
        "3,5,6", "--drop-missing", "--standardize", "--standardize-target", "--epochs", "300",
        "--solvers", "scalar", "--precision", "f64", "--repeat", "1", "--warmup", "0",
        "--no-progress", "--export-json", json.toString());
    assertEquals(0, run.exitCode(), run.out() + run.err());
    JsonObject root = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
    JsonArray results = root.getAsJsonArray("results");
    assertEquals("OK", results.get(0).getAsJsonObject().get("status").getAsString());
    assertTrue(results.get(0).getAsJsonObject().has("standardizedWeights"));
  }

  @Test
  void csvOnlyOptionsNeedACsv() {
    Run run = Run.of("race", "--features", "x", "--fork", "0");
    assertEquals(ExitCode.USAGE, run.exitCode());
    assertEquals("descent: --features only applies with --csv", run.err().strip());
    Run mu = Run.of("race", "--mu", "fast", "--fork", "0");
    assertEquals(ExitCode.USAGE, mu.exitCode());
    assertEquals("descent: --mu = 'fast': not a number; use a step such as 0.001, or auto",
        mu.err().strip());
  }
}
