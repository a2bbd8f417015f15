package dev.descent.reference;

import dev.descent.api.Dataset;

/**
 * A dataset's rows read a window at a time, in sample order, for the reference's passes: at
 * N = 1e9 the columns would be 8 GB each, so the passes hold a window of 65 536 rows instead and
 * read it again every epoch (from the mapped data cache at that size). A dataset of up to 4M
 * values is read once and kept, so that the article's 10 000 epochs do not re-read it.
 */
final class RowWindow {
  static final int ROWS = 1 << 16;
  private static final long KEPT_VALUES = 1 << 22;

  private final Dataset data;
  private final int samples;
  private final double[][] columns;
  private long start = -1;
  private int length;

  RowWindow(Dataset data) {
    this.data = data;
    this.samples = data.samples();
    int width = data.features() + 1;
    int rows = (long) samples * width <= KEPT_VALUES ? samples : Math.min(samples, ROWS);
    columns = new double[width][rows];
  }

  /** How many rows one window holds: every row, or {@link #ROWS}. */
  int capacity() {
    return columns[0].length;
  }

  /**
   * Makes rows {@code [from, from + count)} readable and says where row {@code from} is in the
   * {@link #column} arrays; moves the window to start at {@code from} when they are not all
   * there. The rows the old window already holds are kept, not read again, so the source is
   * read strictly forward: a stream (the article's noise) would otherwise start over from row 0
   * every time a window overlapped the last.
   */
  int load(long from, int count) {
    if (start < 0 || from < start || from + count > start + length) {
      boolean overlaps = start >= 0 && from >= start && from < start + length;
      int kept = overlaps ? (int) (start + length - from) : 0;
      int total = (int) Math.min(capacity(), samples - from);
      for (int j = 0; j < columns.length; j++) {
        if (kept > 0) {
          System.arraycopy(columns[j], (int) (from - start), columns[j], 0, kept);
        }
        if (total > kept) {
          data.read(j, from + kept, columns[j], kept, total - kept);
        }
      }
      start = from;
      length = total;
    }
    return (int) (from - start);
  }

  /** Column j of the window: feature j + 1 for j &lt; p, the targets for j = p. */
  double[] column(int j) {
    return columns[j];
  }
}
