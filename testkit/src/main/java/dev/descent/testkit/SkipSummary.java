package dev.descent.testkit;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * One line at the end of every test run that skipped anything, naming what was skipped and why:
 * on a machine without PoCL, TensorFlow's natives or Chromium, {@code mvn install} passes and
 * says so, instead of hiding the skips in the reports. (In CI the {@code DESCENT_REQUIRE_*}
 * switches turn those skips into failures.) Registered through {@code META-INF/services}, so
 * every module that tests with the kit on its class path prints it.
 */
public final class SkipSummary implements TestExecutionListener {
  private final Map<String, AtomicInteger> reasons = new TreeMap<>();

  @Override
  public void executionSkipped(TestIdentifier test, String reason) {
    count(reason);
  }

  @Override
  public void executionFinished(TestIdentifier test, TestExecutionResult result) {
    if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
      count(result.getThrowable().map(Throwable::getMessage).orElse("aborted"));
    }
  }

  private void count(String reason) {
    String text = reason == null || reason.isBlank() ? "no reason given" : reason.strip();
    int end = text.indexOf('\n');
    reasons.computeIfAbsent(end < 0 ? text : text.substring(0, end), k -> new AtomicInteger())
        .incrementAndGet();
  }

  @Override
  public void testPlanExecutionFinished(TestPlan plan) {
    if (reasons.isEmpty()) {
      return;
    }
    StringBuilder line = new StringBuilder("descent: skipped ");
    int total = reasons.values().stream().mapToInt(AtomicInteger::get).sum();
    line.append(total).append(total == 1 ? " test: " : " tests: ");
    String separator = "";
    for (Map.Entry<String, AtomicInteger> entry : reasons.entrySet()) {
      line.append(separator).append(entry.getValue().get()).append(" × ").append(entry.getKey());
      separator = "; ";
    }
    System.err.println(line);
    reasons.clear();
  }
}
