package dev.descent.backend.tensorflow;

import java.util.Optional;
import java.util.TreeSet;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.DeviceStepStats;
import org.tensorflow.proto.RunMetadata;
import org.tensorflow.proto.RunOptions;

/** How this module configures sessions and learns where their ops ran. */
final class Sessions {

  private Sessions() {}

  /** The session configuration: the thread pools, set explicitly, nothing else changed. */
  static ConfigProto config(ThreadSettings threads) {
    return ConfigProto.newBuilder()
        .setIntraOpParallelismThreads(threads.intraOp())
        .setInterOpParallelismThreads(threads.interOp())
        .build();
  }

  /**
   * Runs a prepared runner once with a software trace and returns the devices its ops ran on,
   * e.g. {@code "CPU:0"} or {@code "GPU:0 + CPU:0"}: TensorFlow places ops itself (on a GPU when a
   * GPU build finds one), so only a trace says where they really went.
   */
  static String tracePlacement(Session.Runner runner) {
    RunOptions options = RunOptions.newBuilder()
        .setTraceLevel(RunOptions.TraceLevel.SOFTWARE_TRACE)
        .build();
    try (Result result = runner.setOptions(options).runAndFetchMetadata()) {
      Optional<RunMetadata> metadata = result.getMetadata();
      TreeSet<String> devices = new TreeSet<>((a, b) -> rank(a) != rank(b)
          ? Integer.compare(rank(a), rank(b)) : a.compareTo(b));
      metadata.ifPresent(m -> {
        for (DeviceStepStats stats : m.getStepStats().getDevStatsList()) {
          devices.add(shortName(stats.getDevice()));
        }
      });
      return devices.isEmpty() ? "an unreported device" : String.join(" + ", devices);
    }
  }

  /** Accelerators first, so "GPU:0 + CPU:0" reads as where the work went. */
  private static int rank(String device) {
    return device.startsWith("CPU") ? 1 : 0;
  }

  /** "/job:localhost/replica:0/task:0/device:CPU:0" to "CPU:0". */
  static String shortName(String device) {
    int at = device.lastIndexOf("device:");
    return at < 0 ? device : device.substring(at + "device:".length());
  }
}
