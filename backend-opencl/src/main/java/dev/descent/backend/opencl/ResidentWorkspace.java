package dev.descent.backend.opencl;

import dev.descent.api.Dataset;
import dev.descent.api.Fit;
import dev.descent.api.Precision;
import dev.descent.api.Schedule;

/** {@code opencl.resident}: every descent is one launch of one work-group. */
final class ResidentWorkspace extends OpenclWorkspace {
  private final ResidentProgram program;
  private final int localSize;

  private ResidentWorkspace(Dataset data, DeviceKernel kernel, String device,
      ResidentProgram program, int localSize) {
    super(data, kernel, device);
    this.program = program;
    this.localSize = localSize;
  }

  /** Work-items of the one work-group. */
  int localSize() {
    return localSize;
  }

  /**
   * Uploads the data, builds the kernel and runs it once for zero epochs, so that translation,
   * compilation (PoCL compiles the work-group function at the first launch) and buffer creation
   * are setup time and a kernel that would fall back fails here.
   */
  static ResidentWorkspace open(Target target, Dataset data, Precision precision) {
    return open(target, data, precision,
        Segments.plan(target, data.samples(), data.features(), precision));
  }

  /**
   * The same with the data in the given segments: tests force small ones on small data. With
   * more than one segment the work-group shrinks, if it must, until its blocks fit the segments
   * exactly.
   */
  static ResidentWorkspace open(Target target, Dataset data, Precision precision,
      Segments segments) {
    boolean f32 = precision == Precision.FLOAT32;
    boolean line = data.features() == 1;
    ResidentProgram program = line
        ? (f32 ? new LineF32Kernel(data, segments) : new LineF64Kernel(data, segments))
        : (f32 ? new ResidentF32Kernel(data, segments) : new ResidentF64Kernel(data, segments));
    int fitting = Shapes.resident(target, program::localBytes, data.features());
    DeviceKernel kernel = new DeviceKernel(program.kernel(), target);
    try {
      kernel.compile();
      int localSize = Math.min(fitting, kernel.maxWorkGroupSize());
      if (segments.count() > 1) {
        while (localSize > 1 && segments.rows() % program.rowQuantum(localSize) != 0) {
          localSize--;
        }
        if (segments.rows() % program.rowQuantum(localSize) != 0) {
          throw new IllegalArgumentException(segments.rows() + " rows per segment: not a multiple"
              + " of the kernel's " + program.rowQuantum(localSize) + " for one work-item");
        }
      }
      program.size(localSize);
      kernel.shape(1, localSize);
      program.load(new double[data.weightCount()], 1.0, 0, 0);
      kernel.run();
      String device = (!target.isOpenCl() ? target.description()
          : target.description() + ", 1 work-group of " + localSize
              + (line ? " x " + LineF32Program.LANES + " lanes" : ""))
          + segments.describe();
      return new ResidentWorkspace(data, kernel, device, program, localSize);
    } catch (RuntimeException | Error e) {
      kernel.close();
      throw e;
    }
  }

  @Override
  protected Fit run(Schedule schedule, double[] start) {
    program.load(start, schedule.learningRate(), schedule.epochs(), schedule.traceInterval());
    kernel.run();
    return new Fit(program.weights(), program.losses(schedule.traceLength()));
  }
}
