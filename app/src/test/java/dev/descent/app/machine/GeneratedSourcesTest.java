package dev.descent.app.machine;

import dev.descent.codegen.Generator;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The checked-in FmaChains64 and FmaChains32 are what their one template gives. */
class GeneratedSourcesTest {

  @Test
  void generatedSourcesAreUpToDate() {
    Generator.assertUpToDate(Path.of(""));
  }
}
