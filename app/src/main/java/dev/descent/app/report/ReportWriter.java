package dev.descent.app.report;

import dev.descent.app.race.RaceReport;

/**
 * Turns a {@link RaceReport} into the text of one result format. One class per format, as JMH
 * has one per result format: {@link TableWriter}, {@link MarkdownWriter}, {@link CsvWriter} and
 * {@link JsonWriter}; the human-readable ones share their rows through {@link ReportRows}.
 */
public interface ReportWriter {

  String write(RaceReport report);

  /** The report in {@code format}. */
  static String write(RaceReport report, Format format) {
    return format.writer().write(report);
  }
}
