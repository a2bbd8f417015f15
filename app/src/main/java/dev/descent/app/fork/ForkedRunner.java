package dev.descent.app.fork;

import dev.descent.api.Launch;
import dev.descent.api.Precision;
import dev.descent.api.Solver;
import dev.descent.app.plugin.Plugins;
import dev.descent.app.race.Admission;
import dev.descent.app.race.DataRecipe;
import dev.descent.app.race.Launcher;
import dev.descent.app.race.Measurement;
import dev.descent.app.race.Problem;
import dev.descent.app.race.RaceSettings;
import dev.descent.app.race.ReferenceCache;
import dev.descent.app.race.References;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs one solver in a JVM of its own, as JMH forks its benchmarks: same Java, same class path
 * and plug-ins, plus the options and environment the solver's {@link Launch} asks for. Whatever
 * the solver does — throw, hang, call {@code System.exit}, crash the JVM in native code — the
 * race gets a row for each precision and goes on.
 */
public final class ForkedRunner implements Launcher {

  /**
   * Options every fork gets before the solver's own. The heap's pages are touched at start, not
   * during the first seconds of timed calls: on these VMs first-touch page faults held the Vector
   * API kernel at 13.5 ms for up to 9 s before it dropped to 8.8 ms, long after the JIT was done.
   * A later {@code --jvm-arg=-XX:-AlwaysPreTouch} turns it off.
   */
  static final List<String> RACE_JVM_OPTIONS = List.of("-XX:+AlwaysPreTouch");

  private final List<Path> pluginFolders;
  private final Map<String, String> properties;
  private final List<String> extraJvmOptions;
  private final double timeoutSeconds;
  private final PrintStream verboseOutput;
  private final JvmCommand jvm;

  /**
   * @param verboseOutput where the fork's own output is copied as it comes, or null to keep it
   *     only for failure reports
   */
  public ForkedRunner(List<Path> pluginFolders, Map<String, String> properties,
      List<String> extraJvmOptions, double timeoutSeconds, PrintStream verboseOutput) {
    this.pluginFolders = List.copyOf(pluginFolders);
    this.properties = Map.copyOf(properties);
    this.extraJvmOptions = List.copyOf(extraJvmOptions);
    this.timeoutSeconds = timeoutSeconds;
    this.verboseOutput = verboseOutput;
    this.jvm = new JvmCommand(extraJvmOptions);
  }

  /** What the solver's fork really gets: the race's options, its own, then --jvm-arg's. */
  @Override
  public Launch launchOf(Solver solver) {
    Launch own = solver.launch();
    List<String> options = new ArrayList<>(RACE_JVM_OPTIONS);
    options.addAll(own.jvmOptions());
    options.addAll(extraJvmOptions);
    return new Launch(options, own.environment());
  }

  @Override
  public int launches(RaceSettings settings) {
    return settings.forks();
  }

  /**
   * Small problems' references are computed here, which costs less than a JVM's start; larger
   * ones in a JVM of their own that makes (or maps) the data, so this one never holds it.
   */
  @Override
  public References references(Problem problem, List<Precision> precisions,
      Consumer<String> progress) {
    long values = (long) problem.shape().samples() * problem.shape().weightCount();
    if (values < DataRecipe.CACHED_VALUES) {
      return Launcher.super.references(problem, precisions, progress);
    }
    return ReferenceCache.standard().get(problem, precisions,
        () -> new ReferenceFork(jvm, timeoutSeconds).compute(problem, precisions, progress));
  }

