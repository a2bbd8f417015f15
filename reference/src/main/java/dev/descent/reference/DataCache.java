package dev.descent.reference;

import dev.descent.api.Dataset;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Generated data written once and mapped by every later reader: a race's forks and later races
 * read the columns from the file instead of making them again (the article's stream at N = 1e9 is
 * one long sequential computation), and no JVM holds more of them than it asks for.
 *
 * <p>One file per key (the recipe's text, or a CSV file's path, size and modification time),
 * named by the key's SHA-256 and holding a header — magic, {@value #FORMAT} (the format
 * version), N, p, the key — then the p feature columns and the targets as little-endian float64,
 * column after column. A file is written under a temporary name and moved into place, so a reader
 * never sees half of one. When the folder outgrows its budget the least recently used files go.
 */
public final class DataCache {

  /** The file format's version: a change of layout or of any recipe's values bumps it. */
  public static final int FORMAT = 1;

  private static final long MAGIC = CacheFile.MAGIC;
  private static final int HEADER = CacheFile.HEADER;
  private static final int CHUNK = 1 << 16;

  private final Path folder;
  private final long budgetBytes;
  private final int window;

  /**
   * @param folder where the files live (made when first needed)
   * @param budgetBytes how large the folder may grow before old files are removed
   */
  public DataCache(Path folder, long budgetBytes) {
    this(folder, budgetBytes, CacheFile.WINDOW);
  }

  /** With mapping windows of {@code window} doubles, so tests can cross window edges. */
  DataCache(Path folder, long budgetBytes, int window) {
    this.folder = folder;
    this.budgetBytes = budgetBytes;
    this.window = window;
  }

  /**
   * The default cache: {@code data} in the folder the {@code descent.cache} system property or
   * the {@code DESCENT_CACHE} variable names, else {@code $XDG_CACHE_HOME/descent/data}, else
   * {@code ~/.cache/descent/data}, with a budget of 64 GiB or {@code $DESCENT_CACHE_BUDGET_GB}.
   */
  public static DataCache standard() {
    String own = System.getProperty("descent.cache", System.getenv("DESCENT_CACHE"));
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path root = own != null && !own.isBlank() ? Path.of(own)
        : xdg != null && !xdg.isBlank() ? Path.of(xdg, "descent")
        : Path.of(System.getProperty("user.home"), ".cache", "descent");
    String budget = System.getenv("DESCENT_CACHE_BUDGET_GB");
    double gigabytes = 64;
    if (budget != null && !budget.isBlank()) {
      try {
        gigabytes = Double.parseDouble(budget.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("DESCENT_CACHE_BUDGET_GB = " + budget
            + ": give a number of GiB");
      }
    }
    return new DataCache(root.resolve("data"), (long) (gigabytes * (1L << 30)));
  }

  /** The folder the files live in. */
  public Path folder() {
    return folder;
  }

  /**
   * The cached dataset for this key, written from {@code make} first if the cache has none.
   *
   * @param key what identifies the values: a recipe's text, a CSV file's path, size and time
   * @param make makes the values when they are not cached; read once, column by column, in
   *     chunks
   * @param progress told how far the writing has got, for long ones
   */
  public Dataset open(String key, Supplier<Dataset> make, Consumer<String> progress) {
    Path file = folder.resolve(fileName(key));
    if (!Files.isRegularFile(file)) {
      write(file, key, make.get(), progress);
      evictBeyondBudget(file);
    }
    try {
      Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
    } catch (IOException e) {
      // Only the eviction order depends on it.
    }
    return map(file, key);
  }

  /** Whether a file for this key is there. */
  public boolean has(String key) {
    return Files.isRegularFile(folder.resolve(fileName(key)));
  }

  /**
   * The file written for this key, when there is one, for a reader that maps it itself
   * ({@link CacheFile#open}); opening does not count as a use for the eviction order.
   */
  public Optional<Path> file(String key) {
    Path file = folder.resolve(fileName(key));
    return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
  }

  /** Removes every cached file; returns how many bytes it freed. */
  public long clear() {
    long freed = 0;
    for (Path file : files()) {
      try {
        long size = Files.size(file);
        Files.delete(file);
        freed += size;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot remove " + file + ": " + e.getMessage(), e);
      }
    }
    return freed;
  }

  /** How many bytes the cached files take. */
  public long size() {
    long total = 0;
    for (Path file : files()) {
      try {
        total += Files.size(file);
      } catch (IOException e) {
        // Removed meanwhile.
      }
    }
    return total;
  }

  private List<Path> files() {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> listing = Files.list(folder)) {
      return listing.filter(f -> f.getFileName().toString().endsWith(".f64")).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + folder + ": " + e.getMessage(), e);
    }
  }

  static String fileName(String key) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256")
          .digest((FORMAT + "\n" + key).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 16) + ".f64";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  private void write(Path file, String key, Dataset data, Consumer<String> progress) {
    int n = data.samples();
    int p = data.features();
    Path partial = null;
    try {
      Files.createDirectories(folder);
      partial = Files.createTempFile(folder, "writing-", ".tmp");
      try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
        ByteBuffer header = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
        byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
        if (keyBytes.length > HEADER - 32) {
          keyBytes = fileName(key).getBytes(StandardCharsets.UTF_8);
        }
        header.putLong(MAGIC).putInt(FORMAT).putLong(n).putInt(p).putInt(keyBytes.length)
            .put(keyBytes);
        header.position(HEADER).flip();
        channel.write(header);
        double[] chunk = new double[Math.min(CHUNK, n)];
        ByteBuffer bytes = ByteBuffer.allocate(chunk.length * Double.BYTES)
            .order(ByteOrder.LITTLE_ENDIAN);
        for (int column = 0; column <= p; column++) {
          for (int from = 0; from < n; from += CHUNK) {
            int length = Math.min(CHUNK, n - from);
            data.read(column, from, chunk, 0, length);
            bytes.clear();
            bytes.asDoubleBuffer().put(chunk, 0, length);
            bytes.limit(length * Double.BYTES);
            while (bytes.hasRemaining()) {
              channel.write(bytes);
            }
            if (from % (CHUNK * 256) == 0 && n > CHUNK * 256) {
              progress.accept(String.format("caching data: column %d of %d, %.0f %%", column + 1,
                  p + 1, 100.0 * from / n));
            }
          }
        }
      }
      Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the data cache " + file + ": "
          + e.getMessage(), e);
    } finally {
      if (partial != null) {
        try {
          Files.deleteIfExists(partial);
        } catch (IOException e) {
          // A stray temporary file is removed by clear().
        }
      }
    }
  }

  private void evictBeyondBudget(Path keep) {
    List<Path> files = new ArrayList<>(files());
    files.sort(Comparator.comparing(DataCache::lastUsed));
    long total = size();
    for (Path file : files) {
      if (total <= budgetBytes) {
        return;
      }
      if (file.equals(keep)) {
        continue;
      }
      try {
        long size = Files.size(file);
        Files.deleteIfExists(file);
        total -= size;
      } catch (IOException e) {
        // In use or gone: try the next.
      }
    }
  }

  private static FileTime lastUsed(Path file) {
    try {
      return Files.getLastModifiedTime(file);
    } catch (IOException e) {
      return FileTime.fromMillis(0);
    }
  }

  private Dataset map(Path file, String key) {
    CacheFile mapped = CacheFile.open(file, window);
    return Dataset.generated("cached " + key, (int) mapped.samples(), mapped.features(), key,
        mapped::read);
  }
}
