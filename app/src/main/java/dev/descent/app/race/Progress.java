package dev.descent.app.race;

/**
 * Where a long race says what it is doing ({@code cli.TerminalProgress} rewrites one line on a
 * terminal; {@link #SILENT} says nothing).
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
}
