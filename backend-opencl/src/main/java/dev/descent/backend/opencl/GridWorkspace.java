package dev.descent.backend.opencl;

import dev.descent.api.Dataset;
import dev.descent.api.Fit;
import dev.descent.api.Precision;
import dev.descent.api.Schedule;

/** {@code opencl.grid}: every descent is one launch of epochs + 1 (or + 2) passes. */
final class GridWorkspace extends OpenclWorkspace {
  private final GridProgram program;

  private GridWorkspace(Dataset data, DeviceKernel kernel, String device, GridProgram program) {
    super(data, kernel, device);
    this.program = program;
  }

  /** Uploads, builds and launches once for zero epochs (see {@link ResidentWorkspace#open}). */
  static GridWorkspace open(Target target, Dataset data, Precision precision) {
    GridProgram program = precision == Precision.FLOAT32
        ? new GridF32Kernel(data) : new GridF64Kernel(data);
    int fitting = Shapes.gridLocal(target, program::localBytes, data.features());
    DeviceKernel kernel = new DeviceKernel(program.kernel(), target);
    try {
      kernel.compile();
      int localSize = Shapes.powerOfTwoAtMost(Math.min(fitting, kernel.maxWorkGroupSize()));
      int groups = Shapes.gridGroups(target, localSize, data.samples());
      program.size(groups, localSize);
      kernel.shape(groups, localSize);
      kernel.run(program.load(new double[data.weightCount()], 1.0, 0, 0));
      String device = !target.isOpenCl() ? target.description()
          : target.description() + ", " + groups + " work-group" + (groups == 1 ? "" : "s")
              + " x " + localSize + " work-items, one pass per epoch; group sums reduced and "
              + "weights updated on the device";
      return new GridWorkspace(data, kernel, device, program);
    } catch (RuntimeException | Error e) {
      kernel.close();
      throw e;
    }
  }

  @Override
  protected Fit run(Schedule schedule, double[] start) {
    int passes = program.load(start, schedule.learningRate(), schedule.epochs(),
        schedule.traceInterval());
    kernel.run(passes);
    return new Fit(program.weights(), program.losses(schedule.traceLength()));
  }
}
