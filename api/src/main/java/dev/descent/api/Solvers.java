package dev.descent.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.regex.Pattern;

/**
 * The solvers a class loader provides, found through {@link ServiceLoader} one provider at a
 * time, in the manner of Lucene's {@code NamedSPILoader}: a provider that cannot be loaded — a
 * services entry naming a missing class, a {@link LinkageError}, a constructor or {@code id()}
 * that throws, an id that is malformed or already taken — becomes a {@link LoadFailure} with its
 * reason and does not hide the others.
 */
public final class Solvers {

  /** Lower-case dot-separated words: {@code scalar}, {@code simd.parallel}. */
  public static final Pattern ID_PATTERN = Pattern.compile("[a-z0-9][a-z0-9-]*(\\.[a-z0-9][a-z0-9-]*)*");

  /** Stops a services file that keeps failing from looping forever. */
  private static final int MAX_FAILURES = 1_000;

  /**
   * A provider that could not be loaded.
   *
   * @param provider the class or services entry, as far as it is known
   * @param reason what went wrong, in one line
   * @param cause the failure itself, for those who want the stack
   */
  public record LoadFailure(String provider, String reason, Throwable cause) {
    @Override
    public String toString() {
      return provider + ": " + reason;
    }
  }

  private final Map<String, Solver> byId;
  private final List<LoadFailure> failures;

  private Solvers(Map<String, Solver> byId, List<LoadFailure> failures) {
    this.byId = Collections.unmodifiableMap(byId);
    this.failures = List.copyOf(failures);
  }

  /** The solvers visible to the thread's context class loader (the class path). */
  public static Solvers load() {
    return load(Thread.currentThread().getContextClassLoader());
  }

  /** The solvers visible to {@code loader}. */
  public static Solvers load(ClassLoader loader) {
    return load(List.of(ServiceLoader.load(Solver.class, loader)));
  }

  /**
   * The solvers of several service loaders together (e.g. the class path and one class loader per
   * plug-in), with one id space across all of them: a later duplicate is a failure.
   */
  public static Solvers load(List<ServiceLoader<Solver>> loaders) {
    Map<String, Solver> byId = new LinkedHashMap<>();
    List<LoadFailure> failures = new ArrayList<>();
    for (ServiceLoader<Solver> loader : loaders) {
      collect(loader.iterator(), byId, failures);
    }
    return new Solvers(byId, failures);
  }

  /**
   * Walks the providers one at a time. ServiceLoader's lazy iterator moves past an entry it failed
   * on, so catching the error and asking again reaches the next provider.
   */
  private static void collect(
      Iterator<Solver> providers, Map<String, Solver> byId, List<LoadFailure> failures) {
    int failed = 0;
    while (failed < MAX_FAILURES) {
      Solver solver;
      try {
        if (!providers.hasNext()) {
          return;
        }
        solver = providers.next();
      } catch (NoSuchElementException end) {
        return;
      } catch (ServiceConfigurationError | LinkageError | RuntimeException e) {
        failed++;
        failures.add(new LoadFailure(providerName(e), reasonOf(e), e));
        continue;
      }
      String className = solver.getClass().getName();
      String id;
      try {
        id = solver.id();
      } catch (RuntimeException | LinkageError e) {
        failures.add(new LoadFailure(className, "id() threw " + reasonOf(e), e));
        continue;
      }
      if (id == null || !ID_PATTERN.matcher(id).matches()) {
        failures.add(new LoadFailure(className,
            "malformed id '" + id + "' (want lower-case words joined by dots, e.g. simd.parallel)",
            null));
        continue;
      }
      Solver earlier = byId.get(id);
      if (earlier != null) {
        failures.add(new LoadFailure(className,
            "duplicate id '" + id + "', already provided by " + earlier.getClass().getName(),
            null));
        continue;
      }
      byId.put(id, solver);
    }
    failures.add(new LoadFailure("ServiceLoader",
        "gave up after " + MAX_FAILURES + " failed providers", null));
  }

  /** ServiceLoader's messages start with "dev.descent.api.Solver: Provider x.Y could not …". */
  private static String providerName(Throwable e) {
    String message = String.valueOf(e.getMessage());
    int start = message.indexOf("Provider ");
    if (start >= 0) {
      int end = message.indexOf(' ', start + 9);
      return message.substring(start + 9, end < 0 ? message.length() : end);
    }
    return "unknown provider";
  }

  /** The failure and its root cause in one line. */
  static String reasonOf(Throwable e) {
    StringBuilder reason = new StringBuilder(describe(e));
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root != e) {
      reason.append(" (caused by ").append(describe(root)).append(')');
    }
    return reason.toString();
  }

  private static String describe(Throwable e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  /** The loaded solvers in discovery order. */
  public List<Solver> all() {
    return List.copyOf(byId.values());
  }

  /** The ids of the loaded solvers, in discovery order. */
  public List<String> ids() {
    return List.copyOf(byId.keySet());
  }

  /** The providers that could not be loaded, with their reasons. */
  public List<LoadFailure> failures() {
    return failures;
  }

  /** Whether a solver with this id was loaded. */
  public boolean contains(String id) {
    return byId.containsKey(id);
  }

  /**
   * The solver with this id.
   *
   * @throws IllegalArgumentException naming the id and listing the known ones (and any provider
   *     that failed to load, which may be the one wanted)
   */
  public Solver byId(String id) {
    Solver solver = byId.get(id);
    if (solver == null) {
      StringBuilder message = new StringBuilder("unknown solver '").append(id)
          .append("'; known: ").append(byId.isEmpty() ? "(none)" : String.join(", ", byId.keySet()));
      if (!failures.isEmpty()) {
        message.append("; failed to load: ").append(failures.size()).append(" provider(s), e.g. ")
            .append(failures.get(0));
      }
      throw new IllegalArgumentException(message.toString());
    }
    return solver;
  }
}
