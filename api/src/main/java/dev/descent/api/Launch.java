package dev.descent.api;

import java.util.List;
import java.util.Map;

/**
 * What a JVM that runs a solver needs before it starts: options for the {@code java} command
 * and environment variables. The race applies them to the forked JVM it runs the solver in and
 * records them in its report; a solver raced in-process gets neither, so it must still work (or
 * say it is unavailable, naming the option) without them.
 *
 * @param jvmOptions e.g. {@code ["--add-modules", "jdk.incubator.vector"]}
 * @param environment e.g. {@code {"TF_CPP_MIN_LOG_LEVEL": "3"}}
 */
public record Launch(List<String> jvmOptions, Map<String, String> environment) {

  /** Nothing beyond a plain JVM. */
  public static final Launch NONE = new Launch(List.of(), Map.of());

  /** Copies both into immutable collections. */
  public Launch {
    jvmOptions = List.copyOf(jvmOptions);
    environment = Map.copyOf(environment);
  }
}
