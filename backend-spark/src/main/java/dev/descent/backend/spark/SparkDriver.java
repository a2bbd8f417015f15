package dev.descent.backend.spark;

import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * One Spark context, started for one workspace and stopped with it.
 *
 * <p>Every call into Spark runs with this backend's class loader as the thread's context class
 * loader: in the distribution the backend lives in a plug-in class loader the application's
 * threads know nothing of, and Spark finds classes (its own services, the executors' class path
 * in {@code local} mode, the closures' classes) through the context class loader. Threads Spark
 * starts inherit it.
 */
final class SparkDriver implements AutoCloseable {

  /**
   * Netty's event-loop threads ({@code rpc-server-4-1}, {@code shuffle-client-7-2}): Spark shuts
   * their groups down without waiting, and Netty keeps them for a fixed quiet period of 2 s.
   */
  private static final Pattern EVENT_LOOP_THREAD = Pattern.compile(".+-\\d+-\\d+");

  /** How long {@link #close()} waits for the context's event-loop threads to end. */
  private static final long THREAD_END_WAIT_NANOS = TimeUnit.SECONDS.toNanos(5);

  private final JavaSparkContext context;
  private final SparkSettings settings;
  private final Set<Thread> threadsBefore;
  private final double startSeconds;
  private boolean stopped;

  private SparkDriver(JavaSparkContext context, SparkSettings settings,
      Set<Thread> threadsBefore, double startSeconds) {
    this.context = context;
    this.settings = settings;
    this.threadsBefore = threadsBefore;
    this.startSeconds = startSeconds;
  }

  /** Starts a context on the settings' master, named after what runs in it. */
  static SparkDriver start(SparkSettings settings, String appName) {
    long start = System.nanoTime();
    SparkConf conf = new SparkConf()
        .setMaster(settings.master())
        .setAppName(appName)
        // A race does not need a web UI per workspace, and an unasked-for open port is a risk.
        .set("spark.ui.enabled", "false")
        .set("spark.ui.showConsoleProgress", "false");
    if (settings.isLoopback()) {
      // Else Spark binds to every interface and warns that the host name resolves to loopback.
      conf.set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1");
    }
    if (!settings.isLocal()) {
      conf.set("spark.jars", ShippedJars.list());
    }
    settings.conf().forEach(conf::set);
    Set<Thread> threadsBefore = Set.copyOf(Thread.getAllStackTraces().keySet());
    return withOwnClassLoader(() -> {
      JavaSparkContext context = new JavaSparkContext(conf);
      try {
        // The first job in a JVM pays once for what no data size changes (the scheduler's, the
        // serializer's and the executors' classes and threads: 2.8 s of a 5-s first pass at
        // N = 1e8 here; on a cluster, the executors' registration). An empty one here keeps
        // that out of the workspaces' pass over the data, which they report apart.
        int slots = Math.max(1, context.defaultParallelism());
        context.parallelize(IntStream.range(0, slots).boxed().toList(), slots).count();
      } catch (RuntimeException | Error e) {
        context.stop();
        throw e;
      }
      return new SparkDriver(context, settings, threadsBefore,
          (System.nanoTime() - start) / 1e9);
    });
  }

  /**
   * How long the context took to start, with its first (empty) job: part of every workspace's
   * setup that no data size changes, so the workspaces report it apart from their own pass.
   */
  double startSeconds() {
    return startSeconds;
  }

  /** Whether the executors run in this JVM ({@code local[…]}), sharing its machine and files. */
  boolean isLocal() {
    return settings.isLocal();
  }

  /** The context, for building RDDs; call Spark through {@link #call}. */
  JavaSparkContext context() {
    return context;
  }

  /** Runs Spark work with this backend's class loader as the context class loader. */
  <T> T call(Callable<T> work) {
    return withOwnClassLoader(work);
  }

  /** How many tasks run at once: the cores of every executor together. */
  int parallelism() {
    return Math.max(1, context.defaultParallelism());
  }

  /**
   * The master, the Spark version, executors × cores; meaningful once a job has run, since a
   * cluster's executors register after the context starts.
   */
  String describe() {
    int executors = settings.isLocal()
        ? 1 : Math.max(1, context.sc().statusTracker().getExecutorInfos().length - 1);
    int cores = Math.max(1, parallelism() / executors);
    return "Apache Spark " + context.version() + " on " + settings.master() + ", " + executors
        + (executors == 1 ? " executor" : " executors") + " x " + cores
        + (cores == 1 ? " core" : " cores") + (settings.isLocal() ? " (in this JVM)" : "");
  }

  /**
   * Stops the context and its executors, then waits (at most 5 s) for the event-loop threads
   * the context started to end, so that a workspace's close leaves no thread behind; thousands of
   * quick prepare/close cycles would otherwise pile up 2 s worth of contexts' threads. Idempotent;
   * never throws.
   */
  @Override
  public void close() {
    if (stopped) {
      return;
    }
    stopped = true;
    try {
      withOwnClassLoader(() -> {
        context.stop();
        return null;
      });
    } catch (RuntimeException ignored) {
      // Stopping is best effort: a context whose cluster went away still counts as stopped.
    }
    awaitEventLoopThreads();
  }

  private void awaitEventLoopThreads() {
    long deadline = System.nanoTime() + THREAD_END_WAIT_NANOS;
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (threadsBefore.contains(thread)
          || !EVENT_LOOP_THREAD.matcher(thread.getName()).matches()) {
        continue;
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return;
      }
      try {
        thread.join(TimeUnit.NANOSECONDS.toMillis(left) + 1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static <T> T withOwnClassLoader(Callable<T> work) {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(SparkDriver.class.getClassLoader());
    try {
      return work.call();
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    } finally {
      thread.setContextClassLoader(previous);
    }
  }
}
