package dev.descent.backend.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.descent.api.Availability;
import java.util.Arrays;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The kernels' float32 sums rely on Kahan's compensation surviving the OpenCL compiler: algebra
 * says the compensation {@code (t - total) - y} is zero, and a compiler allowed to reassociate
 * (fast-math) removes it. Aparapi builds without options, so it must survive; this checks that
 * it does, on the device, with values where it matters: 1 followed by 100 000 values of 1e-8,
 * each below half a unit of 1 in float32, which a plain float sum drops one by one.
 */
class CompensatedSumTest {

  @Test
  void theCompensationSurvivesTheDeviceCompiler() {
    Availability availability = Platform.get().availability();
    RequireOpencl.assume(availability.available(), "OpenCL is " + availability);
    Assumptions.assumeFalse(OpenclOptions.fastMathInEffect(),
        "fast-math is on in this JVM, and it may simplify the compensation away");
    float[] values = new float[100_001];
    Arrays.fill(values, 1e-8f);
    values[0] = 1f;
    CompensatedSumKernel expected = new CompensatedSumKernel(values);
    expected.run();
    assertEquals(1f, expected.sums[1], "the plain sum in Java must lose every small value");
    assertNotEquals(1f, expected.sums[0], "the compensated sum in Java must keep them");

    CompensatedSumKernel kernel = new CompensatedSumKernel(values);
    try (DeviceKernel device = new DeviceKernel(kernel, Platform.get().target().orElseThrow())) {
      device.compile();
      device.shape(1, 1);
      device.run();
    }
    assertEquals(expected.sums[0], kernel.sums[0], "the compensated sum on the device");
    assertEquals(expected.sums[1], kernel.sums[1], "the plain sum on the device");
  }
}
