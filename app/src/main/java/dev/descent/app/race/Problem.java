package dev.descent.app.race;

import dev.descent.api.Dataset;
import dev.descent.api.Schedule;
import dev.descent.reference.Article;

/**
 * What a race solves: the data and the schedule every solver runs, and the recipe that rebuilds
 * the data in a forked JVM.
 *
 * @param recipe where the data comes from
 * @param data the dataset the recipe makes
 * @param schedule learning rate, epochs, starting weights (zero), trace interval
 */
public record Problem(DataRecipe recipe, Dataset data, Schedule schedule) {

  /** Builds the data from the recipe. */
  public static Problem of(DataRecipe recipe, Schedule schedule) {
    return new Problem(recipe, recipe.build(), schedule);
  }

  /** "article", "synthetic" or "csv". */
  public String source() {
    return recipe.source();
  }

  /** Whether this is exactly the article's problem, so its published numbers apply. */
  public boolean isArticle() {
    return recipe.source().equals("article") && recipe.samples() == 10_000
        && recipe.seed() == 444 && recipe.sigma() == 0.1
        && schedule.epochs() == Article.EPOCHS
        && schedule.learningRate() == Article.LEARNING_RATE;
  }
}
