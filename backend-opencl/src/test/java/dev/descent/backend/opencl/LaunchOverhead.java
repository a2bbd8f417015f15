package dev.descent.backend.opencl;

import com.aparapi.Kernel;

/**
 * What one Aparapi launch costs on this JVM's device, for the README: a kernel that stores one
 * int, run as {@code calls} separate {@code execute(range)} calls and as one
 * {@code execute(range, passes)} of as many passes; prints microseconds per launch and per pass.
 * Not a test: run it by hand, in a JVM with the environment to measure (POCL_DEVICES and so on).
 *
 * <pre>java -cp target/test-classes:target/classes:CLASSPATH
 *     dev.descent.backend.opencl.LaunchOverhead [calls] [groups] [localSize]</pre>
 */
public final class LaunchOverhead {

  private LaunchOverhead() {}

  /** The least a launch can do: one store, so the kernel is not empty after translation. */
  static final class TinyKernel extends Kernel {
    int[] out = new int[1];

    @Override
    public void run() {
      if (getGlobalId() == 0) {
        out[0] = getPassId();
      }
    }
  }

  public static void main(String[] args) {
    int calls = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int groups = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    int localSize = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    Target target = Platform.get().target().orElseThrow(
        () -> new IllegalStateException("no OpenCL: " + Platform.get().availability()));
    try (DeviceKernel kernel = new DeviceKernel(new TinyKernel(), target)) {
      kernel.compile();
      kernel.shape(groups, localSize);
      for (int round = 0; round < 3; round++) {
        long start = System.nanoTime();
        for (int call = 0; call < calls; call++) {
          kernel.run();
        }
        double perCall = (System.nanoTime() - start) / 1e3 / calls;
        start = System.nanoTime();
        kernel.run(calls);
        double perPass = (System.nanoTime() - start) / 1e3 / calls;
        System.out.printf("%s, %d x %d: execute(range) %.1f us per call, "
            + "execute(range, %d) %.1f us per pass%n", target.description(), groups, localSize,
            perCall, calls, perPass);
      }
    }
  }
}
