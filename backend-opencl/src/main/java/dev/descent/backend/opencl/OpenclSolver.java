package dev.descent.backend.opencl;

import dev.descent.api.Availability;
import dev.descent.api.Dataset;
import dev.descent.api.Launch;
import dev.descent.api.Precision;
import dev.descent.api.Solver;
import dev.descent.api.Workspace;
import dev.descent.api.support.Preconditions;
import java.util.EnumSet;
import java.util.Set;

/**
 * What both OpenCL solvers share: finding the device, saying honestly where they run, and refusing
 * what the device cannot do.
 *
 * <p>No Aparapi type appears in this class or its subclasses, and nothing here touches Aparapi
 * before {@link #availability()}, {@link #precisions()} or {@link #prepare} is called: a missing
 * libOpenCL, a JNI library that will not load or a missing Aparapi jar becomes "unavailable" with
 * the reason, never an error while ServiceLoader instantiates the solver.
 */
abstract class OpenclSolver implements Solver {

  /** The fix for a failure to reach OpenCL: a missing jar, or a missing driver. */
  static String hintFor(Throwable failure) {
    String message = String.valueOf(failure.getMessage());
    return failure instanceof NoClassDefFoundError
        && (message.contains("aparapi") || message.contains("bcel"))
        ? "put com.aparapi:aparapi:3.0.2 with aparapi-jni and bcel on the class path"
        : Platform.HINT;
  }

  /**
   * Every use of the probe sits inside a try: when the Aparapi jar is missing, even linking
   * {@code Platform} fails (verifying it loads Aparapi's classes), with a NoClassDefFoundError.
   */
  @Override
  public final Availability availability() {
    try {
      return Platform.get().availability();
    } catch (LinkageError | RuntimeException e) {
      return Availability.unavailable(e, hintFor(e));
    }
  }

  /**
   * Both on a device with fp64 (and in the Java fallback), float32 alone on one without; both
   * while unavailable, since nothing can be prepared then anyway.
   */
  @Override
  public final Set<Precision> precisions() {
    Target target = target();
    return target != null && !target.fp64()
        ? EnumSet.of(Precision.FLOAT32) : EnumSet.allOf(Precision.class);
  }

  /** Where to run, or null when nowhere (availability() says why). */
  private static Target target() {
    try {
      return Platform.get().target().orElse(null);
    } catch (LinkageError | RuntimeException e) {
      return null;
    }
  }

  @Override
  public final Workspace prepare(Dataset data, Precision precision) {
    Preconditions.checkPrepare(this, data, precision);
    Target target = target();
    if (target == null) {
      throw new IllegalStateException(id() + " is " + availability());
    }
    if (!target.fp64() && precision == Precision.FLOAT64) {
      throw new IllegalArgumentException("precision " + precision + " (" + precision.shortName()
          + ") is not supported: " + target.description() + " has no fp64");
    }
    check(target, data, precision);
    return open(target, data, precision);
  }

  /**
   * Refuses data the solver's kernels cannot index or the device cannot hold, before anything
   * is allocated; by default one array per column set, at most 2 GiB ({@link Shapes#check}).
   */
  void check(Target target, Dataset data, Precision precision) {
    Shapes.check(target, data, precision);
  }

  /** Builds this solver's workspace on the target. */
  abstract Workspace open(Target target, Dataset data, Precision precision);

  /**
   * The PoCL kernel cache, PoCL's single-threaded device and, when asked for, fast-math, for the
   * forked JVM, plus native access for Aparapi's JNI library (see {@link OpenclOptions#launch}).
   */
  @Override
  public final Launch launch() {
    return OpenclOptions.launch();
  }

  @Override
  public String toString() {
    return id();
  }
}
