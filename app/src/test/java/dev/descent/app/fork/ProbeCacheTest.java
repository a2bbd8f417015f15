package dev.descent.app.fork;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.descent.api.Precision;
import dev.descent.api.Solver;
import dev.descent.app.plugin.Plugins;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

  /** Stands for the JVM a real probe starts: counts the starts. */
  final Function<Solver, Probe> prober = solver -> {
    probesStarted.incrementAndGet();
    return new Probe("available on " + solver.id(), List.of(Precision.FLOAT64));
  };

  @Test
  void aHitStartsNoProbeAndAChangedJarInvalidates() throws IOException {
    Path plugins = Files.createDirectories(root.resolve("plugins/mine"));
    Path jar = Files.write(plugins.resolve("solver.jar"), new byte[] {1, 2, 3});
    List<Path> folders = List.of(root.resolve("plugins"));
    List<Solver> solvers = Plugins.load(List.of()).solvers().all();
    ProbeCache cache = new ProbeCache(root.resolve("cache/probes.json"));

    Map<String, Probe> first = cache.probe(solvers, ProbeCache.key(folders, "fork=1"), false,
        prober);
    assertEquals(solvers.size(), probesStarted.get(), "every solver probed once");
    assertEquals(solvers.stream().map(Solver::id).toList(), List.copyOf(first.keySet()));

    Map<String, Probe> second = cache.probe(solvers, ProbeCache.key(folders, "fork=1"), false,
        prober);
    assertEquals(solvers.size(), probesStarted.get(), "a cache hit starts no probe");
    assertEquals(first, second);

    String before = ProbeCache.key(folders, "fork=1");
    Files.write(jar, new byte[] {1, 2, 3, 4});
    String after = ProbeCache.key(folders, "fork=1");
    assertNotEquals(before, after, "a changed jar changes the key");
    cache.probe(solvers, after, false, prober);
    assertEquals(2 * solvers.size(), probesStarted.get(), "a changed jar probes again");
  }

  @Test
  void refreshProbesAgainAndTheModeIsPartOfTheKey() {
    List<Solver> solvers = Plugins.load(List.of()).solvers().all();
    ProbeCache cache = new ProbeCache(root.resolve("probes.json"));
    String key = ProbeCache.key(List.of(), "fork=1");
    cache.probe(solvers, key, false, prober);
    cache.probe(solvers, key, true, prober);
    assertEquals(2 * solvers.size(), probesStarted.get());
    assertNotEquals(key, ProbeCache.key(List.of(), "fork=0"));
  }
}
