package dev.descent.app.stats;

import java.util.Locale;

/** Numbers as people read them in a table. */
public final class Units {
  private Units() {}

  /** 18.7 s, 152 ms, 8.41 ms, 93.0 µs, 412 ns; "-" for NaN. */
  public static String seconds(double seconds) {
    if (Double.isNaN(seconds)) {
      return "-";
    }
    if (seconds >= 1) {
      return threeDigits(seconds) + " s";
    }
    if (seconds >= 1e-3) {
      return threeDigits(seconds * 1e3) + " ms";
    }
    if (seconds >= 1e-6) {
      return threeDigits(seconds * 1e6) + " µs";
    }
    return threeDigits(seconds * 1e9) + " ns";
  }

  /** Three significant digits without exponent for values from 1 to 999. */
  private static String threeDigits(double value) {
    if (value >= 100) {
      return String.format(Locale.ROOT, "%.0f", value);
    }
    if (value >= 10) {
      return String.format(Locale.ROOT, "%.1f", value);
    }
    return String.format(Locale.ROOT, "%.2f", value);
  }

  /** "1234.5x" style speed ratio, "-" for NaN. */
  public static String ratio(double ratio) {
    if (Double.isNaN(ratio)) {
      return "-";
    }
    return (ratio >= 100 ? String.format(Locale.ROOT, "%.0f", ratio)
        : String.format(Locale.ROOT, "%.1f", ratio)) + "x";
  }

  /** A deviation like 2.1e-15, "-" for NaN. */
  public static String deviation(double deviation) {
    return Double.isNaN(deviation) ? "-" : String.format(Locale.ROOT, "%.1e", deviation);
  }

  /** A weight with all the digits a double needs. */
  public static String weight(double weight) {
    return Double.toString(weight);
  }

  /** A weight to ten significant digits, for a table that must fit a terminal. */
  public static String shortWeight(double weight) {
    return String.format(Locale.ROOT, "%.10g", weight);
  }

  /** A figure with three significant digits, "-" for NaN. */
  public static String figure(double value) {
    if (Double.isNaN(value)) {
      return "-";
    }
    if (Math.abs(value) >= 1000) {
      return String.format(Locale.ROOT, "%.0f", value);
    }
    if (value != 0 && Math.abs(value) < 0.01) {
      return String.format(Locale.ROOT, "%.2e", value);
    }
    return threeDigits(Math.abs(value)).replaceFirst("^", value < 0 ? "-" : "");
  }

  /** "12.3 ms ± 0.41 ms": the mean and the half-width of its confidence interval. */
  public static String meanAndError(double mean, double error) {
    if (Double.isNaN(mean)) {
      return "-";
    }
    return Double.isNaN(error) ? seconds(mean) : seconds(mean) + " ± " + seconds(error);
  }
}
