package dev.descent.app.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.descent.api.Precision;
import dev.descent.app.Run;
import dev.descent.app.report.Charts;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sweep end to end: files, fits, crossovers, and the HTML report rendered by Chromium. */
class SweepTest {

  @TempDir
  static Path output;

  static Run run;

  @BeforeAll
  static void sweep() {
    run = Run.of("sweep", "--n", "300,3000,30000", "--epochs", "60", "--trace", "20",
        "--solvers", "scalar.numpy,scalar,scalar.gram", "--repeat", "3", "--warmup", "1",
        "--fork", "0", "--output", output.toString(),
        "--export-markdown", output.resolve("exported/sweep.md").toString(),
        "--export-json", output.resolve("exported/sweep.json").toString());
  }

  @Test
  void writesEveryFile() throws IOException {
    assertEquals(0, run.exitCode(), run.out() + run.err());
    for (String file : List.of("report.html", "sweep.json", "sweep.csv", "time-per-element.png",
        "time-per-element.svg", "race.png", "race.svg", "loss.png", "loss.svg")) {
      assertTrue(Files.size(output.resolve(file)) > 500, file);
    }
    BufferedImage png = ImageIO.read(output.resolve("time-per-element.png").toFile());
    assertEquals(Charts.WIDTH, png.getWidth());
    assertTrue(Files.readString(output.resolve("race.svg")).startsWith("<?xml"));
    List<String> csv = Files.readAllLines(output.resolve("sweep.csv"));
    assertEquals(1 + 3 * 3 * 2, csv.size(), "a row per size, solver and precision");
    assertTrue(run.out().contains("scalar f64: per epoch ≈"), run.out());
    assertEquals(Files.readString(output.resolve("sweep.json")),
        Files.readString(output.resolve("exported/sweep.json")), "--export-json: the sweep");
    String markdown = Files.readString(output.resolve("exported/sweep.md"));
    assertTrue(markdown.startsWith("## descent sweep\n\n### Who wins where\n\n- N = 300, p = 1: "),
        markdown);
    assertEquals(3, markdown.split("### descent race", -1).length - 1, "a table per size");
  }

  @Test
  void fitsALinearCostAndFindsCrossovers() {
    Sweep.Series fast = new Sweep.Series("fast", Precision.FLOAT64, List.of(10, 100, 1000, 10000),
        List.of(1e-3 + 10e-9, 1e-3 + 100e-9, 1e-3 + 1000e-9, 1e-3 + 10000e-9));
    Sweep.Fit fit = Sweep.fit(fast);
    assertEquals(1e-3, fit.fixedSeconds(), 1e-12);
    assertEquals(1e-9, fit.perElementSeconds(), 1e-15);
    // Fixed overhead, so the slope over this range is well below 1.
    assertTrue(fit.slope() < 0.1, "slope " + fit.slope());

    Sweep.Series steady = new Sweep.Series("steady", Precision.FLOAT64,
        List.of(10, 100, 1000, 10000), List.of(1e-5, 1e-4, 1e-3, 1e-2));
    assertEquals(1.0, Sweep.fit(steady).slope(), 1e-12);
    // steady is faster up to N = 1000 and slower at 10000: fast overtakes between them.
    List<String> crossovers = Sweep.crossovers(List.of(fast, steady));
    assertEquals(1, crossovers.size(), crossovers.toString());
    assertTrue(crossovers.get(0).startsWith("fast f64 beats steady from N ≈ "), crossovers.get(0));
  }

  @Test
  void gridsParseListsAndRanges() {
    assertEquals(List.of(1000, 10000, 100000), Grid.parse("--n", "1e3..1e5"));
    assertEquals(List.of(1000, 3162, 10000), Grid.parse("--n", "1e3..1e4/2"));
    // The last value of a range is always a point, also when it falls between decades.
    assertEquals(List.of(10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 500_000_000),
        Grid.parse("--n", "1e4..5e8"));
    assertEquals(List.of(1000, 3162, 5000), Grid.parse("--n", "1e3..5e3/2"));
    assertEquals(List.of(7, 1000, 20000), Grid.parse("--n", "20000, 7,1e3"));
    Run bad = Run.of("sweep", "--n", "1e3..10", "--output", output.toString());
    assertEquals(2, bad.exitCode());
    assertTrue(bad.err().contains("--n: range '1e3..10' runs backwards"), bad.err());
    Run zero = Run.of("sweep", "--n", "0,10", "--output", output.toString());
    assertTrue(zero.err().contains("--n = '0': must be >= 1"), zero.err());
    assertEquals(List.of(10_000, 1_000_000), Grid.parse("--n", "10k,1M"));
  }

