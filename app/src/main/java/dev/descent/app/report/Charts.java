package dev.descent.app.report;

import dev.descent.app.race.RaceEntry;
import dev.descent.app.race.RaceReport;
import dev.descent.app.race.Status;
import dev.descent.app.sweep.Sweep;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.Range;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.general.DatasetUtils;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/** The sweep's pictures, drawn with JFreeChart and written as PNG and SVG. */
public final class Charts {
  public static final int WIDTH = 960;
  static final int HEIGHT = 560;

  /** Room around the data on a log axis, as a factor: a marker is never cut at the edge. */
  private static final double LOG_MARGIN = 1.25;

  static {
    System.setProperty("java.awt.headless", "true");
  }

  private Charts() {}

  /** Time per element-epoch against N, log–log, one line per solver and precision. */
  public static JFreeChart timePerElement(List<Sweep.Series> series, int features) {
    XYSeriesCollection data = new XYSeriesCollection();
    for (Sweep.Series s : series) {
      XYSeries line = new XYSeries(s.label());
      for (int i = 0; i < s.samples().size(); i++) {
        int n = s.samples().get(i);
        line.add(n, s.secondsPerEpoch().get(i) / n * 1e9);
      }
      data.addSeries(line);
    }
    LogarithmicAxis x = logAxis("N (samples)", DatasetUtils.findDomainBounds(data));
    LogarithmicAxis y = logAxis("ns per element-epoch (best call / (N × epochs))",
        DatasetUtils.findRangeBounds(data));
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    Palette.style(renderer, Palette.labels(data));
    XYPlot plot = new XYPlot(data, x, y, renderer);
    style(plot);
    return chart("Linear regression by gradient descent, p = " + features
        + ": time per element-epoch against N", plot);
  }

  /** The article's table as bars: best time of each solver at one size, log scale. */
  public static JFreeChart race(RaceReport report) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (RaceEntry entry : report.entries()) {
      if (entry.status() == Status.OK) {
        data.addValue(entry.timings().best() * 1e3, entry.precision().shortName(), entry.solver());
      }
    }
    CategoryAxis categories = new CategoryAxis("solver");
    categories.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
    LogarithmicAxis values = logAxis("best time per descent (ms, log scale)",
        DatasetUtils.findRangeBounds(data));
    BarRenderer renderer = new BarRenderer();
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    renderer.setIncludeBaseInRange(false);
    for (int i = 0; i < data.getRowCount(); i++) {
      renderer.setSeriesPaint(i, "f32".equals(data.getRowKey(i)) ? Palette.F32 : Palette.F64);
    }
    CategoryPlot plot = new CategoryPlot(data, categories, values, renderer);
    plot.setOrientation(PlotOrientation.VERTICAL);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    return chart("One descent of " + problem(report) + ": best time per solver", plot);
  }

  /** The loss (MSE) against the epoch of every solver that traced it, log scale. */
  public static JFreeChart loss(RaceReport report) {
    XYSeriesCollection data = new XYSeriesCollection();
    int interval = report.problem().schedule().traceInterval();
    for (RaceEntry entry : report.entries()) {
      if (entry.status() != Status.OK || entry.losses().length == 0) {
        continue;
      }
      XYSeries line = new XYSeries(entry.solver() + " " + entry.precision().shortName());
      for (int k = 0; k < entry.losses().length; k++) {
        if (entry.losses()[k] > 0) {
          line.add((double) k * interval, entry.losses()[k]);
        }
      }
      data.addSeries(line);
    }
    NumberAxis x = new NumberAxis("epoch");
    LogarithmicAxis y = logAxis("mean squared error (log scale)",
        DatasetUtils.findRangeBounds(data));
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    Palette.style(renderer, Palette.labels(data));
    XYPlot plot = new XYPlot(data, x, y, renderer);
    style(plot);
    return chart("Loss of " + problem(report) + " over the epochs", plot);
  }

  /** "N = 10000, p = 1, 5000 epochs, mu = 0.001": the problem a chart shows. */
  static String problem(RaceReport report) {
    return String.format(Locale.ROOT, "N = %d, p = %d, %d epochs, mu = %s",
        report.problem().shape().samples(), report.problem().shape().features(),
        report.problem().schedule().epochs(), report.problem().schedule().learningRate());
  }

  /**
   * A log axis that spans the data with a small margin (not whole decades beyond it: 1e3..1e5
   * drawn from 100 to 1e6 squeezes the data into the middle), labelled 1, 10, 100… or 1e-3….
   */
  private static LogarithmicAxis logAxis(String label, Range data) {
    LogarithmicAxis axis = new LogarithmicAxis(label);
    axis.setStrictValuesFlag(false);
    axis.setAllowNegativesFlag(false);
    axis.setLog10TickLabelsFlag(false);
    axis.setExpTickLabelsFlag(false);
    axis.setAutoRangeNextLogFlag(false);
    if (data != null && data.getLowerBound() > 0) {
      axis.setRange(data.getLowerBound() / LOG_MARGIN, data.getUpperBound() * LOG_MARGIN);
    }
    return axis;
  }

  private static void style(XYPlot plot) {
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
  }

  private static JFreeChart chart(String title, Plot plot) {
    JFreeChart chart = new JFreeChart(title, new Font("SansSerif", Font.BOLD, 16), plot, true);
    chart.setBackgroundPaint(Color.WHITE);
    return chart;
  }

  /** Writes NAME.png and NAME.svg into the folder; returns the SVG text for the HTML report. */
  public static String write(JFreeChart chart, Path folder, String name) throws IOException {
    ChartUtils.saveChartAsPNG(folder.resolve(name + ".png").toFile(), chart, WIDTH, HEIGHT);
    SVGGraphics2D svg = new SVGGraphics2D(WIDTH, HEIGHT);
    chart.draw(svg, new Rectangle(0, 0, WIDTH, HEIGHT));
    String document = svg.getSVGDocument();
    Files.writeString(folder.resolve(name + ".svg"), document);
    return svg.getSVGElement();
  }
}
