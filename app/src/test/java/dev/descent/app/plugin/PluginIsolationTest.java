package dev.descent.app.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.api.Solver;
import dev.descent.app.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two plug-ins that bundle different versions of the same library each see their own, and none
 * sees the application's libraries: each has its own class loader whose parent shows only the
 * api.
 */
class PluginIsolationTest {

  private static final String SOLVER = """
      package example.%1$s;
      import dev.descent.api.*;
      import java.util.*;
      public final class %2$s implements Solver {
        public String id() { return "%1$s"; }
        public String description() {
          String guava;
          try {
            Class.forName("com.google.common.base.Stopwatch");
            guava = "sees the app's Guava";
          } catch (ClassNotFoundException e) {
            guava = "no Guava";
          }
          return "uses shared.Library " + shared.Library.VERSION + ", " + guava;
        }
        public Availability availability() { return Availability.available("nowhere"); }
        public Set<Precision> precisions() { return EnumSet.of(Precision.FLOAT64); }
        public Workspace prepare(Dataset data, Precision precision) {
          throw new UnsupportedOperationException();
        }
      }
      """;

  private static final String LIBRARY = """
      package shared;
      public final class Library { public static final String VERSION = new String("%s"); }
      """;

  /** Compiles a solver and its copy of shared.Library into a plug-in folder. */
  private static void plugin(Path plugins, String name, String className, String version)
      throws IOException {
    Path sources = Files.createDirectories(plugins.resolveSibling("src-" + name));
    Path solver = sources.resolve(className + ".java");
    Path library = sources.resolve("Library.java");
    Files.writeString(solver, String.format(SOLVER, name, className));
    Files.writeString(library, String.format(LIBRARY, version));
    Path folder = Files.createDirectories(plugins.resolve(name));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int status = javac.run(null, null, null, "-d", folder.toString(), "-cp",
        System.getProperty("java.class.path"), solver.toString(), library.toString());
    assertEquals(0, status, "compiling the test plug-in " + name);
    Path services = Files.createDirectories(folder.resolve("META-INF/services"));
    Files.writeString(services.resolve("dev.descent.api.Solver"),
        "example." + name + "." + className + "\n");
  }

  @Test
  void eachPluginSeesItsOwnLibraryVersionAndNotTheApplications(@TempDir Path root)
      throws IOException {
    Path plugins = Files.createDirectories(root.resolve("plugins"));
    plugin(plugins, "alpha", "AlphaSolver", "1.0");
    plugin(plugins, "beta", "BetaSolver", "2.0");

    Plugins loaded = Plugins.load(List.of(plugins));
    Solver alpha = loaded.solvers().byId("alpha");
    Solver beta = loaded.solvers().byId("beta");

    assertEquals("uses shared.Library 1.0, no Guava", alpha.description());
    assertEquals("uses shared.Library 2.0, no Guava", beta.description());
    assertEquals("plugins/alpha", loaded.origin(alpha));
    assertEquals("class path", loaded.origin(loaded.solvers().byId("scalar")));
    assertTrue(loaded.solvers().failures().isEmpty(), loaded.solvers().failures().toString());
  }

  @Test
  void aForkLoadsOnlyThePluginItsSolverComesFrom(@TempDir Path root) throws IOException {
    Path plugins = Files.createDirectories(root.resolve("plugins"));
    plugin(plugins, "alpha", "AlphaSolver", "1.0");
    plugin(plugins, "beta", "BetaSolver", "2.0");
    Plugins all = Plugins.load(List.of(plugins));

    Path alpha = Plugins.pluginOf(all.solvers().byId("alpha"), List.of(plugins)).orElseThrow();
    assertEquals(plugins.resolve("alpha").toAbsolutePath().normalize(), alpha);
    assertEquals(Optional.empty(),
        Plugins.pluginOf(all.solvers().byId("scalar"), List.of(plugins)), "class path");

    Plugins one = Plugins.loadPlugin(alpha);
    assertEquals("uses shared.Library 1.0, no Guava", one.solvers().byId("alpha").description());
    assertTrue(one.solvers().ids().contains("scalar"), "the class path's solvers stay");
    assertFalse(one.solvers().ids().contains("beta"), one.solvers().ids().toString());
  }

  @Test
  void aMissingPluginsFolderIsNamed(@TempDir Path root) {
    Run run = Run.of("list", "--plugins", root.resolve("nope").toString());
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("--plugins: '" + root.resolve("nope") + "' is not a folder"),
        run.err());
  }
}
