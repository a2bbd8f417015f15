package dev.descent.app;

import dev.descent.api.Dataset;
import dev.descent.api.Schedule;

/**
 * What a race solves: the data and the schedule every solver runs, and the words that say where
 * the data came from.
 *
 * @param data the dataset
 * @param schedule learning rate, epochs, starting weights (zero)
 * @param source "article", "synthetic" or "csv"
 */
public record Problem(Dataset data, Schedule schedule, String source) {

  /** Whether this is exactly the article's problem, so its published numbers apply. */
  public boolean isArticle() {
    return source.equals("article") && data.samples() == 10_000
        && data.name().contains("seed 444") && data.name().contains("sigma 0.1")
        && schedule.epochs() == Schedule.ARTICLE_EPOCHS
        && schedule.learningRate() == Schedule.ARTICLE_LEARNING_RATE;
  }
}
