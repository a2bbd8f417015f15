package dev.descent.app.faults;

import dev.descent.api.Availability;
import dev.descent.api.Dataset;
import dev.descent.api.Fit;
import dev.descent.api.Precision;
import dev.descent.api.Schedule;
import dev.descent.api.Solver;
import dev.descent.api.Workspace;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * Fault-injection plug-ins: each breaks in one of the ways a real backend can, so the tests can
 * check that the race reports it and goes on. Raced only from a plug-ins folder the tests build.
 */
public abstract class FaultySolver implements Solver {

  @Override
  public String description() {
    return "fault injection: " + id();
  }

  @Override
  public Availability availability() {
    return Availability.available("a fault");
  }

  @Override
  public Set<Precision> precisions() {
    return EnumSet.allOf(Precision.class);
  }

  @Override
  public Workspace prepare(Dataset data, Precision precision) {
    return new Workspace() {
      private int calls;

      @Override
      public Fit descend(Schedule schedule) {
        return misbehave(data, schedule, ++calls);
      }

      @Override
      public String device() {
        return "a fault";
      }

      @Override
      public void close() {}
    };
  }

  /** Call number {@code call} (from 1) of this workspace's descend. */
  abstract Fit misbehave(Dataset data, Schedule schedule, int call);

  /** An honest float64 descent of {@code epochs} epochs, for the faults that are lazy only. */
  static Fit descend(Dataset data, Schedule schedule, int epochs) {
    int n = data.samples();
    int m = data.weightCount();
    double[] w = schedule.initialWeights(m);
    double[][] x = new double[m][];
    for (int j = 1; j < m; j++) {
      x[j] = data.column(j - 1);
    }
    double[] d = data.targets();
    double[] g = new double[m];
    for (int epoch = 0; epoch < epochs; epoch++) {
      Arrays.fill(g, 0);
      for (int i = 0; i < n; i++) {
        double y = w[0];
        for (int j = 1; j < m; j++) {
          y += w[j] * x[j][i];
        }
        double e = d[i] - y;
        g[0] += e;
        for (int j = 1; j < m; j++) {
          g[j] += e * x[j][i];
        }
      }
      for (int j = 0; j < m; j++) {
        w[j] += schedule.learningRate() * (2.0 / n * g[j]);
      }
    }
    return Fit.of(w);
  }

  /** Throws in prepare. */
  public static final class ThrowsInPrepare extends FaultySolver {
    @Override
    public String id() {
      return "fault.throws";
    }

    @Override
    public Workspace prepare(Dataset data, Precision precision) {
      throw new IllegalStateException("device lost while preparing");
    }

    @Override
    Fit misbehave(Dataset data, Schedule schedule, int call) {
      throw new AssertionError("unreachable");
    }
  }

  /** Never returns from descend. */
  public static final class Hangs extends FaultySolver {
    @Override
    public String id() {
      return "fault.hangs";
    }

    @Override
    Fit misbehave(Dataset data, Schedule schedule, int call) {
      while (true) {
        try {
          Thread.sleep(60_000);
        } catch (InterruptedException e) {
          // A hung native call does not answer interrupts either.
        }
      }
    }
  }

  /** Ends the JVM from inside descend. */
  public static final class Exits extends FaultySolver {
    @Override
    public String id() {
      return "fault.exits";
    }

    @Override
    Fit misbehave(Dataset data, Schedule schedule, int call) {
      System.err.println("fault.exits: giving up");
      System.exit(3);
      return null;
    }
  }

  /** Writes to an unmapped address: SIGSEGV, as a native library bug would. */
  public static final class CrashesNatively extends FaultySolver {
    @Override
    public String id() {
      return "fault.crashes";
    }

    @Override
    Fit misbehave(Dataset data, Schedule schedule, int call) {
      try {
        Field field = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
        field.setAccessible(true);
        ((sun.misc.Unsafe) field.get(null)).putAddress(16L, 42L);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
      return null;
    }
  }

  /** Finishes quickly with weights that are simply wrong. */
  public static final class WrongWeights extends FaultySolver {
    @Override
    public String id() {
      return "fault.wrong";
    }

    @Override
    Fit misbehave(Dataset data, Schedule schedule, int call) {
      double[] w = new double[data.weightCount()];
      Arrays.fill(w, 42);
      return Fit.of(w);
    }
  }

  /** Honest on odd calls, one epoch short on even ones: the race keeps some call's weights. */
  public static final class SkipsOnAlternateCalls extends FaultySolver {
    @Override
    public String id() {
      return "fault.alternate";
    }

    @Override
    Fit misbehave(Dataset data, Schedule schedule, int call) {
      return descend(data, schedule, schedule.epochs() - (call % 2 == 0 ? 1 : 0));
    }
  }

  /**
   * One epoch short on every call, but only in the first JVM that descends with it (the one that
   * creates the marker file named by the system property {@value #MARKER}; the race's own JVM
   * only lists solvers): honest and repeatable in every other fork.
   */
  public static final class SkipsInOneFork extends FaultySolver {
    public static final String MARKER = "fault.marker";
    private static Boolean lazy;

    @Override
    public String id() {
      return "fault.onefork";
    }

    private static boolean claimMarker() {
      String marker = System.getProperty(MARKER);
      try {
        return marker != null && Files.createFile(Path.of(marker)) != null;
      } catch (IOException e) {
        return false;
      }
    }

    @Override
    Fit misbehave(Dataset data, Schedule schedule, int call) {
      synchronized (SkipsInOneFork.class) {
        if (lazy == null) {
          lazy = claimMarker();
        }
      }
      return descend(data, schedule, schedule.epochs() - (lazy ? 1 : 0));
    }
  }

  /** Cannot even be constructed. */
  public static final class ConstructorThrows extends FaultySolver {
    public ConstructorThrows() {
      throw new UnsatisfiedLinkError("no libfault in java.library.path");
    }

    @Override
    public String id() {
      return "fault.constructor";
    }

    @Override
    Fit misbehave(Dataset data, Schedule schedule, int call) {
      throw new AssertionError("unreachable");
    }
  }
}
