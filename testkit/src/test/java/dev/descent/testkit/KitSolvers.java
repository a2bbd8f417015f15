package dev.descent.testkit;

import dev.descent.api.Availability;
import dev.descent.api.Dataset;
import dev.descent.api.Fit;
import dev.descent.api.Precision;
import dev.descent.api.Schedule;
import dev.descent.api.Solver;
import dev.descent.api.Workspace;
import dev.descent.api.support.EpochWorkspace;
import dev.descent.api.support.Preconditions;
import dev.descent.reference.ReferenceDescent;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Solvers that exist to test the test kit: one honest, and one for each way a solver can be
 * wrong that the kit promises to catch — at least one for every check.
 */
final class KitSolvers {
  private KitSolvers() {}

  /** Honest: the reference of each precision behind the SPI. */
  public static class Honest implements Solver {
    @Override
    public String id() {
      return "kit.honest";
    }

    @Override
    public String description() {
      return "the float64 and float32 references behind the SPI";
    }

    @Override
    public Availability availability() {
      return Availability.available("the calling thread");
    }

    @Override
    public Set<Precision> precisions() {
      return EnumSet.allOf(Precision.class);
    }

    @Override
    public Workspace prepare(Dataset data, Precision precision) {
      if (precision == null || !precisions().contains(precision)) {
        throw new IllegalArgumentException("precision " + precision + " is not supported");
      }
      return workspace(data, precision);
    }

    /** The workspace for a precision prepare has accepted; broken solvers change this. */
    Workspace workspace(Dataset data, Precision precision) {
      return new HonestWorkspace(data, precision);
    }
  }

  /**
   * Honest in float64 only: the base of the broken solvers whose defect has nothing to do with
   * precision, so that the kit's own tests run each check once.
   */
  public static class Honest64 extends Honest {
    @Override
    public Set<Precision> precisions() {
      return EnumSet.of(Precision.FLOAT64);
    }
  }

  static class HonestWorkspace implements Workspace {
    final Dataset data;
    final Precision precision;
    boolean closed;

    HonestWorkspace(Dataset data, Precision precision) {
      this.data = data;
      this.precision = precision;
    }

    @Override
    public Fit descend(Schedule schedule) {
      if (closed) {
        throw new IllegalStateException("closed");
      }
      return ReferenceDescent.descend(data, schedule, precision);
    }

