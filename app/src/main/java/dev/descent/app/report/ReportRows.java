package dev.descent.app.report;

import dev.descent.api.Precision;
import dev.descent.api.Schedule;
import dev.descent.app.machine.Environment;
import dev.descent.app.race.DataShape;
import dev.descent.app.race.RaceEntry;
import dev.descent.app.race.RaceReport;
import dev.descent.app.race.RaceSettings;
import dev.descent.app.race.Throughput;
import dev.descent.app.stats.Timings;
import dev.descent.app.stats.Units;
import dev.descent.reference.Article;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What every human-readable format shows: the heading, the table's columns and rows, the notes
 * under it and the machine line. The formats differ only in how they lay these out.
 */
final class ReportRows {

  private ReportRows() {}

  static final List<String> COLUMNS = List.of("solver", "prec", "device", "setup", "best",
      "median", "mean ± 99.9%", "relative", "total", "ns/el·ep", "GB/s", "GFLOP/s", "% limit",
      "w0", "w1", "deviation", "vs f64", "status");

  /** Columns aligned left in the text table: the words; numbers align right. */
  static final List<String> LEFT = List.of("solver", "prec", "device", "status");

  /** The table's cells: one row per entry, then the closed form. */
  static List<List<String>> rows(RaceReport report, int deviceWidth, boolean fullWeights) {
    List<List<String>> rows = new ArrayList<>();
    for (RaceEntry entry : report.entries()) {
      String device = entry.device().isEmpty() ? entry.message() : entry.device();
      double[] relative = report.relativeSpeed(entry);
      Throughput throughput = report.throughput(entry);
      Timings timings = entry.timings();
      double[] weights = report.problem().inDataUnits(entry.weights());
      rows.add(List.of(
          entry.solver(),
          entry.precision().shortName(),
          shorten(device, deviceWidth),
          Units.seconds(entry.setupSeconds()),
          Units.seconds(timings.best()),
          Units.seconds(timings.median()),
          Units.meanAndError(timings.mean(), timings.confidence999()),
          relative(relative),
          Units.seconds(entry.setupSeconds() + timings.best()),
          Units.figure(throughput.nanosPerElementEpoch()),
          Units.figure(throughput.gigabytesPerSecond()),
          Units.figure(throughput.gigaflopsPerSecond()),
          Double.isNaN(throughput.percentOfLimit()) ? "-"
              : Units.figure(throughput.percentOfLimit()) + "%",
          entry.ran() ? weight(weights[0], fullWeights) : "-",
          entry.ran() ? weight(weights[1], fullWeights) : "-",
          Units.deviation(entry.deviation()),
          entry.precision() == Precision.FLOAT64 ? "-"
              : Units.deviation(entry.float64Deviation()),
          entry.status().name()));
    }
    double[] closed = report.problem().inDataUnits(report.closedFormWeights());
    List<String> closedRow = new ArrayList<>(Collections.nCopies(COLUMNS.size(), "-"));
    closedRow.set(0, "closed form");
    closedRow.set(1, "f64");
    closedRow.set(2, shorten(closed.length > 0 ? "least squares by Householder QR"
        : report.closedFormError(), deviceWidth));
    closedRow.set(13, closed.length > 0 ? weight(closed[0], fullWeights) : "-");
    closedRow.set(14, closed.length > 0 ? weight(closed[1], fullWeights) : "-");
    closedRow.set(COLUMNS.indexOf("status"), "");
    rows.add(closedRow);
    return rows;
  }

  private static String weight(double value, boolean full) {
    return full ? Units.weight(value) : Units.shortWeight(value);
  }

  private static String relative(double[] relative) {
    if (Double.isNaN(relative[0])) {
      return "-";
    }
    if (relative[1] == 0 || Double.isNaN(relative[1])) {
      return Units.ratio(relative[0]);
    }
    return Units.ratio(relative[0]) + " ± " + Units.figure(relative[1]);
  }

  private static String shorten(String text, int width) {
    String oneLine = text.replace('\n', ' ');
    return oneLine.length() <= width ? oneLine : oneLine.substring(0, width - 1) + "…";
  }

  /** A reference's weights, or why it has none: NaN is not an answer. */
  private static String reference(double[] weights) {
    return Arrays.stream(weights).allMatch(Double::isFinite) ? Arrays.toString(weights)
        : "diverged, no answer";
  }

  static String heading(RaceReport report) {
    DataShape data = report.problem().shape();
    Schedule schedule = report.problem().schedule();
    RaceSettings settings = report.settings();
    String warmup = settings.warmup() == RaceSettings.AUTO_WARMUP
        ? "warm-up until settled" : settings.warmup() + " warm-up";
    return String.format(Locale.ROOT,
        "%s — %d epochs, mu = %s%s, N = %d, p = %d; %d timed calls after %s, %s",
        data.name(), schedule.epochs(), schedule.learningRate(),
        report.problem().automaticStep() ? " (auto)" : "", data.samples(),
        data.features(), settings.repeat(), warmup,
        settings.forks() == 0 ? "all in one JVM"
            : settings.forks() == 1 ? "each solver in its own JVM"
            : "each solver in " + settings.forks() + " JVMs of its own, samples pooled");
  }

