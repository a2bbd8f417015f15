package dev.descent.app.report;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.descent.app.race.RaceEntry;
import dev.descent.app.race.Throughput;
import dev.descent.app.sweep.Sweep;
import java.util.List;

/** A whole sweep as one file: JSON (every race in full), CSV (a row per race entry), Markdown. */
public final class SweepWriter {

  private SweepWriter() {}

  /** The sweep in {@code format}; a sweep has no terminal table of its own, so not TABLE. */
  public static String write(Sweep sweep, List<String> fits, List<String> crossovers,
      Format format) {
    return switch (format) {
      case JSON -> json(sweep, fits, crossovers);
      case CSV -> csv(sweep);
      case MARKDOWN -> markdown(sweep, fits, crossovers);
      case TABLE -> throw new IllegalArgumentException("a sweep has no table format");
    };
  }

  private static String json(Sweep sweep, List<String> fits, List<String> crossovers) {
    JsonObject root = new JsonObject();
    JsonArray races = new JsonArray();
    for (Sweep.Point point : sweep.points()) {
      races.add(JsonWriter.jsonTree(point.report()));
    }
    root.add("races", races);
    JsonArray fitArray = new JsonArray();
    fits.forEach(fitArray::add);
    root.add("fits", fitArray);
    JsonArray crossoverArray = new JsonArray();
    crossovers.forEach(crossoverArray::add);
    root.add("crossovers", crossoverArray);
    return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root) + "\n";
  }

  private static String csv(Sweep sweep) {
    StringBuilder out = new StringBuilder(
        "n,p,epochs,solver,precision,status,setup_s,best_s,median_s,ns_per_element_epoch\n");
    for (Sweep.Point point : sweep.points()) {
      for (RaceEntry entry : point.report().entries()) {
        Throughput throughput = point.report().throughput(entry);
        out.append(point.samples()).append(',').append(point.features()).append(',')
            .append(point.epochs()).append(',').append(entry.solver()).append(',')
            .append(entry.precision().shortName()).append(',').append(entry.status()).append(',')
            .append(number(entry.setupSeconds())).append(',')
            .append(number(entry.timings().best())).append(',')
            .append(number(entry.timings().median())).append(',')
            .append(number(throughput.nanosPerElementEpoch())).append('\n');
      }
    }
    return out.toString();
  }

  /** The summary first — who wins where, the fits, the crossovers — then every race's table. */
  private static String markdown(Sweep sweep, List<String> fits, List<String> crossovers) {
    StringBuilder out = new StringBuilder("## descent sweep\n\n### Who wins where\n\n");
    sweep.winners().forEach(line -> out.append("- ").append(line).append('\n'));
    out.append("\n### Cost per epoch, fitted\n\n");
    fits.forEach(line -> out.append("- ").append(line).append('\n'));
    out.append("\n### Crossovers\n\n");
    if (crossovers.isEmpty()) {
      out.append("- no solver overtakes another within this grid\n");
    }
    crossovers.forEach(line -> out.append("- ").append(line).append('\n'));
    for (Sweep.Point point : sweep.points()) {
      out.append('\n').append(Format.MARKDOWN.writer().write(point.report()));
    }
    return out.toString();
  }

  private static String number(double value) {
    return Double.isNaN(value) ? "" : Double.toString(value);
  }
}
