package dev.descent.backend.simd;

import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed team of worker threads that run one part each of every epoch while the calling thread
 * runs part 0, and meet at a spin barrier.
 *
 * <p>Why spin: handing work to a parked thread and waiting for it to park again costs more than
 * an epoch of the article's problem takes, and a ForkJoinPool task per epoch made two threads
 * far slower than one (both measured in the README's Threads notes). Here the caller
 * publishes an epoch by bumping a volatile generation number that the workers spin on, and each
 * worker answers by storing that number into its own cache line, which the caller spins on. A
 * worker that has seen no new epoch for {@link #SPIN_NANOS} parks, so that a team between
 * descents costs no CPU; the caller unparks it with the next epoch.
 *
 * <p>Why a caller never waits long: the machines are shared, and a worker that loses its core
 * to another process stops for a scheduler time slice, milliseconds, which a barrier would
 * charge to every epoch it falls in. So the caller, done with part 0, waits for each worker's
 * answer only for a grace of a few times part 0's own time. Past it, the caller runs the part
 * itself: into the worker's scratch after claiming the part (compare-and-set on the worker's
 * line) when the worker has not started it, or into a spare scratch of its own when the worker
 * is still busy, whose late result is then ignored. Either way the sums are the same bits,
 * because a part's sums depend only on the weights and the data, and the parts are added in
 * part order. Nor does the caller wait at all for a worker that has not even claimed its part by
 * the time part 0 is done: that worker has no core right now, and the caller runs the part.
 *
 * <p>Why a losing worker rests: on two cores shared with one busy process, a worker that keeps
 * spinning is a third runnable thread, and the scheduler takes its time slices from the caller
 * as much as from the other process, while the caller does the work anyway. So a worker whose
 * part the caller ran {@link #LOSSES_BEFORE_REST} epochs in a row (taken before it could claim
 * it, or finished after the caller had moved on) sleeps between looks at the generation, from
 * {@link #FIRST_REST_NANOS} doubling to {@link #LONGEST_REST_NANOS}, and spins again once it wins
 * a part. A contended team then runs at about one thread's speed instead of collapsing (the
 * README has the numbers).
 *
 * <p>The volatile writes order everything else: the weights the caller writes before bumping
 * the generation are seen by a worker that reads the new generation, and the sums a worker
 * writes before its answer are seen by the caller that reads it.
 */
final class Team implements AutoCloseable {

  /** One part of an epoch's work; part 0 runs on the caller's thread. */
  interface Task {
    /**
     * Runs part {@code part} into the part's own scratch, or, when {@code spare}, into a second
     * scratch for the part that only the caller uses.
     */
    void run(int part, boolean spare);
  }

  /** How long an idle worker spins before it parks. */
  static final long SPIN_NANOS = 1_000_000;

  /** A worker that lost this many parts in a row to the caller rests instead of spinning... */
  static final int LOSSES_BEFORE_REST = 4;

  /** ...first this long between looks at the generation... */
  static final long FIRST_REST_NANOS = 50_000;

  /** ...doubling with every further loss up to this. */
  static final long LONGEST_REST_NANOS = 1_000_000;

  /** A resting worker that has seen no epoch for this long parks like an idle one. */
  private static final long RESTING_IDLE_NANOS = 20_000_000;

  /** The caller waits this many times its own part's time for a worker's answer... */
  private static final long GRACE_FACTOR = 2;

  /** ...plus this, about a wake-up from park, before it runs the part itself. */
  private static final long GRACE_NANOS = 20_000;

  /** Ints per flag: 32 ints = 128 bytes, two lines, past the adjacent-line prefetcher. */
  private static final int STRIDE = 32;

  /** The same in longs. */
  private static final int LONG_STRIDE = 16;

  private final Task task;
  private final Thread[] workers;
  /**
   * The last epoch each part was claimed for, by its worker or by the caller. Epochs are longs:
   * an int would wrap after 2^31 epochs, half an hour of a small problem.
   */
  private final AtomicLongArray claims;
  /** The last epoch each part was finished for; equal to its claim when nobody is running it. */
  private final AtomicLongArray answers;
  /** The last epoch in which the caller ran each part into its spare, not waiting for it. */
  private final AtomicLongArray sparedAt;
  private final AtomicIntegerArray parked;
  private volatile long generation;
  private volatile boolean stopping;
  private volatile Throwable failure;
  private boolean closed;

  /** Starts {@code parts - 1} daemon workers, named after {@code name}. */
  Team(int parts, Task task, String name) {
    if (parts < 2) {
      throw new IllegalArgumentException("parts = " + parts + ": a team needs at least 2");
    }
    this.task = task;
    this.workers = new Thread[parts - 1];
    this.claims = new AtomicLongArray((parts + 1) * LONG_STRIDE);
    this.answers = new AtomicLongArray((parts + 1) * LONG_STRIDE);
    this.sparedAt = new AtomicLongArray((parts + 1) * LONG_STRIDE);
    this.parked = new AtomicIntegerArray((parts + 1) * STRIDE);
    for (int k = 0; k < workers.length; k++) {
      int part = k + 1;
      Thread worker = new Thread(() -> work(part), name + "-" + part);
      worker.setDaemon(true);
      workers[k] = worker;
    }
    try {
      for (Thread worker : workers) {
        worker.start();
      }
    } catch (RuntimeException | Error e) {
      close();
      throw e;
    }
  }

  /** Whether the last epoch's part {@code part} went to its spare scratch. */
  boolean spared(int part) {
    long epoch = generation;
    return epoch > 0 && sparedAt.get(part * LONG_STRIDE) == epoch;
  }


  /** Runs every part of one epoch and returns when all are done. */
  void run() {
    if (closed) {
      throw new IllegalStateException("team is closed");
    }
    long epoch = generation + 1;
    generation = epoch;
    for (int part = 1; part <= workers.length; part++) {
      if (parked.get(part * STRIDE) != 0) {
        LockSupport.unpark(workers[part - 1]);
      }
    }
    long start = System.nanoTime();
    runPart(0, false);
    long now = System.nanoTime();
    long deadline = now + GRACE_FACTOR * (now - start) + GRACE_NANOS;
    for (int part = 1; part <= workers.length; part++) {
      if (claims.get(part * LONG_STRIDE) < epoch || !awaitAnswer(part, epoch, deadline)) {
        takeOver(part, epoch);
      }
    }
    Throwable thrown = failure;
    if (thrown != null) {
      failure = null;
      throw new IllegalStateException("a part of a simd.parallel epoch failed: " + thrown, thrown);
    }
  }

  /** Whether the part's answer for this epoch came before the deadline. */
  private boolean awaitAnswer(int part, long epoch, long deadline) {
    int spins = 0;
    while (answers.get(part * LONG_STRIDE) != epoch) {
      if (++spins % 64 == 0 && System.nanoTime() > deadline) {
        return false;
      }
      Thread.onSpinWait();
    }
    return true;
  }

  /** The caller runs a part whose worker is late: claimed if the worker is idle, else spare. */
  private void takeOver(int part, long epoch) {
    long claim = claims.get(part * LONG_STRIDE);
    if (claim < epoch && answers.get(part * LONG_STRIDE) == claim
        && claims.compareAndSet(part * LONG_STRIDE, claim, epoch)) {
      runPart(part, false);
      answers.set(part * LONG_STRIDE, epoch);
    } else if (answers.get(part * LONG_STRIDE) != epoch) {
      sparedAt.set(part * LONG_STRIDE, epoch);
      runPart(part, true);
    }
  }

  /**
   * Runs a part, keeping a failure for the caller to throw once the epoch is over: leaving an
   * epoch half done would leave the claims and answers out of step.
   */
  private void runPart(int part, boolean spare) {
    try {
      task.run(part, spare);
    } catch (Throwable e) {
      failure = e;
    }
  }

  private void work(int part) {
    long seen = 0;
    int losses = 0;
    long rest = 0;
    while (true) {
      long epoch = awaitEpoch(part, seen, rest);
      if (epoch == seen) {
        return;
      }
      seen = epoch;
      long claim = claims.get(part * LONG_STRIDE);
      boolean won = false;
      if (claim < epoch && claims.compareAndSet(part * LONG_STRIDE, claim, epoch)) {
        runPart(part, false);
        answers.set(part * LONG_STRIDE, epoch);
        won = sparedAt.get(part * LONG_STRIDE) != epoch;
      }
      losses = won ? 0 : losses + 1;
      rest = losses < LOSSES_BEFORE_REST ? 0
          : rest == 0 ? FIRST_REST_NANOS : Math.min(LONGEST_REST_NANOS, 2 * rest);
    }
  }

  /**
   * The next generation after {@code seen}, or {@code seen} itself when the team stops; spinning,
   * or with {@code rest > 0} sleeping that long between looks.
   */
  private long awaitEpoch(int part, long seen, long rest) {
    long spinStart = System.nanoTime();
    long idleAfter = rest == 0 ? SPIN_NANOS : RESTING_IDLE_NANOS;
    int spins = 0;
    while (true) {
      long epoch = generation;
      if (epoch != seen) {
        return epoch;
      }
      if (stopping) {
        return seen;
      }
      if (rest == 0 && ++spins % 1024 != 0) {
        Thread.onSpinWait();
      } else if (System.nanoTime() - spinStart <= idleAfter) {
        if (rest > 0) {
          LockSupport.parkNanos(this, rest);
        }
      } else {
        // Announce before the last look: the caller bumps the generation and then reads this
        // flag, so one of the two sees the other's write and no wake-up is lost.
        parked.set(part * STRIDE, 1);
        if (generation == seen && !stopping) {
          LockSupport.park(this);
        }
        parked.set(part * STRIDE, 0);
        spinStart = System.nanoTime();
      }
    }
  }

  /** Stops the workers and waits until every one has ended. Idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    stopping = true;
    boolean interrupted = false;
    for (Thread worker : workers) {
      LockSupport.unpark(worker);
      while (worker.isAlive()) {
        try {
          worker.join();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
