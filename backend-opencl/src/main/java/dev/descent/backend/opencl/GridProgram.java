package dev.descent.backend.opencl;

import com.aparapi.Kernel;

/**
 * A kernel that runs a whole descent as one launch of many passes over many work-groups, one pass
 * per epoch, seen from the host. The kernel classes implement it outside {@code run()}, so
 * Aparapi never translates these methods.
 */
interface GridProgram {

  /** The kernel itself, for {@link DeviceKernel}. */
  Kernel kernel();

  /** Bytes of local memory one work-group of {@code localSize} work-items needs. */
  long localBytes(int localSize);

  /** Allocates the local arrays and the groups' sums for {@code groups} × {@code localSize}. */
  void size(int groups, int localSize);

  /**
   * Sets up the next launch: starting weights (rounded to the kernel's precision), mu, the number
   * of epochs and the trace interval (0 for none); returns the passes it needs.
   */
  int load(double[] start, double learningRate, int epochs, int traceInterval);

  /** With explicit buffers: marks the starting weights {@link #load} set for the next launch. */
  void send();

  /** With explicit buffers: fetches the weights and, when {@code traced}, the losses. */
  void receive(boolean traced);

  /** The weights the last launch ended with, widened to double. */
  double[] weights();

  /** The first {@code count} traced losses of the last launch, in the kernel's precision. */
  double[] losses(int count);
}
