package dev.descent.backend.opencl;

import com.aparapi.device.Device;
import com.aparapi.device.JavaDevice;
import com.aparapi.device.OpenCLDevice;
import com.aparapi.internal.opencl.OpenCLPlatform;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the kernels run: one OpenCL device, or — only when the user allowed it and there is no
 * OpenCL — Aparapi's Java thread pool. Every kernel's {@code Range} is bound to this device, so
 * Aparapi cannot quietly move a kernel elsewhere (see {@link DeviceKernel}).
 */
final class Target {

  /** What {@code device()} says when the kernels run as Java code. */
  static final String JAVA_THREAD_POOL = "Aparapi Java thread pool (no OpenCL)";

  /** GPUs first, then accelerators, then CPUs; the most compute units first within a kind. */
  private static final Comparator<OpenCLDevice> PREFERENCE =
      Comparator.<OpenCLDevice>comparingInt(device -> rank(device.getType()))
          .thenComparing(Comparator.comparingInt(OpenCLDevice::getMaxComputeUnits).reversed())
          .thenComparing(Comparator.comparingLong(OpenCLDevice::getGlobalMemSize).reversed());

  private final Device device;
  private final boolean fp64;
  private final String name;

  private Target(Device device, boolean fp64, String name) {
    this.device = device;
    this.fp64 = fp64;
    this.name = name;
  }

  /** The device the solvers should use, if OpenCL offers any. */
  static Optional<OpenCLDevice> best(List<OpenCLDevice> devices) {
    return devices.stream().min(PREFERENCE);
  }

  static Target openCl(OpenCLDevice device, boolean fp64) {
    return new Target(device, fp64, describe(device));
  }

  /** Aparapi's Java thread pool, described as {@code description}. */
  static Target javaThreadPool(String description) {
    return new Target(JavaDevice.THREAD_POOL, true, description);
  }

  private static int rank(Device.TYPE type) {
    switch (type) {
      case GPU:
        return 0;
      case ACC:
        return 1;
      case CPU:
        return 2;
      default:
        return 3;
    }
  }

  /** "PoCL OpenCL 3.0 cpu pthread-skylake-avx512-AMD EPYC": platform, version, kind, name. */
  private static String describe(OpenCLDevice device) {
    OpenCLPlatform platform = device.getOpenCLPlatform();
    return platformName(platform) + " " + openClVersion(platform.getVersion()) + " "
        + device.getType().name().toLowerCase(Locale.ROOT) + " "
        + String.valueOf(device.getName()).trim();
  }

  private static String platformName(OpenCLPlatform platform) {
    String name = String.valueOf(platform.getName()).trim();
    return name.equals("Portable Computing Language") ? "PoCL" : name;
  }

  /** "OpenCL 3.0" out of "OpenCL 3.0 PoCL 3.1+debian  Linux, None+Asserts, ...". */
  private static String openClVersion(String version) {
    String[] words = String.valueOf(version).trim().split("\\s+");
    return words.length >= 2 ? words[0] + " " + words[1] : String.join(" ", words);
  }

  Device device() {
    return device;
  }

  boolean isOpenCl() {
    return device instanceof OpenCLDevice;
  }

  boolean isPocl() {
    return name.startsWith("PoCL ");
  }

  /** A GPU or accelerator: many work-items per work-group pay off there. */
  boolean isWide() {
    return device.getType() == Device.TYPE.GPU || device.getType() == Device.TYPE.ACC;
  }

  /**
   * Makes Aparapi give every buffer it creates from now on its own device memory
   * ({@code CL_MEM_COPY_HOST_PTR}) instead of the Java array's pinned address
   * ({@code CL_MEM_USE_HOST_PTR}), for every kernel on this device in this JVM. Aparapi's
   * OpenCLDevice says "shared memory" for every device, GPUs included; with explicit transfers
   * that is unsafe, because the device would keep using an address G1 may since have moved the
   * array away from. With copies, a moved array only makes Aparapi re-create the buffer from it.
   */
  void separateBuffers() {
    if (isOpenCl()) {
      ((OpenCLDevice) device).setSharedMemory(false);
    }
  }

  boolean fp64() {
    return fp64;
  }

  /** The device's largest work-group, 1 for the Java thread pool (one thread per work-group). */
  int maxWorkGroupSize() {
    return isOpenCl() ? Math.max(1, device.getMaxWorkGroupSize()) : 1;
  }

  int computeUnits() {
    return isOpenCl() ? Math.max(1, ((OpenCLDevice) device).getMaxComputeUnits()) : 1;
  }

  /** Bytes of local memory per work-group; the Java thread pool has the heap. */
  long localMemory() {
    return isOpenCl() ? ((OpenCLDevice) device).getLocalMemSize() : Long.MAX_VALUE;
  }

  /** Bytes one buffer may take. */
  long maxAllocation() {
    return isOpenCl() ? ((OpenCLDevice) device).getMaxMemAllocSize() : Long.MAX_VALUE;
  }

  /**
   * The platform, version, device and the arithmetic contract in effect: fp64 support and,
   * on PoCL, whether fast-math is really on in this JVM (and says so when it was asked for but
   * cannot be: PoCL reads POCL_EXTRA_BUILD_FLAGS only at start-up).
   */
  String description() {
    if (!isOpenCl()) {
      return name;
    }
    StringBuilder notes = new StringBuilder(fp64 ? "fp64" : "no fp64");
    if (isPocl() && OpenclOptions.fastMathInEffect()) {
      notes.append(", fast-math");
    } else if (OpenclOptions.fastMathRequested()) {
      notes.append(", fast-math requested but not in effect: POCL_EXTRA_BUILD_FLAGS="
          + OpenclOptions.FAST_MATH_FLAG + " must be set before the JVM starts, on PoCL");
    }
    return name + " (" + notes + ")";
  }

  @Override
  public String toString() {
    return description();
  }
}
