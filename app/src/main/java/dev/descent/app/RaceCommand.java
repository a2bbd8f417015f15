package dev.descent.app;

import dev.descent.api.Dataset;
import dev.descent.api.Precision;
import dev.descent.api.Schedule;
import dev.descent.api.Solvers;
import dev.descent.reference.Datasets;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code descent race}: every solver on the same problem, timed and checked. */
@Command(
    name = "race",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
        "Races every solver found (or those named by --solvers) on one problem: for each solver "
            + "and precision, prepare (timed as setup), warm up, time --repeat calls of the "
            + "descent, check the weights against the float64 reference trajectory and the "
            + "closed form, close. Prints a table like the article's.",
        "",
        "The data: with p = 1 the article's recipe (x = linspace(0, 2, N), d = 3 + 2x + "
            + "sigma*randn from NumPy's RandomState(seed)); with p > 1 synthetic Gaussian "
            + "features from the same generator; or your own CSV file with --csv.",
        ""})
final class RaceCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--n", paramLabel = "N", description = "Samples (default: ${DEFAULT-VALUE}).")
  Integer samples;

  @Option(names = "--p", paramLabel = "P", description = "Features besides the intercept "
      + "(default: ${DEFAULT-VALUE}).")
  Integer features;

  @Option(names = "--epochs", paramLabel = "E", defaultValue = "10000",
      description = "Epochs of gradient descent (default: ${DEFAULT-VALUE}).")
  int epochs;

  @Option(names = "--mu", paramLabel = "MU", defaultValue = "0.001",
      description = "Learning rate (default: ${DEFAULT-VALUE}).")
  double learningRate;

  @Option(names = "--seed", paramLabel = "SEED", description = "Seed of NumPy's legacy "
      + "RandomState for the generated data (default: 444).")
  Long seed;

  @Option(names = "--sigma", paramLabel = "SIGMA", description = "Noise standard deviation of the "
      + "generated data (default: 0.1).")
  Double sigma;

  @Option(names = "--csv", paramLabel = "FILE", description = "Race on your own data: a CSV file "
      + "with a header row; every column but the target is a feature.")
  Path csv;

  @Option(names = "--target", paramLabel = "COLUMN", description = "The CSV's target column, by "
      + "name or 1-based number (default: the last column).")
  String target;

  @Option(names = "--precision", paramLabel = "P[,P]", split = ",", defaultValue = "f64,f32",
      converter = PrecisionConverter.class,
      description = "Precisions to race, f64 and/or f32 (default: ${DEFAULT-VALUE}).")
  List<Precision> precisions;

  @Option(names = "--repeat", paramLabel = "R", defaultValue = "5",
      description = "Timed calls per solver and precision; best and median are reported "
          + "(default: ${DEFAULT-VALUE}).")
  int repeat;

  @Option(names = "--warmup", paramLabel = "W", defaultValue = "2",
      description = "Untimed calls before the timed ones (default: ${DEFAULT-VALUE}).")
  int warmup;

  @Option(names = "--solvers", paramLabel = "ID[,ID]", split = ",",
      description = "Only these solvers, in this order (default: all; 'descent list' shows them).")
  List<String> solverIds = new ArrayList<>();

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
      converter = FormatConverter.class,
      description = "table, markdown, csv or json (default: ${DEFAULT-VALUE}). Written to "
          + "--output if given (the table still goes to the terminal), else to standard output.")
  Format format;

  @Option(names = "--output", paramLabel = "FILE", description = "Write the report here.")
  Path output;

  @Override
  public Integer call() {
    Problem problem = problem();
    RaceSettings settings = new RaceSettings(
        List.copyOf(new LinkedHashSet<>(precisions)), repeat, warmup, solverIds);
    Solvers solvers = Solvers.load();
    PrintWriter out = spec.commandLine().getOut();
    Race race = new Race(solvers, Progress.forTerminal(System.err));
    race.selected(settings);
    RaceReport report = race.run(problem, settings);
    if (output != null) {
      write(output, ReportWriter.write(report, format));
      out.print(ReportWriter.write(report, Format.TABLE));
      out.println("Report written to " + output);
    } else {
      out.print(ReportWriter.write(report, format));
    }
    out.flush();
    return report.hasFailures() ? Main.EXIT_FAILED : 0;
  }

  /** The data and schedule the options describe; every bad value named by its option. */
  Problem problem() {
    if (epochs < 0) {
      throw new IllegalArgumentException("--epochs = " + epochs + ": must be >= 0");
    }
    if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
      throw new IllegalArgumentException("--mu = " + learningRate + ": must be finite and > 0");
    }
    Schedule schedule = Schedule.of(learningRate, epochs);
    if (csv != null) {
      for (Object given : new Object[] {samples, features, seed, sigma}) {
        if (given != null) {
          throw new IllegalArgumentException(
              "--csv cannot be combined with --n, --p, --seed or --sigma: the file is the data");
        }
      }
      return new Problem(Datasets.csv(csv, target), schedule, "csv");
    }
    if (target != null) {
      throw new IllegalArgumentException("--target only applies with --csv");
    }
    int n = samples == null ? 10_000 : samples;
    int p = features == null ? 1 : features;
    long s = seed == null ? 444 : seed;
    double noise = sigma == null ? 0.1 : sigma;
    if (n < 1) {
      throw new IllegalArgumentException("--n = " + n + ": must be >= 1");
    }
    if (p < 1) {
      throw new IllegalArgumentException("--p = " + p + ": must be >= 1");
    }
    if (s < 0 || s > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("--seed = " + s + ": must be in 0..4294967295");
    }
    if (!(noise >= 0) || !Double.isFinite(noise)) {
      throw new IllegalArgumentException("--sigma = " + noise + ": must be finite and >= 0");
    }
    Dataset data = p == 1
        ? Datasets.article(n, s, noise)
        : Datasets.synthetic(n, p, s, noise, null);
    return new Problem(data, schedule, p == 1 ? "article" : "synthetic");
  }

  private static void write(Path file, String text) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException("--output: cannot write '" + file + "': " + e, e);
    }
  }

  static final class PrecisionConverter implements picocli.CommandLine.ITypeConverter<Precision> {
    @Override
    public Precision convert(String value) {
      return Precision.parse(value);
    }
  }

  static final class FormatConverter implements picocli.CommandLine.ITypeConverter<Format> {
    @Override
    public Format convert(String value) {
      return Format.parse(value);
    }
  }
}
