package dev.descent.backend.opencl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.api.Availability;
import dev.descent.api.Dataset;
import dev.descent.api.Fit;
import dev.descent.api.Precision;
import dev.descent.api.Schedule;
import dev.descent.reference.BlockRecipe;
import dev.descent.reference.Datasets;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code opencl.resident} with its data cut into small row segments gives the same weights and
 * traced losses, bit for bit, as with the data in one array: the segments change where a sample
 * lives, never which work-item adds it, in which lane and block, or in what order. The sizes force
 * all eight segment fields, segment ends inside the line kernel's 4096-sample blocks and a last
 * segment shorter than the others.
 */
class ResidentSegmentsTest {

  /** Each problem's data, made once for both precisions and both layouts. */
  private static final Map<String, Dataset> HELD = new HashMap<>();

  @AfterAll
  static void releaseTheProblems() {
    HELD.clear();
    System.gc();
  }

  @BeforeEach
  void needsOpencl() {
    Availability availability = Platform.get().availability();
    RequireOpencl.assume(availability.available(), "OpenCL is " + availability);
  }

  static Stream<Arguments> problems() {
    return Stream.of(10_000, 1_000_003).flatMap(n -> Stream.of(1, 3).flatMap(p ->
        Stream.of(Precision.FLOAT32, Precision.FLOAT64).map(precision ->
            Arguments.of(n, p, precision))));
  }

  @ParameterizedTest(name = "N={0} p={1} {2}")
  @MethodSource("problems")
  void segmentsGiveTheSameWeightsAndLossesBitForBit(int n, int p, Precision precision) {
    Target target = Platform.get().target().orElseThrow();
    Dataset data = HELD.computeIfAbsent(n + " " + p, key -> held(n, p));
    Schedule schedule = Schedule.of(0.05, 30).tracedEvery(1);

    Fit whole;
    int localSize;
    try (ResidentWorkspace workspace = ResidentWorkspace.open(target, data, precision)) {
      assertFalse(workspace.device().contains("segments"), workspace.device());
      localSize = workspace.localSize();
      whole = workspace.descend(schedule);
    }
    // Rows between N / 8 and N / 7 (eight segments where the kernel's alignment allows), a
    // multiple of what it needs for this work-group: at p = 1, unlike N / 8, not the length of a
    // work-item's chunk, so segment ends fall inside its blocks.
    int quantum = p == 1 ? LineF32Program.LANES : StepsF32Kernel.BLOCK * localSize;
    int rows = (int) ((n * 15L / 112 + quantum - 1) / quantum * quantum);
    Segments segments = Segments.of(n, p, rows);
    Fit cut;
    try (ResidentWorkspace workspace = ResidentWorkspace.open(target, data, precision,
        segments)) {
      assertEquals(localSize, workspace.localSize(), "the same work-group");
      assertTrue(workspace.device().endsWith(", data in " + segments.count() + " segments of "
          + rows + " rows"), workspace.device());
      cut = workspace.descend(schedule);
    }
    String where = "N=" + n + " p=" + p + " " + precision.shortName() + " in "
        + segments.count() + " segments of " + rows + " rows";
    System.out.println(where + ": weights " + java.util.Arrays.toString(cut.weights()));
    assertArrayEquals(whole.weights(), cut.weights(), where + ": weights");
    assertArrayEquals(whole.losses(), cut.losses(), where + ": traced losses");
    assertEquals(schedule.traceLength(), cut.losses().length);
  }

  @Test
  void theKernelsHaveAsManySegmentFieldsAsSegmentsPlansFor() throws Exception {
    for (Class<?> kernel : new Class<?>[] {LineF32Program.class, LineF64Program.class,
        ResidentF32Kernel.class, ResidentF64Kernel.class}) {
      for (int s = 0; s < Segments.FIELDS; s++) {
        kernel.getDeclaredField("xs" + s);
        kernel.getDeclaredField("ds" + s);
      }
      int past = Segments.FIELDS;
      assertTrue(Stream.of(kernel.getDeclaredFields())
          .noneMatch(field -> field.getName().equals("xs" + past)), kernel.getName());
    }
  }

  private static Dataset held(int n, int p) {
    Dataset made = p == 1 ? Datasets.articleStream(n, 444, 0.1)
        : BlockRecipe.of(n, p, 7, 0.5).dataset();
    double[][] columns = new double[made.features()][];
    for (int j = 0; j < columns.length; j++) {
      columns[j] = made.column(j);
    }
    return Dataset.of(made.name(), columns, made.targets());
  }
}
