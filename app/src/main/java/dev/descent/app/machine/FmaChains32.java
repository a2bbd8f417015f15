// Generated from src/main/templates/dev/descent/app/machine/X-FmaChains.java.template by dev.descent.codegen.Generator; do not edit.
package dev.descent.app.machine;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Eight independent chains of float vector FMAs that stay in registers, for the FMA peak of
 * {@link MachineProbe}: 2 operations per lane per FMA. One class per element type, generated,
 * because the Vector API compiles to vector instructions only where the vector's type is known.
 */
final class FmaChains32 {
  static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

  private FmaChains32() {}

  /** Runs the chains {@code iterations} times; the result only keeps them from being removed. */
  static double run(long iterations) {
    FloatVector m = FloatVector.broadcast(SPECIES, 0.999999f);
    FloatVector k = FloatVector.broadcast(SPECIES, 1e-7f);
    FloatVector a0 = FloatVector.broadcast(SPECIES, 1);
    FloatVector a1 = FloatVector.broadcast(SPECIES, 2);
    FloatVector a2 = FloatVector.broadcast(SPECIES, 3);
    FloatVector a3 = FloatVector.broadcast(SPECIES, 4);
    FloatVector a4 = FloatVector.broadcast(SPECIES, 5);
    FloatVector a5 = FloatVector.broadcast(SPECIES, 6);
    FloatVector a6 = FloatVector.broadcast(SPECIES, 7);
    FloatVector a7 = FloatVector.broadcast(SPECIES, 8);
    for (long i = 0; i < iterations; i++) {
      a0 = a0.fma(m, k);
      a1 = a1.fma(m, k);
      a2 = a2.fma(m, k);
      a3 = a3.fma(m, k);
      a4 = a4.fma(m, k);
      a5 = a5.fma(m, k);
      a6 = a6.fma(m, k);
      a7 = a7.fma(m, k);
    }
    return a0.add(a1).add(a2).add(a3).add(a4).add(a5).add(a6).add(a7)
        .reduceLanes(VectorOperators.ADD);
  }
}
