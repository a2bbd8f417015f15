package dev.descent.app.report;

import dev.descent.app.machine.Environment;
import dev.descent.app.race.RaceReport;
import dev.descent.app.sweep.Sweep;
import java.util.List;
import java.util.Map;

/**
 * The sweep as one self-contained HTML file: no scripts, no external files — the charts are
 * inline SVG — so it can be mailed, attached to CI runs and opened anywhere.
 */
public final class HtmlReport {
  private HtmlReport() {}

  public static String render(Sweep sweep, Environment environment, List<String> fits,
      List<String> crossovers, Map<String, String> charts) {
    StringBuilder html = new StringBuilder("""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>descent sweep</title>
        <style>
          body { font-family: system-ui, sans-serif; margin: 2em; color: #222; }
          table { border-collapse: collapse; margin: 1em 0; font-size: 0.85em; }
          th, td { border: 1px solid #ccc; padding: 0.25em 0.5em; text-align: right; }
          th { background: #f0f0f0; }
          td.text { text-align: left; }
          .chart { margin: 1em 0; }
          .FAIL, .FAILED, .TIMEOUT { color: #b00020; font-weight: bold; }
          .OK { color: #1b5e20; }
        </style>
        </head>
        <body>
        <h1>descent sweep</h1>
        """);
    html.append("<p id=\"machine\">").append(escape(ReportRows.machineLine(environment)))
        .append("</p>\n");
    html.append("<h2>Charts</h2>\n");
    for (Map.Entry<String, String> chart : charts.entrySet()) {
      html.append("<figure class=\"chart\" id=\"").append(escape(chart.getKey())).append("\">")
          .append(chart.getValue()).append("<figcaption>").append(escape(chart.getKey()))
          .append("</figcaption></figure>\n");
    }
    html.append("<h2>Cost per epoch, fitted</h2>\n<ul id=\"fits\">\n");
    fits.forEach(fit -> html.append("<li>").append(escape(fit)).append("</li>\n"));
    html.append("</ul>\n<h2>Crossovers</h2>\n<ul id=\"crossovers\">\n");
    if (crossovers.isEmpty()) {
      html.append("<li>no solver overtakes another within this grid</li>\n");
    }
    crossovers.forEach(line -> html.append("<li>").append(escape(line)).append("</li>\n"));
    html.append("</ul>\n<h2>Races</h2>\n");
    for (Sweep.Point point : sweep.points()) {
      RaceReport report = point.report();
      html.append("<h3>").append(escape(ReportRows.heading(report))).append("</h3>\n");
      html.append("<table class=\"race\">\n<tr>");
      ReportRows.COLUMNS.forEach(c -> html.append("<th>").append(escape(c)).append("</th>"));
      html.append("</tr>\n");
      for (List<String> row : ReportRows.rows(report, 80, false)) {
        html.append("<tr>");
        for (int c = 0; c < row.size(); c++) {
          String column = ReportRows.COLUMNS.get(c);
          String css = column.equals("status") ? row.get(c)
              : List.of("solver", "prec", "device").contains(column) ? "text" : "";
          html.append("<td class=\"").append(css).append("\">").append(escape(row.get(c)))
              .append("</td>");
        }
        html.append("</tr>\n");
      }
      html.append("</table>\n<ul>\n");
      ReportRows.notes(report).forEach(note ->
          html.append("<li>").append(escape(note)).append("</li>\n"));
      html.append("</ul>\n");
    }
    return html.append("</body>\n</html>\n").toString();
  }

  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
