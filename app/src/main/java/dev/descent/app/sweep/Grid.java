package dev.descent.app.sweep;

import dev.descent.app.stats.Sizes;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Parses the value lists of {@code descent sweep}: {@code 1000,1e4,2e5} or a decade range. */
public final class Grid {
  private Grid() {}

  /**
   * "1000,10000", "1e3,1e4" or "10k,1M" (any mix; see {@link Sizes}), or "1e3..1e6" for every
   * power of ten from the first to the last, or "1e3..1e6/2" for that many points per decade,
   * evenly spaced on a log scale; a range's last value is always in it ("1e4..5e8" ends with
   * 1e8 and 5e8).
   *
   * @throws IllegalArgumentException naming the option and the value when a value is not a
   *     positive whole number or a range is malformed
   */
  public static List<Integer> parse(String option, String text) {
    TreeSet<Integer> values = new TreeSet<>();
    for (String part : text.split(",")) {
      String item = part.trim();
      if (item.contains("..")) {
        values.addAll(range(option, item));
      } else {
        values.add(whole(option, item));
      }
    }
    return new ArrayList<>(values);
  }

  private static List<Integer> range(String option, String item) {
    String[] ends = item.split("\\.\\.", -1);
    String last = ends.length == 2 ? ends[1] : "";
    int perDecade = 1;
    if (last.contains("/")) {
      perDecade = whole(option, last.substring(last.indexOf('/') + 1));
      last = last.substring(0, last.indexOf('/'));
    }
    if (ends.length != 2) {
      throw new IllegalArgumentException(option + ": malformed range '" + item
          + "' (want e.g. 1e3..1e6 or 1e3..1e6/2)");
    }
    int from = whole(option, ends[0]);
    int to = whole(option, last);
    if (from > to) {
      throw new IllegalArgumentException(option + ": range '" + item + "' runs backwards");
    }
    List<Integer> values = new ArrayList<>();
    double step = Math.pow(10, 1.0 / perDecade);
    for (double value = from; value <= to * (1 + 1e-9); value *= step) {
      values.add((int) Math.round(value));
    }
    if (values.get(values.size() - 1) < to) {
      values.add(to);
    }
    return values;
  }

  private static int whole(String option, String text) {
    return Sizes.parse(option, text, 1);
  }
}
