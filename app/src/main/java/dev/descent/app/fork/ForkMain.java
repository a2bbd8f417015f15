package dev.descent.app.fork;

import dev.descent.api.Precision;
import dev.descent.api.Solver;
import dev.descent.app.plugin.Plugins;
import dev.descent.app.race.Measurement;
import dev.descent.app.race.Problem;
import dev.descent.app.race.RaceSettings;
import dev.descent.app.race.References;
import dev.descent.app.race.SolverRun;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The entry point of a forked solver JVM: reads one {@link ForkProtocol.Job} from standard
 * input, runs it, and reports on standard output. Everything else that would reach standard
 * output — a solver's own prints — is sent to standard error, so only protocol lines travel on
 * the channel the race reads.
 */
public final class ForkMain {

  private ForkMain() {}

  public static void main(String[] args) throws Exception {
    PrintStream protocol = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    System.setOut(System.err);
    String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
        .readLine();
    if (line == null) {
      send(protocol, ForkProtocol.Message.error("no job on standard input"));
      System.exit(2);
    }
    ForkProtocol.Job job = ForkProtocol.decode(line, ForkProtocol.Job.class);
    for (Map.Entry<String, String> property : job.properties().entrySet()) {
      System.setProperty(property.getKey(), property.getValue());
    }
    Solver solver;
    Problem problem;
    try {
      Plugins plugins = job.plugin() != null ? Plugins.loadPlugin(Path.of(job.plugin()))
          : Plugins.load(job.pluginFolders().stream().map(Path::of).toList());
      if (job.probes() != null && !job.probes().isEmpty()) {
        probe(protocol, plugins, job.probes());
        System.exit(0);
      }
      if (job.references()) {
        Problem asked = Problem.of(job.recipe(), job.schedule());
        send(protocol, ForkProtocol.Message.references(References.compute(
            asked.recipe().build(step -> send(protocol, ForkProtocol.Message.progress(step))),
            asked.schedule(), job.precisions())));
        System.exit(0);
      }
      solver = plugins.solvers().byId(job.solverId());
      problem = Problem.of(job.recipe(), job.schedule());
    } catch (RuntimeException e) {
      send(protocol, ForkProtocol.Message.error(SolverRun.describe(e)));
      System.exit(2);
      return;
    }
    RaceSettings settings = RaceSettings.inProcess(job.precisions(), job.repeat(), job.warmup(),
        List.of(job.solverId())).withTimeBudget(job.timeBudgetSeconds());
    for (Precision precision : job.precisions()) {
      Measurement measurement = SolverRun.measure(solver, precision, problem, settings,
          step -> send(protocol, ForkProtocol.Message.progress(step)));
      send(protocol, ForkProtocol.Message.result(measurement));
    }
    protocol.flush();
    // Native libraries may leave non-daemon threads behind; the job is done either way.
    System.exit(0);
  }

  /** Only where each solver would run, with the flags and environment they declared. */
  private static void probe(PrintStream protocol, Plugins plugins, List<String> solverIds) {
    for (String id : solverIds) {
      try {
        Solver solver = plugins.solvers().byId(id);
        send(protocol, ForkProtocol.Message.availability(SolverRun.availability(solver).toString(),
            solver.precisions().stream().sorted().toList()));
      } catch (RuntimeException e) {
        send(protocol, ForkProtocol.Message.error(SolverRun.describe(e)));
      }
    }
  }

  private static void send(PrintStream protocol, ForkProtocol.Message message) {
    protocol.println(ForkProtocol.MARKER + ForkProtocol.encode(message));
  }
}
