package dev.descent.backend.opencl;

import com.aparapi.Kernel;

/**
 * A kernel that computes one epoch's sums per work-group, seen from the host, which finishes the
 * reduction and updates the weights between launches. Implemented outside {@code run()}, so
 * Aparapi never translates these methods.
 */
interface StepsProgram {

  /** The kernel itself, for {@link DeviceKernel}. */
  Kernel kernel();

  /** Bytes of local memory one work-group of {@code localSize} work-items needs. */
  long localBytes(int localSize);

  /** Allocates the local and per-group arrays for {@code groups} groups of {@code localSize}. */
  void size(int groups, int localSize);

  /** Starts from these weights, rounded to the kernel's precision. */
  void load(double[] weights);

  /** Whether the next launches also sum the squared errors. */
  void trace(boolean traced);

  /**
   * After a launch: adds up the groups' gradient sums and takes the step {@code w_j += mu * (f *
   * g_j)}, in the kernel's precision.
   */
  void step(double learningRate);

  /** After a traced launch: the mean squared error of the weights it ran with. */
  double loss();

  /** The current weights, widened to double. */
  double[] weights();
}
