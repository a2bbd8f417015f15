package dev.descent.backend.scalar;

import dev.descent.api.Availability;
import dev.descent.api.Dataset;
import dev.descent.api.Precision;
import dev.descent.api.Solver;
import dev.descent.api.Workspace;
import dev.descent.api.support.Preconditions;
import java.util.EnumSet;
import java.util.Set;

/** What the three plain-Java solvers share: they run anywhere, in both precisions. */
abstract class ScalarFamilySolver implements Solver {

  /** "JVM 17.0.15+6": the JIT compiler is what turns a plain loop into machine code. */
  static final String JVM = "JVM " + Runtime.version();

  /** "SHAPE, f64 (JVM 17.0.15+6)": what the loop does first, so a narrow table keeps it. */
  static String device(String shape, String precision) {
    return shape + ", " + precision + " (" + JVM + ")";
  }

  @Override
  public final Availability availability() {
    return Availability.available(JVM);
  }

  @Override
  public final Set<Precision> precisions() {
    return EnumSet.allOf(Precision.class);
  }

  @Override
  public final Workspace prepare(Dataset data, Precision precision) {
    Preconditions.checkPrepare(this, data, precision);
    return precision == Precision.FLOAT64 ? prepare64(data) : prepare32(data);
  }

  abstract Workspace prepare64(Dataset data);

  abstract Workspace prepare32(Dataset data);

  @Override
  public String toString() {
    return id();
  }
}
