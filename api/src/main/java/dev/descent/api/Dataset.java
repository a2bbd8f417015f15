package dev.descent.api;

import java.util.Arrays;
import java.util.Objects;

/**
 * A regression problem: N samples of p features and one target each, held column-major in
 * {@code double}s.
 *
 * <p>Validated on creation, so a solver never sees N = 0, a ragged column or a value that is
 * NaN or infinite. Immutable: the arrays handed in are copied, and the accessors return
 * copies, so no solver can change the data another one sees. Call them in
 * {@link Solver#prepare prepare}, not per epoch.
 */
public final class Dataset {
  private final String name;
  private final double[][] columns;
  private final double[] targets;

  private Dataset(String name, double[][] columns, double[] targets) {
    this.name = name;
    this.columns = columns;
    this.targets = targets;
  }

  /**
   * Creates a dataset from feature columns and targets.
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
    if (n == 0) {
      throw new IllegalArgumentException("N = 0: a dataset needs at least one sample");
    }
    if (columns.length == 0) {
      throw new IllegalArgumentException("p = 0: a dataset needs at least one feature column");
    }
    double[][] copies = new double[columns.length][];
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
      requireFinite("x" + (j + 1), column);
      copies[j] = column.clone();
    }
    requireFinite("d", targets);
    return new Dataset(name, copies, targets.clone());
  }

  private static void requireFinite(String field, double[] values) {
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        throw new IllegalArgumentException(
            field + "[" + i + "] = " + values[i] + ": values must be finite");
      }
    }
  }

  /** A short human description of where the data came from. */
  public String name() {
    return name;
  }

  /** N, the number of samples (≥ 1). */
  public int samples() {
    return targets.length;
  }

  /** p, the number of feature columns (≥ 1); the model has p + 1 weights. */
  public int features() {
    return columns.length;
  }

  /** p + 1: how many weights the model has, intercept first. */
  public int weightCount() {
    return columns.length + 1;
  }

  /**
   * A copy of feature column {@code j}, 0-based (feature x<sub>j+1</sub>; the intercept has no
   * column).
   */
  public double[] column(int j) {
    Objects.checkIndex(j, columns.length);
    return columns[j].clone();
  }

  /** A copy of the N targets d. */
  public double[] targets() {
    return targets.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Dataset that
        && Arrays.deepEquals(columns, that.columns)
        && Arrays.equals(targets, that.targets);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.deepHashCode(columns) + Arrays.hashCode(targets);
  }

  @Override
  public String toString() {
    return name + " [N=" + samples() + ", p=" + features() + "]";
  }
}
