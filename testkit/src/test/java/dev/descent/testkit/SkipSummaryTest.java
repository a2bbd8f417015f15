package dev.descent.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;

class SkipSummaryTest {

  private static String summaryOf(SkipSummary summary) {
    PrintStream previous = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      summary.testPlanExecutionFinished(null);
    } finally {
      System.setErr(previous);
    }
    return captured.toString(StandardCharsets.UTF_8).strip();
  }

  /** Skips and aborted assumptions, counted by reason, in one line; nothing when none. */
  @Test
  void oneLineNamesWhatWasSkippedAndWhy() {
    SkipSummary summary = new SkipSummary();
    assertEquals("", summaryOf(summary));
    summary.executionSkipped(null, "OpenCL is unavailable: no OpenCL platform");
    summary.executionSkipped(null, "OpenCL is unavailable: no OpenCL platform");
    summary.executionFinished(null, TestExecutionResult.aborted(
        new IllegalStateException("Chromium is not installed\nat /usr/bin/chromium")));
    summary.executionFinished(null, TestExecutionResult.successful());
    assertEquals("descent: skipped 3 tests: 1 × Chromium is not installed; "
        + "2 × OpenCL is unavailable: no OpenCL platform", summaryOf(summary));
    assertEquals("", summaryOf(summary), "each run prints its own skips once");
  }
}
