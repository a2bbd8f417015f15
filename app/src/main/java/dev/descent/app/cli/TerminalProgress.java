package dev.descent.app.cli;

import dev.descent.app.race.Progress;
import java.io.PrintStream;

/** One progress line on a terminal, rewritten in place and cleared before the report. */
final class TerminalProgress implements Progress {

  private final PrintStream err;
  private int width;

  private TerminalProgress(PrintStream err) {
    this.err = err;
  }

  /** A progress line on standard error when it is a terminal and not turned off, else none. */
  static Progress forStandardError(boolean wanted) {
    return wanted && Terminal.stderrIsTerminal() ? new TerminalProgress(System.err)
        : Progress.SILENT;
  }

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
}
