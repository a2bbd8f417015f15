package dev.descent.backend.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * A real Spark standalone cluster on 127.0.0.1 — one master, {@code workers} workers of one core
 * each, every one its own JVM — started from the jars on this test's class path, without a Spark
 * distribution: a temporary {@code SPARK_HOME} gets them (linked) in {@code jars/} and a log4j2
 * configuration in {@code conf/}. {@code SPARK_SCALA_VERSION} tells Spark's launcher code where
 * the jars are (else a worker fails to start an executor with "Cannot find any build
 * directories"). This module's own jars stay out of {@code jars/}, so the executors get them only
 * through {@code spark.jars}, as on a real cluster.
 *
 * <p>{@link #close()} ends every process it started, and their children (the executors the
 * workers start), by PID: destroy, then destroyForcibly after a bounded wait; a JVM shutdown hook
 * does the same if the test JVM is stopped first. Every wait is bounded.
 */
final class LocalSparkCluster implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

  private final Path home;
  private final int masterPort;
  private final Process master;
  private final List<Process> workers = new ArrayList<>();
  private final Thread shutdownHook = new Thread(this::stopAll, "stop local Spark cluster");

  private LocalSparkCluster(Path home, int masterPort, Process master) {
    this.home = home;
    this.masterPort = masterPort;
    this.master = master;
  }

  /** Starts a master and {@code workers} one-core workers and waits until all registered. */
  static LocalSparkCluster start(int workers) throws IOException, InterruptedException {
    Path home = Files.createTempDirectory("descent-spark-home-");
    Files.createDirectories(home.resolve("jars"));
    Files.createDirectories(home.resolve("conf"));
    Files.createDirectories(home.resolve("logs"));
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      Path jar = Path.of(entry);
      String name = jar.getFileName().toString();
      if (name.endsWith(".jar") && !name.startsWith("descent-") && Files.isRegularFile(jar)) {
        Files.createSymbolicLink(home.resolve("jars").resolve(name), jar.toAbsolutePath());
      }
    }
    Files.writeString(home.resolve("conf/log4j2.properties"), String.join("\n",
        "rootLogger.level = warn",
        "rootLogger.appenderRef.stderr.ref = console",
        "appender.console.type = Console",
        "appender.console.name = console",
        "appender.console.target = SYSTEM_ERR",
        "appender.console.layout.type = PatternLayout",
        "appender.console.layout.pattern = %d{HH:mm:ss.SSS} %-5p %c{1}: %m%n%ex",
        // The lines the harness waits for are INFO: keep those two loggers talking.
        "logger.master.name = org.apache.spark.deploy.master.Master",
        "logger.master.level = info",
        "logger.worker.name = org.apache.spark.deploy.worker.Worker",
        "logger.worker.level = info", ""));
    int masterPort = freePort();
    Process master = launch(home, "master", List.of("org.apache.spark.deploy.master.Master",
        "--host", "127.0.0.1", "--port", String.valueOf(masterPort),
        "--webui-port", String.valueOf(freePort())));
    LocalSparkCluster cluster = new LocalSparkCluster(home, masterPort, master);
    Runtime.getRuntime().addShutdownHook(cluster.shutdownHook);
    try {
      cluster.await("the master to lead", () -> cluster.log("master").contains("elected leader"));
      for (int i = 0; i < workers; i++) {
        cluster.addWorker();
      }
      for (int i = 0; i < workers; i++) {
        String name = "worker-" + i;
        cluster.await(name + " to register",
            () -> cluster.log(name).contains("Successfully registered with master"));
      }
      return cluster;
    } catch (IOException | InterruptedException | RuntimeException | Error e) {
      cluster.close();
      throw e;
    }
  }

  /** The master's URL, {@code spark://127.0.0.1:PORT}. */
  String masterUrl() {
    return "spark://127.0.0.1:" + masterPort;
  }

  /** The worker processes, in the order started. */
  List<Process> workers() {
    return List.copyOf(workers);
  }

  /**
   * Kills worker {@code index} and the executors it started at once (SIGKILL): a machine lost
   * in the middle of a job, not a clean stop.
   */
  void killWorker(int index) throws InterruptedException {
    Process worker = workers.get(index);
    worker.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
    worker.destroyForcibly();
    worker.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** What a process of the cluster has logged so far, e.g. {@code "master"}, {@code "worker-0"}. */
  String log(String name) {
    try {
      return Files.readString(home.resolve("logs").resolve(name + ".log"));
    } catch (IOException e) {
      return "";
    }
  }

  private void addWorker() throws IOException {
    String name = "worker-" + workers.size();
    Path work = Files.createDirectories(home.resolve("work").resolve(name));
    workers.add(launch(home, name, List.of("org.apache.spark.deploy.worker.Worker", masterUrl(),
        "--host", "127.0.0.1", "--cores", "1", "--memory", "2g",
        "--webui-port", String.valueOf(freePort()), "--work-dir", work.toString())));
  }

  private static Process launch(Path home, String name, List<String> mainAndArguments)
      throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-XX:+UseSerialGC", "-Dspark.master.rest.enabled=false",
        "-Dlog4j2.configurationFile=" + home.resolve("conf/log4j2.properties"),
        "-cp", home.resolve("conf") + java.io.File.pathSeparator + home.resolve("jars") + "/*"));
    command.addAll(mainAndArguments);
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(home.resolve("logs").resolve(name + ".log").toFile());
    Map<String, String> environment = builder.environment();
    environment.put("SPARK_HOME", home.toString());
    environment.put("SPARK_SCALA_VERSION", "2.13");
    environment.put("SPARK_LOCAL_IP", "127.0.0.1");
    environment.put("SPARK_LOG_DIR", home.resolve("logs").toString());
    return builder.start();
  }

  private void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (!condition.getAsBoolean()) {
      if (!master.isAlive()) {
        throw new IllegalStateException("the Spark master died while waiting for " + what
            + ":\n" + log("master"));
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("timed out after " + START_TIMEOUT + " waiting for "
            + what + "; master log:\n" + log("master"));
      }
      Thread.sleep(100);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** Stops every process, then deletes the temporary SPARK_HOME. Never throws. */
  @Override
  public void close() {
    stopAll();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // The hook is running or has run: nothing left to remove.
    }
    try (Stream<Path> paths = Files.walk(home)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException | UncheckedIOException ignored) {
      // A temporary folder left behind is not worth failing a test for.
    }
  }

  private synchronized void stopAll() {
    List<Process> processes = new ArrayList<>(workers);
    processes.add(master);
    List<ProcessHandle> all = new ArrayList<>();
    for (Process process : processes) {
      process.toHandle().descendants().forEach(all::add);
      all.add(process.toHandle());
    }
    all.forEach(ProcessHandle::destroy);
    long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
    for (ProcessHandle handle : all) {
      long left = deadline - System.nanoTime();
      try {
        handle.onExit().get(Math.max(1, left), TimeUnit.NANOSECONDS);
      } catch (Exception notYet) {
        handle.destroyForcibly();
      }
    }
  }
}
