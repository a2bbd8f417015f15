package dev.descent.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** --plugins adds to the distribution's own plugins/; --no-builtin-plugins leaves it out. */
class PluginOptionsTest {

  @TempDir
  Path root;

  @Test
  void pluginsAddToTheBuiltInFolder() throws IOException {
    Path builtin = Files.createDirectories(root.resolve("descent/plugins"));
    Path mine = Files.createDirectories(root.resolve("mine"));
    assertEquals(List.of(builtin, mine), parse("--plugins", mine.toString()).folders(
        List.of(builtin)));
    assertEquals(List.of(builtin), parse().folders(List.of(builtin)));
  }

  @Test
  void theBuiltInFolderCanBeLeftOut() throws IOException {
    Path builtin = Files.createDirectories(root.resolve("descent/plugins"));
    Path mine = Files.createDirectories(root.resolve("mine"));
    assertEquals(List.of(mine), parse("--no-builtin-plugins", "--plugins", mine.toString())
        .folders(List.of(builtin)));
    assertEquals(List.of(), parse("--no-builtin-plugins").folders(List.of(builtin)));
  }

  @Test
  void aFolderNamedTwiceIsLoadedOnce() throws IOException {
    Path builtin = Files.createDirectories(root.resolve("descent/plugins"));
    Path same = root.resolve("descent/../descent/plugins");
    assertEquals(List.of(builtin), parse("--plugins", same.toString()).folders(List.of(builtin)));
  }

  private static PluginOptions parse(String... args) {
    return CommandLine.populateCommand(new PluginOptions(), args);
  }
}
