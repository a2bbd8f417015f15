package dev.descent.app;

import dev.descent.app.cli.CacheCommand;
import dev.descent.app.cli.CompareCommand;
import dev.descent.app.cli.ExitCode;
import dev.descent.app.cli.ListCommand;
import dev.descent.app.cli.MachineCommand;
import dev.descent.app.cli.RaceCommand;
import dev.descent.app.cli.SweepCommand;
import dev.descent.app.machine.Environment;
import dev.descent.app.race.RaceException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code descent}: the command line. Exit codes: 0 every raced solver is OK (or unavailable), 1
 * some result was wrong or a solver failed, 2 bad usage or bad input (one line, no stack trace),
 * 3 a bug in descent itself, 4 the descent diverges at this step size (no solver failed).
 */
@Command(
    name = "descent",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = {
        "Races linear-regression gradient-descent solvers across JVM compute backends and checks "
            + "every result against the float64 reference and the closed form.",
        "",
        "Without options, 'descent race' recreates the article \"Pure Python vs NumPy vs "
            + "TensorFlow Performance Comparison\": N = 10 000 points from NumPy's "
            + "RandomState(444), 10 000 epochs, mu = 0.001."},
    subcommands = {RaceCommand.class, SweepCommand.class, ListCommand.class,
        MachineCommand.class, CompareCommand.class, CacheCommand.class,
        CommandLine.HelpCommand.class, AutoComplete.GenerateCompletion.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:every solver raced is OK, unavailable or skipped",
        "1:a solver gave a wrong result or failed",
        "2:bad usage or bad input, or a problem no solver can hold in this machine's memory",
        "3:an internal error in descent",
        "4:the descent diverges at this mu (--standardize or --mu auto)"})
public final class Main implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "missing command: use 'descent race', 'descent list' or 'descent --help'");
  }

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line with the given output streams and returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine commandLine = new CommandLine(new Main())
        .setOut(out)
        .setErr(err)
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setParameterExceptionHandler((e, arguments) -> {
          e.getCommandLine().getErr().println("descent: " + e.getMessage());
          e.getCommandLine().getErr().println("Try '" + e.getCommandLine().getCommandSpec()
              .qualifiedName() + " --help' for more.");
          return ExitCode.USAGE;
        })
        .setExecutionExceptionHandler((e, commandLine1, parseResult) -> {
          if (e instanceof IllegalArgumentException || e instanceof UncheckedIOException) {
            commandLine1.getErr().println("descent: " + e.getMessage());
            return ExitCode.USAGE;
          }
          if (e instanceof RaceException) {
            commandLine1.getErr().println("descent: " + e.getMessage());
            return ExitCode.FAILED;
          }
          commandLine1.getErr().println("descent: internal error, please report it:");
          e.printStackTrace(commandLine1.getErr());
          return ExitCode.INTERNAL;
        });
    // picocli hides it by default; listed, it is found without reading the README.
    commandLine.getSubcommands().get("generate-completion").getCommandSpec().usageMessage()
        .hidden(false);
    try {
      return commandLine.execute(args);
    } catch (OutOfMemoryError e) {
      // The solvers run in JVMs of their own; this one holds only recipes and results, so this
      // is a problem too large even to describe (or --fork 0 with too large a problem).
      err.println("descent: out of memory in the race's own JVM (heap "
          + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB): " + e.getMessage()
          + "; with --fork 0 the solvers run here too: race in forks, or give the JVM more "
          + "with DESCENT_JAVA_OPTIONS=-Xmx...");
      return ExitCode.FAILED;
    }
  }

  /** The version from the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      Environment env = Environment.current();
      return new String[] {
          "descent " + env.descentVersion(),
          env.jvmName() + " " + env.jvmVersion() + " (" + env.jvmVendor() + ")"};
    }
  }
}
