package dev.descent.app.race;

/**
 * What the race's own JVM knows of the data: its name and size, not its values.
 *
 * @param name a short human description
 * @param samples N
 * @param features p
 */
public record DataShape(String name, int samples, int features) {

  /** p + 1. */
  public int weightCount() {
    return features + 1;
  }
}
