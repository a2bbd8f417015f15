package dev.descent.backend.tensorflow;

import dev.descent.api.Dataset;
import dev.descent.api.Precision;
import dev.descent.api.Workspace;

/**
 * {@code tensorflow.steps}: the article's {@code tf_descent} — X and d, a variable w, one session
 * run per epoch. The faithful baseline; it shows what a session run
 * costs.
 */
public final class TensorflowStepsSolver extends TensorflowSolver {

  /** For ServiceLoader. */
  public TensorflowStepsSolver() {}

  @Override
  public String id() {
    return "tensorflow.steps";
  }

  @Override
  public String description() {
    return "the article's tf_descent: TensorFlow graph, data in variables filled once, variable w,"
        + " one session run per epoch";
  }

  @Override
  Workspace open(Dataset data, Precision precision, ThreadSettings threads) {
    return StepsWorkspace.open(data, Numeric.of(precision), threads);
  }
}
