package dev.descent.backend.tensorflow;

import dev.descent.api.Dataset;
import dev.descent.api.Precision;
import dev.descent.api.Workspace;

/**
 * {@code tensorflow.loop}: every epoch in one session run, through TensorFlow's in-graph while
 * loop ({@code Graph.whileLoop}) with several epochs unrolled per iteration.
 */
public final class TensorflowLoopSolver extends TensorflowSolver {

  /** For ServiceLoader. */
  public TensorflowLoopSolver() {}

  @Override
  public String id() {
    return "tensorflow.loop";
  }

  @Override
  public String description() {
    return "all epochs in one TensorFlow session run: a graph while loop, epochs unrolled"
        + " per iteration";
  }

  @Override
  Workspace open(Dataset data, Precision precision, ThreadSettings threads) {
    return LoopWorkspace.open(data, Numeric.of(precision), WhileLoopForm.fromSystemProperties(),
        threads);
  }
}
