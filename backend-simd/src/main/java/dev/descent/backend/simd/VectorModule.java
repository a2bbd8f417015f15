package dev.descent.backend.simd;

import dev.descent.api.Availability;
import dev.descent.api.Launch;
import java.util.List;
import java.util.Map;

/**
 * Whether {@code jdk.incubator.vector} is loaded, asked before any class that uses it is touched.
 *
 * <p>An incubator module is resolved only when the JVM is started with {@code --add-modules}; a
 * class that names one of its types fails with {@link NoClassDefFoundError} the first time it
 * runs otherwise. Looking the module up in the boot layer costs nothing and cannot fail, so the
 * solvers ask here first and load the kernel classes only when it answers yes.
 */
final class VectorModule {

  /** The incubator module's name. */
  static final String NAME = "jdk.incubator.vector";

  /** What {@link #availability} says when the module is missing. */
  static final String MISSING = "the Vector API module " + NAME + " is not loaded";

  /** How to fix it. */
  static final String HINT = "start the JVM with --add-modules " + NAME;

  /** The JVM options a forked JVM needs for this backend. */
  static final Launch LAUNCH = new Launch(List.of("--add-modules", NAME), Map.of());

  private static volatile Availability cached;

  private VectorModule() {}

  /** The availability in this JVM; computed once, since the boot layer never changes. */
  static Availability availability() {
    Availability result = cached;
    if (result == null) {
      result = availability(ModuleLayer.boot());
      cached = result;
    }
    return result;
  }

  /**
   * The availability where {@code layer} is the layer the kernels would link against: unavailable
   * with {@link #MISSING} and {@link #HINT} when the module is not in it; otherwise available on
   * the preferred species, or unavailable with the failure when even that cannot be loaded.
   */
  static Availability availability(ModuleLayer layer) {
    if (layer.findModule(NAME).isEmpty()) {
      return Availability.unavailable(MISSING, HINT);
    }
    try {
      return Availability.available(Lanes.summary());
    } catch (LinkageError | RuntimeException e) {
      return Availability.unavailable(e, HINT);
    }
  }
}
