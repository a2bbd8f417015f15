package dev.descent.app;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * One in-process run of the command line, for the tests of every package.
 *
 * @param exitCode what {@code descent} would exit with
 * @param out its standard output
 * @param err its standard error
 */
public record Run(int exitCode, String out, String err) {

  /** Runs {@code descent ARGS} in this JVM. */
  public static Run of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }
}
