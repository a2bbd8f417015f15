package dev.descent.app.report;

import dev.descent.app.race.RaceReport;
import java.util.List;
import java.util.stream.Collectors;

/** A GitHub-flavoured Markdown table, with the parameters and the machine above it. */
final class MarkdownWriter implements ReportWriter {
  @Override
  public String write(RaceReport report) {
    StringBuilder out = new StringBuilder("### descent race\n\n")
        .append(ReportRows.heading(report)).append("\n\n")
        .append(ReportRows.machineLine(report.environment())).append("\n\n");
    out.append("| ").append(String.join(" | ", ReportRows.COLUMNS)).append(" |\n");
    out.append("|").append(ReportRows.COLUMNS.stream().map(c -> ReportRows.LEFT.contains(c) ? "---" : "---:")
        .collect(Collectors.joining("|"))).append("|\n");
    for (List<String> row : ReportRows.rows(report, 200, true)) {
      out.append("| ").append(row.stream().map(cell -> cell.replace("|", "\\|"))
          .collect(Collectors.joining(" | "))).append(" |\n");
    }
    out.append('\n');
    for (String note : ReportRows.notes(report)) {
      out.append("- ").append(note).append('\n');
    }
    return out.toString();
  }
}
