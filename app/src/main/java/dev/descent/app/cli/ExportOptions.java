package dev.descent.app.cli;

import dev.descent.app.report.Format;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine.Option;

/**
 * Result files besides the terminal's table, as hyperfine's {@code --export-*}: any of them, each
 * as often as wanted, from the one run.
 */
final class ExportOptions {

  @Option(names = "--export-json", paramLabel = "FILE",
      description = "Also write the results as JSON: the machine, the JVM and its flags, every "
          + "parameter and every raw sample (what 'descent compare' reads). Repeatable.")
  List<Path> json = new ArrayList<>();

  @Option(names = "--export-markdown", paramLabel = "FILE",
      description = "Also write the results as a Markdown table, ready to paste. Repeatable.")
  List<Path> markdown = new ArrayList<>();

  @Option(names = "--export-csv", paramLabel = "FILE",
      description = "Also write the results as CSV, one row per solver and precision. "
          + "Repeatable.")
  List<Path> csv = new ArrayList<>();

  /** One file to write and its format. */
  record Export(Path file, Format format) {}

  /** Every file asked for, once, in the order of the options. */
  List<Export> exports() {
    Map<Path, Export> exports = new LinkedHashMap<>();
    add(exports, json, Format.JSON);
    add(exports, markdown, Format.MARKDOWN);
    add(exports, csv, Format.CSV);
    return List.copyOf(exports.values());
  }

  /** Fails before the run, not after it, when one file is asked for in two formats. */
  void validate() {
    exports();
  }

  /** Writes each file from {@code text} of its format and says so on {@code out}. */
  void write(Function<Format, String> text, PrintWriter out) {
    Map<Format, String> rendered = new EnumMap<>(Format.class);
    for (Export export : exports()) {
      write(export.file(), rendered.computeIfAbsent(export.format(), text));
      out.println("Written to " + export.file() + " (" + name(export.format()) + ")");
    }
  }

  private static void add(Map<Path, Export> exports, List<Path> files, Format format) {
    for (Path file : files) {
      Export earlier = exports.putIfAbsent(file.toAbsolutePath().normalize(),
          new Export(file, format));
      if (earlier != null && earlier.format() != format) {
        throw new IllegalArgumentException("--export-" + name(format) + " = " + file
            + ": that file is already exported as " + name(earlier.format()));
      }
    }
  }

  private static String name(Format format) {
    return format.name().toLowerCase(Locale.ROOT);
  }

  /** Writes {@code text} to {@code file}, creating its folder. */
  static void write(Path file, String text) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write '" + file + "': " + e, e);
    }
  }
}
