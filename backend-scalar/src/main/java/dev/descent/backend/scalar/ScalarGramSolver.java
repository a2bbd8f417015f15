package dev.descent.backend.scalar;

import dev.descent.api.Dataset;
import dev.descent.api.Footprint;
import dev.descent.api.Precision;
import dev.descent.api.Workspace;

/**
 * {@code scalar.gram}: the same iterates from the sufficient statistics XᵀX and Xᵀd. It wins by
 * changing the algorithm's cost — one O(N·p²) pass at setup, then O(p²) per epoch instead of
 * O(N·p) — not by computing any faster, and a race must read its time that way.
 */
public final class ScalarGramSolver extends ScalarFamilySolver {

  /** For ServiceLoader. */
  public ScalarGramSolver() {}

  @Override
  public String id() {
    return "scalar.gram";
  }

  @Override
  public String description() {
    return "changes the algorithm's cost, not the arithmetic's speed: X^T X and X^T d once "
        + "(O(N p^2) setup), then O(p^2) per epoch; same iterates up to rounding";
  }

  /** The statistics' pass holds one chunk of rows and no column, at any N. */
  @Override
  public Footprint footprint(long samples, int features, Precision precision) {
    return new Footprint((features + 2L) * GramStatistics.READ_ROWS * Double.BYTES, 0);
  }

  @Override
  Workspace prepare64(Dataset data) {
    return new GramWorkspace(data, Precision.FLOAT64);
  }

  @Override
  Workspace prepare32(Dataset data) {
    return new GramWorkspace(data, Precision.FLOAT32);
  }
}
