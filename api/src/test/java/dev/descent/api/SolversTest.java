package dev.descent.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SolversTest {

  private final Solvers solvers = Solvers.load(SolversTest.class.getClassLoader());

  @Test
  void brokenProvidersDoNotHideTheGoodOnes() {
    assertEquals(List.of("good", "also.good"), solvers.ids());
  }

  @Test
  void everyBrokenProviderIsReportedWithItsReason() {
    String report = solvers.failures().stream().map(Object::toString)
        .collect(Collectors.joining("\n"));
    assertEquals(6, solvers.failures().size(), report);
    assertTrue(report.contains("dev.descent.api.NoSuchSolverClass"), report);
    assertTrue(report.contains("native library missing"), report);
    assertTrue(report.contains("ExceptionInInitializerError"), report);
    assertTrue(report.contains("NumberFormatException"), report);
    assertTrue(report.contains("duplicate id 'good', already provided by "
        + TestProviders.Good.class.getName()), report);
    assertTrue(report.contains("malformed id 'Bad Id!'"), report);
    assertTrue(report.contains("no id today"), report);
  }

  @Test
  void findsByIdOrNamesTheKnownOnes() {
    assertEquals("good", solvers.byId("good").id());
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> solvers.byId("simd"));
    assertTrue(error.getMessage().startsWith("unknown solver 'simd'; known: good, also.good"),
        error.getMessage());
    assertTrue(error.getMessage().contains("failed to load: 6 provider(s)"), error.getMessage());
  }

  @Test
  void idsFollowThePattern() {
    for (String good : List.of("scalar", "simd.parallel", "tensorflow.loop", "my-org.fast2")) {
      assertTrue(Solvers.ID_PATTERN.matcher(good).matches(), good);
    }
    for (String bad : List.of("", "Scalar", "simd.", ".simd", "a..b", "has space", "-x")) {
      assertTrue(!Solvers.ID_PATTERN.matcher(bad).matches(), bad);
    }
  }
}
