package dev.descent.backend.scalar;

import dev.descent.testkit.Float32AtScaleTest;
import java.util.List;

/**
 * The kit's float32-at-scale check on every solver of this module ({@code scalar.numpy} summed
 * in one running float per gradient component before its sums went in blocks, which the kit's
 * own test shows failing this check). N = 1e8 too: {@code mvn -pl backend-scalar verify
 * -Dtest=ScalarFloat32AtScaleTest -Ddescent.largeTests=true}.
 */
class ScalarFloat32AtScaleTest extends Float32AtScaleTest {
  @Override
  protected List<String> solverIds() {
    return List.of("scalar", "scalar.numpy", "scalar.gram");
  }
}
