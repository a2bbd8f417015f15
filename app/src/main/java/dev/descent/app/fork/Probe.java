package dev.descent.app.fork;

import dev.descent.api.Precision;
import java.util.List;

/**
 * Where a solver would run, as a probe found it.
 *
 * @param availability "available on …" or "unavailable: …"
 * @param precisions the precisions it claims there; empty when its JVM did not answer
 */
public record Probe(String availability, List<Precision> precisions) {

  static Probe lost(String why) {
    return new Probe("unavailable: " + why, List.of());
  }
}
