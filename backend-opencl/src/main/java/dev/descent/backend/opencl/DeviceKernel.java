package dev.descent.backend.opencl;

import com.aparapi.Kernel;
import com.aparapi.Range;
import com.aparapi.device.Device;
import com.aparapi.exception.CompileFailedException;
import com.aparapi.exception.QueryFailedException;
import com.aparapi.internal.kernel.KernelManager;
import java.lang.reflect.Field;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One Aparapi kernel pinned to its {@link Target}, run so that Aparapi cannot fall back without
 * it being noticed.
 *
 * <p>Left to itself, Aparapi turns any failure on an OpenCL device — a construct it cannot
 * translate, a build error, a failed launch — into a silent re-run in a Java thread pool, and
 * remembers the device as failed for that kernel class for the rest of the JVM. Three things stop
 * that here: {@link #compile()} uses {@link Kernel#compile}, which throws instead of falling
 * back; every launch uses a {@link Range} bound to the device, which makes Aparapi throw an
 * AssertionError where it would have moved on; and after every launch the device must not be on
 * the kernel class's failed list. Any of them ends the solve with an IllegalStateException.
 * ({@code getExecutionMode()} says AUTO either way and proves nothing.) In the Java fallback the
 * kernel class may use the thread pool only, and after a launch must still be on it.
 */
final class DeviceKernel implements AutoCloseable {

  private static final AtomicInteger LIVE = new AtomicInteger();

  private final Kernel kernel;
  private final Target target;
  private Range range;
  private boolean built;
  private boolean launched;
  private boolean disposed;

  DeviceKernel(Kernel kernel, Target target) {
    this.kernel = kernel;
    this.target = target;
    if (!target.isOpenCl()) {
      // A Range keeps only OpenCL devices; without this Aparapi would first try its
      // "alternative algorithm" device for the kernel class, fail, and log it.
      KernelManager.instance().setPreferredDevices(kernel,
          new LinkedHashSet<>(List.of(target.device())));
    }
    LIVE.incrementAndGet();
  }

  /** Kernels made and not yet closed, in this JVM: what a leak would make grow. */
  static int live() {
    return LIVE.get();
  }

  /** Translates and builds the kernel for the device (setup time); never falls back. */
  void compile() {
    if (!target.isOpenCl()) {
      return;
    }
    try {
      built = true;
      kernel.compile(target.device());
    } catch (CompileFailedException e) {
      throw new IllegalStateException(name() + " could not be built for " + target.description()
          + ": " + e.getMessage() + " (descent does not fall back to Java silently)", e);
    }
  }

  /** The largest work-group the built kernel allows on the device. */
  int maxWorkGroupSize() {
    int device = target.maxWorkGroupSize();
    if (!target.isOpenCl()) {
      return device;
    }
    try {
      return Math.max(1, Math.min(device, kernel.getKernelMaxWorkGroupSize(target.device())));
    } catch (QueryFailedException e) {
      return device;
    }
  }

  /** Sets the launch shape: {@code groups} work-groups of {@code localSize} work-items. */
  void shape(int groups, int localSize) {
    range = Range.create(target.device(), groups * localSize, localSize);
  }

  /** Runs the kernel once on the target; throws if Aparapi tried to run it anywhere else. */
  void run() {
    run(1);
  }

  /**
   * Runs the kernel {@code passes} times back to back in one Aparapi launch, {@code getPassId()}
   * counting from 0: the arrays go to the device before the first pass and come back after the
   * last, and between passes Aparapi's JNI code only waits for the previous pass and enqueues the
   * next.
   */
  void run(int passes) {
    if (disposed) {
      throw new IllegalStateException("kernel " + name() + " is disposed");
    }
    try {
      kernel.execute(range, passes);
      launched = true;
    } catch (AssertionError e) {
      throw fellBack(e.getMessage(), e);
    }
    if (target.isOpenCl()) {
      if (failedDevice()) {
        throw fellBack("Aparapi marked the device failed for this kernel class", null);
      }
    } else if (kernel.getTargetDevice() != target.device()) {
      throw fellBack("Aparapi chose " + kernel.getTargetDevice().getShortDescription(), null);
    }
  }

  private boolean failedDevice() {
    Device device = target.device();
    return KernelManager.instance().getPreferences(kernel).getFailedDevices().contains(device);
  }

  private IllegalStateException fellBack(String detail, Throwable cause) {
    return new IllegalStateException(name() + " failed on " + target.description()
        + " and Aparapi wanted to run it in Java instead (" + detail + "); descent refuses to "
        + "fall back silently — run with -Ddescent.verbose=true to see why", cause);
  }

  private String name() {
    return kernel.getClass().getSimpleName();
  }

  /**
   * Releases the OpenCL context, program, kernel and buffers, and Aparapi's thread pool.
   *
   * <p>Except after a build that never launched: Aparapi's native JNIContext leaves its argument
   * table (and, when the build failed, its queue and program handles) uninitialised until the
   * first launch, and disposing it then dereferences garbage — a SIGSEGV in
   * {@code JNIContext::dispose}. The workspaces launch once right after building, so this only
   * happens on a failure path, where leaking one context beats crashing the JVM.
   */
  @Override
  public void close() {
    if (disposed) {
      return;
    }
    disposed = true;
    try {
      shutDownThreadPool(kernel);
      if (!built || launched) {
        kernel.dispose();
      }
    } finally {
      LIVE.decrementAndGet();
    }
  }

  /**
   * Aparapi gives every kernel instance its own ForkJoinPool and never shuts it down ("we are
   * using a shared pool", says its dispose(), but the field is per instance). On OpenCL it never
   * starts a thread; in the Java fallback each closed workspace would leave a worker behind
   * for a minute. Reflection is the only way in; if it fails, the workers still end on their own.
   */
  private static void shutDownThreadPool(Kernel kernel) {
    try {
      Field runnerField = Kernel.class.getDeclaredField("kernelRunner");
      runnerField.setAccessible(true);
      Object runner = runnerField.get(kernel);
      if (runner == null) {
        return;
      }
      Field poolField = runner.getClass().getDeclaredField("threadPool");
      poolField.setAccessible(true);
      Object pool = poolField.get(runner);
      if (pool instanceof ExecutorService) {
        ExecutorService executor = (ExecutorService) pool;
        executor.shutdown();
        // shutdown() only asks; close() promises the workers are gone when it returns.
        executor.awaitTermination(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ReflectiveOperationException | RuntimeException e) {
      // Idle ForkJoinPool workers time out after 60 s; nothing else depends on this.
    }
  }
}
