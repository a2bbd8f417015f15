package dev.descent.api;

import java.util.Locale;

/**
 * The floating-point type a solver computes in: its data, weights and running sums.
 *
 * <p>Results are always handed back as {@code double}; a {@link #FLOAT32} solver widens its
 * float weights exactly.
 */
public enum Precision {
  /** IEEE 754 binary64, Java's {@code double}. */
  FLOAT64("f64"),
  /** IEEE 754 binary32, Java's {@code float}; the article's TensorFlow ran in this. */
  FLOAT32("f32");

  private final String shortName;

  Precision(String shortName) {
    this.shortName = shortName;
  }

  /** The short name used on the command line and in reports: {@code f64} or {@code f32}. */
  public String shortName() {
    return shortName;
  }

  /**
   * Parses {@code f64}, {@code float64}, {@code double}, {@code f32}, {@code float32} or
   * {@code float}, ignoring case.
   *
   * @throws IllegalArgumentException naming the value when it is none of those
   */
  public static Precision parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("precision must not be null (use f64 or f32)");
    }
    switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "f64":
      case "float64":
      case "double":
        return FLOAT64;
      case "f32":
      case "float32":
      case "float":
        return FLOAT32;
      default:
        throw new IllegalArgumentException(
            "precision: unknown value '" + text + "' (use f64 or f32)");
    }
  }
}
