package dev.descent.backend.opencl;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.api.Dataset;
import dev.descent.api.Precision;
import org.junit.jupiter.api.Test;

class ShapesTest {

  /** Only the shape matters to the check; no value is ever read. */
  private static Dataset shaped(int samples, int features) {
    return Dataset.generated("shape only", samples, features, null,
        (column, from, into, offset, length) -> {
          throw new AssertionError("the check read data");
        });
  }

  @Test
  void anArrayOfTwoGibibytesOrMoreIsRefusedByNameBeforeAnythingIsAllocated() {
    Target anywhere = Target.javaThreadPool("test");
    IllegalArgumentException f64 = assertThrows(IllegalArgumentException.class,
        () -> Shapes.check(anywhere, shaped(1 << 28, 1), Precision.FLOAT64));
    assertTrue(f64.getMessage().contains("N * p = 268435456 values take 2147483648 bytes"),
        f64.getMessage());
    assertTrue(f64.getMessage().contains("at most 2 GiB (N * p up to 268435455 in f64)"),
        f64.getMessage());
    assertDoesNotThrow(() -> Shapes.check(anywhere, shaped((1 << 28) - 64, 1), Precision.FLOAT64));
    assertDoesNotThrow(() -> Shapes.check(anywhere, shaped(1 << 28, 1), Precision.FLOAT32));

    IllegalArgumentException f32 = assertThrows(IllegalArgumentException.class,
        () -> Shapes.check(anywhere, shaped(1_000_000_000, 1), Precision.FLOAT32));
    assertTrue(f32.getMessage().contains("N * p up to 536870911 in f32"), f32.getMessage());
    IllegalArgumentException wide = assertThrows(IllegalArgumentException.class,
        () -> Shapes.check(anywhere, shaped(200_000_000, 3), Precision.FLOAT32));
    assertTrue(wide.getMessage().contains("600000000 values"), wide.getMessage());
  }
}
