package dev.descent.backend.tensorflow;

import dev.descent.api.Dataset;
import dev.descent.api.Precision;
import dev.descent.api.Workspace;

/**
 * {@code tensorflow.xla}: every epoch in one session run, the whole loop compiled by XLA into
 * native code at setup — what {@code tf.function(jit_compile=True)} gives a Python user.
 */
public final class TensorflowXlaSolver extends TensorflowSolver {

  /** For ServiceLoader. */
  public TensorflowXlaSolver() {}

  @Override
  public String id() {
    return "tensorflow.xla";
  }

  @Override
  public String description() {
    return "all epochs in one TensorFlow session run: a functional while loop compiled whole"
        + " by XLA";
  }

  @Override
  boolean needsXla() {
    return true;
  }

  @Override
  Workspace open(Dataset data, Precision precision, ThreadSettings threads) {
    return LoopWorkspace.open(data, Numeric.of(precision), new XlaLoopForm(), threads);
  }
}
