package dev.descent.app.fork;

import dev.descent.api.Launch;
import dev.descent.app.race.Admission;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** How a fork's JVM is started: the same Java and class path, the options, the job on stdin. */
final class JvmCommand {
  private final List<String> extraJvmOptions;

  /** @param extraJvmOptions --jvm-arg's, appended after everything else */
  JvmCommand(List<String> extraJvmOptions) {
    this.extraJvmOptions = List.copyOf(extraJvmOptions);
  }

  /**
   * The command line a fork runs, with a heap of at least {@code heapBytes} when that is more
   * than a JVM takes by default (a quarter of the machine's memory); the solver's own options
   * and --jvm-arg's come after, so theirs win.
   */
  List<String> command(Launch launch, Path errorFile, long heapBytes) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(ForkedRunner.RACE_JVM_OPTIONS);
    if (heapBytes > defaultHeapBytes()) {
      command.add("-Xmx" + (heapBytes >> 20) + "m");
    }
    command.addAll(launch.jvmOptions());
    command.addAll(extraJvmOptions);
    command.add("-XX:ErrorFile=" + errorFile);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(ForkMain.class.getName());
    return command;
  }

  /** What a JVM started without -Xmx gets: a quarter of the machine's memory. */
  static long defaultHeapBytes() {
    return Admission.physicalBytes() / 4;
  }

  /** Starts a fork with the launch's options and environment and hands it the job. */
  Process start(Launch launch, ForkProtocol.Job job, Path errorFile,
      ProcessBuilder.Redirect stderr) throws IOException {
    return start(launch, job, errorFile, stderr, 0);
  }

  /** The same with a heap of at least {@code heapBytes}. */
  Process start(Launch launch, ForkProtocol.Job job, Path errorFile,
      ProcessBuilder.Redirect stderr, long heapBytes) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command(launch, errorFile, heapBytes))
        .redirectError(stderr);
    builder.environment().putAll(launch.environment());
    Process process = builder.start();
    try (OutputStream stdin = process.getOutputStream()) {
      stdin.write((ForkProtocol.encode(job) + "\n").getBytes(StandardCharsets.UTF_8));
    }
    return process;
  }
}
