package dev.descent.backend.spark;

import dev.descent.api.Dataset;
import dev.descent.reference.BlockRecipe;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * The jars a cluster's executors need to run this backend's closures: this module's, the
 * reference's ({@link BlockRecipe} makes the blocks there) and the api's, found where this JVM
 * loaded them from (in the distribution {@code plugins/spark/} and {@code lib/}). Without them an
 * executor cannot resolve the lambdas it is sent and fails with a {@code ClassCastException} on
 * {@code SerializedLambda}. Spark's own jars are not shipped: every worker has them.
 *
 * <p>A class folder (a build's {@code target/classes}, as in the module's own tests) is packed
 * into a temporary jar, deleted when the JVM exits, because {@code spark.jars} takes files.
 */
final class ShippedJars {

  private static final Class<?>[] ANCHORS = {
    ShippedJars.class, BlockRecipe.class, Dataset.class
  };

  private static List<String> cached;

  private ShippedJars() {}

  /** The jars' paths, comma-separated as {@code spark.jars} takes them; made once per JVM. */
  static synchronized String list() {
    if (cached == null) {
      Set<Path> sources = new LinkedHashSet<>();
      for (Class<?> anchor : ANCHORS) {
        sources.add(codeSource(anchor));
      }
      List<String> jars = new ArrayList<>();
      for (Path source : sources) {
        jars.add((Files.isDirectory(source) ? pack(source) : source).toString());
      }
      cached = List.copyOf(jars);
    }
    return String.join(",", cached);
  }

  private static Path codeSource(Class<?> anchor) {
    CodeSource source = anchor.getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null) {
      throw new IllegalStateException("cannot tell where " + anchor.getName()
          + " was loaded from, so it cannot be shipped to Spark's executors");
    }
    try {
      return Path.of(source.getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("odd code source " + source.getLocation(), e);
    }
  }

  private static Path pack(Path folder) {
    try {
      Path jar = Files.createTempFile("descent-spark-", ".jar");
      jar.toFile().deleteOnExit();
      try (OutputStream file = Files.newOutputStream(jar);
          JarOutputStream out = new JarOutputStream(file);
          Stream<Path> paths = Files.walk(folder)) {
        for (Path path : (Iterable<Path>) paths.sorted()::iterator) {
          if (Files.isRegularFile(path)) {
            out.putNextEntry(new JarEntry(folder.relativize(path).toString().replace('\\', '/')));
            Files.copy(path, out);
            out.closeEntry();
          }
        }
      }
      return jar;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot pack " + folder + " for Spark's executors", e);
    }
  }
}
