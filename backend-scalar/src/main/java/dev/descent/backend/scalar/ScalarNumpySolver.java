package dev.descent.backend.scalar;

import dev.descent.api.Dataset;
import dev.descent.api.Workspace;

/**
 * {@code scalar.numpy}: the article's {@code np_descent} in plain Java — separate whole-array
 * passes that store {@code err} and {@code y} every epoch. The faithful baseline.
 */
public final class ScalarNumpySolver extends ScalarFamilySolver {

  /** For ServiceLoader. */
  public ScalarNumpySolver() {}

  @Override
  public String id() {
    return "scalar.numpy";
  }

  @Override
  public String description() {
    return "the article's np_descent in plain Java: separate passes storing err and y each epoch";
  }

  @Override
  Workspace prepare64(Dataset data) {
    return new NumpyF64Workspace(data);
  }

  @Override
  Workspace prepare32(Dataset data) {
    return new NumpyF32Workspace(data);
  }
}
