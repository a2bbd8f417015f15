package dev.descent.app.report;

import dev.descent.app.race.RaceReport;
import java.util.List;

/** The aligned text table for the terminal, like the article's, with the notes under it. */
final class TableWriter implements ReportWriter {
  @Override
  public String write(RaceReport report) {
    List<List<String>> rows = ReportRows.rows(report, 36, false);
    int[] widths = new int[ReportRows.COLUMNS.size()];
    for (int c = 0; c < widths.length; c++) {
      widths[c] = ReportRows.COLUMNS.get(c).length();
      for (List<String> row : rows) {
        widths[c] = Math.max(widths[c], row.get(c).length());
      }
    }
    StringBuilder out = new StringBuilder(ReportRows.heading(report)).append("\n\n");
    appendAligned(out, ReportRows.COLUMNS, widths);
    for (List<String> row : rows) {
      appendAligned(out, row, widths);
    }
    out.append('\n');
    for (String note : ReportRows.notes(report)) {
      out.append(note).append('\n');
    }
    return out.toString();
  }

  private static void appendAligned(StringBuilder out, List<String> cells, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int c = 0; c < cells.size(); c++) {
      String cell = cells.get(c);
      String pad = " ".repeat(widths[c] - cell.length());
      line.append(ReportRows.LEFT.contains(ReportRows.COLUMNS.get(c)) ? cell + pad : pad + cell).append("  ");
    }
    out.append(line.toString().stripTrailing()).append('\n');
  }
}
