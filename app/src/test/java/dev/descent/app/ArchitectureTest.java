package dev.descent.app;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shape of the app that keeps it easy to read: packages by role with no cycle between them,
 * and no class too long to hold in one's head.
 */
class ArchitectureTest {

  /** Past this many source lines a class is doing more than one thing. */
  static final int MOST_LINES = 250;

  static final JavaClasses APP = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.descent.app");

  @Test
  void packagesAreFreeOfCycles() {
    assertTrue(APP.size() > 20, "the app's classes were found: " + APP.size());
    slices().matching("dev.descent.app.(*)..").should().beFreeOfCycles().check(APP);
  }

  @Test
  void noClassIsLongerThan250Lines() throws IOException {
    Path sources = Path.of("src", "main", "java", "dev", "descent", "app");
    assertTrue(Files.isDirectory(sources), sources.toAbsolutePath().toString());
    List<String> tooLong;
    try (Stream<Path> files = Files.walk(sources)) {
      tooLong = files.filter(file -> file.toString().endsWith(".java"))
          .map(file -> file + ": " + lines(file))
          .filter(line -> Integer.parseInt(line.substring(line.lastIndexOf(' ') + 1)) > MOST_LINES)
          .sorted()
          .toList();
    }
    assertEquals(List.of(), tooLong, "split these classes into ones of at most " + MOST_LINES
        + " lines");
  }

  private static long lines(Path file) {
    try (Stream<String> lines = Files.lines(file)) {
      return lines.count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
