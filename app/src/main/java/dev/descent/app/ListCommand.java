package dev.descent.app;

import dev.descent.api.Availability;
import dev.descent.api.Precision;
import dev.descent.api.Solver;
import dev.descent.api.Solvers;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code descent list}: every solver found, whether it can run here, and where. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "Lists every solver found on the class path with its precisions, availability "
        + "(the device it would run on, or why it cannot run and what fixes it) and description, "
        + "then any provider that failed to load.")
final class ListCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Solvers solvers = Solvers.load();
    int width = solvers.ids().stream().mapToInt(String::length).max().orElse(6);
    for (Solver solver : solvers.all()) {
      Availability availability;
      try {
        availability = solver.availability();
      } catch (RuntimeException | LinkageError e) {
        availability = Availability.unavailable(e, "availability() threw");
      }
      String precisions = solver.precisions().stream().sorted().map(Precision::shortName)
          .collect(Collectors.joining(","));
      out.printf("%-" + width + "s  %-7s  %s%n", solver.id(), precisions, availability);
      out.printf("%-" + width + "s  %-7s  %s%n", "", "", solver.description());
    }
    if (solvers.all().isEmpty()) {
      out.println("no solvers found on the class path");
    }
    for (Solvers.LoadFailure failure : solvers.failures()) {
      out.println("not loaded: " + failure);
    }
    out.flush();
    return 0;
  }
}
