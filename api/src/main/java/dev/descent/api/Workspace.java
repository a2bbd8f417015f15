package dev.descent.api;

/**
 * One dataset resident where a solver computes, ready to descend from any starting point any
 * number of times.
 *
 * <p>Not thread-safe: the race calls it from one thread. After {@link #close()} every other
 * method throws {@link IllegalStateException}.
 */
public interface Workspace extends AutoCloseable {

  /**
   * Runs the schedule's epochs from its initial weights and returns the final weights (and the
   * loss trace if asked for). Timed by the race as <em>solve</em>. Each call starts afresh:
   * nothing from an earlier call may be reused except the resident data.
   *
   * @throws IllegalArgumentException when the schedule's initial weights are not p + 1 values
   */
  Fit descend(Schedule schedule);

  /**
   * Where the work really ran, in words: {@code "AVX-512, 8 x f64 lanes"},
   * {@code "PoCL OpenCL 3.0 cpu (fp64)"}, {@code "Aparapi Java thread pool (no OpenCL)"}. A
   * library that fell back from the device it was asked for says so here.
   */
  String device();

  /**
   * How many cores the epochs run on, for the race's roofline: a single-threaded kernel is held
   * to one core's memory bandwidth, a parallel one to the whole machine's. Most solvers run on
   * the calling thread: 1.
   */
  default int threads() {
    return 1;
  }

  /** Frees native memory, sessions, kernels and threads. Idempotent; never throws. */
  @Override
  void close();
}
