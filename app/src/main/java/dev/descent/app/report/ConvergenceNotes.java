package dev.descent.app.report;

import dev.descent.app.race.Problem;
import dev.descent.app.race.RaceReport;
import dev.descent.app.race.Status;
import dev.descent.reference.Convergence;
import dev.descent.reference.Standardization;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The notes that say what the numbers mean for the user's fit rather than for the race: whether
 * the descent diverged and why, how far from the least-squares answer it stopped, the step size
 * and the standardisation. Notes, not columns: the HTML table must stay within 1280 px.
 */
final class ConvergenceNotes {

  /** A loss this close to the least-squares loss, relatively, is converged for any reader. */
  private static final double CONVERGED = 1e-6;

  private ConvergenceNotes() {}

  /** The notes that go first: a divergence matters more than any timing. */
  static List<String> leading(RaceReport report) {
    List<String> notes = new ArrayList<>();
    Convergence convergence = report.convergence();
    if (convergence.diverged()) {
      notes.add(convergence.message() + ". The rows marked DIVERGED are judged against the "
          + "reference only where it is finite; the weights they show are no answer.");
    }
    return notes;
  }

  /** How far the descent got, the step it used and the scaling of the data. */
  static List<String> trailing(RaceReport report) {
    List<String> notes = new ArrayList<>();
    Problem problem = report.problem();
    Convergence convergence = report.convergence();
    Standardization scaling = problem.standardization();
    String step = String.format(Locale.ROOT, "mu = %s%s; the stable limit for this data is "
            + "2/L ≈ %.3g (L the largest eigenvalue of the loss's Hessian 2/N·XᵀX)",
        convergence.learningRate(), problem.automaticStep() ? " (--mu auto: 1/L)" : "",
        convergence.stableLimit());
    if (convergence.diverged()) {
      notes.add(step + ".");
    } else {
      notes.add(progress(report, convergence, scaling) + " " + step + ".");
    }
    if (!scaling.isNone()) {
      notes.add("standardised: " + (scaling.standardizesTarget() ? "features and target" :
          "features") + " scaled to mean 0 and standard deviation 1 before the descent (means "
          + figures(scaling.means()) + ", standard deviations " + figures(scaling.scales())
          + (scaling.standardizesTarget() ? String.format(Locale.ROOT, "; target mean %.6g, "
              + "standard deviation %.6g", scaling.targetMean(), scaling.targetScale()) : "")
          + "); w0, w1 and the closed form are in the data's own units, transformed back; the "
          + "deviations compare the standardised weights the solvers computed.");
    }
    return notes;
  }

  /** Whether this row's message is the divergence note's, which is printed once. */
  static boolean saidOnce(RaceReport report, Status status, String message) {
    return status == Status.DIVERGED && message.equals(report.convergence().message());
  }

  private static String progress(RaceReport report, Convergence convergence,
      Standardization scaling) {
    double[] reference = report.problem().inDataUnits(report.referenceWeights());
    String loss = String.format(Locale.ROOT, "converged? the float64 reference's loss (MSE) went "
            + "from %.6g to %.6g in %d epochs", scaling.lossToDataUnits(convergence.initialLoss()),
        scaling.lossToDataUnits(convergence.finalLoss()), report.problem().schedule().epochs());
    if (Double.isNaN(convergence.closedFormLoss())) {
      return loss + "; there is no closed form to compare with.";
    }
    double[] closedForm = report.problem().inDataUnits(report.closedFormWeights());
    double excess = convergence.finalLoss() / convergence.closedFormLoss() - 1;
    double left = 1 - convergence.gapClosed();
    String where = String.format(Locale.ROOT, "; least squares reaches %.6g",
        scaling.lossToDataUnits(convergence.closedFormLoss()));
    // Judged on the loss above the optimum, not on the share of the way: the article's run has
    // come 99.99 % of the way and its weights are still 1.2 % off.
    if (!(excess > CONVERGED)) {
      return loss + where + ": converged (the loss is within 1e-6 relative of it).";
    }
    return loss + where + String.format(Locale.ROOT, ": %.3g%% above it, %.3g%% of the way from "
            + "the start still to go — NOT converged, w = %s where least squares gives %s (%s "
            + "get closer).", 100 * excess, 100 * left, figures(reference), figures(closedForm),
        remedies(report.problem()));
  }

  private static String remedies(Problem problem) {
    List<String> remedies = new ArrayList<>(List.of("more --epochs"));
    if (!problem.automaticStep()) {
      remedies.add("--mu auto");
    }
    if (problem.standardization().isNone()) {
      remedies.add("--standardize");
    }
    return String.join(remedies.size() == 2 ? " or " : ", ", remedies)
        .replace(", --standardize", " or --standardize");
  }

  private static String figures(double[] values) {
    return Arrays.stream(values).mapToObj(v -> String.format(Locale.ROOT, "%.5g", v))
        .reduce((a, b) -> a + ", " + b).map(s -> "[" + s + "]").orElse("[]");
  }
}
