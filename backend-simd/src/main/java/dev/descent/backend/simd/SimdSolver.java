package dev.descent.backend.simd;

import dev.descent.api.Dataset;
import dev.descent.api.Precision;

/**
 * {@code simd}: one fused pass per epoch with the Vector API at the CPU's widest species
 * (8 x f64 or 16 x f32 lanes on AVX-512), FMA, four independent vector accumulators per sum and
 * one fixed-order lane reduction per sum per epoch, on the calling thread. Any p; p = 1 reads x
 * and d once per epoch and writes nothing, larger p goes in L1-sized blocks.
 *
 * <p>Needs {@code --add-modules jdk.incubator.vector}; without it the solver is listed as
 * unavailable with that flag as the fix.
 */
public final class SimdSolver extends VectorSolver {

  /** For ServiceLoader. */
  public SimdSolver() {}

  @Override
  public String id() {
    return "simd";
  }

  @Override
  public String description() {
    return "Vector API, one fused FMA pass per epoch at the widest species, 4 vector "
        + "accumulators, fixed-order lane sums; float32 sums blocks in float, the blocks in a double";
  }

  @Override
  Plan plan(Dataset data, Precision precision) {
    return Plan.SINGLE;
  }
}
