package dev.descent.app.cli;

import dev.descent.api.Launch;
import dev.descent.api.Precision;
import dev.descent.api.Solver;
import dev.descent.app.fork.ForkedRunner;
import dev.descent.app.fork.Probe;
import dev.descent.app.fork.ProbeCache;
import dev.descent.app.plugin.Plugins;
import dev.descent.app.race.SolverRun;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code descent list}: every solver found, whether it can run here, and where. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "Lists every solver found on the class path and in the plug-ins folders with "
        + "its precisions, availability (the device it would run on, or why it cannot run and "
        + "what fixes it), origin and description, then any provider that failed to load. "
        + "Availability is probed in this JVM, which has none of the solvers' launch flags: a "
        + "solver that needs one says so, and the race gives it the flag.")
public final class ListCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  PluginOptions pluginOptions;

  @Option(names = "--fork", paramLabel = "1|0", defaultValue = "1",
      description = "1: probe a solver that declares JVM flags or environment in a JVM that has "
          + "them, as the race will run it (default); 0: probe everything in this JVM.")
  int fork;

  @Option(names = "--refresh", description = "Probe again even though nothing changed. Probes "
      + "are cached in ~/.cache/descent/probes.json while the plug-in jars, the class path, the "
      + "JVM and the registered OpenCL drivers stay the same.")
  boolean refresh;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Plugins plugins = Plugins.load(pluginOptions.folders());
    List<Solver> solvers = plugins.solvers().all();
    ForkedRunner forks = new ForkedRunner(plugins.folders(), Map.of(), List.of(), 60, null);
    // Solvers of one plug-in with one launch share a probe JVM; the others are probed here.
    Map<String, Probe> probes = new ProbeCache(ProbeCache.defaultFile()).probe(solvers,
        ProbeCache.key(plugins.folders(), "fork=" + fork), refresh,
        solver -> forked(solver) ? List.of(plugins.origin(solver), solver.launch()) : solver,
        group -> forked(group.get(0)) ? forks.probe(group) : Map.of(group.get(0).id(),
            new Probe(SolverRun.availability(group.get(0)).toString(),
                group.get(0).precisions().stream().sorted().toList())));
    int width = solvers.stream().mapToInt(s -> s.id().length()).max().orElse(6);
    for (Solver solver : solvers) {
      Launch launch = solver.launch();
      Probe probe = probes.get(solver.id());
      String precisions = probe.precisions().stream().map(Precision::shortName)
          .collect(Collectors.joining(","));
      String indent = " ".repeat(width + 11);
      out.printf("%-" + width + "s  %-7s  %s%n", solver.id(), precisions, probe.availability());
      out.println(indent + solver.description());
      out.println(indent + "from " + plugins.origin(solver)
          + (launch.equals(Launch.NONE) ? "" : "; forked JVM gets " + describe(launch)));
    }
    if (solvers.isEmpty()) {
      out.println("no solvers found on the class path or in " + plugins.folders());
    }
    for (var failure : plugins.solvers().failures()) {
      out.println("not loaded: " + failure);
    }
    out.flush();
    return 0;
  }

  private boolean forked(Solver solver) {
    return fork == 1 && !solver.launch().equals(Launch.NONE);
  }

  private static String describe(Launch launch) {
    List<String> parts = new ArrayList<>(launch.jvmOptions());
    launch.environment().forEach((key, value) -> parts.add(key + "=" + value));
    return String.join(" ", parts);
  }
}
