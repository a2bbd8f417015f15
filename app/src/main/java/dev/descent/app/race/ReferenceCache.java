package dev.descent.app.race;

import dev.descent.api.Precision;
import dev.descent.app.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

/**
 * The reference answers, computed once per data recipe and schedule and kept on disk: at
 * N = 1e8 the reference trajectory is a solver run of its own, and no race after the first
 * should pay for it again (nor hold the data to compute it). Only generated data is cached: a
 * CSV file may change under its name.
 */
public final class ReferenceCache {

  /** Bumped whenever the reference computations change what they give. */
  static final int VERSION = 2;

  private final Path folder;

  public ReferenceCache(Path folder) {
    this.folder = folder;
  }

  /** The folder the answers live in. */
  public Path folder() {
    return folder;
  }

  /** Under the data cache's root: {@code .../descent/references}. */
  public static ReferenceCache standard() {
    return new ReferenceCache(
        dev.descent.reference.DataCache.standard().folder().resolveSibling("references"));
  }

  /** The cached answers for this problem and precisions, computed by {@code compute} if absent. */
  public References get(Problem problem, List<Precision> precisions,
      Supplier<References> compute) {
    if (!problem.recipe().isGenerated()) {
      return compute.get();
    }
    Path file = folder.resolve(key(problem) + ".json");
    try {
      if (Files.isRegularFile(file)) {
        References cached = Json.decode(Files.readString(file), References.class);
        if (cached != null && cached.cover(precisions)) {
          return cached;
        }
      }
    } catch (IOException | RuntimeException e) {
      // A damaged entry is computed again and overwritten.
    }
    References computed = compute.get();
    try {
      Files.createDirectories(folder);
      Path partial = Files.createTempFile(folder, "writing-", ".tmp");
      Files.writeString(partial, Json.encode(computed));
      Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      // Caching is an optimisation: the race goes on with what it computed.
    }
    return computed;
  }

  static String key(Problem problem) {
    String text = VERSION + "\n" + Json.encode(problem.recipe()) + "\n"
        + Double.toString(problem.schedule().learningRate()) + "\n" + problem.schedule().epochs()
        + "\n" + java.util.Arrays.toString(problem.schedule().initialWeights());
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
