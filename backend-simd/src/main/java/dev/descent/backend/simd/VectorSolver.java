package dev.descent.backend.simd;

import dev.descent.api.Availability;
import dev.descent.api.Dataset;
import dev.descent.api.Launch;
import dev.descent.api.Precision;
import dev.descent.api.Solver;
import dev.descent.api.Workspace;
import dev.descent.api.support.Preconditions;
import java.util.EnumSet;
import java.util.Set;

/**
 * What the two Vector API solvers share. This class and its subclasses name no type of
 * {@code jdk.incubator.vector}: ServiceLoader instantiates them in any JVM, and only
 * {@link #prepare} reaches the kernel classes, after {@link VectorModule} found the module.
 */
abstract class VectorSolver implements Solver {

  /** How {@code prepare} splits the epochs of this dataset over threads. */
  abstract Plan plan(Dataset data, Precision precision);

  @Override
  public final Availability availability() {
    return VectorModule.availability();
  }

  @Override
  public final Set<Precision> precisions() {
    return EnumSet.allOf(Precision.class);
  }

  /** {@code --add-modules jdk.incubator.vector}: a JVM without it cannot run these solvers. */
  @Override
  public final Launch launch() {
    return VectorModule.LAUNCH;
  }

  @Override
  public final Workspace prepare(Dataset data, Precision precision) {
    Preconditions.checkPrepare(this, data, precision);
    return Kernels.prepare(data, precision, plan(data, precision));
  }

  @Override
  public String toString() {
    return id();
  }
}
