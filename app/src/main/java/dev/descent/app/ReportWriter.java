package dev.descent.app;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.descent.api.Dataset;
import dev.descent.api.Schedule;
import dev.descent.reference.Article;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Turns a {@link RaceReport} into text in one of the {@link Format}s. */
final class ReportWriter {

  private ReportWriter() {}

  static String write(RaceReport report, Format format) {
    return switch (format) {
      case TABLE -> table(report);
      case MARKDOWN -> markdown(report);
      case CSV -> csv(report);
      case JSON -> json(report);
    };
  }

  // ------------------------------------------------------------------ shared rows

  private static final List<String> COLUMNS = List.of("solver", "prec", "device", "setup", "best",
      "median", "relative", "w0", "w1", "deviation", "status");

  /** The table's cells: one row per entry, then the closed form. */
  private static List<List<String>> rows(RaceReport report, int deviceWidth) {
    List<List<String>> rows = new ArrayList<>();
    for (RaceEntry entry : report.entries()) {
      boolean ran = entry.weights().length > 0;
      String status = entry.status().name();
      String device = entry.device().isEmpty() ? entry.message() : entry.device();
      rows.add(List.of(
          entry.solver(),
          entry.precision().shortName(),
          shorten(device, deviceWidth),
          Units.seconds(entry.setupSeconds()),
          Units.seconds(entry.timings().best()),
          Units.seconds(entry.timings().median()),
          Units.ratio(report.relativeSpeed(entry)),
          ran ? Units.weight(entry.weights()[0]) : "-",
          ran ? Units.weight(entry.weights()[1]) : "-",
          Units.deviation(entry.deviation()),
          status));
    }
    double[] closed = report.closedFormWeights();
    rows.add(List.of("closed form", "f64", shorten(closed.length > 0
            ? "least squares by Householder QR" : report.closedFormError(), deviceWidth),
        "-", "-", "-", "-",
        closed.length > 0 ? Units.weight(closed[0]) : "-",
        closed.length > 0 ? Units.weight(closed[1]) : "-", "-", ""));
    return rows;
  }

  private static String shorten(String text, int width) {
    return text.length() <= width ? text : text.substring(0, width - 1) + "…";
  }

  private static String heading(RaceReport report) {
    Dataset data = report.problem().data();
    Schedule schedule = report.problem().schedule();
    RaceSettings settings = report.settings();
    return String.format(Locale.ROOT,
        "%s — %d epochs, mu = %s, N = %d, p = %d; best and median of %d after %d warm-up",
        data.name(), schedule.epochs(), schedule.learningRate(), data.samples(),
        data.features(), settings.repeat(), settings.warmup());
  }

  private static List<String> notes(RaceReport report) {
    List<String> notes = new ArrayList<>();
    if (report.problem().data().features() > 1) {
      notes.add("Only w0 and w1 are shown; --format json has all " + report.problem().data().weights()
          + " weights.");
    }
    notes.add(String.format(Locale.ROOT,
        "deviation: relative to the float64 reference trajectory %s (OK within 1e-9 for f64, 1e-3 for f32)",
        Arrays.toString(report.referenceWeights())));
    for (RaceEntry entry : report.entries()) {
      if (!entry.message().isEmpty()) {
        notes.add(entry.solver() + " " + entry.precision().shortName() + ": "
            + entry.status().name().toLowerCase(Locale.ROOT) + ": " + entry.message());
      }
    }
    for (String failure : report.loadFailures()) {
      notes.add("not loaded: " + failure);
    }
    if (report.problem().isArticle()) {
      notes.add("The article on its machine: " + Article.TIMINGS.stream()
          .map(t -> t.implementation() + " " + t.seconds() + " s")
          .collect(Collectors.joining(", "))
          + "; w = " + Article.DESCENT_WEIGHTS + ", closed form " + Article.CLOSED_FORM_WEIGHTS + ".");
    }
    return notes;
  }

  // ------------------------------------------------------------------ table

  private static String table(RaceReport report) {
    List<List<String>> rows = rows(report, 44);
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

  /** Text columns left-aligned, numeric ones right-aligned. */
  private static void appendAligned(StringBuilder out, List<String> cells, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int c = 0; c < cells.size(); c++) {
      boolean left = c <= 2 || c == cells.size() - 1;
      String cell = cells.get(c);
      String pad = " ".repeat(widths[c] - cell.length());
      line.append(left ? cell + pad : pad + cell).append("  ");
    }
    out.append(line.toString().stripTrailing()).append('\n');
  }

  // ------------------------------------------------------------------ markdown

  private static String markdown(RaceReport report) {
    StringBuilder out = new StringBuilder("### descent race\n\n")
        .append(heading(report)).append("\n\n")
        .append(machineLine(report.environment())).append("\n\n");
    out.append("| ").append(String.join(" | ", COLUMNS)).append(" |\n");
    out.append("|").append(COLUMNS.stream().map(c -> "---").collect(Collectors.joining("|")))
        .append("|\n");
    for (List<String> row : rows(report, 200)) {
      out.append("| ").append(row.stream().map(cell -> cell.replace("|", "\\|"))
          .collect(Collectors.joining(" | "))).append(" |\n");
    }
    out.append('\n');
    for (String note : notes(report)) {
      out.append("- ").append(note).append('\n');
    }
    return out.toString();
  }

