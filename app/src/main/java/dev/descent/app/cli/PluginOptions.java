package dev.descent.app.cli;

import dev.descent.app.plugin.Plugins;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** Where plug-ins come from: the options {@code race}, {@code sweep} and {@code list} share. */
final class PluginOptions {

  @Option(names = "--plugins", paramLabel = "DIR",
      description = "Also load the plug-ins in this folder, each jar or folder of jars in its own "
          + "class loader (repeatable). They race next to the distribution's own plugins/.")
  List<Path> extraFolders = new ArrayList<>();

  @Option(names = "--no-builtin-plugins",
      description = "Leave out the distribution's own plugins/ folder: only the class path and "
          + "the --plugins folders count.")
  boolean noBuiltinPlugins;

  /** The folders to load: the distribution's own unless turned off, then the --plugins ones. */
  List<Path> folders() {
    return folders(Plugins.defaultFolders());
  }

  List<Path> folders(List<Path> builtin) {
    // Keyed by the real path, so naming the built-in folder again does not load it twice.
    Map<Path, Path> folders = new LinkedHashMap<>();
    if (!noBuiltinPlugins) {
      builtin.forEach(folder -> folders.putIfAbsent(identity(folder), folder));
    }
    extraFolders.forEach(folder -> folders.putIfAbsent(identity(folder), folder));
    return List.copyOf(folders.values());
  }

  private static Path identity(Path folder) {
    try {
      return folder.toRealPath();
    } catch (IOException e) {
      // Plugins.load names a folder that does not exist; here it only has to be told apart.
      return folder.toAbsolutePath().normalize();
    }
  }
}
