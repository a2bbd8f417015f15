package dev.descent.app.cli;

import dev.descent.api.Precision;
import dev.descent.app.fork.ForkedRunner;
import dev.descent.app.plugin.Plugins;
import dev.descent.app.race.InProcessLauncher;
import dev.descent.app.race.Launcher;
import dev.descent.app.race.Progress;
import dev.descent.app.race.Race;
import dev.descent.app.race.RaceSettings;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** How to run the solvers: the options {@code race} and {@code sweep} share. */
final class RunOptions {

  @Option(names = "--precision", paramLabel = "P[,P]", split = ",", defaultValue = "f64,f32",
      converter = PrecisionConverter.class,
      description = "Precisions to race, f64 and/or f32 (default: ${DEFAULT-VALUE}).")
  List<Precision> precisions;

  @Option(names = "--repeat", paramLabel = "R", defaultValue = "10",
      description = "Timed calls per solver and precision (default: ${DEFAULT-VALUE}).")
  int repeat;

  @Option(names = "--warmup", paramLabel = "W|auto", defaultValue = "auto",
      converter = WarmupConverter.class,
      description = "Untimed calls before the timed ones: a number, or auto to call until the "
          + "last 3 times are within 5%% of each other (at most 30 calls or --time-budget). "
          + "Auto makes no warm-up call for a solver that estimates its one call at more than "
          + "--time-budget (python.pure): there is room for one such call only, and what a "
          + "warm-up warms is a negligible share of it, so call 1 is timed (and judged) instead, "
          + "unless it turns out shorter than the budget (default: ${DEFAULT-VALUE}).")
  int warmup;

  @Option(names = "--time-budget", paramLabel = "SECONDS", defaultValue = "10",
      description = "Stop a solver's timed calls after this long even if fewer than --repeat "
          + "(never fewer than 3); auto warm-up stops after as long too, like JMH's measurement "
          + "time, so seconds-long calls (pure Python) keep the race short (default: "
          + "${DEFAULT-VALUE}).")
  double timeBudgetSeconds;

  @Option(names = "--solvers", paramLabel = "ID[,ID]", split = ",",
      description = "Only these solvers, in this order (default: all; 'descent list' shows them).")
  List<String> solverIds = new ArrayList<>();

  @Option(names = "--baseline", paramLabel = "ID",
      description = "The solver relative speeds are taken against (default: the slowest of those "
          + "that made all --repeat calls).")
  String baseline = "";

  @Option(names = "--fork", paramLabel = "N", defaultValue = "1",
      description = "Run each solver in N JVMs of its own, with the flags and environment it "
          + "declares, and pool their timed calls (like JMH's forks: every launch lays out "
          + "memory and compiles code its own way, so N >= 3 gives steadier numbers); the forks "
          + "go in rounds, one per solver in turn, so a slow spell of the machine does not fall "
          + "on one solver alone; a crash or hang cannot take the race down (default: 1). 0: all "
          + "in this JVM, for debugging.")
  int fork;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "120",
      description = "A forked solver that reports nothing for this long is killed and gets a "
          + "TIMEOUT row (default: ${DEFAULT-VALUE}).")
  double timeoutSeconds;

  @Option(names = "--jvm-arg", paramLabel = "ARG",
      description = "An option appended to every forked solver JVM's command line, after the "
          + "solver's own (repeatable; like JMH's -jvmArgsAppend), e.g. --jvm-arg=-Xmx8g.")
  List<String> jvmArguments = new ArrayList<>();

  @Mixin
  PluginOptions pluginOptions;

  @Option(names = "--verbose", description = "Show the solvers' and native libraries' own "
      + "output (TensorFlow, PoCL, Aparapi), silenced by default.")
  boolean verbose;

  @Option(names = "--allow-fallback", description = "Let a GPU/OpenCL solver run on its "
      + "library's CPU fallback when no device is present (reported as such in its device).")
  boolean allowFallback;

  @Option(names = "--spark-master", paramLabel = "URL",
      description = "The Spark master the spark.* solvers use: local[*] (embedded, the default), "
          + "spark://HOST:PORT for a standalone cluster, or whatever Spark accepts "
          + "(default: $DESCENT_SPARK_MASTER, else local[*]).")
  String sparkMaster;

  @Option(names = "--spark-conf", paramLabel = "KEY=VALUE",
      description = "A Spark setting for the spark.* solvers, e.g. spark.executor.memory=2g "
          + "(repeatable).")
  List<String> sparkConf = new ArrayList<>();

  @Option(names = "--no-progress", description = "No progress line. It is shown on standard "
      + "error only when that is a terminal, never in a pipe or a log file.")
  boolean noProgress;

  RaceSettings settings() {
    return new RaceSettings(List.copyOf(new LinkedHashSet<>(precisions)), repeat, warmup,
        solverIds, fork, timeoutSeconds, baseline, timeBudgetSeconds);
  }

  List<Path> folders() {
    return pluginOptions.folders();
  }

  /** The progress line, when standard error is a terminal and --no-progress is not given. */
  Progress progress() {
    return TerminalProgress.forStandardError(!noProgress);
  }

  /** The system properties backends read: descent.verbose and descent.allowFallback. */
  Map<String, String> properties() {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("descent.verbose", Boolean.toString(verbose));
    properties.put("descent.allowFallback", Boolean.toString(allowFallback));
    if (sparkMaster != null) {
      properties.put("descent.spark.master", sparkMaster);
    }
    if (!sparkConf.isEmpty()) {
      for (String setting : sparkConf) {
        if (!setting.contains("=") || setting.startsWith("=")) {
          throw new IllegalArgumentException("--spark-conf = '" + setting
              + "': give KEY=VALUE, e.g. spark.executor.memory=2g");
        }
      }
      // backend-spark splits on ';' and new lines: values such as Java options hold commas.
      properties.put("descent.spark.conf", String.join(";", sparkConf));
    }
    return properties;
  }

  /** Sets the properties here too, for solvers raced in this JVM. */
  void applyProperties() {
    properties().forEach(System::setProperty);
  }

  /** The race over these options: plug-ins loaded, forks configured. */
  Race race(Plugins plugins, Progress progress, PrintStream err) {
    applyProperties();
    Launcher launcher = fork > 0
        ? new ForkedRunner(folders(), properties(), jvmArguments, timeoutSeconds,
            verbose ? err : null)
        : new InProcessLauncher();
    return new Race(plugins, progress, launcher);
  }

  static final class PrecisionConverter implements ITypeConverter<Precision> {
    @Override
    public Precision convert(String value) {
      return Precision.parse(value);
    }
  }

  static final class WarmupConverter implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      if (value.trim().equalsIgnoreCase("auto")) {
        return RaceSettings.AUTO_WARMUP;
      }
      try {
        int calls = Integer.parseInt(value.trim());
        if (calls < 0) {
          throw new NumberFormatException();
        }
        return calls;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--warmup = " + value + ": use a number >= 0 or auto");
      }
    }
  }
}
