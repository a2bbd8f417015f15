package dev.descent.app.report;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import dev.descent.api.Precision;
import dev.descent.api.Schedule;
import dev.descent.app.json.Json;
import dev.descent.app.machine.Environment;
import dev.descent.app.race.DataShape;
import dev.descent.app.race.RaceEntry;
import dev.descent.app.race.RaceReport;
import dev.descent.app.race.RaceSettings;
import dev.descent.app.race.Throughput;
import dev.descent.app.stats.Timings;
import java.util.List;
import java.util.Map;

/**
 * Everything a race knows — the machine, the JVM and its flags, every parameter, every raw
 * sample, every weight — as one JSON document, for {@code descent compare} and for other tools.
 */
final class JsonWriter implements ReportWriter {
  @Override
  public String write(RaceReport report) {
    return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create()
        .toJson(jsonTree(report)) + "\n";
  }

  static JsonObject jsonTree(RaceReport report) {
    JsonObject root = new JsonObject();
    root.addProperty("descent", report.environment().descentVersion());
    root.add("machine", machine(report.environment(), report));
    root.add("parameters", parameters(report));
    JsonObject reference = new JsonObject();
    reference.add("weights", array(report.referenceWeights()));
    if (report.references().containsKey(Precision.FLOAT32)) {
      reference.add("float32Weights", array(report.references().get(Precision.FLOAT32)));
    }
    reference.add("seconds", number(report.referenceSeconds()));
    reference.addProperty("diverged", report.convergence().diverged());
    reference.addProperty("divergedAtEpoch", report.convergence().divergedAtEpoch());
    reference.addProperty("message", report.convergence().message());
    reference.add("stableLimit", number(report.convergence().stableLimit()));
    reference.add("initialLoss", number(report.convergence().initialLoss()));
    reference.add("finalLoss", number(report.convergence().finalLoss()));
    reference.add("closedFormLoss", number(report.convergence().closedFormLoss()));
    reference.add("gapClosed", number(report.convergence().gapClosed()));
    root.add("reference", reference);
    JsonObject closedForm = new JsonObject();
    if (report.closedFormWeights().length > 0) {
      closedForm.add("weights", array(report.problem().inDataUnits(report.closedFormWeights())));
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
    DataShape data = report.problem().shape();
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
    parameters.addProperty("muAuto", report.problem().automaticStep());
    parameters.addProperty("standardize", report.problem().recipe().standardize());
    parameters.addProperty("standardizeTarget", report.problem().recipe().standardizeTarget());
    if (!report.problem().recipe().featureColumns().isEmpty()) {
      parameters.add("features", strings(report.problem().recipe().featureColumns()));
    }
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
    // In the data's own units; the solver's own are kept when they differ.
    result.add("weights", array(report.problem().inDataUnits(entry.weights())));
    if (!report.problem().standardization().isNone()) {
      result.add("standardizedWeights", array(entry.weights()));
    }
    if (entry.losses().length > 0) {
      result.add("losses", array(entry.losses()));
    }
    result.add("deviation", number(entry.deviation()));
    result.add("float64Deviation", number(entry.float64Deviation()));
    result.add("tolerance", number(report.tolerance(entry.precision())));
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
