package dev.descent.backend.opencl;

import dev.descent.api.Dataset;
import dev.descent.api.Fit;
import dev.descent.api.Precision;
import dev.descent.api.Schedule;

/** {@code opencl.grid}: every descent is one launch of epochs + 1 (or + 2) passes. */
final class GridWorkspace extends OpenclWorkspace {
  private final GridProgram program;
  private final boolean explicit;

  private GridWorkspace(Dataset data, DeviceKernel kernel, String device, GridProgram program,
      boolean explicit) {
    super(data, kernel, device);
    this.program = program;
    this.explicit = explicit;
  }

  /**
   * Uploads, builds and launches once for zero epochs (see {@link ResidentWorkspace#open}). With
   * explicit buffers (by default on a GPU) that first launch is the only upload of the data:
   * later calls send the starting weights and fetch the results, nothing else.
   */
  static GridWorkspace open(Target target, Dataset data, Precision precision) {
    GridProgram program = precision == Precision.FLOAT32
        ? new GridF32Kernel(data) : new GridF64Kernel(data);
    int fitting = Shapes.gridLocal(target, program::localBytes, data.features());
    boolean explicit = OpenclOptions.explicitBuffers(target);
    if (explicit) {
      target.separateBuffers();
      program.kernel().setExplicit(true);
    }
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
              + "weights updated on the device; "
              + (explicit ? "data kept on the device between calls (explicit buffers)"
                  : "data sent with every call");
      return new GridWorkspace(data, kernel, device, program, explicit);
    } catch (RuntimeException | Error e) {
      kernel.close();
      throw e;
    }
  }

  @Override
  protected Fit run(Schedule schedule, double[] start) {
    int passes = program.load(start, schedule.learningRate(), schedule.epochs(),
        schedule.traceInterval());
    if (explicit) {
      program.send();
    }
    kernel.run(passes);
    if (explicit) {
      program.receive(schedule.traceInterval() > 0);
    }
    return new Fit(program.weights(), program.losses(schedule.traceLength()));
  }
}
