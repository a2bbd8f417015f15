package dev.descent.backend.tensorflow;

/**
 * TensorFlow's two thread pools, as a session is told to size them.
 *
 * <p>On this project's 2-core machines one intra-op thread and no inter-op pool at all (a
 * negative count: every op runs on the thread that called {@code Session.run}) was fastest by
 * far, well ahead of TensorFlow's defaults (one thread per core in each pool; the README has the
 * table), because the ops of one epoch are tiny and handing them to other threads costs more
 * than it saves. Larger problems on bigger machines may want more; the system properties
 * {@value #INTRA_PROPERTY} and {@value #INTER_PROPERTY} override the defaults.
 *
 * <p>No TensorFlow type appears here, so that reading the settings never loads the natives.
 *
 * @param intraOp threads one op may split its work across; 0 lets TensorFlow pick (one per core)
 * @param interOp threads that run independent ops side by side; 0 lets TensorFlow pick, a
 *     negative count runs every op on the calling thread
 */
record ThreadSettings(int intraOp, int interOp) {

  /** System property overriding the intra-op thread count. */
  static final String INTRA_PROPERTY = "descent.tensorflow.intraOpThreads";

  /** System property overriding the inter-op thread count. */
  static final String INTER_PROPERTY = "descent.tensorflow.interOpThreads";

  /** The measured best on 2 cores: see the class comment. */
  static final ThreadSettings MEASURED_BEST = new ThreadSettings(1, -1);

  /** Rejects an intra-op count below zero, which TensorFlow would silently treat as zero. */
  ThreadSettings {
    if (intraOp < 0) {
      throw new IllegalArgumentException(INTRA_PROPERTY + " = " + intraOp + ": must be >= 0");
    }
  }

  /**
   * The defaults, overridden by the system properties where they are set.
   *
   * @throws IllegalArgumentException naming the property and value when one is not an integer
   */
  static ThreadSettings fromSystemProperties() {
    return new ThreadSettings(
        read(INTRA_PROPERTY, MEASURED_BEST.intraOp), read(INTER_PROPERTY, MEASURED_BEST.interOp));
  }

  private static int read(String property, int fallback) {
    String text = System.getProperty(property);
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          property + " = '" + text + "': must be an integer thread count", e);
    }
  }

  /** "intra-op 1, inter-op on the calling thread": what a device() line reports. */
  String describe() {
    String intra = intraOp == 0 ? "intra-op TensorFlow's default" : "intra-op " + intraOp;
    String inter = interOp < 0 ? "inter-op on the calling thread"
        : interOp == 0 ? "inter-op TensorFlow's default" : "inter-op " + interOp;
    return intra + ", " + inter;
  }
}
