package dev.descent.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The value types validate what they are given and never change afterwards. */
class ValuesTest {

  private static void assertRejected(String expectedInMessage, Runnable creation) {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, creation::run);
    assertTrue(error.getMessage().contains(expectedInMessage),
        "'" + expectedInMessage + "' in: " + error.getMessage());
  }

  @Test
  void datasetRejectsEmptyRaggedAndNonFiniteData() {
    assertRejected("N = 0", () -> Dataset.of("t", new double[][] {{}}, new double[0]));
    assertRejected("p = 0", () -> Dataset.of("t", new double[0][], new double[] {1}));
    assertRejected("x2 has 1 values but there are N = 2",
        () -> Dataset.of("t", new double[][] {{1, 2}, {3}}, new double[] {1, 2}));
    assertRejected("x1[1] = NaN",
        () -> Dataset.of("t", new double[][] {{1, Double.NaN}}, new double[] {1, 2}));
    assertRejected("d[0] = Infinity",
        () -> Dataset.of("t", new double[][] {{1, 2}}, new double[] {Double.POSITIVE_INFINITY, 2}));
  }

  @Test
  void datasetCopiesItsInputAndItsOutput() {
    double[] x = {1, 2, 3};
    double[] d = {4, 5, 6};
    Dataset data = Dataset.of("t", new double[][] {x}, d);
    x[0] = 99;
    d[0] = 99;
    data.column(0)[1] = 99;
    data.targets()[1] = 99;
    assertArrayEquals(new double[] {1, 2, 3}, data.column(0));
    assertArrayEquals(new double[] {4, 5, 6}, data.targets());
    assertEquals(3, data.samples());
    assertEquals(1, data.features());
    assertEquals(2, data.weightCount());
  }

  @ParameterizedTest
  @CsvSource({"0, 10, mu = 0.0", "-1, 10, mu = -1.0", "NaN, 10, mu = NaN",
      "Infinity, 10, mu = Infinity", "0.1, -1, epochs = -1"})
  void scheduleRejectsBadValues(double mu, int epochs, String message) {
    assertRejected(message, () -> Schedule.of(mu, epochs));
  }

  /**
   * A generated dataset makes its values on request: floats come rounded from the same values
   * without a double copy of the column, a block read gives the same values, and a value that is
   * not finite is refused when read, naming the column and the index.
   */
  @Test
  void generatedDataIsReadInEitherPrecisionAndCheckedAsItIsRead() {
    int n = 200_000;
    Dataset data = Dataset.generated("ramp", n, 2, "ramp(n=200000)",
        (column, from, into, offset, length) -> {
          for (int i = 0; i < length; i++) {
            into[offset + i] = (column + 1) * 0.1 * (from + i) + 1.0 / 3;
          }
        });
    assertEquals(3, data.weightCount());
    assertEquals("ramp(n=200000)", data.recipe().orElseThrow());
    double[] x2 = data.column(1);
    float[] x2f = data.columnAsFloats(1);
    assertEquals(n, x2f.length);
    for (int i = 0; i < n; i += 997) {
      assertEquals(2 * 0.1 * i + 1.0 / 3, x2[i], 0);
      assertEquals((float) x2[i], x2f[i], 0);
    }
    double[] block = new double[5];
    data.read(2, 150_000, block, 0, 5);
    assertEquals(data.targets()[150_004], block[4], 0);
    assertEquals((float) block[4], data.targetsAsFloats()[150_004], 0);
    assertThrows(IndexOutOfBoundsException.class, () -> data.read(2, n - 2, block, 0, 5));
    float[] floats = new float[70_003];
    data.read(1, 100_000, floats, 2, 70_001);
    assertEquals(0f, floats[0], 0);
    assertEquals(x2f[100_000], floats[2], 0);
    assertEquals(x2f[170_000], floats[70_002], 0);
    assertThrows(IndexOutOfBoundsException.class, () -> data.read(1, n - 2, floats, 0, 5));
    assertThrows(IndexOutOfBoundsException.class, () -> data.read(3, 0, floats, 0, 5));

    Dataset broken = Dataset.generated("holes", 10, 1, null,
        (column, from, into, offset, length) -> {
          for (int i = 0; i < length; i++) {
            into[offset + i] = from + i == 7 && column == 1 ? Double.NaN : 1;
          }
        });
    assertTrue(broken.recipe().isEmpty());
    broken.column(0);
    assertRejected("d[7] = NaN", broken::targets);
    assertRejected("d[7] = NaN", broken::targetsAsFloats);
    assertRejected("N = 0", () -> Dataset.generated("none", 0, 1, null, (c, f, a, o, l) -> {}));
    assertRejected("p = 0", () -> Dataset.generated("none", 1, 0, null, (c, f, a, o, l) -> {}));
  }

  @Test
  void scheduleChecksWeightsAndTrace() {
    assertRejected("traceInterval = -2", () -> new Schedule(0.1, 5, null, -2));
    assertRejected("initialWeights[1] = NaN", () -> Schedule.of(0.1, 5).withInitialWeights(1, Double.NaN));
    assertRejected("initialWeights has 2 values but the model has 3 weights",
        () -> Schedule.of(0.1, 5).withInitialWeights(1, 2).initialWeights(3));
    assertArrayEquals(new double[3], Schedule.of(0.1, 5).initialWeights(3));
    assertEquals(4, Schedule.of(0.1, 30).tracedEvery(10).traceLength());
    assertEquals(3, Schedule.of(0.1, 29).tracedEvery(10).traceLength());
    assertEquals(0, Schedule.of(0.1, 29).traceLength());
    double[] start = {1, 2};
    Schedule schedule = Schedule.of(0.1, 5).withInitialWeights(start);
    start[0] = 99;
    assertArrayEquals(new double[] {1, 2}, schedule.initialWeights());
  }

  @ParameterizedTest
  @CsvSource({"f64, FLOAT64", "FLOAT64, FLOAT64", "double, FLOAT64", "f32, FLOAT32",
      "float, FLOAT32", " F32 , FLOAT32"})
  void precisionParsesItsNames(String text, Precision expected) {
    assertEquals(expected, Precision.parse(text));
  }

  @Test
  void precisionNamesAnUnknownValue() {
    assertRejected("precision: unknown value 'f16'", () -> Precision.parse("f16"));
  }

  @Test
  void availabilitySaysWhyAndHow() {
    assertEquals("unavailable: no OpenCL platform (install pocl-opencl-icd)",
        Availability.unavailable("no OpenCL platform", "install pocl-opencl-icd").toString());
    assertEquals("available on CPU", Availability.available("CPU").toString());
    assertRejected("must say why", () -> Availability.unavailable(" ", ""));
  }

  @Test
  void fitCopiesItsArrays() {
    double[] w = {1, 2};
    Fit fit = Fit.of(w);
    w[0] = 5;
    fit.weights()[1] = 5;
    assertArrayEquals(new double[] {1, 2}, fit.weights());
    assertEquals(0, fit.losses().length);
  }
}
