package dev.descent.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the fixture files described in src/test/resources/README.md. */
final class Fixtures {
  private Fixtures() {}

  /** The data lines of a fixture next to this class, each split into its hex bit patterns. */
  static List<long[]> hexRows(String resource) {
    InputStream stream = Fixtures.class.getResourceAsStream(resource);
    if (stream == null) {
      throw new IllegalStateException("missing test resource " + resource);
    }
    List<long[]> rows = new ArrayList<>();
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(stream, StandardCharsets.US_ASCII))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] fields = line.strip().split("\\s+");
        long[] row = new long[fields.length];
        for (int i = 0; i < fields.length; i++) {
          row[i] = Long.parseUnsignedLong(fields[i], 16);
        }
        rows.add(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }

  /** The doubles with these bit patterns. */
  static double[] doubles(long... bits) {
    double[] values = new double[bits.length];
    for (int i = 0; i < bits.length; i++) {
      values[i] = Double.longBitsToDouble(bits[i]);
    }
    return values;
  }

  /**
   * FNV-1a (64-bit) over the little-endian bytes of each value's bits: the checksum the fixture
   * script prints with NumPy.
   */
  static long fnv1a64(double[] values) {
    long hash = 0xcbf29ce484222325L;
    for (double value : values) {
      long bits = Double.doubleToRawLongBits(value);
      for (int b = 0; b < 8; b++) {
        hash ^= (bits >>> (8 * b)) & 0xff;
        hash *= 0x100000001b3L;
      }
    }
    return hash;
  }

  /** Hex bits for failure messages, so that 1-ulp differences are visible. */
  static String hex(double value) {
    return String.format("%016x (%s)", Double.doubleToRawLongBits(value), value);
  }
}
