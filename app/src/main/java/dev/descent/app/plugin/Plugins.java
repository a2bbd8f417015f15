package dev.descent.app.plugin;

import dev.descent.api.Solver;
import dev.descent.api.Solvers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Stream;

/**
 * The solvers the race can see: those on the application's class path, and those of each
 * plug-in — a jar, or a folder of jars (and classes), directly inside a plug-ins folder — each
 * plug-in in its own {@link URLClassLoader} whose parent shows only the api.
 */
public final class Plugins {

  /**
   * One plug-in.
   *
   * @param name the jar's or folder's name
   * @param location the jar or folder
   * @param loader its class loader
   */
  record Plugin(String name, Path location, ClassLoader loader) {}

  private final List<Path> folders;
  private final List<Plugin> plugins;
  private final Solvers solvers;

  private Plugins(List<Path> folders, List<Plugin> plugins, Solvers solvers) {
    this.folders = List.copyOf(folders);
    this.plugins = List.copyOf(plugins);
    this.solvers = solvers;
  }

  /**
   * The class path's solvers plus those of every plug-in in {@code folders}.
   *
   * @throws IllegalArgumentException naming a folder that does not exist
   */
  public static Plugins load(List<Path> folders) {
    List<Path> entries = new ArrayList<>();
    for (Path folder : folders) {
      if (!Files.isDirectory(folder)) {
        throw new IllegalArgumentException("--plugins: '" + folder + "' is not a folder");
      }
      entries.addAll(entries(folder));
    }
    return of(folders, entries);
  }

  /**
   * The class path's solvers plus those of one plug-in (a jar or a folder of jars): what a
   * forked JVM needs for the one solver it runs, without loading every other plug-in's classes.
   */
  public static Plugins loadPlugin(Path entry) {
    return of(List.of(entry.toAbsolutePath().getParent()), List.of(entry));
  }

  /**
   * The plug-in, directly inside one of {@code folders}, that this solver's class was loaded
   * from; empty for a solver from the class path.
   */
  public static Optional<Path> pluginOf(Solver solver, List<Path> folders) {
    Path source;
    try {
      source = Path.of(solver.getClass().getProtectionDomain().getCodeSource().getLocation()
          .toURI()).toAbsolutePath().normalize();
    } catch (Exception e) {
      return Optional.empty();
    }
    for (Path folder : folders) {
      Path base = folder.toAbsolutePath().normalize();
      if (source.startsWith(base) && !source.equals(base)) {
        return Optional.of(base.resolve(base.relativize(source).getName(0)));
      }
    }
    return Optional.empty();
  }

  private static Plugins of(List<Path> folders, List<Path> entries) {
    ClassLoader application = Plugins.class.getClassLoader();
    ApiOnlyClassLoader apiOnly = new ApiOnlyClassLoader(application);
    List<Plugin> plugins = new ArrayList<>();
    for (Path entry : entries) {
      List<URL> urls = urls(entry);
      if (!urls.isEmpty()) {
        ClassLoader loader = new URLClassLoader("plugin:" + entry.getFileName(),
            urls.toArray(URL[]::new), apiOnly);
        plugins.add(new Plugin(entry.getFileName().toString(), entry, loader));
      }
    }
    List<ServiceLoader<Solver>> loaders = new ArrayList<>();
    loaders.add(ServiceLoader.load(Solver.class, application));
    for (Plugin plugin : plugins) {
      loaders.add(ServiceLoader.load(Solver.class, plugin.loader()));
    }
    return new Plugins(folders, plugins, Solvers.load(loaders));
  }

  /**
   * The default plug-ins folder: {@code plugins/} beside the {@code lib/} folder the app jar is
   * in (the distribution's layout), if there is one.
   */
  public static List<Path> defaultFolders() {
    try {
      Path jar = Path.of(Plugins.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path lib = jar.getParent();
      if (lib != null && lib.getFileName() != null && lib.getFileName().toString().equals("lib")
          && Files.isRegularFile(jar)) {
        Path plugins = lib.resolveSibling("plugins");
        if (Files.isDirectory(plugins)) {
          return List.of(plugins);
        }
      }
    } catch (Exception e) {
      // No code source (an unusual class loader): no default folder, the class path still counts.
    }
    return List.of();
  }

  private static List<Path> entries(Path folder) {
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.filter(path -> Files.isDirectory(path) || isJar(path))
          .sorted(Comparator.comparing(Path::toString))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list plug-ins folder '" + folder + "': " + e, e);
    }
  }

  /** A jar is itself; a folder is its jars, plus itself when it holds classes directly. */
  private static List<URL> urls(Path entry) {
    List<URL> urls = new ArrayList<>();
    if (isJar(entry)) {
      urls.add(url(entry));
      return urls;
    }
    try (Stream<Path> files = Files.list(entry)) {
      files.filter(Plugins::isJar).sorted().forEach(jar -> urls.add(url(jar)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list plug-in folder '" + entry + "': " + e, e);
    }
    if (Files.isDirectory(entry.resolve("META-INF"))) {
      urls.add(0, url(entry));
    }
    return urls;
  }

  private static boolean isJar(Path path) {
    return Files.isRegularFile(path) && path.getFileName().toString().endsWith(".jar");
  }

  private static URL url(Path path) {
    try {
      return path.toUri().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException("plug-in path '" + path + "': " + e.getMessage(), e);
    }
  }

  /** The plug-in folders searched, in order. */
  public List<Path> folders() {
    return folders;
  }

  /** Every solver found, class path first, then plug-ins in folder order. */
  public Solvers solvers() {
    return solvers;
  }

  /** Where a solver came from: its plug-in's name, or "class path". */
  public String origin(Solver solver) {
    ClassLoader loader = solver.getClass().getClassLoader();
    for (Plugin plugin : plugins) {
      if (plugin.loader() == loader) {
        return "plugins/" + plugin.name();
      }
    }
    return "class path";
  }
}
