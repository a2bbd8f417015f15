package dev.descent.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import dev.descent.app.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several result files from one race, as hyperfine's --export-*, and the table on the terminal. */
class ExportTest {

  static final List<String> SMALL_RACE = List.of("race", "--solvers", "scalar", "--n", "200",
      "--epochs", "50", "--repeat", "2", "--warmup", "1", "--fork", "0", "--precision", "f64");

  @TempDir
  Path folder;

  @Test
  void everyExportIsWrittenAndTheTableStillPrinted() throws IOException {
    Path json = folder.resolve("a/race.json");
    Path again = folder.resolve("again.json");
    Path markdown = folder.resolve("race.md");
    Path csv = folder.resolve("race.csv");
    Run run = race("--export-json", json.toString(), "--export-markdown", markdown.toString(),
        "--export-csv", csv.toString(), "--export-json", again.toString());
    assertEquals(0, run.exitCode(), run.out() + run.err());
    assertTrue(run.out().contains("closed form"), "the table is on the terminal:\n" + run.out());
    assertEquals("scalar", JsonParser.parseString(Files.readString(json)).getAsJsonObject()
        .getAsJsonArray("results").get(0).getAsJsonObject().get("solver").getAsString());
    assertEquals(Files.readString(json), Files.readString(again), "one report, written twice");
    assertTrue(Files.readString(markdown).startsWith("### descent race"));
    assertTrue(Files.readString(csv).startsWith("solver,precision,status,"));
    for (Path file : List.of(json, again, markdown, csv)) {
      assertTrue(run.out().contains("Written to " + file), run.out());
    }
  }

  @Test
  void oneFileInTwoFormatsIsRefusedBeforeTheRace() {
    Path file = folder.resolve("race.out");
    Run run = race("--export-json", file.toString(), "--export-csv", file.toString());
    assertEquals(ExitCode.USAGE, run.exitCode());
    assertTrue(run.err().contains("--export-csv = " + file + ": that file is already exported "
        + "as json"), run.err());
    assertFalse(Files.exists(file));
  }

  @Test
  void theOlderFormatAndOutputOptionsStillWork() throws IOException {
    Path file = folder.resolve("race.csv");
    Run run = race("--format", "csv", "--output", file.toString());
    assertEquals(0, run.exitCode(), run.out() + run.err());
    assertTrue(Files.readString(file).startsWith("solver,precision,status,"));
    assertTrue(run.out().contains("closed form"), run.out());
  }

  private static Run race(String... more) {
    List<String> args = new java.util.ArrayList<>(SMALL_RACE);
    args.addAll(List.of(more));
    return Run.of(args.toArray(String[]::new));
  }
}
