package dev.descent.api;

import java.util.Objects;
import java.util.Optional;

/**
 * A regression problem: N samples of p features and one target each, read column by column in
 * the precision the solver computes in.
 *
 * <p>A dataset is either held in memory ({@link #of}) or made on request from a source
 * ({@link #generated}): a seeded recipe or a cache file, so that no JVM holds a float64 copy of
 * data it needs in float32, and a backend that computes elsewhere (Spark executors) can rebuild
 * the data where it computes from its {@link #recipe()}. Every value is checked to be finite as
 * it is read, so a solver never sees N = 0, a ragged column or a NaN. Immutable: every accessor
 * returns a fresh array, so no solver can change the data another one sees. Call them in
 * {@link Solver#prepare prepare}, not per epoch.
 */
public final class Dataset {

  /**
   * Where a generated dataset's values come from.
   *
   * <p>Column {@code 0 … p − 1} are the features x<sub>1</sub> … x<sub>p</sub>; column
   * {@code p} is the targets d.
   */
  @FunctionalInterface
  public interface Source {
    /**
     * Writes values {@code [from, from + length)} of column {@code column} into
     * {@code into[offset …]}.
     */
    void read(int column, long from, double[] into, int offset, int length);
  }

  /** How many values a float read converts at a time: no N-sized double array is made. */
  private static final int CHUNK = 1 << 16;

  private final String name;
  private final int samples;
  private final int features;
  private final String recipe;
  private final Source source;

  private Dataset(String name, int samples, int features, String recipe, Source source) {
    this.name = name;
    this.samples = samples;
    this.features = features;
    this.recipe = recipe;
    this.source = source;
  }

  /**
   * Creates a dataset from feature columns and targets, copied.
   *
   * @param name a short human description, e.g. {@code "article (N=10000, seed 444)"}
   * @param columns p ≥ 1 feature columns, each of length N
   * @param targets the N targets
   * @throws IllegalArgumentException naming the field and value when N = 0, p = 0, a column's
   *     length differs from N, or any value is NaN or infinite
   */
  public static Dataset of(String name, double[][] columns, double[] targets) {
    Objects.requireNonNull(name, "name");
    if (columns == null) {
      throw new IllegalArgumentException("columns must not be null");
    }
    if (targets == null) {
      throw new IllegalArgumentException("targets must not be null");
    }
    int n = targets.length;
    requireShape(n, columns.length);
    double[][] copies = new double[columns.length + 1][];
    for (int j = 0; j < columns.length; j++) {
      double[] column = columns[j];
      if (column == null) {
        throw new IllegalArgumentException("feature column x" + (j + 1) + " is null");
      }
      if (column.length != n) {
        throw new IllegalArgumentException(
            "ragged data: feature column x" + (j + 1) + " has " + column.length
                + " values but there are N = " + n + " targets");
      }
      copies[j] = column.clone();
      requireFinite(j, columns.length, 0, copies[j], 0, n);
    }
    copies[columns.length] = targets.clone();
    requireFinite(columns.length, columns.length, 0, copies[columns.length], 0, n);
    return new Dataset(name, n, columns.length, null, (column, from, into, offset, length) ->
        System.arraycopy(copies[column], (int) from, into, offset, length));
  }

