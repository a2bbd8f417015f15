package dev.descent.backend.spark;

import dev.descent.api.Availability;
import dev.descent.api.Dataset;
import dev.descent.api.Launch;
import dev.descent.api.Precision;
import dev.descent.api.Solver;
import dev.descent.api.Workspace;
import dev.descent.api.support.Preconditions;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * What both Spark solvers share: where Spark runs ({@link SparkSettings}), a context started in
 * {@link #prepare} (timed as setup: ~4 s in a fresh JVM, well under one after) and stopped by the
 * workspace's {@code close()}, or at once when {@code prepare} fails.
 */
abstract sealed class SparkSolver implements Solver permits SparkStepsSolver, SparkGramSolver {

  /** Written into spark-core's jar by Spark's build; read without starting anything. */
  private static final String VERSION_RESOURCE = "spark-version-info.properties";

  @Override
  public final Set<Precision> precisions() {
    return EnumSet.of(Precision.FLOAT64, Precision.FLOAT32);
  }

  /** Looks for Spark's classes and reads the settings; starts no context, contacts no master. */
  @Override
  public final Availability availability() {
    SparkSettings settings;
    try {
      settings = SparkSettings.fromEnvironment();
    } catch (IllegalArgumentException e) {
      return Availability.unavailable(e.getMessage(), "fix " + SparkSettings.CONF_PROPERTY
          + " or " + SparkSettings.CONF_VARIABLE);
    }
    try {
      Class.forName("org.apache.spark.SparkContext", false, SparkSolver.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      return Availability.unavailable("Apache Spark's classes are missing (" + e + ")",
          "put spark-core and its dependencies beside this plug-in's jar");
    }
    return Availability.available("Apache Spark " + sparkVersion() + " on " + settings.master());
  }

  /**
   * Spark's own list of {@code --add-opens} options, which its Kryo serializer and off-heap code
   * need on Java 17 (the default Java serializer works without), and, when everything runs on
   * this machine, {@code SPARK_LOCAL_IP=127.0.0.1}: no loopback warning, nothing bound to every
   * interface.
   */
  @Override
  public final Launch launch() {
    List<String> options;
    try {
      options = Arrays.asList(org.apache.spark.launcher.JavaModuleOptions
          .defaultModuleOptionArray());
    } catch (LinkageError missing) {
      options = List.of();
    }
    boolean loopback;
    try {
      loopback = SparkSettings.fromEnvironment().isLoopback();
    } catch (IllegalArgumentException malformed) {
      loopback = false;
    }
    return new Launch(options, loopback ? Map.of("SPARK_LOCAL_IP", "127.0.0.1") : Map.of());
  }

  @Override
  public final Workspace prepare(Dataset data, Precision precision) {
    Preconditions.checkPrepare(this, data, precision);
    SparkDriver driver = SparkDriver.start(SparkSettings.fromEnvironment(),
        "descent " + id() + " " + precision.shortName() + " " + data);
    try {
      return open(driver, data, precision);
    } catch (RuntimeException | Error e) {
      driver.close();
      throw e;
    }
  }

  /** Makes the data resident through the started driver; the workspace then owns the driver. */
  abstract Workspace open(SparkDriver driver, Dataset data, Precision precision);

  static String sparkVersion() {
    Properties properties = new Properties();
    ClassLoader loader = SparkSolver.class.getClassLoader();
    try (InputStream in = loader.getResourceAsStream(VERSION_RESOURCE)) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException unreadable) {
      // The version is for humans only.
    }
    return properties.getProperty("version", "(version unknown)");
  }
}
