package dev.descent.app.race;

import dev.descent.api.Dataset;
import dev.descent.api.Schedule;
import dev.descent.reference.Article;
import dev.descent.reference.Standardization;
import dev.descent.reference.StepSize;

/**
 * What a race solves: the data and the schedule every solver runs, and the recipe that rebuilds
 * the data in a forked JVM.
 *
 * @param recipe where the data comes from
 * @param data the dataset the recipe makes (standardised when the recipe says so)
 * @param schedule learning rate, epochs, starting weights (zero), trace interval
 * @param standardization how the data was scaled, to report weights in the data's own units
 * @param automaticStep whether the learning rate is {@code --mu auto}'s 1/L for this data
 */
public record Problem(DataRecipe recipe, Dataset data, Schedule schedule,
    Standardization standardization, boolean automaticStep) {

  /** Builds the data from the recipe. */
  public static Problem of(DataRecipe recipe, Schedule schedule) {
    DataRecipe.Prepared prepared = recipe.prepare();
    return new Problem(recipe, prepared.data(), schedule, prepared.standardization(), false);
  }

  /** The same problem with {@code mu = 1/L}, L the largest curvature of this data's loss. */
  public Problem withAutomaticStep() {
    double mu = StepSize.of(data).automatic();
    Schedule automatic = new Schedule(mu, schedule.epochs(), schedule.initialWeights(),
        schedule.traceInterval());
    return new Problem(recipe, data, automatic, standardization, true);
  }

  /** Weights the solvers computed, in the data's own units (transformed back if standardised). */
  public double[] inDataUnits(double[] weights) {
    return standardization.toDataUnits(weights);
  }

  /** "article", "synthetic" or "csv". */
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
