package dev.descent.app.cli;

import dev.descent.app.race.RaceReport;
import dev.descent.app.report.Charts;
import dev.descent.app.report.Figure;
import dev.descent.app.sweep.Sweep;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The sweep's charts, written as PNG and SVG, each with a caption that says how to read it. */
final class SweepFigures {

  private SweepFigures() {}

  static List<Figure> draw(Sweep sweep, Path folder, boolean loss) throws IOException {
    List<Figure> figures = new ArrayList<>();
    boolean severalP = sweep.featureCounts().size() > 1;
    for (int p : sweep.featureCounts()) {
      String name = severalP ? "time-per-element-p" + p : "time-per-element";
      figures.add(new Figure(name, "Time per element-epoch (the best call divided by N × "
          + "epochs) against N for p = " + p + ", both axes logarithmic. A flat line is a cost "
          + "that grows with N; a falling one is a fixed cost per call that larger N amortises. "
          + "Lower is faster; dashed lines are f32.",
          Charts.write(Charts.timePerElement(sweep.series(p), p), folder, name)));
    }
    Sweep.Point nearest = sweep.points().stream()
        .min(Comparator.comparingDouble(point -> Math.abs(Math.log(point.samples() / 1e4))))
        .orElseThrow();
    RaceReport report = nearest.report();
    figures.add(new Figure("race", String.format(Locale.ROOT, "The best time of one descent for "
        + "each solver at N = %d, the size of this sweep nearest the article's N = 10 000 "
        + "(logarithmic scale; lower is faster).", nearest.samples()),
        Charts.write(Charts.race(report), folder, "race")));
    if (loss) {
      figures.add(new Figure("loss", String.format(Locale.ROOT, "The loss (mean squared error) "
          + "every %d epochs at N = %d. Every solver follows the same curve when it computes "
          + "the same descent; one that leaves it is wrong, not fast.",
          report.problem().schedule().traceInterval(), nearest.samples()),
          Charts.write(Charts.loss(report), folder, "loss")));
    }
    return figures;
  }
}
