package dev.descent.app.machine;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The machine and JVM a race ran on, recorded in every report so that numbers from two machines
 * are never compared unknowingly.
 */
public record Environment(
    String descentVersion,
    String cpuModel,
    int cpus,
    long memoryBytes,
    String os,
    String jvmVendor,
    String jvmVersion,
    String jvmName,
    List<String> jvmFlags) {

  /** Reads this process's environment. */
  public static Environment current() {
    String version = Optional.ofNullable(Environment.class.getPackage().getImplementationVersion())
        .orElse("dev");
    return new Environment(
        version,
        procField(Path.of("/proc/cpuinfo"), "model name").orElse(System.getProperty("os.arch")),
        Runtime.getRuntime().availableProcessors(),
        procField(Path.of("/proc/meminfo"), "MemTotal")
            .map(value -> Long.parseLong(value.replaceAll("[^0-9]", "")) * 1024)
            .orElse(-1L),
        System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
            + System.getProperty("os.arch"),
        System.getProperty("java.vendor"),
        System.getProperty("java.version"),
        System.getProperty("java.vm.name"),
        List.copyOf(ManagementFactory.getRuntimeMXBean().getInputArguments()));
  }

  private static Optional<String> procField(Path file, String key) {
    try {
      return Files.readAllLines(file).stream()
          .filter(line -> line.startsWith(key))
          .map(line -> line.substring(line.indexOf(':') + 1).trim())
          .findFirst();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
