package dev.descent.reference;

import static dev.descent.reference.Fixtures.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Checks the port against glibc's own outputs, recorded in glibc-log.txt (see README.md). */
class GlibcLogTest {
  private static final List<long[]> PAIRS = Fixtures.hexRows("glibc-log.txt");

  @Test
  void fixtureIsComplete() {
    assertEquals(20_091, PAIRS.size());
  }

  @Test
  void matchesGlibcBitForBitOnEveryFixtureInput() {
    List<String> differences = new ArrayList<>();
    for (long[] pair : PAIRS) {
      double x = Double.longBitsToDouble(pair[0]);
      double expected = Double.longBitsToDouble(pair[1]);
      double actual = GlibcLog.log(x);
      if (Double.doubleToRawLongBits(actual) != pair[1]) {
        differences.add("log(" + hex(x) + ") = " + hex(actual) + ", glibc " + hex(expected));
      }
    }
    assertEquals(List.of(), differences.subList(0, Math.min(10, differences.size())),
        differences.size() + " of " + PAIRS.size() + " differ from glibc");
  }

  @Test
  void earnsItsPlaceMathLogRoundsSomeFixtureInputsDifferently() {
    // If the JDK ever matched glibc everywhere, the port could go; it does not today.
    long mathLogDifferences = PAIRS.stream()
        .filter(pair -> Double.doubleToRawLongBits(Math.log(Double.longBitsToDouble(pair[0])))
            != pair[1])
        .count();
    long strictMathLogDifferences = PAIRS.stream()
        .filter(pair -> Double.doubleToRawLongBits(StrictMath.log(Double.longBitsToDouble(pair[0])))
            != pair[1])
        .count();
    assertTrue(mathLogDifferences > 0, "Math.log agrees with glibc on every fixture input");
    assertTrue(strictMathLogDifferences > 0, "StrictMath.log agrees with glibc on every input");
  }

  @Test
  void specialValues() {
    assertEquals(Double.NEGATIVE_INFINITY, GlibcLog.log(0.0));
    assertEquals(Double.NEGATIVE_INFINITY, GlibcLog.log(-0.0));
    assertEquals(Double.POSITIVE_INFINITY, GlibcLog.log(Double.POSITIVE_INFINITY));
    assertEquals(0L, Double.doubleToRawLongBits(GlibcLog.log(1.0)), "log(1) is +0");
    assertTrue(Double.isNaN(GlibcLog.log(-1.0)));
    assertTrue(Double.isNaN(GlibcLog.log(-Double.MIN_VALUE)));
    assertTrue(Double.isNaN(GlibcLog.log(Double.NEGATIVE_INFINITY)));
    assertTrue(Double.isNaN(GlibcLog.log(Double.NaN)));
  }
}
