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
   * {@link #column} arrays; reads a new window from {@code from} on when they are not all there.
   */
  int load(long from, int count) {
    if (start < 0 || from < start || from + count > start + length) {
      length = (int) Math.min(capacity(), samples - from);
      for (int j = 0; j < columns.length; j++) {
        data.read(j, from, columns[j], 0, length);
      }
      start = from;
    }
    return (int) (from - start);
  }

  /** Column j of the window: feature j + 1 for j &lt; p, the targets for j = p. */
  double[] column(int j) {
    return columns[j];
  }
}
