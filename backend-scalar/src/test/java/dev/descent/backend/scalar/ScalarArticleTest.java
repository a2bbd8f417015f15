package dev.descent.backend.scalar;

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

/** The scalar solvers against the article's printed numbers, tighter than the test kit asks. */
class ScalarArticleTest {

  @ParameterizedTest
  @ValueSource(strings = {"scalar", "scalar.numpy", "scalar.gram"})
  void float64ReachesTheArticlesWeightsWithin1e12(String id) {
    Solver solver = Solvers.load().byId(id);
    try (Workspace workspace = solver.prepare(Datasets.article(), Precision.FLOAT64)) {
      Fit fit = workspace.descend(Article.schedule());
      double deviation = Deviation.relative(fit.weights(), Article.descentWeights());
      assertTrue(deviation <= 1e-12, id + " deviates " + deviation + ": " + fit);
    }
  }

  @Test
  void theReferenceItselfReachesTheArticlesWeights() {
    Fit fit = ReferenceDescent.descend(Datasets.article(), Article.schedule());
    assertTrue(Deviation.relative(fit.weights(), Article.descentWeights()) <= 1e-12, fit.toString());
  }

  @Test
  void gramSaysItChangesTheAlgorithmsCost() {
    String description = new ScalarGramSolver().description();
    assertTrue(description.contains("changes the algorithm's cost"), description);
  }

  @Test
  void allThreeAreDiscoveredInOrder() {
    assertEquals(List.of("scalar.numpy", "scalar", "scalar.gram"),
        Solvers.load().ids());
  }
}
