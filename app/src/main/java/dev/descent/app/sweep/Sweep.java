package dev.descent.app.sweep;

import dev.descent.api.Precision;
import dev.descent.app.race.RaceEntry;
import dev.descent.app.race.RaceReport;
import dev.descent.app.race.Status;
import dev.descent.app.stats.Units;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A race at every point of a grid of sizes, and what the points say together: the cost of each
 * solver as a function of N (fitted, as Google Benchmark fits complexity) and the sizes at which
 * one solver overtakes another.
 *
 * @param points the races, by increasing N (then p)
 */
public record Sweep(List<Point> points) {

  /**
   * One race of the sweep.
   *
   * @param samples N
   * @param features p
   * @param epochs the epochs each call ran
   * @param report the race
   */
  public record Point(int samples, int features, int epochs, RaceReport report) {}

  /**
   * One solver in one precision across the sweep: seconds per epoch of its best call at each N.
   *
   * @param solver the id
   * @param precision the precision
   * @param samples N at each point where it ran OK
   * @param secondsPerEpoch best time / epochs at those points
   */
  public record Series(String solver, Precision precision, List<Integer> samples,
      List<Double> secondsPerEpoch) {

  public String label() {
      return solver + " " + precision.shortName();
    }
  }

  /**
   * A fitted cost model {@code t(N) = fixed + perElement·N} per epoch (least squares weighted by
   * relative error), and the log–log slope, which is 1 for a cost linear in N.
   */
  public record Fit(Series series, double fixedSeconds, double perElementSeconds, double slope) {
    public String describe() {
      // A negative fixed cost is the fit's noise around zero, not a refund.
      // A slightly negative cost per element (a solver whose time per epoch barely grows) is
      // shown with its sign, not as "+ -0.002".
      return String.format(Locale.ROOT, "%s: per epoch ≈ %s %s %.3g ns × N; log-log slope %.2f",
          series.label(), fixedSeconds > 0 ? Units.seconds(fixedSeconds) : "0",
          perElementSeconds < 0 ? "−" : "+", Math.abs(perElementSeconds) * 1e9, slope);
    }
  }

  /** The series for each solver and precision that ran OK somewhere, for one p. */
  public List<Series> series(int features) {
    Map<String, Series> byLabel = new LinkedHashMap<>();
    for (Point point : points) {
      if (point.features() != features) {
        continue;
      }
      for (RaceEntry entry : point.report().entries()) {
        if (entry.status() != Status.OK) {
          continue;
        }
        Series series = byLabel.computeIfAbsent(entry.solver() + " " + entry.precision(),
            key -> new Series(entry.solver(), entry.precision(), new ArrayList<>(),
                new ArrayList<>()));
        series.samples().add(point.samples());
        series.secondsPerEpoch().add(entry.timings().best() / Math.max(1, point.epochs()));
      }
    }
    return List.copyOf(byLabel.values());
  }

  /**
   * Who wins where: at each size the fastest solver that ran OK, by its best call, and how far
   * ahead of the fastest other solver it is.
   */
  public List<String> winners() {
    List<String> lines = new ArrayList<>();
    for (Point point : points) {
      List<RaceEntry> ranked = point.report().entries().stream()
          .filter(entry -> entry.status() == Status.OK)
          .sorted(Comparator.comparingDouble(entry -> entry.timings().best()))
          .toList();
      if (ranked.isEmpty()) {
        continue;
      }
      RaceEntry first = ranked.get(0);
      String line = String.format(Locale.ROOT, "N = %d, p = %d: %s %s, %s per call",
          point.samples(), point.features(), first.solver(), first.precision().shortName(),
          Units.seconds(first.timings().best()));
      line += ranked.stream().filter(entry -> !entry.solver().equals(first.solver())).findFirst()
          .map(next -> String.format(Locale.ROOT, ", %s ahead of %s %s",
              Units.ratio(next.timings().best() / first.timings().best()), next.solver(),
              next.precision().shortName()))
          .orElse("");
      lines.add(line);
    }
    return lines;
  }

  /** The distinct p of the sweep, in order. */
  public List<Integer> featureCounts() {
    return points.stream().map(Point::features).distinct().sorted().toList();
  }

  public static Fit fit(Series series) {
    int n = series.samples().size();
    // Weighted least squares of t = a + b N with weights 1/t^2: every point's relative error
    // counts the same, so microseconds at small N are not drowned by seconds at large N.
    double sw = 0;
    double swx = 0;
    double swy = 0;
    double swxx = 0;
    double swxy = 0;
    for (int i = 0; i < n; i++) {
      double x = series.samples().get(i);
      double y = series.secondsPerEpoch().get(i);
      double w = 1 / (y * y);
      sw += w;
      swx += w * x;
      swy += w * y;
      swxx += w * x * x;
      swxy += w * x * y;
    }
    double determinant = sw * swxx - swx * swx;
    double perElement = n < 2 || determinant == 0 ? Double.NaN : (sw * swxy - swx * swy) / determinant;
    double fixed = n < 2 || determinant == 0 ? Double.NaN : (swy - perElement * swx) / sw;
    double slope = Double.NaN;
    if (n >= 2) {
      double mx = 0;
      double my = 0;
      for (int i = 0; i < n; i++) {
        mx += Math.log(series.samples().get(i));
        my += Math.log(series.secondsPerEpoch().get(i));
      }
      mx /= n;
      my /= n;
      double sxx = 0;
      double sxy = 0;
      for (int i = 0; i < n; i++) {
        double dx = Math.log(series.samples().get(i)) - mx;
        sxx += dx * dx;
        sxy += dx * (Math.log(series.secondsPerEpoch().get(i)) - my);
      }
      slope = sxx == 0 ? Double.NaN : sxy / sxx;
    }
    return new Fit(series, fixed, perElement, slope);
  }

  /**
   * Where one solver overtakes another of the same precision: between two neighbouring sizes
   * their order changes, and interpolating the log of the time ratio over log N gives the size.
   */
  public static List<String> crossovers(List<Series> all) {
    List<String> found = new ArrayList<>();
    for (int a = 0; a < all.size(); a++) {
      for (int b = a + 1; b < all.size(); b++) {
        Series first = all.get(a);
        Series second = all.get(b);
        if (first.precision() != second.precision()) {
          continue;
        }
        List<double[]> shared = new ArrayList<>();
        for (int i = 0; i < first.samples().size(); i++) {
          int j = second.samples().indexOf(first.samples().get(i));
          if (j >= 0) {
            shared.add(new double[] {Math.log(first.samples().get(i)),
                Math.log(first.secondsPerEpoch().get(i) / second.secondsPerEpoch().get(j))});
          }
        }
        for (int k = 0; k + 1 < shared.size(); k++) {
          double[] left = shared.get(k);
          double[] right = shared.get(k + 1);
          if (Math.signum(left[1]) != Math.signum(right[1]) && left[1] != 0 && right[1] != 0) {
            double logN = left[0] + (right[0] - left[0]) * left[1] / (left[1] - right[1]);
            Series winner = right[1] < 0 ? first : second;
            Series loser = winner == first ? second : first;
            found.add(String.format(Locale.ROOT, "%s beats %s from N ≈ %s",
                winner.label(), loser.solver(), roundish(Math.exp(logN))));
          }
        }
      }
    }
    return found;
  }

  /** 2 significant digits: 190000, 4200, 37. */
  static String roundish(double value) {
    double magnitude = Math.pow(10, Math.floor(Math.log10(value)) - 1);
    return String.format(Locale.ROOT, "%.0f", Math.round(value / magnitude) * magnitude);
  }
}
