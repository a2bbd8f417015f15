package dev.descent.backend.opencl;

import dev.descent.api.Dataset;
import dev.descent.api.Fit;
import dev.descent.api.Precision;
import dev.descent.api.Schedule;

/**
 * {@code opencl.steps}: one launch per epoch, like one session call per epoch; the host adds up
 * the work-groups' sums and updates the weights between launches.
 */
final class StepsWorkspace extends OpenclWorkspace {
  private final StepsProgram program;

  private StepsWorkspace(Dataset data, DeviceKernel kernel, String device,
      StepsProgram program) {
    super(data, kernel, device);
    this.program = program;
  }

  /** Uploads, builds and launches once (see {@link ResidentWorkspace#open}). */
  static StepsWorkspace open(Target target, Dataset data, Precision precision) {
    StepsProgram program = precision == Precision.FLOAT32
        ? new StepsF32Kernel(data) : new StepsF64Kernel(data);
    int fitting = Shapes.stepsLocal(target, program::localBytes, data.features());
    DeviceKernel kernel = new DeviceKernel(program.kernel(), target);
    try {
      kernel.compile();
      int localSize = Math.min(fitting, kernel.maxWorkGroupSize());
      int groups = Shapes.stepsGroups(target, localSize, data.samples());
      program.size(groups, localSize);
      kernel.shape(groups, localSize);
      program.load(new double[data.weightCount()]);
      program.trace(false);
      kernel.run();
      String device = !target.isOpenCl() ? target.description()
          : target.description() + ", " + groups + " work-group" + (groups == 1 ? "" : "s")
              + " of " + localSize + " per epoch";
      return new StepsWorkspace(data, kernel, device, program);
    } catch (RuntimeException | Error e) {
      kernel.close();
      throw e;
    }
  }

  @Override
  protected Fit run(Schedule schedule, double[] start) {
    program.load(start);
    int interval = schedule.traceInterval();
    double[] losses = new double[schedule.traceLength()];
    double learningRate = schedule.learningRate();
    for (int epoch = 0; epoch < schedule.epochs(); epoch++) {
      boolean traced = interval > 0 && epoch % interval == 0;
      program.trace(traced);
      kernel.run();
      if (traced) {
        losses[epoch / interval] = program.loss();
      }
      program.step(learningRate);
    }
    if (interval > 0 && schedule.epochs() % interval == 0) {
      program.trace(true);
      kernel.run();
      losses[schedule.epochs() / interval] = program.loss();
    }
    return new Fit(program.weights(), losses);
  }
}
