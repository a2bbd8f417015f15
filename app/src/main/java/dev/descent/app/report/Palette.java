package dev.descent.app.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.Stroke;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.plot.DefaultDrawingSupplier;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Colours and markers that every reader can tell apart: the Okabe–Ito palette, safe for the
 * common colour-vision deficiencies, without its yellow, which vanishes on white. A solver keeps
 * its colour and marker in every chart; its f32 line is dashed with hollow markers, so the two
 * precisions differ even in grey print.
 */
final class Palette {

  static final List<Color> OKABE_ITO = List.of(
      new Color(0x000000), // black
      new Color(0xE69F00), // orange
      new Color(0x56B4E9), // sky blue
      new Color(0x009E73), // bluish green
      new Color(0x0072B2), // blue
      new Color(0xD55E00), // vermilion
      new Color(0xCC79A7)); // reddish purple

  static final Color F64 = OKABE_ITO.get(4);
  static final Color F32 = OKABE_ITO.get(1);

  private static final Shape[] SHAPES = DefaultDrawingSupplier.createStandardSeriesShapes();
  private static final Stroke SOLID = new BasicStroke(2f);
  private static final Stroke DASHED = new BasicStroke(2f, BasicStroke.CAP_BUTT,
      BasicStroke.JOIN_MITER, 10f, new float[] {7f, 4f}, 0f);

  private Palette() {}

  /**
   * Styles each series of "solver precision" labels: colour and marker by solver (the n-th
   * solver past the palette's end reuses a colour with another marker), dashes for f32.
   */
  static void style(XYLineAndShapeRenderer renderer, List<String> labels) {
    Map<String, Integer> solvers = new LinkedHashMap<>();
    for (int i = 0; i < labels.size(); i++) {
      String label = labels.get(i);
      int space = label.lastIndexOf(' ');
      String solver = space < 0 ? label : label.substring(0, space);
      boolean f32 = label.endsWith(" f32");
      int index = solvers.computeIfAbsent(solver, key -> solvers.size());
      Paint colour = OKABE_ITO.get(index % OKABE_ITO.size());
      renderer.setSeriesPaint(i, colour);
      renderer.setSeriesShape(i, SHAPES[index % SHAPES.length]);
      renderer.setSeriesStroke(i, f32 ? DASHED : SOLID);
      renderer.setSeriesShapesFilled(i, !f32);
    }
    renderer.setDrawOutlines(true);
  }

  /** The labels of a chart's series, in order. */
  static List<String> labels(XYSeriesCollection data) {
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < data.getSeriesCount(); i++) {
      labels.add(data.getSeriesKey(i).toString());
    }
    return labels;
  }
}
