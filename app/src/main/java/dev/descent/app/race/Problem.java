package dev.descent.app.race;

import dev.descent.api.Dataset;
import dev.descent.api.Schedule;
import dev.descent.reference.Article;

/**
 * What a race solves: how to make the data, its shape, and the schedule every solver runs. The
 * data itself is made only where it is used — in a solver's JVM — so the race's own JVM never
 * holds N values of generated data.
 *
 * @param recipe where the data comes from
 * @param shape its name, N and p
 * @param schedule learning rate, epochs, starting weights (zero), trace interval
 */
public record Problem(DataRecipe recipe, DataShape shape, Schedule schedule) {

  public static Problem of(DataRecipe recipe, Schedule schedule) {
    return new Problem(recipe, recipe.shape(), schedule);
  }

  /** Makes (or maps) the data; call it where a solver runs, once per prepare. */
  public Dataset data() {
    return recipe.build(line -> {});
  }

  /** "article", "synthetic", "blocks" or "csv". */
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
