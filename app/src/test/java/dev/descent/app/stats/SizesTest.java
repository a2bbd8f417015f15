package dev.descent.app.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SizesTest {

  @ParameterizedTest
  @CsvSource({"10000, 10000", "1e6, 1000000", "1E6, 1000000", "2.5e8, 250000000", "10k, 10000",
      "1M, 1000000", "1G, 1000000000", "1.5k, 1500", "10_000, 10000", "' 42 ', 42",
      "2147483647, 2147483647"})
  void readsSizesAsPeopleWriteThem(String text, int expected) {
    assertEquals(expected, Sizes.parse("--n", text, 1));
  }

  @ParameterizedTest
  @CsvSource({"abc, not a size", "1.5, not a whole number", "1e-3, not a whole number",
      "0, must be >= 1", "-5, must be >= 1", "3e9, above the largest size", "1T, not a size",
      "'', not a size"})
  void namesTheOptionAndTheValueWhenItIsNoSize(String text, String problem) {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> Sizes.parse("--n", text, 1));
    assertTrue(error.getMessage().startsWith("--n = '" + text + "'"), error.getMessage());
    assertTrue(error.getMessage().contains(problem), error.getMessage());
  }
}
