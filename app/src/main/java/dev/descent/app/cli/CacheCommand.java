package dev.descent.app.cli;

import dev.descent.app.machine.MachineLimits;
import dev.descent.app.race.ReferenceCache;
import dev.descent.reference.DataCache;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code descent cache}: what descent keeps between races, and how to drop it. */
@Command(
    name = "cache",
    mixinStandardHelpOptions = true,
    description = {
        "Shows what descent keeps between races: generated data written once and mapped by "
            + "every later race (large problems only), the reference answers per recipe and "
            + "schedule, and the solvers' probes for 'descent list'.",
        "The data cache keeps at most $DESCENT_CACHE_BUDGET_GB GiB (default 64), dropping the "
            + "least recently used files; DESCENT_CACHE moves it."})
public final class CacheCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--clear", description = "Remove the cached data, references and probes "
      + "(the machine's measured limits stay: 'descent machine' measures them again).")
  boolean clear;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    DataCache data = DataCache.standard();
    Path references = ReferenceCache.standard().folder();
    Path probes = MachineLimits.cacheFile().resolveSibling("probes.json");
    if (clear) {
      long freed = data.clear() + delete(references) + delete(probes);
      out.printf(Locale.ROOT, "removed %.1f MB from %s%n", freed / 1e6,
          data.folder().getParent());
    } else {
      out.printf(Locale.ROOT, "data:       %s (%.1f MB)%n", data.folder(), data.size() / 1e6);
      out.printf(Locale.ROOT, "references: %s (%.1f MB)%n", references, size(references) / 1e6);
      out.printf(Locale.ROOT, "probes:     %s (%.1f MB)%n", probes, size(probes) / 1e6);
    }
    out.flush();
    return ExitCode.OK;
  }

  private static long size(Path path) {
    if (!Files.exists(path)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(path)) {
      return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
    }
  }

  private static long delete(Path path) {
    long size = size(path);
    if (!Files.exists(path)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(path)) {
      for (Path file : files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + path + ": " + e.getMessage(), e);
    }
    return size;
  }
}
