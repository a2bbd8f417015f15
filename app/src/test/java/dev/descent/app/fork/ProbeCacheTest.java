package dev.descent.app.fork;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.descent.api.Precision;
import dev.descent.api.Solver;
import dev.descent.app.plugin.Plugins;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 'descent list' probes once; the probes are reused until a jar, the JVM or a driver changes. */
class ProbeCacheTest {

  @TempDir
  Path root;

  final AtomicInteger probesStarted = new AtomicInteger();

  /** Stands for the JVM a real probe starts, one per group of solvers: counts the starts. */
  final Function<List<Solver>, Map<String, Probe>> prober = group -> {
    probesStarted.incrementAndGet();
    Map<String, Probe> probes = new LinkedHashMap<>();
    group.forEach(solver -> probes.put(solver.id(),
        new Probe("available on " + solver.id(), List.of(Precision.FLOAT64))));
    return probes;
  };

  /** One probe per solver, as for solvers that each declare their own launch. */
  static final Function<Solver, Object> ALONE = Solver::id;

  @Test
  void aHitStartsNoProbeAndAChangedJarInvalidates() throws IOException {
    Path plugins = Files.createDirectories(root.resolve("plugins/mine"));
    Path jar = Files.write(plugins.resolve("solver.jar"), new byte[] {1, 2, 3});
    List<Path> folders = List.of(root.resolve("plugins"));
    List<Solver> solvers = Plugins.load(List.of()).solvers().all();
    ProbeCache cache = new ProbeCache(root.resolve("cache/probes.json"));

    Map<String, Probe> first = cache.probe(solvers, ProbeCache.key(folders, "fork=1"), false,
        ALONE, prober);
    assertEquals(solvers.size(), probesStarted.get(), "every solver probed once");
    assertEquals(solvers.stream().map(Solver::id).toList(), List.copyOf(first.keySet()));

    Map<String, Probe> second = cache.probe(solvers, ProbeCache.key(folders, "fork=1"), false,
        ALONE, prober);
    assertEquals(solvers.size(), probesStarted.get(), "a cache hit starts no probe");
    assertEquals(first, second);

    String before = ProbeCache.key(folders, "fork=1");
    Files.write(jar, new byte[] {1, 2, 3, 4});
    String after = ProbeCache.key(folders, "fork=1");
    assertNotEquals(before, after, "a changed jar changes the key");
    cache.probe(solvers, after, false, ALONE, prober);
    assertEquals(2 * solvers.size(), probesStarted.get(), "a changed jar probes again");
  }

  @Test
  void solversOfOneGroupShareOneProbe() {
    List<Solver> solvers = Plugins.load(List.of()).solvers().all();
    Map<String, Probe> probes = new ProbeCache(root.resolve("probes.json")).probe(solvers,
        ProbeCache.key(List.of(), "fork=1"), false, solver -> "one launch", prober);
    assertEquals(1, probesStarted.get(), "one JVM for solvers that share a launch");
    assertEquals(solvers.size(), probes.size());
  }

  @Test
  void refreshProbesAgainAndTheModeIsPartOfTheKey() {
    List<Solver> solvers = Plugins.load(List.of()).solvers().all();
    ProbeCache cache = new ProbeCache(root.resolve("probes.json"));
    String key = ProbeCache.key(List.of(), "fork=1");
    cache.probe(solvers, key, false, ALONE, prober);
    cache.probe(solvers, key, true, ALONE, prober);
    assertEquals(2 * solvers.size(), probesStarted.get());
    assertNotEquals(key, ProbeCache.key(List.of(), "fork=0"));
  }
}
