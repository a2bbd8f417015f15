package dev.descent.codegen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Generates a module's Java sources from its templates, as the JDK does for its vector classes
 * and Lucene for its packed ints: the templates under {@code src/main/templates} are the one
 * source of truth; the generated files are checked in under {@code src/main/java} (so that a
 * reader, an IDE and a debugger see plain Java) with a banner that says where they came from.
 *
 * <p>Each module's {@code GeneratedSourcesTest} calls {@link #stale} and fails when a checked-in
 * file differs from what its template gives. To regenerate after editing a template, from the
 * repository's root (this needs only the codegen module built, not the module's own code, so it
 * works while the generated files do not compile yet):
 *
 * <pre>
 * mvn -q -pl codegen compile exec:java -Dexec.args="backend-simd backend-opencl"
 * </pre>
 */
public final class Generator {
  /** The system property that makes {@link #stale} write the files instead of reporting them. */
  public static final String REGENERATE = "descent.regenerate";

  private static final String TEMPLATES = "src/main/templates";
  private static final String SOURCES = "src/main/java";
  private static final String SUFFIX = ".java.template";

  private Generator() {}

  /**
   * One generated file.
   *
   * @param path where it belongs, relative to the module
   * @param text its whole text, banner included
   */
  public record Generated(Path path, String text) {}

  /**
   * Regenerates the named module folders' sources (relative to the working directory, or to
   * {@code maven.multiModuleProjectDirectory} when Maven runs this from the codegen module).
   */
  public static void main(String... modules) throws IOException {
    if (modules.length == 0) {
      System.err.println("usage: Generator MODULE_FOLDER...  (e.g. backend-simd)");
      System.exit(2);
    }
    Path root = Path.of(System.getProperty("maven.multiModuleProjectDirectory", ""));
    for (String module : modules) {
      Path folder = root.resolve(module);
      for (Generated file : generate(folder)) {
        Path path = folder.resolve(file.path());
        String current = Files.exists(path) ? Files.readString(path, StandardCharsets.UTF_8) : null;
        if (!file.text().equals(current)) {
          Files.writeString(path, file.text(), StandardCharsets.UTF_8);
          System.out.println("regenerated " + module + "/" + file.path());
        }
      }
    }
  }

  /** Every file the module's templates generate, with their text. */
  public static List<Generated> generate(Path module) {
    Path templates = module.resolve(TEMPLATES);
    List<Generated> generated = new ArrayList<>();
    try (Stream<Path> files = Files.walk(templates)) {
      for (Path template : files.filter(f -> f.toString().endsWith(SUFFIX)).sorted().toList()) {
        Path relative = templates.relativize(template);
        String source = Files.readString(template, StandardCharsets.UTF_8);
        Template parsed = Template.parse(relative.toString(), source);
        for (Template.Output output : parsed.outputs()) {
          Path target = Path.of(SOURCES).resolve(relative).resolveSibling(output.fileName());
          String banner = "// Generated from " + TEMPLATES + "/" + relative.toString()
              .replace('\\', '/') + " by dev.descent.codegen.Generator; do not edit.\n";
          generated.add(new Generated(target, banner + parsed.expand(output)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the templates under " + templates, e);
    }
    return generated;
  }

  /**
   * The generated files that are missing or differ from their template's text, relative to the
   * module. With {@code -Ddescent.regenerate=true} it writes them first and so returns none.
   */
  public static List<Path> stale(Path module) {
    boolean regenerate = Boolean.getBoolean(REGENERATE);
    List<Path> stale = new ArrayList<>();
    for (Generated file : generate(module)) {
      Path path = module.resolve(file.path());
      try {
        String current = Files.exists(path) ? Files.readString(path, StandardCharsets.UTF_8) : null;
        if (file.text().equals(current)) {
          continue;
        }
        if (regenerate) {
          Files.writeString(path, file.text(), StandardCharsets.UTF_8);
        } else {
          stale.add(file.path());
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read or write " + path, e);
      }
    }
    return stale;
  }

  /**
   * Fails with the list of stale files and the command that regenerates them.
   *
   * @throws AssertionError when {@link #stale} finds any
   */
  public static void assertUpToDate(Path module) {
    List<Path> stale = stale(module);
    if (!stale.isEmpty()) {
      throw new AssertionError("generated sources differ from their templates: " + stale
          + ". Edit the template, not the generated file, then regenerate with: mvn -q -pl "
          + module.toAbsolutePath().normalize().getFileName()
          + " test -Dtest=GeneratedSourcesTest -D" + REGENERATE + "=true, or from the root: "
          + "mvn -q -pl codegen compile exec:java -Dexec.args=" + module.toAbsolutePath()
          .normalize().getFileName());
    }
  }
}
