package dev.descent.backend.tensorflow;

import dev.descent.api.Availability;
import dev.descent.api.Dataset;
import dev.descent.api.Footprint;
import dev.descent.api.Launch;
import dev.descent.api.Precision;
import dev.descent.api.Solver;
import dev.descent.api.Workspace;
import dev.descent.api.support.Preconditions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the TensorFlow solvers share: both precisions, availability from the one native load,
 * the thread settings, and the JVM a forked race gives them.
 *
 * <p>No TensorFlow type appears in this class or its subclasses' signatures or static state:
 * ServiceLoader instantiates them even where the natives (or the TensorFlow jars) are missing,
 * and then only {@link #availability()} says so.
 */
abstract class TensorflowSolver implements Solver {

  /** The system property the app's {@code --verbose} sets; "true" lets TensorFlow's log through. */
  static final String VERBOSE_PROPERTY = "descent.verbose";

  /**
   * JavaCPP's limits on the memory its pointers may hold, as system properties. By default they
   * follow the heap (with a 256 MB heap it refused anything past a 1 GB resident set), but this
   * module's data live natively and its heap stays small whatever N is, so a fork sized by
   * {@link #footprint} fails at N = 1e8 with "Physical memory usage is too high".
   * The footprint accounts for the native memory instead; "0" turns JavaCPP's checks off.
   */
  static final List<String> UNLIMITED_JAVACPP =
      List.of("org.bytedeco.javacpp.maxBytes", "org.bytedeco.javacpp.maxPhysicalBytes");

  @Override
  public final Availability availability() {
    try {
      Availability natives = Natives.availability();
      if (natives.available() && needsXla() && !Natives.hasXla()) {
        return Availability.unavailable("this TensorFlow build has no XLA JIT (no XlaLaunch op)",
            "use a tensorflow-core-native build with XLA, as the linux-x86_64 one is");
      }
      return natives;
    } catch (LinkageError e) {
      // The TensorFlow jars themselves are missing or broken, so Natives could not even link.
      return Availability.unavailable(Natives.reasonOf(e), Natives.HINT);
    }
  }

  /** Whether this solver compiles with XLA, which not every TensorFlow build carries. */
  boolean needsXla() {
    return false;
  }

  @Override
  public final Set<Precision> precisions() {
    return EnumSet.allOf(Precision.class);
  }

  @Override
  public final Workspace prepare(Dataset data, Precision precision) {
    Preconditions.checkPrepare(this, data, precision);
    return open(data, precision, ThreadSettings.fromSystemProperties());
  }

  /** Builds the workspace: graph, session, warm-up run. */
  abstract Workspace open(Dataset data, Precision precision, ThreadSettings threads);

  /**
   * TensorFlow's natives once loaded and a session run: the growth of a JVM's resident memory
   * from loading them to the end of a small prepare (measured 270–300 MB; README).
   */
  static final long RUNTIME_BYTES = 320L << 20;

  /**
   * The heap a workspace needs: the data reach native memory through a few blocks of
   * {@link Design#CHUNK} values, so this is the same for every N.
   */
  static final long HEAP_BYTES = 16L << 20;

  /**
   * Native memory beyond the data at a workspace's peak, in units of the data's size: the copy
   * a variable's assign makes while the fed tensor is still open (steps), the per-epoch
   * temporaries (y, e and the blocked products, as large as Xᵀ), XLA's buffers, and what the
   * allocator keeps. Measured 0.64–1.14 at N = 1e7 and 1e8 for all three solvers (README).
   */
  static final double WORKING_COPIES = 1.3;

  /**
   * What a workspace holds at its peak (prepare or descend), measured as the growth of VmRSS with
   * a fixed, pre-touched heap (README): a few blocks of heap; natively TensorFlow's runtime, the
   * data (Xᵀ with its row of ones and d, padded to whole blocks in blocked float32) and
   * {@link #WORKING_COPIES} more of the data's size.
   */
  @Override
  public final Footprint footprint(long samples, int features, Precision precision) {
    long padded = SampleSums.padded(Math.max(samples, 1), precision);
    long data = padded * (features + 2) * Footprint.bytes(precision);
    return new Footprint(HEAP_BYTES, RUNTIME_BYTES + (long) (data * (1 + WORKING_COPIES)));
  }

  /**
   * TensorFlow's native log silenced (unless {@value #VERBOSE_PROPERTY} is "true"), JavaCPP's
   * heap-derived memory limits off ({@link #UNLIMITED_JAVACPP}), and on JDK 22+ the options
   * that let JavaCPP load natives and protobuf use {@code sun.misc.Unsafe} without warnings. The fork runs the same {@code java} as this JVM, so this JVM's version
   * decides which options it understands.
   */
  @Override
  public final Launch launch() {
    return launch(Runtime.version().feature(), Boolean.getBoolean(VERBOSE_PROPERTY));
  }

  static Launch launch(int javaFeatureVersion, boolean verbose) {
    List<String> options = new ArrayList<>();
    for (String property : UNLIMITED_JAVACPP) {
      options.add("-D" + property + "=0");
    }
    if (javaFeatureVersion >= 22) {
      options.add("--enable-native-access=ALL-UNNAMED");
    }
    if (javaFeatureVersion >= 23) {
      options.add("--sun-misc-unsafe-memory-access=allow");
    }
    Map<String, String> environment = verbose ? Map.of() : Map.of("TF_CPP_MIN_LOG_LEVEL", "3");
    return new Launch(options, environment);
  }

  @Override
  public String toString() {
    return id();
  }
}