  /**
   * A dataset whose values a source makes on request, checked to be finite as they are read.
   *
   * @param name a short human description
   * @param samples N ≥ 1
   * @param features p ≥ 1
   * @param recipe how any machine can rebuild the same values (a recipe the reference module
   *     documents, e.g. {@code blocks(n=1000000000,p=1,seed=444,sigma=0.1,rows=65536)}), or
   *     {@code null} when only this source knows
   * @param source the values
   * @throws IllegalArgumentException naming the field and value when N or p is out of range
   */
  public static Dataset generated(String name, int samples, int features, String recipe,
      Source source) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(source, "source");
    requireShape(samples, features);
    return new Dataset(name, samples, features, recipe, source);
  }

  private static void requireShape(int samples, int features) {
    if (samples <= 0) {
      throw new IllegalArgumentException("N = " + samples + ": a dataset needs at least one sample");
    }
    if (features <= 0) {
      throw new IllegalArgumentException("p = " + features
          + ": a dataset needs at least one feature column");
    }
  }

  private static void requireFinite(int column, int features, long from, double[] values,
      int offset, int length) {
    for (int i = offset; i < offset + length; i++) {
      if (!Double.isFinite(values[i])) {
        String field = column == features ? "d" : "x" + (column + 1);
        throw new IllegalArgumentException(
            field + "[" + (from + i - offset) + "] = " + values[i] + ": values must be finite");
      }
    }
  }

  /** A short human description of where the data came from. */
  public String name() {
    return name;
  }

  /** N, the number of samples (≥ 1). */
  public int samples() {
    return samples;
  }

  /** p, the number of feature columns (≥ 1); the model has p + 1 weights. */
  public int features() {
    return features;
  }

  /** p + 1: how many weights the model has, intercept first. */
  public int weightCount() {
    return features + 1;
  }

  /**
   * How any machine can rebuild these values, when a documented recipe made them: a backend
   * that computes elsewhere makes the data there instead of shipping it.
   */
  public Optional<String> recipe() {
    return Optional.ofNullable(recipe);
  }

  /**
   * Feature column {@code j}, 0-based (feature x<sub>j+1</sub>; the intercept has no column), in
   * float64.
   */
  public double[] column(int j) {
    Objects.checkIndex(j, features);
    return readDoubles(j);
  }

  /** Feature column {@code j} rounded to float32, without a float64 copy of the column. */
  public float[] columnAsFloats(int j) {
    Objects.checkIndex(j, features);
    return readFloats(j);
  }

  /** The N targets d in float64. */
  public double[] targets() {
    return readDoubles(features);
  }

  /** The N targets d rounded to float32, without a float64 copy. */
  public float[] targetsAsFloats() {
    return readFloats(features);
  }

  /**
   * Values {@code [from, from + length)} of column {@code column} (0 … p − 1 features, p the
   * targets) into {@code into[offset …]}: for backends that read the data in blocks.
   *
   * @throws IndexOutOfBoundsException when the range is outside the column or the array
   */
  public void read(int column, long from, double[] into, int offset, int length) {
    Objects.checkIndex(column, features + 1);
    Objects.checkFromIndexSize(from, length, (long) samples);
    Objects.checkFromIndexSize(offset, length, into.length);
    source.read(column, from, into, offset, length);
    requireFinite(column, features, from, into, offset, length);
  }

  /**
   * {@link #read(int, long, double[], int, int)} rounded to float32, through a block of at most
   * 65 536 doubles: never a float64 copy of the range.
   *
   * @throws IndexOutOfBoundsException when the range is outside the column or the array
   */
  public void read(int column, long from, float[] into, int offset, int length) {
    Objects.checkIndex(column, features + 1);
    Objects.checkFromIndexSize(from, length, (long) samples);
    Objects.checkFromIndexSize(offset, length, into.length);
    double[] chunk = new double[Math.min(CHUNK, length)];
    for (int done = 0; done < length; done += CHUNK) {
      int part = Math.min(CHUNK, length - done);
      read(column, from + done, chunk, 0, part);
      for (int i = 0; i < part; i++) {
        into[offset + done + i] = (float) chunk[i];
      }
    }
  }

  private double[] readDoubles(int column) {
    double[] values = new double[samples];
    for (int from = 0; from < samples; from += CHUNK) {
      read(column, from, values, from, Math.min(CHUNK, samples - from));
    }
    return values;
  }

  private float[] readFloats(int column) {
    float[] values = new float[samples];
    read(column, 0, values, 0, samples);
    return values;
  }

  @Override
  public String toString() {
    return name + " [N=" + samples + ", p=" + features + "]";
  }
}
