package dev.descent.app.cli;

import dev.descent.api.Schedule;
import dev.descent.app.race.DataRecipe;
import dev.descent.app.race.Problem;
import dev.descent.app.race.Race;
import dev.descent.app.stats.Sizes;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** What to solve: the options {@code race} and {@code sweep} share. */
final class ProblemOptions {

  @Option(names = "--n", paramLabel = "N", converter = SizeConverter.class,
      description = "Samples, written as 10000, 1e6, 2.5e8, 10k, 1M or 1G (default: 10000).")
  Integer samples;

  @Option(names = "--p", paramLabel = "P", description = "Features besides the intercept "
      + "(default: 1, the article's problem).")
  Integer features;

  @Option(names = "--epochs", paramLabel = "E", defaultValue = "10000",
      description = "Epochs of gradient descent (default: ${DEFAULT-VALUE}).")
  int epochs;

  @Option(names = "--mu", paramLabel = "MU|auto", defaultValue = "0.001",
      description = DataOptions.MU_DESCRIPTION)
  String learningRate;

  @Option(names = "--seed", paramLabel = "SEED", description = "Seed of NumPy's legacy "
      + "RandomState for the generated data (default: 444).")
  Long seed;

  @Option(names = "--sigma", paramLabel = "SIGMA", description = "Noise standard deviation of the "
      + "generated data (default: 0.1).")
  Double sigma;

  @Option(names = "--csv", paramLabel = "FILE", description = "Race on your own data: a CSV file "
      + "with a header row; the features are --features, or every column but the target.")
  Path csv;

  @Option(names = "--target", paramLabel = "COLUMN", description = "The CSV's target column, by "
      + "name or 1-based number (default: the last column).")
  String target;

  @Option(names = "--trace", paramLabel = "K", defaultValue = "0",
      description = "Record the loss (MSE) every K epochs (default: none).")
  int traceInterval;

  @Mixin
  DataOptions dataOptions;

  /** Checks the options race and sweep share, naming the option and value that is wrong. */
  static void validate(double learningRate, int traceInterval, long seed, double sigma) {
    if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
      throw new IllegalArgumentException("--mu = " + learningRate + ": must be finite and > 0");
    }
    if (traceInterval < 0) {
      throw new IllegalArgumentException("--trace = " + traceInterval + ": must be >= 0");
    }
    if (seed < 0 || seed > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("--seed = " + seed + ": must be in 0..4294967295");
    }
    if (!(sigma >= 0) || !Double.isFinite(sigma)) {
      throw new IllegalArgumentException("--sigma = " + sigma + ": must be finite and >= 0");
    }
  }

  /** The problem for N samples (null: the --n option or its default). */
  Problem problem(Integer overrideSamples) {
    if (epochs < 0) {
      throw new IllegalArgumentException("--epochs = " + epochs + ": must be >= 0");
    }
    long s = seed == null ? 444 : seed;
    double noise = sigma == null ? 0.1 : sigma;
    double mu = DataOptions.parseMu("--mu", learningRate);
    // With auto, a placeholder until the data is there to compute 1/L from.
    validate(Double.isNaN(mu) ? 1 : mu, traceInterval, s, noise);
    dataOptions.requireCsv(csv);
    Schedule schedule = new Schedule(Double.isNaN(mu) ? 1 : mu, epochs, null, traceInterval);
    if (csv != null) {
      for (Object given : new Object[] {samples, features, seed, sigma}) {
        if (given != null) {
          throw new IllegalArgumentException(
              "--csv cannot be combined with --n, --p, --seed or --sigma: the file is the data");
        }
      }
      DataRecipe recipe = DataRecipe.csv(csv, dataOptions.columns(target, 0));
      return DataOptions.withStep(Problem.of(dataOptions.conditioned(recipe), schedule), mu);
    }
    if (target != null) {
      throw new IllegalArgumentException("--target only applies with --csv");
    }
    int n = overrideSamples != null ? overrideSamples : samples == null ? 10_000 : samples;
    int p = features == null ? 1 : features;
    if (n < 1) {
      throw new IllegalArgumentException("--n = " + n + ": must be >= 1");
    }
    if (p < 1) {
      throw new IllegalArgumentException("--p = " + p + ": must be >= 1");
    }
    DataRecipe recipe = dataOptions.conditioned(dataOptions.generated(n, p, s, noise));
    return DataOptions.withStep(Problem.of(recipe, schedule), mu);
  }

  /** Sizes as people write them, the same parser as sweep's lists. */
  static final class SizeConverter implements CommandLine.ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      try {
        return Sizes.parse("--n", value, 1);
      } catch (IllegalArgumentException e) {
        // picocli prints a TypeConversionException's message as it is, not wrapped in its own.
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }
}
