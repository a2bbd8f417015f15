package dev.descent.backend.opencl;

import dev.descent.codegen.Generator;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The float32 and float64 kernels are what their templates under src/main/templates give. */
class GeneratedSourcesTest {

  @Test
  void checkedInKernelsMatchTheirTemplates() {
    Generator.assertUpToDate(Path.of(""));
  }
}
