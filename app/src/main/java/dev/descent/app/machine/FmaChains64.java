// Generated from src/main/templates/dev/descent/app/machine/X-FmaChains.java.template by dev.descent.codegen.Generator; do not edit.
package dev.descent.app.machine;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Eight independent chains of double vector FMAs that stay in registers, for the FMA peak of
 * {@link MachineProbe}: 2 operations per lane per FMA. One class per element type, generated,
 * because the Vector API compiles to vector instructions only where the vector's type is known.
 */
final class FmaChains64 {
  static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

  private FmaChains64() {}

  /** Runs the chains {@code iterations} times; the result only keeps them from being removed. */
  static double run(long iterations) {
    DoubleVector m = DoubleVector.broadcast(SPECIES, 0.999999);
    DoubleVector k = DoubleVector.broadcast(SPECIES, 1e-7);
    DoubleVector a0 = DoubleVector.broadcast(SPECIES, 1);
    DoubleVector a1 = DoubleVector.broadcast(SPECIES, 2);
    DoubleVector a2 = DoubleVector.broadcast(SPECIES, 3);
    DoubleVector a3 = DoubleVector.broadcast(SPECIES, 4);
    DoubleVector a4 = DoubleVector.broadcast(SPECIES, 5);
    DoubleVector a5 = DoubleVector.broadcast(SPECIES, 6);
    DoubleVector a6 = DoubleVector.broadcast(SPECIES, 7);
    DoubleVector a7 = DoubleVector.broadcast(SPECIES, 8);
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
