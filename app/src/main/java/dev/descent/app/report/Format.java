package dev.descent.app.report;

import java.util.Locale;

/** The report formats of {@code --format}. */
public enum Format {
  /** An aligned text table for the terminal, like the article's. */
  TABLE,
  /** A GitHub-flavoured Markdown table with the parameters above it. */
  MARKDOWN,
  /** One row per solver and precision, every figure in its own column. */
  CSV,
  /** Everything, including the machine, the JVM flags and every raw sample. */
  JSON;

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