  /**
   * The solvers' availability and precisions as their own forked JVM sees them, with the options
   * and environment they declared; the device probe then never runs in this JVM. Solvers that
   * declare the same launch are probed in one JVM, which loads their shared libraries once.
   *
   * @param solvers solvers with one and the same {@link Solver#launch()}
   * @return each solver's probe, by id, in order
   */
  public Map<String, Probe> probe(List<Solver> solvers) {
    List<String> ids = solvers.stream().map(Solver::id).toList();
    ForkProtocol.Job job = ForkProtocol.Job.probe(ids,
        pluginFolders.stream().map(Path::toString).toList(), properties);
    List<ForkProtocol.Message> answers = new ArrayList<>();
    String lost;
    try {
      Process process = jvm.start(solvers.get(0).launch(), job, Path.of(
          System.getProperty("java.io.tmpdir"), "descent-probe_hs_err_pid%p.log"),
          ProcessBuilder.Redirect.DISCARD);
      try (BufferedReader reader = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = reader.readLine()) != null) {
          if (line.startsWith(ForkProtocol.MARKER)) {
            answers.add(ForkProtocol.decode(line.substring(ForkProtocol.MARKER.length()),
                ForkProtocol.Message.class));
          }
        }
      }
      if (!process.waitFor((long) (timeoutSeconds * 1000), TimeUnit.MILLISECONDS)) {
        ForkProcess.kill(process);
        lost = "its JVM did not answer within " + timeoutSeconds + " s";
      } else {
        lost = "its JVM exited with status " + process.exitValue() + " before answering";
      }
    } catch (IOException e) {
      lost = "could not start a JVM: " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      lost = "interrupted";
    }
    Map<String, Probe> probes = new LinkedHashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      ForkProtocol.Message answer = i < answers.size() ? answers.get(i) : null;
      probes.put(ids.get(i), answer == null ? Probe.lost(lost)
          : answer.precisions() == null ? Probe.lost(answer.text())
          : new Probe(answer.text(), answer.precisions()));
    }
    return probes;
  }

  @Override
  public List<Measurement> run(Solver solver, Problem problem, RaceSettings settings,
      Consumer<String> progress) {
    List<Precision> precisions = settings.precisions();
    Launch launch = solver.launch();
    ForkProtocol.Job job = new ForkProtocol.Job(solver.id(), precisions, settings.repeat(),
        settings.warmup(), problem.recipe(), problem.schedule().learningRate(),
        problem.schedule().epochs(), problem.schedule().traceInterval(),
        pluginFolders.stream().map(Path::toString).toList(), properties,
        settings.timeBudgetSeconds(), List.of(), false,
        Plugins.pluginOf(solver, pluginFolders).map(Path::toString).orElse(null));
    List<Measurement> results = new ArrayList<>();
    Path errorFile;
    Process process;
    try {
      Path crashFolder = Files.createDirectories(
          Path.of(System.getProperty("java.io.tmpdir"), "descent-crashes"));
      errorFile = crashFolder.resolve("hs_err_" + solver.id() + "_pid%p.log");
      long heap = precisions.stream().mapToLong(precision -> Admission.heapFor(
          Admission.footprint(solver, problem.shape(), precision))).max().orElse(0);
      process = jvm.start(launch, job, errorFile, ProcessBuilder.Redirect.PIPE, heap);
    } catch (IOException e) {
      for (Precision precision : precisions) {
        results.add(Measurement.lost(precision, "could not start a JVM: " + e.getMessage(), false));
      }
      return results;
    }
    try (ForkProcess fork = new ForkProcess(process, errorFile, verboseOutput)) {
      collect(fork, precisions, results, progress);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return results;
  }

  private void collect(ForkProcess fork, List<Precision> precisions, List<Measurement> results,
      Consumer<String> progress) throws InterruptedException {
    while (results.size() < precisions.size()) {
      Precision current = precisions.get(results.size());
      String json = fork.next(timeoutSeconds);
      if (json == null) {
        fork.kill();
        results.add(Measurement.lost(current, String.format(
            "no result within --timeout %.0f s; the JVM was killed%s", timeoutSeconds,
            fork.lastLines()), true));
        notRun(precisions, results, "not run: the fork was killed after a timeout on "
            + current.shortName());
        return;
      }
      if (json.equals(ForkProcess.END_OF_OUTPUT)) {
        results.add(Measurement.lost(current, fork.death() + fork.lastLines(), false));
        notRun(precisions, results, "not run: the fork died during " + current.shortName());
        return;
      }
      ForkProtocol.Message message = ForkProtocol.decode(json, ForkProtocol.Message.class);
      switch (message.type()) {
        case "progress" -> progress.accept(message.text());
        case "result" -> results.add(message.measurement());
        default -> {
          results.add(Measurement.lost(current, message.text(), false));
          notRun(precisions, results, message.text());
          return;
        }
      }
    }
  }

  private static void notRun(List<Precision> precisions, List<Measurement> results, String why) {
    while (results.size() < precisions.size()) {
      results.add(Measurement.lost(precisions.get(results.size()), why, false));
    }
  }
}
