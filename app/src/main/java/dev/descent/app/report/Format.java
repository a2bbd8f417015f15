package dev.descent.app.report;

import java.util.Locale;

/** The report formats of {@code --format}. */
public enum Format {
  /** An aligned text table for the terminal, like the article's. */
  TABLE(new TableWriter(), "txt"),
  /** A GitHub-flavoured Markdown table with the parameters above it. */
  MARKDOWN(new MarkdownWriter(), "md"),
  /** One row per solver and precision, every figure in its own column. */
  CSV(new CsvWriter(), "csv"),
  /** Everything, including the machine, the JVM flags and every raw sample. */
  JSON(new JsonWriter(), "json");

  private final ReportWriter writer;
  private final String extension;

  Format(ReportWriter writer, String extension) {
    this.writer = writer;
    this.extension = extension;
  }

  /** Writes reports in this format. */
  public ReportWriter writer() {
    return writer;
  }

  /** The usual file name extension, without the dot. */
  public String extension() {
    return extension;
  }

  /** Parses {@code table}, {@code markdown} (or {@code md}), {@code csv}, {@code json}. */
  public static Format parse(String text) {
    String name = text.trim().toLowerCase(Locale.ROOT);
    if (name.equals("md")) {
      return MARKDOWN;
    }
    for (Format format : values()) {
      if (format.name().toLowerCase(Locale.ROOT).equals(name)) {
        return format;
      }
    }
    throw new IllegalArgumentException(
        "--format: unknown value '" + text + "' (use table, markdown, csv or json)");
  }
}
