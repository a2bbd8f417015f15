package dev.descent.backend.python;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.api.Fit;
import dev.descent.api.Precision;
import dev.descent.api.Solver;
import dev.descent.api.Solvers;
import dev.descent.api.Workspace;
import dev.descent.reference.Article;
import dev.descent.reference.Datasets;
import dev.descent.reference.Deviation;
import dev.descent.reference.ReferenceDescent;
import dev.descent.reference.Tolerances;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Python solvers on the article's own problem. */
class PythonArticleTest {

  /**
   * The article's np_descent, verbatim, on data NumPy makes itself from the article's recipe:
   * whatever this prints is what the article's code gives with this NumPy.
   */
  private static final String ARTICLE_SCRIPT = String.join("\n",
      "import numpy as np",
      "np.random.seed(444)",
      "N = 10000",
      "noise = 0.1 * np.random.randn(N)",
      "x = np.linspace(0, 2, N)",
      "d = 3 + 2 * x + noise",
      "def np_descent(x, d, mu, N_epochs):",
      "    N = len(x); f = 2 / N",
      "    y = np.zeros(N); err = np.zeros(N); w = np.zeros(2); grad = np.empty(2)",
      "    for _ in range(N_epochs):",
      "        np.subtract(d, y, out=err)",
      "        grad[:] = f * np.sum(err), f * (err @ x)",
      "        w = w + mu * grad",
      "        y = w[0] + w[1] * x",
      "    return w",
      "w = np_descent(x, d, 0.001, 10000)",
      "print(w[0].hex(), w[1].hex())");

  /**
   * python.numpy in float64 gives, bit for bit, what the article's own code gives when NumPy
   * generates the data. On this machine (NumPy 1.24.2 and 2.4.6 alike) that is
   * [2.9598598524161557, 2.032964963000276], one unit in the last place from the article's
   * printed [2.959859852416156, 2.0329649630002757] in each weight: np.sum is pairwise, and the
   * printed numbers are what a left-to-right sum gives (scalar.numpy's, bit for bit).
   */
  @Test
  void numpyFloat64IsTheArticlesCodeBitForBit() throws Exception {
    Solver solver = available("python.numpy");
    double[] expected = runArticleScript();
    try (Workspace workspace = solver.prepare(Datasets.article(), Precision.FLOAT64)) {
      Fit fit = workspace.descend(Article.schedule());
      assertArrayEquals(expected, fit.weights(), 0.0,
          "python.numpy " + Arrays.toString(fit.weights()) + " vs the article's code "
              + Arrays.toString(expected));
      double deviation = Deviation.relative(fit.weights(), Article.descentWeights());
      assertTrue(deviation <= 1e-15, "deviates " + deviation + " from the printed weights");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"python.pure", "python.gram", "python.numpy"})
  void everyPrecisionIsWithinTheReferenceTolerance(String id) {
    Solver solver = available(id);
    for (Precision precision : solver.precisions()) {
      try (Workspace workspace = solver.prepare(Datasets.article(), precision)) {
        Fit fit = workspace.descend(Article.schedule());
        Fit reference = ReferenceDescent.descend(Datasets.article(), Article.schedule(), precision);
        double deviation = Deviation.relative(fit.weights(), reference.weights());
        double tolerance = Tolerances.relative(precision, Article.SAMPLES);
        System.out.printf("%s %s: w = %s, deviation %.2g (tolerance %.2g)%n", id,
            precision.shortName(), Arrays.toString(fit.weights()), deviation, tolerance);
        assertTrue(deviation <= tolerance, id + " " + precision + " deviates " + deviation
            + " > " + tolerance + ": " + fit + " vs " + reference);
      }
    }
  }

  private static Solver available(String id) {
    Solver solver = Solvers.load().byId(id);
    Assumptions.assumeTrue(solver.availability().available() || RequireAvailable.isSet(),
        () -> id + " is " + solver.availability());
    return solver;
  }

  private static double[] runArticleScript() throws IOException, InterruptedException {
    Process process = new ProcessBuilder(
        PythonRuntime.configuredInterpreter(), "-c", ARTICLE_SCRIPT)
        .redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the article's script did not finish");
    String[] words = output.trim().split("\\s+");
    assertTrue(process.exitValue() == 0 && words.length == 2, output);
    return new double[] {hex(words[0]), hex(words[1])};
  }

  /** Python's float.hex() is Java's hexadecimal literal, less the suffix. */
  private static double hex(String text) {
    return Double.parseDouble(text);
  }
}
