package dev.descent.backend.simd;

import dev.descent.testkit.Float32AtScaleTest;
import java.util.List;

/**
 * The kit's float32-at-scale check on both solvers (before the sums went in blocks, {@code simd}
 * deviated 2.6e-6 at N = 1e7, over the tolerance of 1.9e-6). N = 1e8 too: {@code mvn -pl
 * backend-simd verify -Dtest=SimdFloat32AtScaleTest -Ddescent.largeTests=true}.
 */
class SimdFloat32AtScaleTest extends Float32AtScaleTest {
  @Override
  protected List<String> solverIds() {
    return List.of("simd", "simd.parallel");
  }
}
