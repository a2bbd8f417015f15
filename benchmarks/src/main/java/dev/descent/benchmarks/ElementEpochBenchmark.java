package dev.descent.benchmarks;

import dev.descent.api.Fit;
import dev.descent.api.Precision;
import dev.descent.api.Schedule;
import dev.descent.api.Solver;
import dev.descent.api.Solvers;
import dev.descent.api.Workspace;
import dev.descent.reference.Article;
import dev.descent.reference.Datasets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Nanoseconds per element-epoch — one sample of one feature column through one epoch — of a
 * solver looked up by id, on the article's recipe at N samples (p = 1).
 *
 * <p>Every invocation runs {@link #ELEMENT_EPOCHS} element-epochs: 10<sup>7</sup> / N epochs
 * from zero weights, with the article's learning rate. So the per-invocation overhead (one
 * {@code descend} call, one {@code Fit}) is the same share at every N, and JMH's score, divided
 * by {@code @OperationsPerInvocation}, is ns per element-epoch directly. Each fork adds
 * {@code --add-modules jdk.incubator.vector}, as the simd solvers' {@code launch()} asks.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ElementEpochBenchmark {

  /** Element-epochs per invocation: 10 000 epochs at N = 1 000, 10 at N = 1 000 000. */
  public static final int ELEMENT_EPOCHS = 10_000_000;

  /** The solver's id, as {@code Solvers.byId} takes it. */
  @Param({"scalar", "simd"})
  public String solver;

  /** N. */
  @Param({"1000", "10000", "100000", "1000000"})
  public int samples;

  /** {@code f64} or {@code f32}. */
  @Param({"f64"})
  public String precision;

  private Workspace workspace;
  private Schedule schedule;

  /** Prepares the solver's workspace once per trial, as the race's setup does. */
  @Setup(Level.Trial)
  public void prepare() {
    Solver found = Solvers.load().byId(solver);
    if (!found.availability().available()) {
      throw new IllegalStateException(solver + " is " + found.availability());
    }
    workspace = found.prepare(Datasets.article(samples, Article.SEED,
        Article.SIGMA), Precision.parse(precision));
    schedule = Schedule.of(Article.LEARNING_RATE, ELEMENT_EPOCHS / samples);
  }

  /** Frees the workspace (and any threads it holds). */
  @TearDown(Level.Trial)
  public void close() {
    workspace.close();
  }

  /** One descent of 10<sup>7</sup> element-epochs; the Fit goes back to JMH's blackhole. */
  @Benchmark
  @OperationsPerInvocation(ELEMENT_EPOCHS)
  public Fit descend() {
    return workspace.descend(schedule);
  }
}
