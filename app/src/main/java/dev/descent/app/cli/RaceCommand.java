package dev.descent.app.cli;

import dev.descent.app.plugin.Plugins;
import dev.descent.app.race.Problem;
import dev.descent.app.race.Race;
import dev.descent.app.race.RaceReport;
import dev.descent.app.race.RaceSettings;
import dev.descent.app.report.Format;
import dev.descent.app.report.ReportWriter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code descent race}: every solver on the same problem, timed and checked. */
@Command(
    name = "race",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
        "Races every solver found (or those named by --solvers) on one problem. Each solver runs "
            + "in a JVM of its own (like JMH's forks): for each precision, prepare (timed as "
            + "setup), warm up, time --repeat calls of the descent, close. Every result is "
            + "checked against the float64 reference trajectory and compared with the closed "
            + "form. Prints a table like the article's, with best, median, mean ± 99.9%% "
            + "confidence, relative speed ± error and throughput.",
        "",
        "The data: with p = 1 the article's recipe (x = linspace(0, 2, N), d = 3 + 2x + "
            + "sigma*randn from NumPy's RandomState(seed)); with p > 1 synthetic Gaussian "
            + "features from the same generator; or your own CSV file with --csv.",
        ""})
public final class RaceCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  ProblemOptions problemOptions;

  @Mixin
  RunOptions runOptions;

  @Mixin
  ExportOptions exports;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
      converter = FormatConverter.class,
      description = "Older form of --export-*, kept for scripts: table, markdown, csv or json "
          + "(default: ${DEFAULT-VALUE}), printed instead of the table, or written to --output.")
  Format format;

  @Option(names = "--output", paramLabel = "FILE",
      description = "Older form of --export-*: write the --format report here; the table still "
          + "goes to the terminal.")
  Path output;

  @Override
  public Integer call() {
    exports.validate();
    Problem problem = problemOptions.problem(null);
    RaceSettings settings = runOptions.settings();
    Plugins plugins = Plugins.load(runOptions.folders());
    Race race = runOptions.race(plugins, runOptions.progress(), System.err);
    RaceReport report = race.run(problem, settings);
    PrintWriter out = spec.commandLine().getOut();
    if (output != null) {
      ExportOptions.write(output, ReportWriter.write(report, format));
      out.print(ReportWriter.write(report, Format.TABLE));
      out.println("Report written to " + output);
    } else {
      out.print(ReportWriter.write(report, format));
    }
    exports.write(chosen -> ReportWriter.write(report, chosen), out);
    out.flush();
    return report.hasFailures() ? ExitCode.FAILED : report.diverged() ? ExitCode.DIVERGED : 0;
  }

  static final class FormatConverter implements picocli.CommandLine.ITypeConverter<Format> {
    @Override
    public Format convert(String value) {
      return Format.parse(value);
    }
  }
}
