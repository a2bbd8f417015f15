package dev.descent.backend.spark;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Where the Spark solvers run and with which extra configuration, from the JVM's system
 * properties or its environment; the system property wins, so that one JVM can override what
 * its environment says.
 *
 * <ul>
 *   <li>{@value #MASTER_PROPERTY} or {@value #MASTER_VARIABLE}: the master URL, anything Spark
 *       accepts ({@code local[*]}, {@code local[4]}, {@code spark://host:7077}, …); default
 *       {@value #DEFAULT_MASTER};
 *   <li>{@value #CONF_PROPERTY} or {@value #CONF_VARIABLE}: extra {@code key=value} pairs,
 *       separated by {@code ;} or line breaks (not commas nor spaces: values such as
 *       {@code spark.executor.extraJavaOptions} hold both), applied last, so they override every
 *       default this backend sets.
 * </ul>
 *
 * @param master the master URL
 * @param conf extra Spark configuration, in the order given
 */
record SparkSettings(String master, Map<String, String> conf) {

  static final String MASTER_PROPERTY = "descent.spark.master";
  static final String MASTER_VARIABLE = "DESCENT_SPARK_MASTER";
  static final String CONF_PROPERTY = "descent.spark.conf";
  static final String CONF_VARIABLE = "DESCENT_SPARK_CONF";
  static final String DEFAULT_MASTER = "local[*]";

  SparkSettings {
    if (master == null || master.isBlank()) {
      throw new IllegalArgumentException("Spark master = '" + master + "': must not be blank");
    }
    master = master.trim();
    conf = Map.copyOf(conf);
  }

  /** The settings this JVM was given. */
  static SparkSettings fromEnvironment() {
    String master = firstSet(System.getProperty(MASTER_PROPERTY), System.getenv(MASTER_VARIABLE));
    String conf = firstSet(System.getProperty(CONF_PROPERTY), System.getenv(CONF_VARIABLE));
    return new SparkSettings(master == null ? DEFAULT_MASTER : master, parseConf(conf));
  }

  /**
   * Reads {@code key=value} pairs separated by {@code ;} or line breaks.
   *
   * @throws IllegalArgumentException quoting the pair that has no {@code =} or no key
   */
  static Map<String, String> parseConf(String text) {
    Map<String, String> pairs = new LinkedHashMap<>();
    if (text == null) {
      return pairs;
    }
    for (String pair : text.split("[;\\n\\r]+")) {
      if (pair.isBlank()) {
        continue;
      }
      int equals = pair.indexOf('=');
      if (equals <= 0 || pair.substring(0, equals).isBlank()) {
        throw new IllegalArgumentException(CONF_PROPERTY + ": '" + pair.trim()
            + "' is no key=value pair (pairs are separated by ';')");
      }
      pairs.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
    }
    return pairs;
  }

  /** Whether the executors run inside this JVM ({@code local}, {@code local[N]}, …). */
  boolean isLocal() {
    return master.toLowerCase(Locale.ROOT).startsWith("local");
  }

  /**
   * Whether everything runs on this machine's loopback: an embedded master or a cluster at
   * 127.0.0.1 or localhost. Only then does the driver bind to 127.0.0.1 by default; a driver of
   * a real cluster must be reachable from the workers.
   */
  boolean isLoopback() {
    String lower = master.toLowerCase(Locale.ROOT);
    return isLocal() || lower.startsWith("spark://127.0.0.1:")
        || lower.startsWith("spark://localhost:");
  }

  private static String firstSet(String... values) {
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    return null;
  }
}
