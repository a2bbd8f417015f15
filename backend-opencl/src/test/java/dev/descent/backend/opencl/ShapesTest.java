package dev.descent.backend.opencl;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
    assertTrue(f32.getMessage().contains("opencl.resident takes it in row segments"),
        f32.getMessage());
  }

  @Test
  void residentTakesTwoGibibytesAndMoreInSegmentsOfOneGibibyte() {
    Target anywhere = Target.javaThreadPool("test");
    Segments small = Segments.plan(anywhere, 10_000, 1, Precision.FLOAT32);
    assertEquals(1, small.count());
    assertEquals(10_000, small.rows());
    assertEquals("", small.describe());
    // Still one array just below 2 GiB, as before segments.
    assertEquals(1, Segments.plan(anywhere, (1 << 28) - 64, 1, Precision.FLOAT64).count());

    Segments billion = Segments.plan(anywhere, 1_000_000_000, 1, Precision.FLOAT32);
    assertEquals(1 << 28, billion.rows(), "2^28 floats = 1 GiB per array");
    assertEquals(4, billion.count());
    assertEquals(3 << 28, billion.begin(3));
    assertEquals(1_000_000_000, billion.end(3));
    assertEquals(1_000_000_000, billion.begin(4), "unused fields begin and end at N");
    assertEquals(", data in 4 segments of 268435456 rows", billion.describe());

    Segments f64 = Segments.plan(anywhere, 500_000_000, 1, Precision.FLOAT64);
    assertEquals(1 << 27, f64.rows());
    assertEquals(4, f64.count());
    Segments wide = Segments.plan(anywhere, 200_000_000, 3, Precision.FLOAT32);
    assertEquals(0, wide.rows() % Segments.QUANTUM);
    assertTrue((long) wide.rows() * 3 * 4 <= Segments.MAX_SEGMENT_BYTES);
    assertEquals(3, wide.count());
    assertEquals(8, Segments.plan(anywhere, Integer.MAX_VALUE, 1, Precision.FLOAT32).count());
  }

  @Test
  void residentRefusesWhatEightSegmentsCannotHoldNamingTheNumbers() {
    Target anywhere = Target.javaThreadPool("test");
    IllegalArgumentException many = assertThrows(IllegalArgumentException.class,
        () -> Segments.plan(anywhere, 1_200_000_000, 1, Precision.FLOAT64));
    assertTrue(many.getMessage().contains("N * p = 1200000000 * 1 = 1200000000 values take "
        + "9600000000 bytes: in segments of at most 134217728 rows (1073741824 bytes in one "
        + "array) that is 9 segments, and the kernels have 8"), many.getMessage());
    IllegalArgumentException wide = assertThrows(IllegalArgumentException.class,
        () -> Segments.plan(anywhere, 1_000_000_000, 3, Precision.FLOAT32));
    assertTrue(wide.getMessage().contains("that is 12 segments"), wide.getMessage());
    IllegalArgumentException tooWide = assertThrows(IllegalArgumentException.class,
        () -> Segments.plan(anywhere, 100_000, 5_000, Precision.FLOAT64));
    assertTrue(tooWide.getMessage().contains("p = 5000 is too wide for segments"),
        tooWide.getMessage());
    OpenclResidentSolver resident = new OpenclResidentSolver();
    assertThrows(IllegalArgumentException.class,
        () -> resident.check(anywhere, shaped(1_200_000_000, 1), Precision.FLOAT64));
    assertDoesNotThrow(
        () -> resident.check(anywhere, shaped(1_000_000_000, 1), Precision.FLOAT32));
  }
}
