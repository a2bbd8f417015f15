package dev.descent.backend.scalar;

import dev.descent.codegen.Generator;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The checked-in kernels are what their templates give; regenerate them, never hand-edit. */
class GeneratedSourcesTest {

  @Test
  void generatedSourcesMatchTheirTemplates() {
    Generator.assertUpToDate(Path.of(""));
  }
}
