package dev.descent.app.race;

import java.io.PrintStream;

/**
 * Where a long race says what it is doing. On a terminal one line is rewritten in place; when
 * standard error is not a terminal (a pipe, a CI log) nothing is written.
 */
public interface Progress {

  /** Shows what the race is doing now. */
  void update(String line);

  /** Clears the line before the report is printed. */
  void done();

  Progress SILENT = new Progress() {
    @Override
    public void update(String line) {}

    @Override
    public void done() {}
  };

  /** A progress line on {@code err} when the JVM has a console, silence otherwise. */
  static Progress forTerminal(PrintStream err) {
    if (System.console() == null) {
      return SILENT;
    }
    return new Progress() {
      private int width;

      @Override
      public void update(String line) {
        String padded = line.length() < width ? line + " ".repeat(width - line.length()) : line;
        width = line.length();
        err.print("\r" + padded);
        err.flush();
      }

      @Override
      public void done() {
        if (width > 0) {
          err.print("\r" + " ".repeat(width) + "\r");
          err.flush();
          width = 0;
        }
      }
    };
  }
}
