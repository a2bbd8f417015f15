package dev.descent.backend.opencl;

import dev.descent.api.Dataset;
import dev.descent.api.Footprint;
import dev.descent.api.Precision;
import java.util.Objects;

/**
 * How {@code opencl.resident} splits its data into row segments, each of its arrays below the
 * 2 GiB Aparapi can hand to OpenCL in one array (Aparapi sizes buffers with a Java int, see
 * {@link Shapes#APARAPI_MAX_ARRAY_BYTES}).
 *
 * <p>Segment s holds rows {@code [begin(s), end(s))}: its own feature array (the p columns one
 * after another within the segment, {@code x[(j - 1) * rows + i - begin]}) and its own targets.
 * Every segment but the last has {@link #rows()} rows. Aparapi cannot take an array reference in
 * a local variable or as an argument, so the kernels have {@link #FIELDS} fields of each, with
 * the pass over one segment written once per field (generated from the template with
 * {@code #for}); fields past {@link #count()} hold one value and cover no rows (they begin
 * and end at N, so a kernel that stops at the first segment beginning after its block never
 * looks at them).
 *
 * <p>Data that fits one array is one segment, exactly as before segments existed. Larger data is
 * cut into segments of at most {@link #MAX_SEGMENT_BYTES} per array, a multiple of {@link
 * #QUANTUM} rows: a multiple of the line kernel's 16 lanes and of the general kernel's block
 * span (256 samples × any power-of-two work-group up to 256), so that every work-item sums the
 * same samples in the same blocks as with one segment, and the results are the same bit for bit.
 */
final class Segments {

  /** Segment fields of each kind in the resident kernels (the templates' {@code #for[s=0..7]}). */
  static final int FIELDS = 8;

  /** At most this many bytes in one segment's feature array, when the data needs segments. */
  static final long MAX_SEGMENT_BYTES = 1L << 30;

  /**
   * Rows per segment are a multiple of this: 16 lanes and 256-sample blocks of up to 256
   * work-items.
   */
  static final int QUANTUM = 1 << 16;

  /** How many values a fill reads from the dataset at a time. */
  private static final int CHUNK = 1 << 16;

  private final int samples;
  private final int features;
  private final int rows;

  private Segments(int samples, int features, int rows) {
    this.samples = samples;
    this.features = features;
    this.rows = rows;
  }

  /**
   * Segments of {@code rows} rows each (the last one shorter), whatever the kernels' alignment
   * needs: for tests, which force small segments on small data. The workspace checks that the
   * kernel's blocks do not cross a segment's end.
   */
  static Segments of(int samples, int features, int rows) {
    if (rows < 1) {
      throw new IllegalArgumentException("rows per segment = " + rows + ": must be >= 1");
    }
    Segments segments = new Segments(samples, features, Math.min(rows, samples));
    if (segments.count() > FIELDS) {
      throw new IllegalArgumentException("N = " + samples + " in segments of " + rows
          + " rows is " + segments.count() + " segments; the kernels have " + FIELDS);
    }
    return segments;
  }

  /**
   * The segments {@code opencl.resident} uses for this data on this target: one when every array
   * fits in one (as before segments), otherwise as few as segments of at most {@link
   * #MAX_SEGMENT_BYTES} (and the device's largest buffer) allow.
   *
   * @throws IllegalArgumentException naming the numbers when even segments cannot hold the data
   */
  static Segments plan(Target target, int samples, int features, Precision precision) {
    long width = Footprint.bytes(precision);
    long values = (long) samples * features;
    long bytes = values * width;
    long oneArray = Math.min(Shapes.APARAPI_MAX_ARRAY_BYTES, target.maxAllocation());
    if (values <= Integer.MAX_VALUE - 16 && bytes <= oneArray) {
      return new Segments(samples, features, samples);
    }
    long perSegment = Math.min(MAX_SEGMENT_BYTES, target.maxAllocation());
    long rows = perSegment / (features * width) / QUANTUM * QUANTUM;
    if (rows == 0) {
      throw new IllegalArgumentException("N * p = " + samples + " * " + features + " = " + values
          + " values take " + bytes + " bytes, more than one array holds, and p = " + features
          + " is too wide for segments: " + QUANTUM + " rows of " + features + " values take "
          + (long) QUANTUM * features * width + " bytes, more than the " + perSegment
          + " one segment may take on " + target.description());
    }
    long count = ((long) samples + rows - 1) / rows;
    if (count > FIELDS) {
      throw new IllegalArgumentException("N * p = " + samples + " * " + features + " = " + values
          + " values take " + bytes + " bytes: in segments of at most " + rows + " rows ("
          + perSegment + " bytes in one array) that is " + count + " segments, and the kernels"
          + " have " + FIELDS + " (at most " + FIELDS * rows + " samples at p = " + features
          + " in " + precision.shortName() + ")");
    }
    return new Segments(samples, features, (int) rows);
  }

  /** How many segments hold data (1 to {@link #FIELDS}). */
  int count() {
    return (int) (((long) samples + rows - 1) / rows);
  }

  /** Rows of every segment but the last. */
  int rows() {
    return rows;
  }

  /** The first row of segment s; N for a field past {@link #count()}. */
  int begin(int s) {
    return s < count() ? s * rows : samples;
  }

  /** One past the last row of segment s; N for a field past {@link #count()}. */
  int end(int s) {
    return s < count() ? (int) Math.min(samples, (long) (s + 1) * rows) : samples;
  }

  /** ", data in 4 segments" when there is more than one; empty otherwise. */
  String describe() {
    return count() > 1 ? ", data in " + count() + " segments of " + rows + " rows" : "";
  }

  /** Segment s's features, column after column, read from the data in chunks. */
  double[] features(Dataset data, int s) {
    check(data);
    int length = end(s) - begin(s);
    if (length == 0) {
      return new double[1];
    }
    double[] into = new double[Math.multiplyExact(features, length)];
    for (int j = 0; j < features; j++) {
      read(data, j, begin(s), into, j * length, length);
    }
    return into;
  }

  /** Segment s's targets. */
  double[] targets(Dataset data, int s) {
    check(data);
    int length = end(s) - begin(s);
    if (length == 0) {
      return new double[1];
    }
    double[] into = new double[length];
    read(data, features, begin(s), into, 0, length);
    return into;
  }

  /**
   * {@link #features} rounded to float32 ({@link Dataset#read(int, long, float[], int, int)}):
   * never a float64 copy of a column.
   */
  float[] featuresAsFloats(Dataset data, int s) {
    check(data);
    int length = end(s) - begin(s);
    if (length == 0) {
      return new float[1];
    }
    float[] into = new float[Math.multiplyExact(features, length)];
    for (int j = 0; j < features; j++) {
      data.read(j, begin(s), into, j * length, length);
    }
    return into;
  }

  /** {@link #targets} rounded to float32. */
  float[] targetsAsFloats(Dataset data, int s) {
    check(data);
    int length = end(s) - begin(s);
    if (length == 0) {
      return new float[1];
    }
    float[] into = new float[length];
    data.read(features, begin(s), into, 0, length);
    return into;
  }

  private void check(Dataset data) {
    Objects.requireNonNull(data, "data");
    if (data.samples() != samples || data.features() != features) {
      throw new IllegalArgumentException(data + " is not the N = " + samples + ", p = "
          + features + " these segments were planned for");
    }
  }

  private static void read(Dataset data, int column, int from, double[] into, int offset,
      int length) {
    for (int done = 0; done < length; done += CHUNK) {
      data.read(column, (long) from + done, into, offset + done, Math.min(CHUNK, length - done));
    }
  }
}
