package dev.descent.backend.simd;

import java.util.Locale;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The species the kernels use and how to name them. The kernels read {@link #F64} and
 * {@link #F32} as static finals, so C2 folds the lane count into the loops.
 */
final class Lanes {

  /** The widest double species the CPU runs natively: 8 lanes on AVX-512. */
  static final VectorSpecies<Double> F64 = DoubleVector.SPECIES_PREFERRED;

  /** The widest float species: 16 lanes on AVX-512. */
  static final VectorSpecies<Float> F32 = FloatVector.SPECIES_PREFERRED;

  /** "JVM 17.0.15+6": whose C2 turns the Vector API into instructions. */
  static final String JVM = "JVM " + Runtime.version();

  private Lanes() {}

  /** "AVX-512, 8 x f64 / 16 x f32 lanes (JVM 17.0.15+6)". */
  static String summary() {
    return isa(VectorShape.preferredShape().vectorBitSize()) + ", " + F64.length() + " x f64 / "
        + F32.length() + " x f32 lanes (" + JVM + ")";
  }

  /** "AVX-512, 8 x f64 lanes". */
  static String f64() {
    return isa(F64.vectorBitSize()) + ", " + F64.length() + " x f64 lanes";
  }

  /** "AVX-512, 16 x f32 lanes". */
  static String f32() {
    return isa(F32.vectorBitSize()) + ", " + F32.length() + " x f32 lanes";
  }

  /** The instruction set a vector of this many bits means on this architecture. */
  static String isa(int bits) {
    return isa(bits, System.getProperty("os.arch", ""));
  }

  static String isa(int bits, String arch) {
    String cpu = arch.toLowerCase(Locale.ROOT);
    if (cpu.equals("amd64") || cpu.equals("x86_64") || cpu.equals("x86")) {
      switch (bits) {
        case 512:
          return "AVX-512";
        case 256:
          return "AVX2";
        case 128:
          return "SSE";
        default:
          return bits + "-bit x86 vectors";
      }
    }
    if (cpu.equals("aarch64") || cpu.equals("arm64")) {
      return bits == 128 ? "NEON" : "SVE " + bits + "-bit";
    }
    return bits + "-bit vectors";
  }
}
