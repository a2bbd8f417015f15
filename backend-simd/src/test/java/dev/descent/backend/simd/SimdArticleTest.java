package dev.descent.backend.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.api.Fit;
import dev.descent.api.Precision;
import dev.descent.api.Schedule;
import dev.descent.api.Solver;
import dev.descent.api.Solvers;
import dev.descent.api.Workspace;
import dev.descent.reference.Article;
import dev.descent.reference.Datasets;
import dev.descent.reference.Deviation;
import dev.descent.reference.ReferenceDescent;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Both solvers on the article's problem, tighter than the test kit asks. */
class SimdArticleTest {

  @ParameterizedTest
  @ValueSource(strings = {"simd", "simd.parallel"})
  void float64AgreesWithTheReferenceWithin1e12(String id) {
    Fit reference = ReferenceDescent.descend(Datasets.article(), Article.schedule());
    try (Workspace workspace = Solvers.load().byId(id)
        .prepare(Datasets.article(), Precision.FLOAT64)) {
      Fit fit = workspace.descend(Article.schedule());
      double deviation = Deviation.relative(fit.weights(), reference.weights());
      assertTrue(deviation <= 1e-12, id + " deviates " + deviation + " from the reference: " + fit);
      assertTrue(Deviation.relative(fit.weights(), Article.descentWeights()) <= 1e-12,
          id + " misses the article's weights: " + fit);
    }
  }

  @Test
  void theTeamAgreesWithTheReferenceWithin1e12() {
    Fit reference = ReferenceDescent.descend(Datasets.article(), Article.schedule());
    try (Workspace workspace = new SimdParallelSolver(0)
        .prepare(Datasets.article(), Precision.FLOAT64)) {
      Fit fit = workspace.descend(Article.schedule());
      assertTrue(Deviation.relative(fit.weights(), reference.weights()) <= 1e-12, fit.toString());
    }
  }

  @Test
  void bothAreDiscoveredInOrderAndAskForTheIncubatorModule() {
    Solvers solvers = Solvers.load();
    assertEquals(List.of(), solvers.failures());
    List<String> ids = solvers.ids();
    assertTrue(ids.indexOf("simd") >= 0 && ids.indexOf("simd") < ids.indexOf("simd.parallel"),
        ids.toString());
    for (String id : List.of("simd", "simd.parallel")) {
      Solver solver = solvers.byId(id);
      assertEquals(List.of("--add-modules", "jdk.incubator.vector"),
          solver.launch().jvmOptions());
      assertTrue(solver.launch().environment().isEmpty());
      assertTrue(solver.description().contains("float32 sums blocks in float, the blocks in a double"),
          solver.description());
    }
  }

  @Test
  void devicesNameTheSpeciesAndThreads() {
    Solver simd = new SimdSolver();
    assertTrue(simd.availability().available(), simd.availability().toString());
    assertTrue(simd.availability().device().contains(" x f64 / "),
        simd.availability().device());
    try (Workspace f64 = simd.prepare(Datasets.article(), Precision.FLOAT64);
        Workspace f32 = simd.prepare(Datasets.article(), Precision.FLOAT32)) {
      String lanes64 = Lanes.F64.length() + " x f64 lanes";
      String lanes32 = Lanes.F32.length() + " x f32 lanes";
      assertTrue(f64.device().startsWith(Lanes.isa(Lanes.F64.vectorBitSize()) + ", " + lanes64),
          f64.device());
      assertTrue(f64.device().contains("1 thread"), f64.device());
      assertTrue(f32.device().contains(lanes32 + ", sums in f32"), f32.device());
    }
    try (Workspace small = new SimdParallelSolver()
        .prepare(Datasets.article(), Precision.FLOAT64)) {
      String expected = Runtime.getRuntime().availableProcessors() < 2
          ? "1 thread: only 1 CPU available"
          : "1 thread: 160000 B per epoch is below the 2-thread threshold of 524288 B";
      assertTrue(small.device().contains(expected), small.device());
    }
    try (Workspace team = new SimdParallelSolver(0)
        .prepare(Datasets.article(), Precision.FLOAT32)) {
      int cores = Runtime.getRuntime().availableProcessors();
      String expected = cores < 2 ? "1 thread" : cores + " threads at a spin barrier";
      assertTrue(team.device().contains(expected), team.device());
    }
  }

  @Test
  void namesTheInstructionSetOfEachWidth() {
    assertEquals("AVX-512", Lanes.isa(512, "amd64"));
    assertEquals("AVX2", Lanes.isa(256, "x86_64"));
    assertEquals("SSE", Lanes.isa(128, "amd64"));
    assertEquals("NEON", Lanes.isa(128, "aarch64"));
    assertEquals("SVE 512-bit", Lanes.isa(512, "aarch64"));
    assertEquals("256-bit vectors", Lanes.isa(256, "riscv64"));
  }
}