    @Override
    public String device() {
      return "the calling thread";
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  /** Says nothing about itself: a blank description. */
  public static final class BlankDescription extends Honest64 {
    @Override
    public String id() {
      return "kit.blank-description";
    }

    @Override
    public String description() {
      return " ";
    }
  }

  /** Available on every other call, like a probe that races a device's start-up. */
  public static final class FlakyAvailability extends Honest64 {
    private final AtomicLong calls = new AtomicLong();

    @Override
    public String id() {
      return "kit.flaky-availability";
    }

    @Override
    public Availability availability() {
      return calls.getAndIncrement() % 2 == 0
          ? Availability.available("the calling thread")
          : Availability.unavailable("device still starting", "ask again");
    }
  }

  /** Honestly unavailable here, with the reason and the fix. */
  public static final class Unavailable extends Honest64 {
    @Override
    public String id() {
      return "kit.unavailable";
    }

    @Override
    public Availability availability() {
      return Availability.unavailable("no such device in the kit", "none: it is the kit's test");
    }
  }

  /** Returns its first answer for every later call. */
  public static final class Caching extends Honest64 {
    @Override
    public String id() {
      return "kit.caching";
    }

    @Override
    Workspace workspace(Dataset data, Precision precision) {
      return new HonestWorkspace(data, precision) {
        Fit first;

        @Override
        public Fit descend(Schedule schedule) {
          if (first == null) {
            first = super.descend(schedule);
          }
          return first;
        }
      };
    }
  }

  /** Remembers the answer to every schedule it has seen: right answers, no work on repeats. */
  public static final class Memoizing extends Honest64 {
    @Override
    public String id() {
      return "kit.memoizing";
    }

    @Override
    Workspace workspace(Dataset data, Precision precision) {
      return new HonestWorkspace(data, precision) {
        final Map<Schedule, Fit> seen = new HashMap<>();

        @Override
        public Fit descend(Schedule schedule) {
          return seen.computeIfAbsent(schedule, super::descend);
        }
      };
    }
  }

  /**
   * Right to 1e-10, but never the same twice: like a parallel reduction whose order changes
   * from call to call. Within every reference tolerance, so only the repeat check sees it.
   */
  public static final class Unrepeatable extends Honest64 {
    @Override
    public String id() {
      return "kit.unrepeatable";
    }

    @Override
    Workspace workspace(Dataset data, Precision precision) {
      return new HonestWorkspace(data, precision) {
        int calls;

        @Override
        public Fit descend(Schedule schedule) {
          Fit fit = super.descend(schedule);
          if (schedule.epochs() == 0) {
            return fit;
          }
          double[] w = fit.weights();
          double wobble = (++calls % 2 == 0 ? 1e-10 : -1e-10) * Math.abs(w[0]);
          w[0] += wobble;
          return new Fit(w, fit.losses());
        }
      };
    }
  }

  /** Always starts from zero. */
  public static final class IgnoresStart extends Honest64 {
    @Override
    public String id() {
      return "kit.ignores-start";
    }

    @Override
    Workspace workspace(Dataset data, Precision precision) {
      return new HonestWorkspace(data, precision) {
        @Override
        public Fit descend(Schedule schedule) {
          return super.descend(new Schedule(schedule.learningRate(), schedule.epochs(), null,
              schedule.traceInterval()));
        }
      };
    }
  }

  /** Off by one epoch, in float64. */
  public static final class OneEpochShort extends Honest64 {
    @Override
    public String id() {
      return "kit.one-epoch-short";
    }

    @Override
    Workspace workspace(Dataset data, Precision precision) {
      return new OneEpochShortWorkspace(data, precision);
    }
  }

  /** Off by one epoch in float32: 9 999 of the article's 10 000. */
  public static final class OneEpochShortFloat32 extends Honest {
    @Override
    public String id() {
      return "kit.f32-one-epoch-short";
    }

    @Override
    public Set<Precision> precisions() {
      return EnumSet.of(Precision.FLOAT32);
    }

    @Override
    Workspace workspace(Dataset data, Precision precision) {
      return new OneEpochShortWorkspace(data, precision);
    }
  }

  static final class OneEpochShortWorkspace extends HonestWorkspace {
    OneEpochShortWorkspace(Dataset data, Precision precision) {
      super(data, precision);
    }

    @Override
    public Fit descend(Schedule schedule) {
      return super.descend(schedule.withEpochs(Math.max(0, schedule.epochs() - 1)));
    }
  }

  /** Claims float64 only, but prepares float32 too (running it in float64). */
  public static final class AcceptsUnclaimedPrecision extends Honest64 {
    @Override
    public String id() {
      return "kit.accepts-unclaimed-precision";
    }

    @Override
    public Workspace prepare(Dataset data, Precision precision) {
      if (precision == null) {
        throw new IllegalArgumentException("precision = null");
      }
      return new HonestWorkspace(data, Precision.FLOAT64);
    }
  }

  /** Claims float32 and float64, but refuses float32. */
  public static final class RefusesClaimedPrecision extends Honest {
    @Override
    public String id() {
      return "kit.refuses-claimed-precision";
    }

    @Override
    public Workspace prepare(Dataset data, Precision precision) {
      if (precision == Precision.FLOAT32) {
        throw new IllegalArgumentException("precision f32 is not supported after all");
      }
      return super.prepare(data, precision);
    }
  }

  /** Starts from zero when the initial weights have the wrong length, instead of refusing. */
  public static final class AcceptsWrongLengthWeights extends Honest64 {
    @Override
    public String id() {
      return "kit.accepts-wrong-length-weights";
    }

    @Override
    Workspace workspace(Dataset data, Precision precision) {
      return new HonestWorkspace(data, precision) {
        @Override
        public Fit descend(Schedule schedule) {
          double[] given = schedule.initialWeights();
          if (given != null && given.length != data.weightCount()) {
            schedule = new Schedule(schedule.learningRate(), schedule.epochs(), null,
                schedule.traceInterval());
          }
          return super.descend(schedule);
        }
      };
    }
  }

  /** Goes on working after close: close frees nothing and forgets nothing. */
  public static final class WorksAfterClose extends Honest64 {
    @Override
    public String id() {
      return "kit.works-after-close";
    }

    @Override
    Workspace workspace(Dataset data, Precision precision) {
      return new HonestWorkspace(data, precision) {
        @Override
        public void close() {}
      };
    }
  }

  /** Keeps a copy of every dataset it was given, forever. */
  public static final class Leaky extends Honest64 {
    static final List<double[]> KEPT = new ArrayList<>();

    @Override
    public String id() {
      return "kit.leaky";
    }

    @Override
    public Workspace prepare(Dataset data, Precision precision) {
      KEPT.add(data.targets());
      KEPT.add(data.column(0));
      return super.prepare(data, precision);
    }
  }

  /** Starts a Java thread per workspace and never stops it. */
  public static final class ThreadLeaking extends Honest64 {
    static final List<Thread> STARTED = new ArrayList<>();

    /** Ends the leaked threads, for the kit's later tests. */
    static void stopAll() throws InterruptedException {
      for (Thread thread : STARTED) {
        thread.interrupt();
        thread.join();
      }
      STARTED.clear();
    }

    @Override
    public String id() {
      return "kit.thread-leaking";
    }

    @Override
    public Workspace prepare(Dataset data, Precision precision) {
      Thread worker = new Thread(() -> {
        try {
          Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }, "kit-leaked-worker");
      worker.setDaemon(true);
      worker.start();
      STARTED.add(worker);
      return super.prepare(data, precision);
    }
  }

  /**
   * Starts a native pthread per workspace and never stops it, as a native library's thread pool
   * that is not shut down would: invisible to {@link Thread#activeCount()} and to the JVM's
   * thread list, visible in /proc/self/task.
   */
  public static final class NativeThreadLeaking extends Honest64 {
    @Override
    public String id() {
      return "kit.native-thread-leaking";
    }

    @Override
    public Workspace prepare(Dataset data, Precision precision) {
      NativeThreads.startOneThatWaitsForever();
      return super.prepare(data, precision);
    }
  }

  /** Claims float32 but runs it in float64 with the weights 1 % off: far outside tolerance. */
  public static final class SloppyFloat32 extends Honest {
    @Override
    public String id() {
      return "kit.sloppy-f32";
    }

    @Override
    Workspace workspace(Dataset data, Precision precision) {
      if (precision == Precision.FLOAT64) {
        return super.workspace(data, precision);
      }
      return new HonestWorkspace(data, Precision.FLOAT64) {
        @Override
        public Fit descend(Schedule schedule) {
          double[] w = super.descend(schedule).weights();
          for (int j = 0; j < w.length; j++) {
            w[j] *= 1.01;
          }
          return Fit.of(w);
        }
      };
    }
  }

  /**
   * Broken on purpose, for the test only: float32 descent whose sums over the samples are one
   * running float sum each, as {@code scalar.numpy} summed before its sums went in blocks: {@link Float32AtScaleTest}
   * must fail it.
   */
  public static final class RunningFloatSum implements Solver {
    @Override
    public String id() {
      return "kit.running-float-sum";
    }

    @Override
    public String description() {
      return "float32 with one running float sum per gradient component";
    }

    @Override
    public Availability availability() {
      return Availability.available("the calling thread");
    }

    @Override
    public Set<Precision> precisions() {
      return EnumSet.of(Precision.FLOAT32);
    }

    @Override
    public Workspace prepare(Dataset data, Precision precision) {
      Preconditions.checkPrepare(this, data, precision);
      float[][] x = new float[data.weightCount()][];
      for (int j = 1; j < x.length; j++) {
        x[j] = data.columnAsFloats(j - 1);
      }
      float[] d = data.targetsAsFloats();
      return new EpochWorkspace(data.samples(), data.weightCount()) {
        private final float[] w = new float[weightCount];

        @Override
        protected void load(double[] weights) {
          for (int j = 0; j < weightCount; j++) {
            w[j] = (float) weights[j];
          }
        }

        @Override
        protected void epoch(double learningRate) {
          float[] g = new float[weightCount];
          for (int i = 0; i < samples; i++) {
            float e = d[i] - predict(i);
            g[0] += e;
            for (int j = 1; j < weightCount; j++) {
              g[j] += e * x[j][i];
            }
          }
          float f = 2 / (float) samples;
          for (int j = 0; j < weightCount; j++) {
            w[j] += (float) learningRate * (f * g[j]);
          }
        }

        private float predict(int i) {
          float y = w[0];
          for (int j = 1; j < weightCount; j++) {
            y += w[j] * x[j][i];
          }
          return y;
        }

        @Override
        protected double loss() {
          float squares = 0;
          for (int i = 0; i < samples; i++) {
            float e = d[i] - predict(i);
            squares += e * e;
          }
          return squares / samples;
        }

        @Override
        protected double[] weights() {
          return toDouble(w);
        }

        @Override
        protected String describe() {
          return "the calling thread, running float sums";
        }

        @Override
        protected void release() {}
      };
    }
  }
}
