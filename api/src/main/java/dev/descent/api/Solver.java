package dev.descent.api;

import java.util.OptionalDouble;
import java.util.Set;

/**
 * A gradient-descent solver: the service a backend provides.
 *
 * <p>Found by {@link java.util.ServiceLoader}, so it needs a public no-argument constructor.
 * That constructor and {@link #id()}, {@link #description()}, {@link #precisions()} and
 * {@link #availability()} must be cheap and must not load native libraries in a way that can
 * fail: a backend whose library is missing is still listed, as unavailable with the reason.
 *
 * <p>Rules every solver keeps (the test kit, {@code dev.descent.testkit.SolverContractTest},
 * checks them):
 *
 * <ul>
 *   <li><b>honest</b>: the same function on any valid input; no caching of results across
 *       calls; {@link Workspace#device()} tells where it really ran;
 *   <li><b>clean</b>: {@link Workspace#close()} frees everything; thousands of prepare/close
 *       cycles do not grow memory or threads;
 *   <li><b>strict</b>: bad input gets an {@link IllegalArgumentException} naming the field and
 *       the value.
 * </ul>
 */
public interface Solver {

  /**
   * The stable, unique, lower-case id used on the command line and in reports: dot-separated
   * words of {@code a-z}, {@code 0-9} and {@code -}, backend first, e.g. {@code scalar},
   * {@code simd.parallel}, {@code tensorflow.loop}.
   */
  String id();

  /** One line for humans: what this solver does and how. */
  String description();

  /**
   * Whether this solver can run here. Cheap, idempotent and never throws: a failure to load a
   * library is returned as {@link Availability#unavailable(String, String)} with the fix.
   */
  Availability availability();

  /** The precisions {@link #prepare} accepts; never empty. */
  Set<Precision> precisions();

  /**
   * Makes a dataset resident where this solver computes: allocate, convert, upload, compile,
   * build graphs. Timed by the race as <em>setup</em>.
   *
   * @throws IllegalArgumentException naming the precision when it is not in
   *     {@link #precisions()}
   * @throws IllegalStateException when the solver is unavailable
   */
  Workspace prepare(Dataset data, Precision precision);

  /**
   * What a JVM that runs this solver needs on its command line and in its environment. Most
   * solvers need nothing.
   */
  default Launch launch() {
    return Launch.NONE;
  }

  /**
   * The memory a workspace for N samples of p features in this precision holds: the race sizes
   * the solver's JVM by it and skips the solver, saying why, when the machine cannot hold it.
   * Cheap and never throws. The default is the data alone in the precision's width; a solver
   * that keeps more (per-sample scratch arrays, native tensors, device buffers, a second copy)
   * says so.
   */
  default Footprint footprint(long samples, int features, Precision precision) {
    return Footprint.ofData(samples, features, precision);
  }

  /**
   * About how many seconds one call of {@code descend} takes for this problem here, when the
   * solver can tell (a fixed cost per epoch that dominates, as a cluster job's); empty when it
   * cannot. The race leaves out of its default selection a solver whose one call would take
   * minutes, and says how to race it; and it makes no warm-up call for a solver whose one call
   * would outlast its time budget (the call is timed instead, unless it turns out shorter).
   */
  default OptionalDouble estimatedSeconds(long samples, int features, int epochs,
      Precision precision) {
    return OptionalDouble.empty();
  }
}
