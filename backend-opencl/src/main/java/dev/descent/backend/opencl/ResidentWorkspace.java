package dev.descent.backend.opencl;

import dev.descent.api.Dataset;
import dev.descent.api.Fit;
import dev.descent.api.Precision;
import dev.descent.api.Schedule;

/** {@code opencl.resident}: every descent is one launch of one work-group. */
final class ResidentWorkspace extends OpenclWorkspace {
  private final ResidentProgram program;

  private ResidentWorkspace(Dataset data, DeviceKernel kernel, String device,
      ResidentProgram program) {
    super(data, kernel, device);
    this.program = program;
  }

  /**
   * Uploads the data, builds the kernel and runs it once for zero epochs, so that translation,
   * compilation (PoCL compiles the work-group function at the first launch) and buffer creation
   * are setup time and a kernel that would fall back fails here.
   */
  static ResidentWorkspace open(Target target, Dataset data, Precision precision) {
    boolean f32 = precision == Precision.FLOAT32;
    boolean line = data.features() == 1;
    ResidentProgram program = line
        ? (f32 ? new LineF32Kernel(data) : new LineF64Kernel(data))
        : (f32 ? new ResidentF32Kernel(data) : new ResidentF64Kernel(data));
    int fitting = Shapes.resident(target, program::localBytes, data.features());
    DeviceKernel kernel = new DeviceKernel(program.kernel(), target);
    try {
      kernel.compile();
      int localSize = Math.min(fitting, kernel.maxWorkGroupSize());
      program.size(localSize);
      kernel.shape(1, localSize);
      program.load(new double[data.weightCount()], 1.0, 0, 0);
      kernel.run();
      String device = !target.isOpenCl() ? target.description()
          : target.description() + ", 1 work-group of " + localSize
              + (line ? " x " + LineF32Program.LANES + " lanes" : "");
      return new ResidentWorkspace(data, kernel, device, program);
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
