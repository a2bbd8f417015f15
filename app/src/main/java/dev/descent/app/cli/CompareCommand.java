package dev.descent.app.cli;

import com.google.common.math.Quantiles;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.descent.app.stats.MannWhitney;
import dev.descent.app.stats.Units;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code descent compare OLD.json NEW.json}: what got faster or slower, and is it real. */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = {
        "Compares two reports written by 'descent race --format json': for every solver and "
            + "precision in both, the change of the median time and whether it is significant "
            + "(two-sided Mann-Whitney U test on the raw samples; exact for small samples). "
            + "Only rows that are OK in both reports are compared as timings.",
        "A solver that was OK and is now FAIL, FAILED, TIMEOUT, UNAVAILABLE or missing is a "
            + "regression, whatever its times.",
        "With --fail-on-slowdown, exits 1 on a regression or when a solver is significantly "
            + "slower by more than the given percentage."})
public final class CompareCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "OLD.json", description = "The earlier report.")
  Path oldReport;

  @Parameters(index = "1", paramLabel = "NEW.json", description = "The later report.")
  Path newReport;

  @Option(names = "--fail-on-slowdown", paramLabel = "PERCENT",
      description = "Exit 1 if a significant slowdown exceeds this, e.g. 10%% (default: never).")
  String failOnSlowdown;

  @Option(names = "--alpha", paramLabel = "P", defaultValue = "0.05",
      description = "Significance level of the test (default: ${DEFAULT-VALUE}).")
  double alpha;

  /** One solver and precision's samples in one report. */
  record Series(String status, List<Double> samples) {
    boolean isOk() {
      return status.equals("OK");
    }

    double median() {
      return samples.isEmpty() ? Double.NaN : Quantiles.median().compute(samples);
    }
  }

  @Override
  public Integer call() {
    double threshold = failOnSlowdown == null ? Double.POSITIVE_INFINITY : percent(failOnSlowdown);
    if (!(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException("--alpha = " + alpha + ": must be between 0 and 1");
    }
    Map<String, Series> before = read(oldReport);
    Map<String, Series> after = read(newReport);
    PrintWriter out = spec.commandLine().getOut();
    out.printf(Locale.ROOT, "%-28s %10s %10s %9s %8s  %s%n", "solver", "old median",
        "new median", "change", "p", "verdict");
    boolean failed = false;
    List<String> missing = new ArrayList<>();
    List<String> regressions = new ArrayList<>();
    for (Map.Entry<String, Series> entry : after.entrySet()) {
      Series old = before.get(entry.getKey());
      if (old == null) {
        missing.add(entry.getKey() + " (only in " + newReport + ")");
        continue;
      }
      Series now = entry.getValue();
      if (!old.isOk() || !now.isOk()) {
        String verdict = old.isOk() ? "REGRESSION: was OK, now " + now.status()
            : "not compared (" + old.status() + " -> " + now.status() + ")";
        if (old.isOk()) {
          regressions.add(entry.getKey() + " was OK, now " + now.status());
        }
        out.printf(Locale.ROOT, "%-28s %10s %10s %9s %8s  %s%n", entry.getKey(), "-", "-", "-",
            "-", verdict);
        continue;
      }
      double change = now.median() / old.median() - 1;
      double p = MannWhitney.pValue(old.samples(), now.samples());
      boolean significant = p < alpha;
      String verdict = !significant ? "no significant change"
          : change > 0 ? "slower" : "faster";
      if (significant && change > 0 && change * 100 > threshold) {
        verdict += " beyond " + failOnSlowdown;
        failed = true;
      }
      out.printf(Locale.ROOT, "%-28s %10s %10s %+8.1f%% %8.4f  %s%n", entry.getKey(),
          Units.seconds(old.median()), Units.seconds(now.median()), change * 100, p, verdict);
    }
    for (Map.Entry<String, Series> entry : before.entrySet()) {
      if (!after.containsKey(entry.getKey())) {
        missing.add(entry.getKey() + " (only in " + oldReport + ")");
        if (entry.getValue().isOk()) {
          regressions.add(entry.getKey() + " was OK, now missing from " + newReport);
        }
      }
    }
    for (String line : missing) {
      out.println("not compared: " + line);
    }
    for (String line : regressions) {
      out.println("regression: " + line);
    }
    if (failOnSlowdown != null && !regressions.isEmpty()) {
      failed = true;
    }
    out.flush();
    return failed ? ExitCode.FAILED : ExitCode.OK;
  }

  static double percent(String text) {
    String number = text.trim().endsWith("%") ? text.trim().substring(0, text.trim().length() - 1)
        : text.trim();
    try {
      double value = Double.parseDouble(number);
      if (!(value >= 0) || Double.isInfinite(value)) {
        throw new NumberFormatException();
      }
      return value;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "--fail-on-slowdown = " + text + ": give a percentage such as 10%");
    }
  }

  /** "solver precision" to its samples, from a report written by 'descent race'. */
  static Map<String, Series> read(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read report '" + file + "': " + e, e);
    }
    Map<String, Series> series = new LinkedHashMap<>();
    try {
      JsonObject root = JsonParser.parseString(text).getAsJsonObject();
      if (!root.has("results")) {
        throw new IllegalStateException("no \"results\"");
      }
      for (JsonElement element : root.getAsJsonArray("results")) {
        JsonObject result = element.getAsJsonObject();
        List<Double> samples = new ArrayList<>();
        for (JsonElement sample : result.getAsJsonArray("samples")) {
          samples.add(sample.getAsDouble());
        }
        series.put(result.get("solver").getAsString() + " " + result.get("precision").getAsString(),
            new Series(result.get("status").getAsString(), samples));
      }
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("'" + file + "' is not a report of 'descent race "
          + "--format json': " + e.getMessage(), e);
    }
    return series;
  }
}
