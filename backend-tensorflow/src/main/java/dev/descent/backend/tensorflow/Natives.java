package dev.descent.backend.tensorflow;

import dev.descent.api.Availability;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.TensorFlow;
import org.tensorflow.op.Ops;

/**
 * TensorFlow's native libraries, loaded once per JVM on first use, and what came of it.
 *
 * <p>The first load unpacks about 680 MB from the {@code tensorflow-core-native} jar into
 * JavaCPP's cache ({@code ~/.javacpp/cache}, moved with {@code -Dorg.bytedeco.javacpp.cachedir});
 * that takes seconds once, later loads well under one. A load that fails — no native jar for
 * this platform, a glibc too old, a full disk — is kept as the reason every solver of this
 * module is unavailable; it is never thrown at the race.
 *
 * <p>The probe also runs one tiny graph, because TensorFlow's first session run in a process
 * initialises its optimisation passes and writes its one-time absl/MLIR log lines then: better
 * while the race probes availability than in the middle of a timed descent.
 */
final class Natives {

  /** What {@link #availability()} suggests when the natives cannot be loaded. */
  static final String HINT = "TensorFlow Java 1.x needs org.tensorflow:tensorflow-core-native"
      + " with the classifier of this platform (e.g. linux-x86_64, glibc 2.17+) on the class path"
      + " and ~700 MB free in ~/.javacpp/cache (-Dorg.bytedeco.javacpp.cachedir=DIR moves it)";

  private Natives() {}

  /**
   * The outcome of the one load.
   *
   * @param availability available with the runtime's versions, or unavailable with the reason
   * @param runtime "TensorFlow 2.18.0, TF Java 1.1.0"; empty when unavailable
   * @param xla whether this build registers XLA's launch op, which {@code tensorflow.xla} needs
   */
  record Status(Availability availability, String runtime, boolean xla) {}

  /**
   * What a successful load learnt.
   *
   * @param description "TensorFlow 2.18.0, TF Java 1.1.0"
   * @param xla whether the build registers XLA's launch op
   */
  record Build(String description, boolean xla) {}

  /** Lazy holder: the JVM runs {@link #probe} once, on the first call that needs it. */
  private static final class Loaded {
    static final Status STATUS = probe(Natives::loadAndWarmUp);
  }

  /** Available with the runtime's versions, or unavailable with the loader's reason. */
  static Availability availability() {
    return Loaded.STATUS.availability();
  }

  /** "TensorFlow 2.18.0, TF Java 1.1.0"; empty when the natives did not load. */
  static String runtime() {
    return Loaded.STATUS.runtime();
  }

  /** Whether the loaded build can compile with XLA (false when nothing loaded). */
  static boolean hasXla() {
    return Loaded.STATUS.xla();
  }

  /** Runs a loader and turns any failure to load or link into an unavailable status. */
  static Status probe(Callable<Build> loader) {
    try {
      Build build = loader.call();
      return new Status(Availability.available(build.description()), build.description(),
          build.xla());
    } catch (Exception | LinkageError e) {
      return new Status(Availability.unavailable(reasonOf(e), HINT), "", false);
    }
  }

  /** The failure and, when it wraps another, the root cause: that is where the loader says why. */
  static String reasonOf(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String reason = describe(failure);
    return root == failure ? reason : reason + " (caused by " + describe(root) + ")";
  }

  private static String describe(Throwable e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName()
        + (message == null || message.isBlank() ? "" : ": " + message);
  }

  /** Read once, when JavaCPP's Pointer class initialises: before TensorFlow's first class. */
  private static void liftJavacppLimits() {
    for (String property : TensorflowSolver.UNLIMITED_JAVACPP) {
      if (System.getProperty(property) == null) {
        System.setProperty(property, "0");
      }
    }
  }

  private static Build loadAndWarmUp() {
    liftJavacppLimits();
    String version = TensorFlow.version();
    boolean xla = TensorFlow.registeredOpList().getOpList().stream()
        .anyMatch(op -> op.getName().equals("XlaLaunch"));
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      tf.withName("probe").identity(tf.constant(1.0f));
      try (Session session = new Session(graph, Sessions.config(ThreadSettings.MEASURED_BEST));
          Result result = session.runner().fetch("probe").run()) {
        if (result.size() != 1) {
          throw new IllegalStateException("TensorFlow's probe run returned " + result.size()
              + " tensors instead of 1");
        }
      }
    }
    return new Build("TensorFlow " + version + ", TF Java " + javaApiVersion(), xla);
  }

  /** The version of tensorflow-core-api, from the Maven metadata in its jar. */
  private static String javaApiVersion() {
    String resource = "/META-INF/maven/org.tensorflow/tensorflow-core-api/pom.properties";
    try (InputStream in = TensorFlow.class.getResourceAsStream(resource)) {
      if (in == null) {
        return "(version unknown)";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "(version unknown)");
    } catch (IOException e) {
      return "(version unknown)";
    }
  }
}
