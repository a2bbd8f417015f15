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
            + "setup), warm up, time --repeat calls of the descent (or fewer, never under 3, once "
            + "--time-budget is spent), close. A solver whose one call takes longer than "
            + "--time-budget by its own estimate (python.pure: ~20 s) gets no warm-up call, its "
            + "call 1 timed instead (see --warmup); the notes say so. Timed calls of two solvers "
            + "never overlap.",
        "",
        "The verdict: every call of every fork is judged. Its weights must be within the "
            + "tolerance of the reference trajectory of its own precision (float64: 1e-9 "
            + "relative; float32: 2^-24·(4 + 2(p + 1) + log2 N), a float32 trajectory with "
            + "pairwise sums as NumPy's), and every call of one schedule must give the same "
            + "weights bit for bit; else the row is FAIL. Rows that cannot fit this machine's "
            + "free memory, or whose one call would take minutes unless named, are SKIPPED and "
            + "say why.",
        "",
        "The numbers: best, median, and mean ± the half-width h of its 99.9%% confidence "
            + "interval (Student's t for n - 1 degrees of freedom, as JMH). 'relative' is the "
            + "baseline's mean over this row's, r = m_base / m, ± r·sqrt((h_base/m_base)² + "
            + "(h/m)²), the same 99.9%% interval propagated to first order. Then throughput "
            + "against the machine's limits (descent machine).",
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
    if (report.nothingFits()) {
      spec.commandLine().getErr().println("descent: no solver can hold this problem on this "
          + "machine; each row above says what it needs and what is available");
      return ExitCode.USAGE;
    }
    return report.hasFailures() ? ExitCode.FAILED
        : report.diverged() ? ExitCode.DIVERGED : ExitCode.OK;
  }

  static final class FormatConverter implements picocli.CommandLine.ITypeConverter<Format> {
    @Override
    public Format convert(String value) {
      return Format.parse(value);
    }
  }
}
