package dev.descent.app.report;

import dev.descent.app.machine.Environment;
import dev.descent.app.race.RaceReport;
import dev.descent.app.sweep.Sweep;
import java.util.List;

/**
 * The sweep as one self-contained HTML file: no scripts, no external files — the charts are
 * inline SVG — so it can be mailed, attached to CI runs and opened anywhere. It reads top down:
 * what was raced, who wins where, the fitted costs and crossovers, the charts, then the races.
 */
public final class HtmlReport {
  private HtmlReport() {}

  /**
   * Narrow enough for 17 columns at 1280 px: small type; numbers and names stay on one line; the
   * long device descriptions, the "a ± b" cells and the headings wrap.
   */
  private static final String STYLE = """
      body { font-family: system-ui, sans-serif; margin: 2em auto; padding: 0 1.5em;
             max-width: 76em; color: #222; line-height: 1.45; }
      h1 { font-size: 1.7em; margin-bottom: 0.2em; }
      .lead { font-size: 1.1em; }
      #machine { color: #555; }
      table { border-collapse: collapse; margin: 1em 0; font-size: 0.78em; width: 100%; }
      th, td { border: 1px solid #ccc; padding: 0.2em 0.35em; text-align: right; }
      th { background: #f0f0f0; white-space: normal; }
      td { white-space: nowrap; }
      .text { text-align: left; }
      td.device { white-space: normal; min-width: 8em; }
      td.spread { white-space: normal; }
      figure.chart { margin: 1.5em 0; }
      figcaption { max-width: 60em; color: #333; }
      .FAIL, .FAILED, .TIMEOUT { color: #b00020; font-weight: bold; }
      .OK { color: #1b5e20; }
      """;

  public static String render(Sweep sweep, Environment environment, List<String> fits,
      List<String> crossovers, List<Figure> figures) {
    StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
        + "<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width\">\n"
        + "<title>descent sweep</title>\n<style>\n" + STYLE + "</style>\n</head>\n<body>\n");
    html.append("<h1>descent sweep</h1>\n<p class=\"lead\">").append(escape(lead(sweep)))
        .append("</p>\n<p id=\"machine\">Measured on ")
        .append(escape(ReportRows.machineLine(environment))).append(".</p>\n");

    html.append("<h2>Summary</h2>\n<h3>Who wins where</h3>\n");
    list(html, "winners", sweep.winners(), "no solver ran OK at any size");
    html.append("<h3>Cost per epoch, fitted</h3>\n<p>Each solver's best time per epoch fitted "
        + "as a fixed cost plus a cost per sample; a log–log slope near 1 means the time grows "
        + "with N, near 0 that fixed costs dominate.</p>\n");
    list(html, "fits", fits, "too few sizes to fit");
    html.append("<h3>Crossovers</h3>\n");
    list(html, "crossovers", crossovers, "no solver overtakes another within this grid");

    html.append("<h2>Charts</h2>\n");
    for (Figure figure : figures) {
      html.append("<figure class=\"chart\" id=\"").append(escape(figure.name())).append("\">")
          .append(figure.svg()).append("<figcaption>").append(escape(figure.caption()))
          .append("</figcaption></figure>\n");
    }

    html.append("<h2>Races</h2>\n<p>Every race of the sweep in full, smallest N first.</p>\n");
    for (Sweep.Point point : sweep.points()) {
      table(html, point.report());
    }
    return html.append("</body>\n</html>\n").toString();
  }

  private static String lead(Sweep sweep) {
    List<Sweep.Point> points = sweep.points();
    if (points.isEmpty()) {
      return "No sizes were raced.";
    }
    return "Linear regression by batch gradient descent, raced at " + points.size()
        + " sizes from N = " + points.get(0).samples() + " to N = "
        + points.get(points.size() - 1).samples() + " samples (p = "
        + sweep.featureCounts().stream().map(String::valueOf).reduce((a, b) -> a + ", " + b)
            .orElse("") + "), every result checked against the float64 reference.";
  }

  private static void list(StringBuilder html, String id, List<String> items, String none) {
    html.append("<ul id=\"").append(id).append("\">\n");
    if (items.isEmpty()) {
      html.append("<li>").append(escape(none)).append("</li>\n");
    }
    items.forEach(item -> html.append("<li>").append(escape(item)).append("</li>\n"));
    html.append("</ul>\n");
  }

  private static void table(StringBuilder html, RaceReport report) {
    html.append("<h3>").append(escape(ReportRows.heading(report))).append("</h3>\n");
    html.append("<table class=\"race\">\n<tr>");
    ReportRows.COLUMNS.forEach(c -> html.append(ReportRows.LEFT.contains(c) ? "<th class=\"text\">"
        : "<th>").append(escape(c)).append("</th>"));
    html.append("</tr>\n");
    for (List<String> row : ReportRows.rows(report, 80, false)) {
      html.append("<tr>");
      for (int c = 0; c < row.size(); c++) {
        String column = ReportRows.COLUMNS.get(c);
        String css = column.equals("status") ? row.get(c)
            : column.equals("device") ? "text device"
            : row.get(c).contains(" ± ") ? "spread"
            : List.of("solver", "prec").contains(column) ? "text" : "";
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

  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
