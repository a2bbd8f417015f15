package dev.descent.backend.opencl;

import com.aparapi.device.OpenCLDevice;
import com.aparapi.exception.CompileFailedException;
import com.aparapi.internal.opencl.OpenCLLoader;
import dev.descent.api.Availability;
import java.util.List;
import java.util.Optional;

/**
 * What this JVM offers the OpenCL solvers, found once: the device they use and whether it has
 * fp64, or why there is none. Probing loads Aparapi's JNI library, asks the OpenCL ICD loader for
 * platforms and compiles one tiny kernel; a failure at any step — a missing libOpenCL.so.1, no
 * ICD, a broken driver, Aparapi itself missing — becomes the reason, never an exception.
 */
final class Platform {

  /** The fix for the commonest reason. */
  static final String HINT = "install pocl-opencl-icd or a GPU driver";

  /** What the solvers say when the probe found no device. */
  static final String NO_PLATFORM = "no OpenCL platform";

  private static Platform probed;

  private final Target target;
  private final String reason;
  private final String hint;

  private Platform(Target target, String reason, String hint) {
    this.target = target;
    this.reason = reason;
    this.hint = hint;
  }

  /** The probe of this JVM, made on first use. Never throws. */
  static synchronized Platform get() {
    if (probed == null) {
      probed = probe();
    }
    return probed;
  }

  private static Platform probe() {
    try {
      AparapiLogging.configure();
      List<OpenCLDevice> devices = OpenCLDevice.listDevices(null);
      Optional<OpenCLDevice> best = Target.best(devices);
      if (best.isEmpty()) {
        String why = OpenCLLoader.isOpenCLAvailable()
            ? NO_PLATFORM
            : NO_PLATFORM + " (Aparapi's JNI library did not load: is libOpenCL.so.1 installed?)";
        return new Platform(null, why, HINT);
      }
      return new Platform(Target.openCl(best.get(), supportsFp64(best.get())), "", "");
    } catch (IllegalStateException e) {
      return new Platform(null, e.getMessage(),
          "run with -Ddescent.verbose=true to see Aparapi's log");
    } catch (LinkageError | RuntimeException e) {
      Availability failed = Availability.unavailable(e, OpenclSolver.hintFor(e));
      return new Platform(null, failed.reason(), failed.hint());
    }
  }

  /**
   * Builds and launches {@link Fp64ProbeKernel} on the device. Any failure other than missing
   * fp64 means the device cannot run kernels at all, and is thrown as an IllegalStateException.
   */
  private static boolean supportsFp64(OpenCLDevice device) {
    Target candidate = Target.openCl(device, true);
    try (DeviceKernel probe = new DeviceKernel(new Fp64ProbeKernel(), candidate)) {
      try {
        probe.compile();
      } catch (IllegalStateException e) {
        if (e.getCause() instanceof CompileFailedException
            && String.valueOf(e.getCause().getMessage()).contains("FP64")) {
          return false;
        }
        throw e;
      }
      probe.shape(1, 1);
      probe.run();
      return true;
    }
  }

  /**
   * Available on the OpenCL device, or in Aparapi's Java thread pool when there is none and the
   * user allowed it ({@code descent.allowFallback=true}, read now, not at probe time).
   */
  Availability availability() {
    Optional<Target> where = target();
    return where.isPresent()
        ? Availability.available(where.get().description())
        : Availability.unavailable(reason, hint);
  }

  /** Where to run, if anywhere. */
  Optional<Target> target() {
    if (target != null) {
      return Optional.of(target);
    }
    if (!OpenclOptions.allowFallback()) {
      return Optional.empty();
    }
    return Optional.of(reason.startsWith(NO_PLATFORM)
        ? Target.javaThreadPool(Target.JAVA_THREAD_POOL)
        : Target.javaThreadPool("Aparapi Java thread pool (OpenCL unusable: " + reason + ")"));
  }
}