  /**
   * Opens report.html in headless Chromium: the DOM it builds holds the charts and tables, and
   * its screenshot is not blank. Skipped where Chromium is not installed, unless
   * DESCENT_REQUIRE_CHROMIUM=1 (CI installs it and sets that).
   */
  @Test
  void theHtmlReportRendersInHeadlessChromium() throws Exception {
    Path chromium = Path.of("/usr/bin/chromium");
    boolean required = "1".equals(System.getenv("DESCENT_REQUIRE_CHROMIUM"));
    if (!Files.isExecutable(chromium)) {
      assertTrue(!required, "DESCENT_REQUIRE_CHROMIUM=1 but " + chromium + " is missing");
      assumeTrue(false, "Chromium is not installed (apt-get install chromium)");
    }
    Path html = output.resolve("report.html");
    Path profile = Files.createTempDirectory("descent-chromium");
    List<String> common = List.of(chromium.toString(), "--headless", "--no-sandbox",
        "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile);
    String dom = runChromium(common, "--dump-dom", html.toUri().toString());
    assertTrue(dom.contains("<svg"), "charts are in the rendered DOM");
    assertTrue(dom.contains("<table class=\"race\">"), "race tables are in the rendered DOM");
    assertTrue(dom.contains("scalar.gram"), "rows are in the rendered DOM");

    String page = Files.readString(html);
    assertTrue(page.indexOf("id=\"winners\"") < page.indexOf("id=\"fits\"")
        && page.indexOf("id=\"crossovers\"") < page.indexOf("<table class=\"race\">"),
        "the summary comes before the raw tables");
    Matcher caption = Pattern.compile("<figcaption>(.*?)</figcaption>").matcher(page);
    int captions = 0;
    while (caption.find()) {
      captions++;
      assertTrue(caption.group(1).contains(" ") && caption.group(1).endsWith("."),
          "a caption is a sentence, not a file name: " + caption.group(1));
    }
    assertEquals(3, captions, "every chart has a caption");

    // The report has no scripts of its own; a copy with one measures the tables as laid out.
    Path measured = output.resolve("measured.html");
    Files.writeString(measured, page.replace("</body>", "<script>document.body.dataset.overflow"
        + " = Math.max(...[...document.querySelectorAll('table')].map(t => Math.ceil("
        + "t.getBoundingClientRect().right) - document.documentElement.clientWidth), "
        + "document.documentElement.scrollWidth - document.documentElement.clientWidth);"
        + "</script></body>"));
    String laidOut = runChromium(common, "--window-size=1280,2000", "--dump-dom",
        measured.toUri().toString());
    Matcher overflow = Pattern.compile("data-overflow=\"(-?\\d+)\"").matcher(laidOut);
    assertTrue(overflow.find(), "the measuring script ran");
    assertTrue(Integer.parseInt(overflow.group(1)) <= 0,
        "the results tables fit a 1280 px window; they overflow by " + overflow.group(1) + " px");

    Path screenshot = output.resolve("screenshot.png");
    runChromium(common, "--screenshot=" + screenshot, "--window-size=1280,2000",
        html.toUri().toString());
    BufferedImage image = ImageIO.read(screenshot.toFile());
    int dark = 0;
    for (int y = 0; y < image.getHeight(); y += 4) {
      for (int x = 0; x < image.getWidth(); x += 4) {
        int rgb = image.getRGB(x, y);
        if (((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff) < 3 * 128) {
          dark++;
        }
      }
    }
    assertTrue(dark > 500, "the screenshot shows text and lines, not a blank page: " + dark);
  }

  private static String runChromium(List<String> common, String... arguments) throws Exception {
    List<String> command = new ArrayList<>(common);
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    byte[] out = process.getInputStream().readAllBytes();
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "chromium finished");
    return new String(out, StandardCharsets.UTF_8);
  }
}
