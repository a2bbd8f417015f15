package dev.descent.backend.opencl;

import com.aparapi.Kernel;
import java.util.function.IntUnaryOperator;

/**
 * A kernel Aparapi cannot translate (an interface call in run()), which it would quietly run in
 * Java instead: {@link HonestyTest} checks that descent refuses.
 */
final class UntranslatableKernel extends Kernel {
  final int[] out = new int[4];
  final IntUnaryOperator twice = value -> 2 * value;

  @Override
  public void run() {
    out[getGlobalId()] = twice.applyAsInt(getGlobalId());
  }
}
