package dev.descent.app.race;

import dev.descent.api.Dataset;
import dev.descent.api.Precision;
import dev.descent.api.Schedule;
import dev.descent.reference.Article;
import dev.descent.reference.Standardization;
import dev.descent.reference.StepSize;
import dev.descent.reference.Tolerances;

/**
 * What a race solves: how to make the data, its shape, and the schedule every solver runs. The
 * values of generated data are made only where they are used — in a solver's JVM, or the one
 * that computes the references — so the race's own JVM never holds them.
 *
 * @param recipe where the data comes from
 * @param shape its name, N and p
 * @param schedule learning rate, epochs, starting weights (zero), trace interval
 * @param standardization how the data was scaled, to report weights in the data's own units
 * @param automaticStep whether the learning rate is {@code --mu auto}'s 1/L for this data
 */
public record Problem(DataRecipe recipe, DataShape shape, Schedule schedule,
    Standardization standardization, boolean automaticStep) {

  /** The shape from the recipe; standardised or CSV data is read once here to learn it. */
  public static Problem of(DataRecipe recipe, Schedule schedule) {
    if (recipe.isGenerated() && !recipe.standardize()) {
      return new Problem(recipe, recipe.shape(), schedule, Standardization.NONE, false);
    }
    DataRecipe.Prepared prepared = recipe.prepare(line -> {});
    Dataset data = prepared.data();
    return new Problem(recipe, new DataShape(data.name(), data.samples(), data.features()),
        schedule, prepared.standardization(), false);
  }

  /** Makes (or maps) the data the solvers see; call it where a solver runs, once per prepare. */
  public Dataset data() {
    return recipe.build(line -> {});
  }

  /** The same problem with {@code mu = 1/L}, L the largest curvature of this data's loss. */
  public Problem withAutomaticStep() {
    double mu = StepSize.of(data()).automatic();
    Schedule automatic = new Schedule(mu, schedule.epochs(), schedule.initialWeights(),
        schedule.traceInterval());
    return new Problem(recipe, shape, automatic, standardization, true);
  }

  /** How far a row in this precision may be from its own reference ({@link Tolerances}). */
  public double tolerance(Precision precision) {
    return Tolerances.relative(precision, shape.samples(), shape.weightCount());
  }

  /** Weights the solvers computed, in the data's own units (transformed back if standardised). */
  public double[] inDataUnits(double[] weights) {
    return standardization.toDataUnits(weights);
  }

  /** "article", "synthetic", "blocks" or "csv". */
  public String source() {
    return recipe.source();
  }

  /** Whether this is exactly the article's problem, so its published numbers apply. */
  public boolean isArticle() {
    return recipe.source().equals("article") && recipe.samples() == 10_000
        && recipe.seed() == 444 && recipe.sigma() == 0.1 && !recipe.standardize()
        && schedule.epochs() == Article.EPOCHS
        && schedule.learningRate() == Article.LEARNING_RATE;
  }
}
