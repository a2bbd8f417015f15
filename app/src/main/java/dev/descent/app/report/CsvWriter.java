package dev.descent.app.report;

import dev.descent.app.race.RaceEntry;
import dev.descent.app.race.RaceReport;
import dev.descent.app.race.Throughput;
import dev.descent.app.stats.Timings;
import java.util.ArrayList;
import java.util.List;

/** One row per solver and precision, every figure in its own column, every weight. */
final class CsvWriter implements ReportWriter {
  @Override
  public String write(RaceReport report) {
    int weightCount = report.problem().shape().weightCount();
    List<String> header = new ArrayList<>(List.of("solver", "precision", "status", "device",
        "origin", "setup_s", "best_s", "median_s", "mean_s", "ci999_s", "total_s", "repeats",
        "relative_speed", "relative_error", "ns_per_element_epoch", "gb_per_s", "gflop_per_s",
        "percent_of_limit", "deviation", "float64_deviation", "closed_form_deviation"));
    for (int j = 0; j < weightCount; j++) {
      header.add("w" + j);
    }
    header.add("message");
    StringBuilder out = new StringBuilder(String.join(",", header)).append('\n');
    for (RaceEntry entry : report.entries()) {
      Timings t = entry.timings();
      double[] relative = report.relativeSpeed(entry);
      Throughput throughput = report.throughput(entry);
      List<String> cells = new ArrayList<>(List.of(
          entry.solver(), entry.precision().shortName(), entry.status().name(),
          quote(entry.device()), quote(entry.origin()), csvNumber(entry.setupSeconds()),
          csvNumber(t.best()), csvNumber(t.median()), csvNumber(t.mean()),
          csvNumber(t.confidence999()), csvNumber(entry.setupSeconds() + t.best()),
          Integer.toString(t.seconds().size()), csvNumber(relative[0]), csvNumber(relative[1]),
          csvNumber(throughput.nanosPerElementEpoch()), csvNumber(throughput.gigabytesPerSecond()),
          csvNumber(throughput.gigaflopsPerSecond()), csvNumber(throughput.percentOfLimit()),
          csvNumber(entry.deviation()), csvNumber(entry.float64Deviation()),
          csvNumber(entry.closedFormDeviation())));
      double[] weights = report.problem().inDataUnits(entry.weights());
      for (int j = 0; j < weightCount; j++) {
        cells.add(j < weights.length ? csvNumber(weights[j]) : "");
      }
      cells.add(quote(entry.message()));
      out.append(String.join(",", cells)).append('\n');
    }
    return out.toString();
  }

  private static String csvNumber(double value) {
    return Double.isNaN(value) ? "" : Double.toString(value);
  }

  private static String quote(String text) {
    if (text.contains(",") || text.contains("\"") || text.contains("\n")) {
      return '"' + text.replace("\"", "\"\"") + '"';
    }
    return text;
  }
}
