package dev.descent.app.cli;

import dev.descent.api.Schedule;
import dev.descent.app.machine.Environment;
import dev.descent.app.plugin.Plugins;
import dev.descent.app.race.DataRecipe;
import dev.descent.app.race.Problem;
import dev.descent.app.race.Race;
import dev.descent.app.race.RaceSettings;
import dev.descent.app.report.Figure;
import dev.descent.app.report.Format;
import dev.descent.app.report.HtmlReport;
import dev.descent.app.report.SweepWriter;
import dev.descent.app.sweep.Grid;
import dev.descent.app.sweep.Sweep;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code descent sweep}: the race over a grid of sizes, with fits, crossovers and charts. */
@Command(
    name = "sweep",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
        "Races the solvers at every N (and p) of a grid, fits each solver's cost per epoch as "
            + "fixed + per-element × N, names the sizes where one solver overtakes another, and "
            + "writes into --output: sweep.json (every race, raw samples included), sweep.csv, "
            + "charts as PNG and SVG (time per element-epoch vs N, log-log; the race as bars at "
            + "the size nearest the article's; the loss curves with --trace) and report.html, "
            + "one self-contained file with all of it."})
public final class SweepCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--n", paramLabel = "LIST|RANGE", defaultValue = "1e3..1e6",
      description = "Sample counts: 1000,10000,100000 or a range of decades 1e3..1e7, or "
          + "1e3..1e6/2 for 2 points per decade (default: ${DEFAULT-VALUE}).")
  String samples;

  @Option(names = "--p", paramLabel = "LIST", defaultValue = "1",
      description = "Feature counts, e.g. 1 or 1,8 (default: ${DEFAULT-VALUE}; 1 is the "
          + "article's recipe).")
  String features;

  @Option(names = "--epochs", paramLabel = "E|auto", defaultValue = "auto",
      description = "Epochs per call; auto gives every size about the article's work "
          + "(1e8 element-epochs: 1e8 / N, between 10 and 10000) (default: ${DEFAULT-VALUE}).")
  String epochs;

  @Option(names = "--mu", paramLabel = "MU|auto", defaultValue = "0.001",
      description = DataOptions.MU_DESCRIPTION)
  String learningRate;

  @Option(names = "--seed", paramLabel = "SEED", defaultValue = "444",
      description = "Generator seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--sigma", paramLabel = "SIGMA", defaultValue = "0.1",
      description = "Noise standard deviation (default: ${DEFAULT-VALUE}).")
  double sigma;

  @Option(names = "--trace", paramLabel = "K", defaultValue = "0",
      description = "Record the loss every K epochs and draw the loss curves (default: none).")
  int traceInterval;

  @Option(names = "--csv", paramLabel = "FILE", description = "Sweep on your own data: each N "
      + "takes the file's first N rows (see 'descent race --help' for the format).")
  Path csv;

  @Option(names = "--target", paramLabel = "COLUMN", description = "The CSV's target column, by "
      + "name or 1-based number (default: the last column).")
  String target;

  @Mixin
  DataOptions dataOptions;

  @Option(names = "--output", paramLabel = "DIR", defaultValue = "descent-sweep",
      description = "Where the files go (default: ${DEFAULT-VALUE}).")
  Path output;

  @Mixin
  RunOptions runOptions;

  @Mixin
  ExportOptions exports;

  @Override
  public Integer call() throws IOException {
    exports.validate();
    List<Integer> sizes = Grid.parse("--n", samples);
    List<Integer> featureCounts = Grid.parse("--p", features);
    double mu = DataOptions.parseMu("--mu", learningRate);
    ProblemOptions.validate(Double.isNaN(mu) ? 1 : mu, traceInterval, seed, sigma);
    dataOptions.requireCsv(csv);
    if (csv == null && target != null) {
      throw new IllegalArgumentException("--target only applies with --csv");
    }
    if (csv != null && !featureCounts.equals(List.of(1))) {
      throw new IllegalArgumentException("--p = " + features + " cannot be combined with --csv: "
          + "the file's columns are the features");
    }
    Integer fixedEpochs = epochs.equalsIgnoreCase("auto") ? null : Grid.parse("--epochs", epochs).get(0);
    RaceSettings settings = runOptions.settings();
    Plugins plugins = Plugins.load(runOptions.folders());
    Race race = runOptions.race(plugins, runOptions.progress(), System.err);
    race.selected(settings);
    Files.createDirectories(output);

    PrintWriter out = spec.commandLine().getOut();
    List<Sweep.Point> points = new ArrayList<>();
    for (int p : featureCounts) {
      for (int n : sizes) {
        int e = fixedEpochs != null ? fixedEpochs : autoEpochs(n);
        out.printf("N = %d, p = %d, %d epochs…%n", n, p, e);
        out.flush();
        Problem problem = problem(n, p, new Schedule(Double.isNaN(mu) ? 1 : mu, e, null,
            traceInterval), mu);
        points.add(new Sweep.Point(n, p, e, race.run(problem, settings)));
      }
    }
    Sweep sweep = new Sweep(points);
    List<String> fits = new ArrayList<>();
    List<String> crossovers = new ArrayList<>();
    for (int p : sweep.featureCounts()) {
      List<Sweep.Series> series = sweep.series(p);
      series.forEach(s -> fits.add((featureCounts.size() > 1 ? "p = " + p + ", " : "")
          + Sweep.fit(s).describe()));
      crossovers.addAll(Sweep.crossovers(series));
    }
    List<Figure> figures = SweepFigures.draw(sweep, output, traceInterval > 0);
    Files.writeString(output.resolve("report.html"),
        HtmlReport.render(sweep, Environment.current(), fits, crossovers, figures));
    Files.writeString(output.resolve("sweep.json"),
        SweepWriter.write(sweep, fits, crossovers, Format.JSON));
    Files.writeString(output.resolve("sweep.csv"),
        SweepWriter.write(sweep, fits, crossovers, Format.CSV));

    out.println();
    fits.forEach(out::println);
    crossovers.forEach(out::println);
    out.println("Written to " + output + ": report.html, sweep.json, sweep.csv, "
        + String.join(", ", figures.stream().map(f -> f.name() + ".png/.svg").toList()));
    exports.write(format -> SweepWriter.write(sweep, fits, crossovers, format), out);
    out.flush();
    boolean failed = points.stream().anyMatch(point -> point.report().hasFailures());
    boolean diverged = points.stream().anyMatch(point -> point.report().diverged());
    return failed ? ExitCode.FAILED : diverged ? ExitCode.DIVERGED : 0;
  }

  private Problem problem(int n, int p, Schedule schedule, double mu) {
    if (csv == null) {
      DataRecipe recipe = dataOptions.generated(n, p, seed, sigma);
      return DataOptions.withStep(Problem.of(dataOptions.conditioned(recipe), schedule), mu);
    }
    DataRecipe recipe = DataRecipe.csv(csv, dataOptions.columns(target, n));
    Problem problem = DataOptions.withStep(Problem.of(dataOptions.conditioned(recipe), schedule),
        mu);
    if (problem.shape().samples() < n) {
      throw new IllegalArgumentException("--n " + n + ": " + csv + " has only "
          + problem.shape().samples() + " usable rows");
    }
    return problem;
  }

  /** About the article's 1e8 element-epochs per call at every size, within 10..10000 epochs. */
  static int autoEpochs(int samples) {
    return (int) Math.max(10, Math.min(10_000, Math.round(1e8 / samples)));
  }
}
