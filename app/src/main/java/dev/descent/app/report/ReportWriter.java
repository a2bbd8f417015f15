package dev.descent.app.report;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import dev.descent.api.Dataset;
import dev.descent.api.Precision;
import dev.descent.api.Schedule;
import dev.descent.app.json.Json;
import dev.descent.app.machine.Environment;
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
import java.util.Map;
import java.util.stream.Collectors;

/** Turns a {@link RaceReport} into text in one of the {@link Format}s. */
public final class ReportWriter {

  private ReportWriter() {}

  public static String write(RaceReport report, Format format) {
    return switch (format) {
      case TABLE -> table(report);
      case MARKDOWN -> markdown(report);
      case CSV -> csv(report);
      case JSON -> json(report);
    };
  }

  // ------------------------------------------------------------------ shared rows

  static final List<String> COLUMNS = List.of("solver", "prec", "device", "setup", "best",
      "median", "mean ± 99.9%", "relative", "total", "ns/el·ep", "GB/s", "GFLOP/s", "% limit",
      "w0", "w1", "deviation", "status");

  /** Columns aligned left in the text table: the words; numbers align right. */
  private static final List<String> LEFT = List.of("solver", "prec", "device", "status");

  /** The table's cells: one row per entry, then the closed form. */
  static List<List<String>> rows(RaceReport report, int deviceWidth, boolean fullWeights) {
    List<List<String>> rows = new ArrayList<>();
    for (RaceEntry entry : report.entries()) {
      String device = entry.device().isEmpty() ? entry.message() : entry.device();
      double[] relative = report.relativeSpeed(entry);
      Throughput throughput = report.throughput(entry);
      Timings timings = entry.timings();
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
          entry.ran() ? weight(entry.weights()[0], fullWeights) : "-",
          entry.ran() ? weight(entry.weights()[1], fullWeights) : "-",
          Units.deviation(entry.deviation()),
          entry.status().name()));
    }
    double[] closed = report.closedFormWeights();
    List<String> closedRow = new ArrayList<>(Collections.nCopies(COLUMNS.size(), "-"));
    closedRow.set(0, "closed form");
    closedRow.set(1, "f64");
    closedRow.set(2, shorten(closed.length > 0 ? "least squares by Householder QR"
        : report.closedFormError(), deviceWidth));
    closedRow.set(13, closed.length > 0 ? weight(closed[0], fullWeights) : "-");
    closedRow.set(14, closed.length > 0 ? weight(closed[1], fullWeights) : "-");
    closedRow.set(16, "");
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

  static String heading(RaceReport report) {
    Dataset data = report.problem().data();
    Schedule schedule = report.problem().schedule();
    RaceSettings settings = report.settings();
    String warmup = settings.warmup() == RaceSettings.AUTO_WARMUP
        ? "warm-up until settled" : settings.warmup() + " warm-up";
    return String.format(Locale.ROOT,
        "%s — %d epochs, mu = %s, N = %d, p = %d; %d timed calls after %s, %s",
        data.name(), schedule.epochs(), schedule.learningRate(), data.samples(),
        data.features(), settings.repeat(), warmup,
        settings.forks() == 0 ? "all in one JVM"
            : settings.forks() == 1 ? "each solver in its own JVM"
            : "each solver in " + settings.forks() + " JVMs of its own, samples pooled");
  }

  static List<String> notes(RaceReport report) {
    List<String> notes = new ArrayList<>();
    notes.add("relative: mean speed against " + report.baseline()
        .map(b -> b.solver() + " " + b.precision().shortName()).orElse("-")
        + (report.settings().baseline().isEmpty() ? " (the slowest)" : "")
        + ", ± its error; total = setup + best, as the article timed it.");
    notes.add(String.format(Locale.ROOT,
        "deviation: relative to the float64 reference trajectory %s; OK within %.0e (f64), %.0e (f32).",
        Arrays.toString(report.referenceWeights()), report.tolerance(Precision.FLOAT64),
        report.tolerance(Precision.FLOAT32)));
    notes.add(report.limits().map(limits -> String.format(Locale.ROOT,
        "ns/el·ep, GB/s, GFLOP/s: the best time against the textbook work of N·epochs samples; "
            + "%% limit: the one-core roofline (%.0f GB/s for this working set, %.1f GB/s "
            + "memory, %.0f/%.0f GFLOP/s f64/f32 FMA, as 'descent machine' measured them with a "
            + "plain vector sum) over the best time. Above 100%%: the solver changes the "
            + "algorithm (scalar.gram), uses several cores, or overlaps its loads better than "
            + "the probe's sum does.",
        limits.bandwidthFor((long) report.problem().data().samples()
            * report.problem().data().weightCount() * 8) / 1e9,
        limits.memoryBandwidth() / 1e9, limits.fmaPeak64() / 1e9, limits.fmaPeak32() / 1e9))
        .orElse("% limit: run 'descent machine' once to measure this machine's limits."));
    if (report.problem().data().features() > 1) {
      notes.add("Only w0 and w1 are shown; --format json has all "
          + report.problem().data().weightCount() + " weights.");
    }
    for (RaceEntry entry : report.entries()) {
      if (!entry.message().isEmpty()) {
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

  // ------------------------------------------------------------------ table

  private static String table(RaceReport report) {
    List<List<String>> rows = rows(report, 36, false);
    int[] widths = new int[COLUMNS.size()];
    for (int c = 0; c < widths.length; c++) {
      widths[c] = COLUMNS.get(c).length();
      for (List<String> row : rows) {
        widths[c] = Math.max(widths[c], row.get(c).length());
      }
    }
    StringBuilder out = new StringBuilder(heading(report)).append("\n\n");
    appendAligned(out, COLUMNS, widths);
    for (List<String> row : rows) {
      appendAligned(out, row, widths);
    }
    out.append('\n');
    for (String note : notes(report)) {
      out.append(note).append('\n');
    }
    return out.toString();
  }

  private static void appendAligned(StringBuilder out, List<String> cells, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int c = 0; c < cells.size(); c++) {
      String cell = cells.get(c);
      String pad = " ".repeat(widths[c] - cell.length());
      line.append(LEFT.contains(COLUMNS.get(c)) ? cell + pad : pad + cell).append("  ");
    }
    out.append(line.toString().stripTrailing()).append('\n');
  }

  // ------------------------------------------------------------------ markdown

  private static String markdown(RaceReport report) {
    StringBuilder out = new StringBuilder("### descent race\n\n")
        .append(heading(report)).append("\n\n")
        .append(machineLine(report.environment())).append("\n\n");
    out.append("| ").append(String.join(" | ", COLUMNS)).append(" |\n");
    out.append("|").append(COLUMNS.stream().map(c -> LEFT.contains(c) ? "---" : "---:")
        .collect(Collectors.joining("|"))).append("|\n");
    for (List<String> row : rows(report, 200, true)) {
      out.append("| ").append(row.stream().map(cell -> cell.replace("|", "\\|"))
          .collect(Collectors.joining(" | "))).append(" |\n");
    }
    out.append('\n');
    for (String note : notes(report)) {
      out.append("- ").append(note).append('\n');
    }
    return out.toString();
  }

  static String machineLine(Environment env) {
    return String.format(Locale.ROOT, "%s, %d CPUs, %.1f GiB; %s; %s %s (%s); descent %s",
        env.cpuModel(), env.cpus(), env.memoryBytes() / 1073741824.0, env.os(), env.jvmName(),
        env.jvmVersion(), env.jvmVendor(), env.descentVersion());
  }

  // ------------------------------------------------------------------ csv

  private static String csv(RaceReport report) {
    int weightCount = report.problem().data().weightCount();
    List<String> header = new ArrayList<>(List.of("solver", "precision", "status", "device",
        "origin", "setup_s", "best_s", "median_s", "mean_s", "ci999_s", "total_s", "repeats",
        "relative_speed", "relative_error", "ns_per_element_epoch", "gb_per_s", "gflop_per_s",
        "percent_of_limit", "deviation", "closed_form_deviation"));
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
          csvNumber(entry.deviation()), csvNumber(entry.closedFormDeviation())));
      for (int j = 0; j < weightCount; j++) {
        cells.add(j < entry.weights().length ? csvNumber(entry.weights()[j]) : "");
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

  // ------------------------------------------------------------------ json

  private static String json(RaceReport report) {
    return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create()
        .toJson(jsonTree(report)) + "\n";
  }

  public static JsonObject jsonTree(RaceReport report) {
    JsonObject root = new JsonObject();
    root.addProperty("descent", report.environment().descentVersion());
    root.add("machine", machine(report.environment(), report));
    root.add("parameters", parameters(report));
    JsonObject reference = new JsonObject();
    reference.add("weights", array(report.referenceWeights()));
    reference.add("seconds", number(report.referenceSeconds()));
    root.add("reference", reference);
    JsonObject closedForm = new JsonObject();
    if (report.closedFormWeights().length > 0) {
      closedForm.add("weights", array(report.closedFormWeights()));
    } else {
      closedForm.addProperty("error", report.closedFormError());
    }
    root.add("closedForm", closedForm);
    JsonArray results = new JsonArray();
    for (RaceEntry entry : report.entries()) {
      results.add(result(report, entry));
    }
    root.add("results", results);
    root.add("loadFailures", strings(report.loadFailures()));
    return root;
  }

  private static JsonObject machine(Environment env, RaceReport report) {
    JsonObject machine = new JsonObject();
    machine.addProperty("cpu", env.cpuModel());
    machine.addProperty("cpus", env.cpus());
    machine.addProperty("memoryBytes", env.memoryBytes());
    machine.addProperty("os", env.os());
    JsonObject jvm = new JsonObject();
    jvm.addProperty("vendor", env.jvmVendor());
    jvm.addProperty("version", env.jvmVersion());
    jvm.addProperty("name", env.jvmName());
    jvm.add("flags", strings(env.jvmFlags()));
    machine.add("jvm", jvm);
    report.limits().ifPresent(limits -> machine.add("limits",
        JsonParser.parseString(Json.encode(limits))));
    return machine;
  }

  private static JsonObject parameters(RaceReport report) {
    Dataset data = report.problem().data();
    Schedule schedule = report.problem().schedule();
    RaceSettings settings = report.settings();
    JsonObject parameters = new JsonObject();
    parameters.addProperty("dataset", data.name());
    parameters.addProperty("source", report.problem().source());
    parameters.addProperty("n", data.samples());
    parameters.addProperty("p", data.features());
    parameters.addProperty("seed", report.problem().recipe().seed());
    parameters.addProperty("sigma", report.problem().recipe().sigma());
    if (report.problem().recipe().csv() != null) {
      parameters.addProperty("csv", report.problem().recipe().csv());
    }
    parameters.addProperty("epochs", schedule.epochs());
    parameters.addProperty("mu", schedule.learningRate());
    parameters.addProperty("trace", schedule.traceInterval());
    parameters.addProperty("repeat", settings.repeat());
    parameters.addProperty("warmup",
        settings.warmup() == RaceSettings.AUTO_WARMUP ? "auto" : Integer.toString(settings.warmup()));
    parameters.addProperty("forks", settings.forks());
    parameters.addProperty("timeoutSeconds", settings.timeoutSeconds());
    parameters.addProperty("baseline", settings.baseline());
    parameters.add("precisions",
        strings(settings.precisions().stream().map(Precision::shortName).toList()));
    parameters.add("solvers", strings(settings.solverIds()));
    return parameters;
  }

  private static JsonObject result(RaceReport report, RaceEntry entry) {
    Timings t = entry.timings();
    double[] relative = report.relativeSpeed(entry);
    Throughput throughput = report.throughput(entry);
    JsonObject result = new JsonObject();
    result.addProperty("solver", entry.solver());
    result.addProperty("description", entry.description());
    result.addProperty("origin", entry.origin());
    result.addProperty("precision", entry.precision().shortName());
    result.addProperty("status", entry.status().name());
    result.addProperty("device", entry.device());
    result.add("setupSeconds", number(entry.setupSeconds()));
    result.add("bestSeconds", number(t.best()));
    result.add("medianSeconds", number(t.median()));
    result.add("meanSeconds", number(t.mean()));
    result.add("ci999Seconds", number(t.confidence999()));
    result.add("totalSeconds", number(entry.setupSeconds() + t.best()));
    result.add("samples", array(t.seconds().stream().mapToDouble(Double::doubleValue).toArray()));
    result.add("warmupSamples",
        array(entry.warmupSeconds().stream().mapToDouble(Double::doubleValue).toArray()));
    result.add("relativeSpeed", number(relative[0]));
    result.add("relativeError", number(relative[1]));
    result.add("nanosPerElementEpoch", number(throughput.nanosPerElementEpoch()));
    result.add("gigabytesPerSecond", number(throughput.gigabytesPerSecond()));
    result.add("gigaflopsPerSecond", number(throughput.gigaflopsPerSecond()));
    result.add("percentOfLimit", number(throughput.percentOfLimit()));
    result.add("weights", array(entry.weights()));
    if (entry.losses().length > 0) {
      result.add("losses", array(entry.losses()));
    }
    result.add("deviation", number(entry.deviation()));
    result.add("closedFormDeviation", number(entry.closedFormDeviation()));
    JsonObject launch = new JsonObject();
    launch.add("jvmOptions", strings(entry.launch().jvmOptions()));
    JsonObject environment = new JsonObject();
    for (Map.Entry<String, String> variable : entry.launch().environment().entrySet()) {
      environment.addProperty(variable.getKey(), variable.getValue());
    }
    launch.add("environment", environment);
    result.add("launch", launch);
    result.addProperty("message", entry.message());
    return result;
  }

  /** JSON has no NaN or infinity: those become null. */
  private static JsonElement number(double value) {
    return Double.isFinite(value) ? new JsonPrimitive(value) : JsonNull.INSTANCE;
  }

  private static JsonArray strings(List<String> values) {
    JsonArray array = new JsonArray();
    values.forEach(array::add);
    return array;
  }

  private static JsonArray array(double[] values) {
    JsonArray array = new JsonArray();
    for (double value : values) {
      array.add(number(value));
    }
    return array;
  }
}