  private static String machineLine(Environment env) {
    return String.format(Locale.ROOT, "%s, %d CPUs, %.1f GiB; %s; %s %s (%s); descent %s",
        env.cpuModel(), env.cpus(), env.memoryBytes() / 1073741824.0, env.os(), env.jvmName(),
        env.jvmVersion(), env.jvmVendor(), env.descentVersion());
  }

  // ------------------------------------------------------------------ csv

  private static String csv(RaceReport report) {
    int weightCount = report.problem().data().weights();
    List<String> header = new ArrayList<>(List.of("solver", "precision", "status", "device",
        "setup_s", "best_s", "median_s", "mean_s", "repeats", "relative_speed", "deviation",
        "closed_form_deviation"));
    for (int j = 0; j < weightCount; j++) {
      header.add("w" + j);
    }
    header.add("message");
    StringBuilder out = new StringBuilder(String.join(",", header)).append('\n');
    for (RaceEntry entry : report.entries()) {
      List<String> cells = new ArrayList<>(List.of(
          entry.solver(), entry.precision().shortName(), entry.status().name(),
          quote(entry.device()), csvNumber(entry.setupSeconds()), csvNumber(entry.timings().best()),
          csvNumber(entry.timings().median()), csvNumber(entry.timings().mean()),
          Integer.toString(entry.timings().seconds().size()),
          csvNumber(report.relativeSpeed(entry)), csvNumber(entry.deviation()),
          csvNumber(entry.closedFormDeviation())));
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
    JsonObject root = new JsonObject();
    root.addProperty("descent", report.environment().descentVersion());
    root.add("machine", machine(report.environment()));
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
    JsonArray failures = new JsonArray();
    report.loadFailures().forEach(failures::add);
    root.add("loadFailures", failures);
    return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root) + "\n";
  }

  private static JsonObject machine(Environment env) {
    JsonObject machine = new JsonObject();
    machine.addProperty("cpu", env.cpuModel());
    machine.addProperty("cpus", env.cpus());
    machine.addProperty("memoryBytes", env.memoryBytes());
    machine.addProperty("os", env.os());
    JsonObject jvm = new JsonObject();
    jvm.addProperty("vendor", env.jvmVendor());
    jvm.addProperty("version", env.jvmVersion());
    jvm.addProperty("name", env.jvmName());
    JsonArray flags = new JsonArray();
    env.jvmFlags().forEach(flags::add);
    jvm.add("flags", flags);
    machine.add("jvm", jvm);
    return machine;
  }

  private static JsonObject parameters(RaceReport report) {
    Dataset data = report.problem().data();
    Schedule schedule = report.problem().schedule();
    JsonObject parameters = new JsonObject();
    parameters.addProperty("dataset", data.name());
    parameters.addProperty("source", report.problem().source());
    parameters.addProperty("n", data.samples());
    parameters.addProperty("p", data.features());
    parameters.addProperty("epochs", schedule.epochs());
    parameters.addProperty("mu", schedule.learningRate());
    parameters.addProperty("repeat", report.settings().repeat());
    parameters.addProperty("warmup", report.settings().warmup());
    JsonArray precisions = new JsonArray();
    report.settings().precisions().forEach(p -> precisions.add(p.shortName()));
    parameters.add("precisions", precisions);
    JsonArray solvers = new JsonArray();
    report.settings().solverIds().forEach(solvers::add);
    parameters.add("solvers", solvers);
    return parameters;
  }

  private static JsonObject result(RaceReport report, RaceEntry entry) {
    JsonObject result = new JsonObject();
    result.addProperty("solver", entry.solver());
    result.addProperty("description", entry.description());
    result.addProperty("precision", entry.precision().shortName());
    result.addProperty("status", entry.status().name());
    result.addProperty("device", entry.device());
    result.add("setupSeconds", number(entry.setupSeconds()));
    result.add("bestSeconds", number(entry.timings().best()));
    result.add("medianSeconds", number(entry.timings().median()));
    result.add("meanSeconds", number(entry.timings().mean()));
    result.add("samples", array(entry.timings().seconds().stream()
        .mapToDouble(Double::doubleValue).toArray()));
    result.add("relativeSpeed", number(report.relativeSpeed(entry)));
    result.add("weights", array(entry.weights()));
    result.add("deviation", number(entry.deviation()));
    result.add("closedFormDeviation", number(entry.closedFormDeviation()));
    result.addProperty("message", entry.message());
    return result;
  }

  /** JSON has no NaN or infinity: those become null. */
  private static JsonElement number(double value) {
    return Double.isFinite(value) ? new JsonPrimitive(value) : JsonNull.INSTANCE;
  }

  private static JsonArray array(double[] values) {
    JsonArray array = new JsonArray();
    for (double value : values) {
      array.add(number(value));
    }
    return array;
  }
}
