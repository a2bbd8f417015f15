package dev.descent.backend.opencl;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.api.Availability;
import dev.descent.api.Precision;
import dev.descent.api.Schedule;
import dev.descent.api.Solver;
import dev.descent.api.Solvers;
import dev.descent.api.Workspace;
import dev.descent.reference.Datasets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Where the solvers say they run, that a kernel Aparapi would move to Java fails loudly instead,
 * and that closing releases the kernels.
 */
class HonestyTest {

  private Target target;

  @BeforeEach
  void needsOpencl() {
    Availability availability = Platform.get().availability();
    RequireOpencl.assume(availability.available(), "OpenCL is " + availability);
    target = Platform.get().target().orElseThrow();
  }

  @Test
  void theDeviceNamesPlatformVersionAndDevice() {
    RequireOpencl.assume(target.isOpenCl(), "running in the Java fallback: " + target);
    String device = Platform.get().availability().device();
    assertTrue(device.matches("\\S.* OpenCL \\d+\\.\\d+ (cpu|gpu|acc) \\S.* \\((no )?fp64.*\\)"),
        device);
    if (RequireOpencl.required()) {
      assertTrue(device.startsWith("PoCL OpenCL "), "CI's device is PoCL: " + device);
    }
    for (String id : List.of("opencl.steps", "opencl.resident", "opencl.grid")) {
      try (Workspace workspace = Solvers.load().byId(id)
          .prepare(Datasets.synthetic(100, 1, 1, 0.1, null), Precision.FLOAT32)) {
        assertTrue(workspace.device().startsWith(device + ", "), workspace.device());
      }
    }
  }

  @Test
  void aKernelAparapiCannotTranslateFailsToBuildInsteadOfFallingBack() {
    RequireOpencl.assume(target.isOpenCl(), "running in the Java fallback: " + target);
    try (DeviceKernel kernel = new DeviceKernel(new UntranslatableKernel(), target)) {
      IllegalStateException error = assertThrows(IllegalStateException.class, kernel::compile);
      assertTrue(error.getMessage().contains("could not be built for " + target.description()),
          error.getMessage());
      assertTrue(error.getMessage().contains("does not fall back"), error.getMessage());
    }
  }

  @Test
  void aLaunchAparapiWouldMoveToJavaFails() {
    RequireOpencl.assume(target.isOpenCl(), "running in the Java fallback: " + target);
    UntranslatableKernel untranslatable = new UntranslatableKernel();
    try (DeviceKernel kernel = new DeviceKernel(untranslatable, target)) {
      kernel.shape(1, 4);
      IllegalStateException error = assertThrows(IllegalStateException.class, kernel::run);
      assertTrue(error.getMessage().contains("wanted to run it in Java"), error.getMessage());
      assertTrue(untranslatable.out[1] == 0, "it must not have run in Java either");
    }
  }

  @Test
  void closeReleasesEveryKernel() {
    int before = DeviceKernel.live();
    List<Workspace> open = new ArrayList<>();
    for (Solver solver : List.of(Solvers.load().byId("opencl.steps"),
        Solvers.load().byId("opencl.resident"), Solvers.load().byId("opencl.grid"))) {
      for (int p : new int[] {1, 3}) {
        Workspace workspace = solver.prepare(Datasets.synthetic(500, p, 3, 0.1, null),
            Precision.FLOAT32);
        workspace.descend(Schedule.of(0.01, 5));
        open.add(workspace);
      }
    }
    assertTrue(DeviceKernel.live() == before + open.size(),
        "one kernel per workspace: " + DeviceKernel.live() + " live, " + before + " before");
    open.forEach(Workspace::close);
    open.forEach(Workspace::close);
    assertTrue(DeviceKernel.live() == before, DeviceKernel.live() + " live after close");
  }
}
