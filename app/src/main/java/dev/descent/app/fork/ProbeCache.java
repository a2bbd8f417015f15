package dev.descent.app.fork;

import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import dev.descent.api.Solver;
import dev.descent.app.json.Json;
import dev.descent.app.machine.MachineLimits;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What {@code descent list} probed last time, kept while nothing it depends on has changed: the
 * plug-in jars and the class path (paths, sizes, modification times), the JVM, and the OpenCL
 * drivers registered on the machine. A probe starts a JVM per solver that declares launch flags
 * (seconds each), so a cache hit is the difference between a slow and an instant listing.
 */
public final class ProbeCache {

  /** The file's content: the key the probes were made under, and the probes by solver id. */
  record Entry(String key, Map<String, Probe> probes) {}

  /** Where OpenCL's ICD loader finds the installed drivers. */
  private static final Path OPENCL_VENDORS = Path.of("/etc/OpenCL/vendors");

  private final Path file;

  public ProbeCache(Path file) {
    this.file = file;
  }

  /** {@code probes.json} beside the machine's measured limits in descent's cache folder. */
  public static Path defaultFile() {
    return MachineLimits.cacheFile().resolveSibling("probes.json");
  }

  /**
   * Every solver's probe, in order: from the cache when {@code key} matches and {@code refresh}
   * is false, else from {@code prober}, given the solvers of one {@code group} at a time, several
   * groups at once; then saved.
   */
  public Map<String, Probe> probe(List<Solver> solvers, String key, boolean refresh,
      Function<Solver, ?> group, Function<List<Solver>, Map<String, Probe>> prober) {
    Map<String, Probe> cached = refresh ? Map.of() : read(key);
    List<Solver> missing = solvers.stream().filter(s -> !cached.containsKey(s.id())).toList();
    Map<String, Probe> fresh = probeInParallel(
        List.copyOf(missing.stream().collect(Collectors.groupingBy(group, LinkedHashMap::new,
            Collectors.toList())).values()), prober);
    Map<String, Probe> probes = new LinkedHashMap<>();
    for (Solver solver : solvers) {
      probes.put(solver.id(), fresh.getOrDefault(solver.id(), cached.get(solver.id())));
    }
    if (!missing.isEmpty()) {
      save(new Entry(key, probes));
    }
    return probes;
  }

  /** A fingerprint of everything a probe's answer depends on; {@code mode} adds the caller's. */
  public static String key(List<Path> pluginFolders, String mode) {
    Hasher hasher = Hashing.sha256().newHasher();
    List<String> parts = new ArrayList<>(List.of(mode, System.getProperty("java.home"),
        System.getProperty("java.vm.version")));
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      parts.add(stamp(Path.of(entry)));
    }
    for (Path folder : pluginFolders) {
      parts.addAll(stamps(folder, 2));
    }
    parts.addAll(stamps(OPENCL_VENDORS, 1));
    for (String variable : List.of("OCL_ICD_VENDORS", "OCL_ICD_FILENAMES", "LD_LIBRARY_PATH")) {
      parts.add(variable + "=" + System.getenv().getOrDefault(variable, ""));
    }
    parts.forEach(part -> hasher.putString(part, StandardCharsets.UTF_8).putChar('\n'));
    return hasher.hash().toString();
  }

  private Map<String, Probe> read(String key) {
    try {
      Entry entry = Json.decode(Files.readString(file), Entry.class);
      if (entry != null && key.equals(entry.key()) && entry.probes() != null) {
        return entry.probes();
      }
    } catch (IOException | RuntimeException e) {
      // No cache yet, or an unreadable one: probe again and write a new one.
    }
    return Map.of();
  }

  private void save(Entry entry) {
    try {
      Files.createDirectories(file.getParent());
      Path partial = Files.createTempFile(file.getParent(), "probes", ".tmp");
      Files.writeString(partial, Json.encode(entry) + "\n");
      Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException e) {
      // A cache that cannot be written costs the next listing its speed, nothing else.
    }
  }

  /** Probes start JVMs that mostly wait on class loading and native libraries: a few at once. */
  private static Map<String, Probe> probeInParallel(List<List<Solver>> groups,
      Function<List<Solver>, Map<String, Probe>> prober) {
    Map<String, Probe> probes = new LinkedHashMap<>();
    if (groups.isEmpty()) {
      return probes;
    }
    int threads = Math.min(groups.size(),
        Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors())));
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Map<String, Probe>>> futures = new ArrayList<>();
      for (List<Solver> group : groups) {
        futures.add(pool.submit(() -> prober.apply(group)));
      }
      for (Future<Map<String, Probe>> future : futures) {
        probes.putAll(future.get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while probing the solvers", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("a probe failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
    return probes;
  }

  private static String stamp(Path path) {
    try {
      return path + " " + Files.size(path) + " " + Files.getLastModifiedTime(path).toMillis();
    } catch (IOException e) {
      return path + " absent";
    }
  }

  /** Every file and folder down to {@code depth} below {@code folder}, stamped. */
  private static List<String> stamps(Path folder, int depth) {
    if (!Files.isDirectory(folder)) {
      return List.of(folder + " absent");
    }
    try (Stream<Path> paths = Files.walk(folder, depth)) {
      return paths.sorted(Comparator.comparing(Path::toString)).map(ProbeCache::stamp).toList();
    } catch (IOException e) {
      return List.of(folder + " unreadable");
    }
  }
}
