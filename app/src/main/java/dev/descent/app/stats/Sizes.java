package dev.descent.app.stats;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * Sizes as people write them: {@code 10000}, {@code 1e6}, {@code 2.5e8}, {@code 10k}, {@code 1M},
 * {@code 1G} (decimal: k = 10³, M = 10⁶, G = 10⁹), underscores allowed ({@code 10_000}). One
 * parser for every option that takes a size, in race and sweep alike.
 */
public final class Sizes {

  private Sizes() {}

  /**
   * The whole number {@code text} names.
   *
   * @param option the option's name, for the message, e.g. {@code --n}
   * @throws IllegalArgumentException naming the option and the value when it is not a whole
   *     number ≥ {@code min} that fits an int
   */
  public static int parse(String option, String text, int min) {
    String trimmed = text == null ? "" : text.strip().replace("_", "");
    BigDecimal scale = BigDecimal.ONE;
    if (!trimmed.isEmpty()) {
      switch (Character.toLowerCase(trimmed.charAt(trimmed.length() - 1))) {
        case 'k' -> scale = BigDecimal.valueOf(1_000);
        case 'm' -> scale = BigDecimal.valueOf(1_000_000);
        case 'g' -> scale = BigDecimal.valueOf(1_000_000_000);
        default -> scale = null;
      }
      if (scale != null) {
        trimmed = trimmed.substring(0, trimmed.length() - 1);
      } else {
        scale = BigDecimal.ONE;
      }
    }
    BigDecimal value;
    try {
      value = new BigDecimal(trimmed.toLowerCase(Locale.ROOT)).multiply(scale);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " = '" + text + "': not a size (use e.g. "
          + "10000, 1e6, 2.5e8, 10k, 1M or 1G)");
    }
    BigDecimal whole;
    try {
      whole = new BigDecimal(value.toBigIntegerExact());
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(option + " = '" + text + "' is " + value.toPlainString()
          + ", not a whole number");
    }
    if (whole.compareTo(BigDecimal.valueOf(min)) < 0) {
      throw new IllegalArgumentException(option + " = '" + text + "': must be >= " + min);
    }
    if (whole.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
      throw new IllegalArgumentException(option + " = '" + text + "' is " + whole.toPlainString()
          + ", above the largest size a Java array holds (" + Integer.MAX_VALUE + ")");
    }
    return whole.intValueExact();
  }
}
