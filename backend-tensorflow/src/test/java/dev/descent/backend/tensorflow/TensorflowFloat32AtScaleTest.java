package dev.descent.backend.tensorflow;

import dev.descent.testkit.Float32AtScaleTest;
import java.util.List;

/**
 * The kit's float32-at-scale check on the three TensorFlow solvers: their sums over the samples
 * are blocked ({@link SampleSums}); one running float32 sum was 213 units of rounding off at
 * N = 1e7. N = 1e8 too with {@code -Ddescent.largeTests=true} (about 2.5 GB of native memory per
 * solver and 2.5 GB of heap for the reference).
 */
class TensorflowFloat32AtScaleTest extends Float32AtScaleTest {
  @Override
  protected List<String> solverIds() {
    return List.of("tensorflow.steps", "tensorflow.loop", "tensorflow.xla");
  }
}
