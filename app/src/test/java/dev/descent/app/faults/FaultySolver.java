package dev.descent.app.faults;

import dev.descent.api.Availability;
import dev.descent.api.Dataset;
import dev.descent.api.Fit;
import dev.descent.api.Precision;
import dev.descent.api.Schedule;
import dev.descent.api.Solver;
import dev.descent.api.Workspace;
import java.lang.reflect.Field;
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
      @Override
      public Fit descend(Schedule schedule) {
        return misbehave(data);
      }

      @Override
      public String device() {
        return "a fault";
      }

      @Override
      public void close() {}
    };
  }

  abstract Fit misbehave(Dataset data);

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
    Fit misbehave(Dataset data) {
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
    Fit misbehave(Dataset data) {
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
    Fit misbehave(Dataset data) {
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
    Fit misbehave(Dataset data) {
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
    Fit misbehave(Dataset data) {
      double[] w = new double[data.weightCount()];
      Arrays.fill(w, 42);
      return Fit.of(w);
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
    Fit misbehave(Dataset data) {
      throw new AssertionError("unreachable");
    }
  }
}