  static List<String> notes(RaceReport report) {
    List<String> notes = new ArrayList<>(ConvergenceNotes.leading(report));
    notes.add("relative: mean speed against " + report.baseline()
        .map(b -> b.solver() + " " + b.precision().shortName()).orElse("-")
        + (report.settings().baseline().isEmpty() ? " (the slowest that made all its calls)" : "")
        + ", ± the half-width of the ratio's 99.9% interval, r·sqrt((h_base/mean_base)² + "
        + "(h/mean)²) with h each mean's 99.9% half-width; total = setup + best, as the article "
        + "timed it.");
    double[] float32 = report.references().get(Precision.FLOAT32);
    notes.add(String.format(Locale.ROOT,
        "deviation: the largest relative deviation of any call of any launch from the reference "
            + "trajectory of the row's own precision (float64 %s%s%s); OK within %.0e in f64 and "
            + "%.2e in f32 (2^-24·(4 + 2(p + 1) + log2 N)), and every call of one schedule must "
            + "give the same weights bit for bit. vs f64: a float32 row's deviation from the "
            + "float64 reference.",
        reference(report.referenceWeights()),
        float32 == null ? "" : ", float32 " + reference(float32),
        report.problem().standardization().isNone() ? "" : ", standardised units",
        report.tolerance(Precision.FLOAT64), report.tolerance(Precision.FLOAT32)));
    for (RaceEntry entry : report.entries()) {
      int calls = entry.timings().seconds().size();
      if (entry.ran() && calls > 0 && entry.warmupSeconds().isEmpty()
          && report.settings().warmup() == RaceSettings.AUTO_WARMUP) {
        notes.add(String.format(Locale.ROOT, "%s %s: no warm-up call: the solver estimates one "
                + "call at more than the --time-budget of %s, and call 1 took %s, so auto "
                + "warm-up had room for that one call only; call 1 is timed (and judged) instead, "
                + "as what warms in a warm-up is a negligible share of so long a call.",
            entry.solver(), entry.precision().shortName(),
            Units.seconds(report.settings().timeBudgetSeconds()),
            Units.seconds(entry.timings().seconds().get(0))));
      }
      if (entry.ran() && calls < report.settings().repeat()) {
        notes.add(String.format(Locale.ROOT, "%s %s: %d of %d timed calls: the --time-budget of "
                + "%s ran out.", entry.solver(), entry.precision().shortName(), calls,
            report.settings().repeat(), Units.seconds(report.settings().timeBudgetSeconds())));
      }
    }
    notes.add(report.limits().map(limits -> String.format(Locale.ROOT,
        "ns/el·ep, GB/s, GFLOP/s: the best time against the textbook work of N·epochs samples; "
            + "%% limit: the roofline (%.0f GB/s for this working set, memory %.1f GB/s on one "
            + "core and %.1f GB/s on all, the latter for solvers that run on several cores; "
            + "%.0f/%.0f GFLOP/s f64/f32 FMA; as 'descent machine' measured them with a plain "
            + "vector sum) over the best time. Above 100%%: the solver changes the algorithm "
            + "(scalar.gram), uses several cores within the caches, or overlaps its loads "
            + "better than the probe's sum does.",
        limits.bandwidthFor((long) report.problem().shape().samples()
            * report.problem().shape().weightCount() * 8) / 1e9,
        limits.memoryBandwidth() / 1e9, limits.allCoresMemoryBandwidth() / 1e9,
        limits.fmaPeak64() / 1e9, limits.fmaPeak32() / 1e9))
        .orElse("% limit: run 'descent machine' once to measure this machine's limits."));
    if (report.problem().shape().features() > 1) {
      notes.add("Only w0 and w1 are shown; --format json has all "
          + report.problem().shape().weightCount() + " weights.");
    }
    notes.addAll(ConvergenceNotes.trailing(report));
    for (RaceEntry entry : report.entries()) {
      if (!entry.message().isEmpty()
          && !ConvergenceNotes.saidOnce(report, entry.status(), entry.message())) {
        notes.add(entry.solver() + " " + entry.precision().shortName() + ": "
            + entry.status().name() + ": " + entry.message());
      }
    }
    for (String failure : report.loadFailures()) {
      notes.add("not loaded: " + failure);
    }
    if (report.problem().isArticle()) {
      notes.add("The article on its machine: " + Article.TIMINGS.stream()
          .map(t -> t.implementation() + " " + t.seconds() + " s")
          .collect(Collectors.joining(", "))
          + "; w = " + Article.DESCENT_WEIGHTS + ", closed form " + Article.CLOSED_FORM_WEIGHTS
          + ".");
    }
    return notes;
  }

  static String machineLine(Environment env) {
    return String.format(Locale.ROOT, "%s, %d CPUs, %.1f GiB; %s; %s %s (%s); descent %s",
        env.cpuModel(), env.cpus(), env.memoryBytes() / 1073741824.0, env.os(), env.jvmName(),
        env.jvmVersion(), env.jvmVendor(), env.descentVersion());
  }
}
