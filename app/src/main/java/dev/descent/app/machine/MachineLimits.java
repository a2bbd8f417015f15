package dev.descent.app.machine;

import dev.descent.api.Precision;
import dev.descent.app.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * This machine's limits for one core, as {@code descent machine} measured them with the same
 * JVM: read bandwidth from a cache-resident array and from main memory, and the vector FMA peak.
 * Cached in the user's cache folder, keyed by CPU model and JVM version, so a race can say how
 * close each solver comes to them.
 *
 * @param cpuModel the CPU the figures belong to
 * @param jvmVersion the JVM that measured them
 * @param levels read bandwidth by working-set size, smallest first: what a kernel that reads
 *     that many bytes per epoch, over and over, can reach
 * @param memoryBandwidth bytes per second read from an array far larger than every cache
 * @param fmaPeak64 float64 operations per second of independent vector FMAs (2 per lane)
 * @param fmaPeak32 float32 operations per second of independent vector FMAs
 * @param vectorSpecies the vector shape used, e.g. "512-bit: 8 x f64, 16 x f32"
 * @param allCoresMemoryBandwidth bytes per second read from memory by every core at once, each
 *     from an array of its own: the limit of a parallel kernel whose data spills out of the
 *     caches; 0 when not measured (limits cached before it was)
 */
public record MachineLimits(String cpuModel, String jvmVersion, List<Level> levels,
    double memoryBandwidth, double fmaPeak64, double fmaPeak32, String vectorSpecies,
    double allCoresMemoryBandwidth) {

  /**
   * The read bandwidth of one working-set size.
   *
   * @param bytes the working set
   * @param bandwidth bytes per second
   */
  public record Level(long bytes, double bandwidth) {}

  /**
   * Measures in a JVM of its own, started with the Vector API module this one may lack (so
   * {@link MachineProbe}, which needs it, is named here and never loaded), and
   * reads the figures from the line after {@link MachineProbe#MARKER}.
   */
  public static MachineLimits measure() throws IOException, InterruptedException {
    List<String> command = List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--add-modules", "jdk.incubator.vector",
        "-cp", System.getProperty("java.class.path"),
        MachineProbe.class.getName());
    Process process = new ProcessBuilder(command)
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    String result = null;
    try (BufferedReader reader = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.startsWith(MachineProbe.MARKER)) {
          result = line.substring(MachineProbe.MARKER.length());
        }
      }
    }
    int status = process.waitFor();
    if (result == null) {
      throw new UncheckedIOException(new IOException(
          "the measuring JVM exited with status " + status + " without figures"));
    }
    return Json.decode(result, MachineLimits.class);
  }

  /** The bandwidth that applies to reading {@code bytes} every epoch. */
  public double bandwidthFor(long bytes) {
    return bandwidthFor(bytes, 1);
  }

  /**
   * The read bandwidth a kernel on {@code threads} cores can reach for a working set of
   * {@code bytes}: one core's cache level while it fits one core's caches (a parallel kernel
   * splits it, but each core then reads its share no faster than the probe's core), else
   * memory: one core's, or every core's for a parallel kernel.
   */
  public double bandwidthFor(long bytes, int threads) {
    for (Level level : levels) {
      if (bytes <= level.bytes()) {
        return level.bandwidth();
      }
    }
    return threads > 1 && allCoresMemoryBandwidth > 0 ? allCoresMemoryBandwidth
        : memoryBandwidth;
  }

  public double flopsPeak(Precision precision) {
    return precision == Precision.FLOAT64 ? fmaPeak64 : fmaPeak32;
  }

  /** Names descent's cache folder instead of the XDG one: for tests, which cannot set it. */
  public static final String CACHE_PROPERTY = "descent.cache";

  /**
   * {@code $XDG_CACHE_HOME/descent/machine.json}, or {@code ~/.cache/descent/machine.json}; in
   * the folder the {@code descent.cache} system property names, if set.
   */
  public static Path cacheFile() {
    String folder = System.getProperty(CACHE_PROPERTY);
    if (folder != null && !folder.isBlank()) {
      return Path.of(folder).resolve("machine.json");
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base = xdg != null && !xdg.isBlank()
        ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("descent").resolve("machine.json");
  }

  /** The cached figures when they were measured on this CPU with this JVM version. */
  public static Optional<MachineLimits> cached(Environment environment) {
    Path file = cacheFile();
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      MachineLimits limits = Json.decode(Files.readString(file), MachineLimits.class);
      if (limits != null && limits.levels() != null
          && environment.cpuModel().equals(limits.cpuModel())
          && environment.jvmVersion().equals(limits.jvmVersion())) {
        return Optional.of(limits);
      }
    } catch (IOException | RuntimeException e) {
      // An unreadable cache is as good as none; 'descent machine' writes a new one.
    }
    return Optional.empty();
  }

  public void save() throws IOException {
    Path file = cacheFile();
    Files.createDirectories(file.getParent());
    Files.writeString(file, Json.encode(this) + "\n");
  }
}
