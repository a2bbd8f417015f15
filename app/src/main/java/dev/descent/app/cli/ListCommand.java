package dev.descent.app.cli;

import dev.descent.api.Launch;
import dev.descent.api.Precision;
import dev.descent.api.Solver;
import dev.descent.app.fork.ForkedRunner;
import dev.descent.app.fork.Probe;
import dev.descent.app.plugin.Plugins;
import dev.descent.app.race.SolverRun;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
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

  @Option(names = "--plugins", paramLabel = "DIR",
      description = "A plug-ins folder (repeatable; default: plugins/ beside lib/).")
  List<Path> pluginFolders = new ArrayList<>();

  @Option(names = "--fork", paramLabel = "1|0", defaultValue = "1",
      description = "1: probe a solver that declares JVM flags or environment in a JVM that has "
          + "them, as the race will run it (default); 0: probe everything in this JVM.")
  int fork;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Plugins plugins = Plugins.load(
        pluginFolders.isEmpty() ? Plugins.defaultFolders() : pluginFolders);
    List<Solver> solvers = plugins.solvers().all();
    ForkedRunner forks = new ForkedRunner(plugins.folders(), Map.of(), List.of(), 60, null);
    int width = solvers.stream().mapToInt(s -> s.id().length()).max().orElse(6);
    for (Solver solver : solvers) {
      Launch launch = solver.launch();
      Probe probe = fork == 1 && !launch.equals(Launch.NONE)
          ? forks.probe(solver)
          : new Probe(SolverRun.availability(solver).toString(),
              solver.precisions().stream().sorted().toList());
      String availability = probe.availability();
      String precisions = probe.precisions().stream().map(Precision::shortName)
          .collect(Collectors.joining(","));
      String indent = " ".repeat(width + 11);
      out.printf("%-" + width + "s  %-7s  %s%n", solver.id(), precisions, availability);
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

  private static String describe(Launch launch) {
    List<String> parts = new ArrayList<>(launch.jvmOptions());
    launch.environment().forEach((key, value) -> parts.add(key + "=" + value));
    return String.join(" ", parts);
  }
}
