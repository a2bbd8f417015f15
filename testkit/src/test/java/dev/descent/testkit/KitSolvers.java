package dev.descent.testkit;

import dev.descent.api.Availability;
import dev.descent.api.Dataset;
import dev.descent.api.Fit;
import dev.descent.api.Precision;
import dev.descent.api.Schedule;
import dev.descent.api.Solver;
import dev.descent.api.Workspace;
import dev.descent.reference.ReferenceDescent;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Solvers that exist to test the test kit: one honest, and one for each way a solver can be
 * wrong that the kit promises to catch.
 */
final class KitSolvers {
  private KitSolvers() {}

  /** Honest: the float64 reference itself behind the SPI. */
  public static class Honest implements Solver {
    @Override
    public String id() {
      return "kit.honest";
    }

    @Override
    public String description() {
      return "the float64 reference behind the SPI";
    }

    @Override
    public Availability availability() {
      return Availability.available("the calling thread");
    }

    @Override
    public Set<Precision> precisions() {
      return EnumSet.of(Precision.FLOAT64);
    }

    @Override
    public Workspace prepare(Dataset data, Precision precision) {
      if (precision != Precision.FLOAT64) {
        throw new IllegalArgumentException("precision " + precision + " is not supported");
      }
      return new HonestWorkspace(data);
    }
  }

  static class HonestWorkspace implements Workspace {
    final Dataset data;
    boolean closed;

    HonestWorkspace(Dataset data) {
      this.data = data;
    }

    @Override
    public Fit descend(Schedule schedule) {
      if (closed) {
        throw new IllegalStateException("closed");
      }
      return ReferenceDescent.descend(data, schedule);
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

  /** Returns its first answer for every later call. */
  public static final class Caching extends Honest {
    @Override
    public String id() {
      return "kit.caching";
    }

    @Override
    public Workspace prepare(Dataset data, Precision precision) {
      return new HonestWorkspace(data) {
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
  public static final class Memoizing extends Honest {
    @Override
    public String id() {
      return "kit.memoizing";
    }

    @Override
    public Workspace prepare(Dataset data, Precision precision) {
      super.prepare(data, precision).close();
      return new HonestWorkspace(data) {
        final Map<Schedule, Fit> seen = new HashMap<>();

        @Override
        public Fit descend(Schedule schedule) {
          return seen.computeIfAbsent(schedule, super::descend);
        }
      };
    }
  }

  /** Always starts from zero. */
  public static final class IgnoresStart extends Honest {
    @Override
    public String id() {
      return "kit.ignores-start";
    }

    @Override
    public Workspace prepare(Dataset data, Precision precision) {
      return new HonestWorkspace(data) {
        @Override
        public Fit descend(Schedule schedule) {
          return super.descend(new Schedule(schedule.learningRate(), schedule.epochs(), null,
              schedule.traceInterval()));
        }
      };
    }
  }

  /** Off by one epoch. */
  public static final class OneEpochShort extends Honest {
    @Override
    public String id() {
      return "kit.one-epoch-short";
    }

    @Override
    public Workspace prepare(Dataset data, Precision precision) {
      return new HonestWorkspace(data) {
        @Override
        public Fit descend(Schedule schedule) {
          return super.descend(schedule.withEpochs(Math.max(0, schedule.epochs() - 1)));
        }
      };
    }
  }

  /** Keeps a copy of every dataset it was given, forever. */
  public static final class Leaky extends Honest {
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

  /** Starts a thread per workspace and never stops it. */
  public static final class ThreadLeaking extends Honest {
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
      return super.prepare(data, precision);
    }
  }

  /** Claims float32 but runs it in float64 with the data badly rounded: too far off. */
  public static final class SloppyFloat32 extends Honest {
    @Override
    public String id() {
      return "kit.sloppy-f32";
    }

    @Override
    public Set<Precision> precisions() {
      return EnumSet.allOf(Precision.class);
    }

    @Override
    public Workspace prepare(Dataset data, Precision precision) {
      if (precision == Precision.FLOAT64) {
        return super.prepare(data, precision);
      }
      return new HonestWorkspace(data) {
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
}
