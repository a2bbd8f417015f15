package dev.descent.reference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One {@link DataCache} file, mapped read-only: its header (N, p, the key) and its columns, read
 * in ranges. Public so that a backend whose workers share this machine (Spark's executors on a
 * local master) can map the rows each of them needs from the file a race has already written,
 * instead of making them again or receiving them from a driver. Mapping is lazy: opening maps
 * address space, and only the pages a reader touches are read. Safe for concurrent readers.
 */
public final class CacheFile {

  static final long MAGIC = 0x44455343454e5444L; // "DESCENTD"
  static final int HEADER = 4096;
  /** Columns are mapped in windows of at most this many doubles (a mapping holds 2 GiB). */
  static final int WINDOW = 1 << 27;

  private final long samples;
  private final int features;
  private final String key;
  private final int window;
  private final DoubleBuffer[][] windows;

  private CacheFile(long samples, int features, String key, int window,
      DoubleBuffer[][] windows) {
    this.samples = samples;
    this.features = features;
    this.key = key;
    this.window = window;
    this.windows = windows;
  }

  /**
   * Maps a cache file.
   *
   * @throws IllegalStateException naming the fix when the file is not of this format or its size
   *     does not match its header (a damaged file is never read as data)
   * @throws UncheckedIOException when it cannot be read
   */
  public static CacheFile open(Path file) {
    return open(file, WINDOW);
  }

  static CacheFile open(Path file, int window) {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer header = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
      channel.read(header, 0);
      header.flip();
      if (header.remaining() < 28 || header.getLong() != MAGIC
          || header.getInt() != DataCache.FORMAT) {
        throw new IllegalStateException("data cache file " + file + " is not of format "
            + DataCache.FORMAT + ": remove it (descent cache --clear)");
      }
      long samples = header.getLong();
      int features = header.getInt();
      int keyLength = header.getInt();
      if (samples < 1 || features < 1 || keyLength < 0 || keyLength > header.remaining()) {
        throw new IllegalStateException("data cache file " + file + " has a damaged header ("
            + "N = " + samples + ", p = " + features + "): remove it (descent cache --clear)");
      }
      byte[] keyBytes = new byte[keyLength];
      header.get(keyBytes);
      long expected = HEADER + samples * (features + 1) * Double.BYTES;
      if (channel.size() != expected) {
        throw new IllegalStateException("data cache file " + file + " has " + channel.size()
            + " bytes, expected " + expected + ": remove it (descent cache --clear)");
      }
      int windowsPerColumn = (int) ((samples + window - 1) / window);
      DoubleBuffer[][] windows = new DoubleBuffer[features + 1][windowsPerColumn];
      for (int column = 0; column <= features; column++) {
        for (int w = 0; w < windowsPerColumn; w++) {
          long first = (long) w * window;
          long count = Math.min(window, samples - first);
          MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_ONLY,
              HEADER + ((long) column * samples + first) * Double.BYTES, count * Double.BYTES);
          windows[column][w] = mapped.order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer();
        }
      }
      return new CacheFile(samples, features, new String(keyBytes, StandardCharsets.UTF_8),
          window, windows);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the data cache " + file + ": "
          + e.getMessage(), e);
    }
  }

  /** N. */
  public long samples() {
    return samples;
  }

  /** p: the file holds p feature columns, then the targets. */
  public int features() {
    return features;
  }

  /**
   * The key the file was written for (a recipe's text), or the file's own name when the key was
   * too long for the header.
   */
  public String key() {
    return key;
  }

  /**
   * Values {@code [from, from + length)} of column {@code column} (0 … p − 1 the features, p the
   * targets) into {@code into[offset …]}. The values were checked to be finite when the file was
   * written.
   *
   * @throws IndexOutOfBoundsException when the range is outside the column or the array
   */
  public void read(int column, long from, double[] into, int offset, int length) {
    java.util.Objects.checkIndex(column, features + 1);
    java.util.Objects.checkFromIndexSize(from, length, samples);
    java.util.Objects.checkFromIndexSize(offset, length, into.length);
    int done = 0;
    while (done < length) {
      long row = from + done;
      int w = (int) (row / window);
      int within = (int) (row - (long) w * window);
      int take = Math.min(length - done, windows[column][w].limit() - within);
      // Absolute bulk get: no buffer position changes, so concurrent readers do not interfere.
      windows[column][w].get(within, into, offset + done, take);
      done += take;
    }
  }
}
