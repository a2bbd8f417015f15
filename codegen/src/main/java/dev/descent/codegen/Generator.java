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
 * Generates a module's Java sources from its templates at build time, as the JDK builds its
 * vector classes from {@code X-Vector.java.template}: the templates under
 * {@code src/main/templates} are the one source of truth, and what they generate lives only in
 * {@code target/generated-sources/templates}, never in the source tree, so a precision's twin
 * can neither be edited by hand nor drift from its template.
 *
 * <p>The parent pom runs it in the {@code generate-sources} phase of every module that declares
 * the {@code generate-kernels} execution; an IDE that imports the Maven project sees the
 * generated folder as a source root. By hand: {@code java -cp codegen/target/classes
 * dev.descent.codegen.Generator --into OUT MODULE_FOLDER}.
 */
public final class Generator {

  private static final String TEMPLATES = "src/main/templates";
  private static final String SUFFIX = ".java.template";

  private Generator() {}

  /**
   * One generated file.
   *
   * @param path where it belongs, relative to the source root: the template's package folder
   * @param text its whole text, banner included
   */
  public record Generated(Path path, String text) {}

  /** Every file the module's templates generate, with their text; none without templates. */
  public static List<Generated> generate(Path module) {
    Path templates = module.resolve(TEMPLATES);
    List<Generated> generated = new ArrayList<>();
    if (!Files.isDirectory(templates)) {
      return generated;
    }
    try (Stream<Path> files = Files.walk(templates)) {
      for (Path template : files.filter(f -> f.toString().endsWith(SUFFIX)).sorted().toList()) {
        Path relative = templates.relativize(template);
        String source = Files.readString(template, StandardCharsets.UTF_8);
        Template parsed = Template.parse(relative.toString(), source);
        for (Template.Output output : parsed.outputs()) {
          String banner = "// Generated at build time from " + TEMPLATES + "/"
              + relative.toString().replace('\\', '/')
              + " by dev.descent.codegen.Generator: edit the template, not this file.\n";
          generated.add(new Generated(relative.resolveSibling(output.fileName()),
              banner + parsed.expand(output)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the templates under " + templates, e);
    }
    return generated;
  }

  /**
   * Writes the module's generated sources under {@code into}, touching only files whose text
   * changed (so the compiler does not rebuild what did not), and removes generated files that
   * no template makes any more.
   *
   * @return how many files were written
   */
  public static int write(Path module, Path into) {
    List<Generated> files = generate(module);
    int written = 0;
    try {
      List<Path> wanted = new ArrayList<>();
      for (Generated file : files) {
        Path path = into.resolve(file.path());
        wanted.add(path.toAbsolutePath().normalize());
        String current = Files.exists(path) ? Files.readString(path, StandardCharsets.UTF_8) : null;
        if (!file.text().equals(current)) {
          Files.createDirectories(path.getParent());
          Files.writeString(path, file.text(), StandardCharsets.UTF_8);
          written++;
        }
      }
      if (Files.isDirectory(into)) {
        try (Stream<Path> existing = Files.walk(into)) {
          for (Path old : existing.filter(f -> f.toString().endsWith(".java")).toList()) {
            if (!wanted.contains(old.toAbsolutePath().normalize())) {
              Files.delete(old);
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the generated sources under " + into, e);
    }
    return written;
  }

  /** {@code --into OUT MODULE_FOLDER...}: what the build runs. */
  public static void main(String... args) {
    if (args.length < 3 || !args[0].equals("--into")) {
      System.err.println("usage: Generator --into OUTPUT_FOLDER MODULE_FOLDER...");
      System.exit(2);
    }
    Path into = Path.of(args[1]);
    for (int i = 2; i < args.length; i++) {
      write(Path.of(args[i]), into);
    }
  }
}
