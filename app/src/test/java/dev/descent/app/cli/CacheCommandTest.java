package dev.descent.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.app.Run;
import dev.descent.reference.BlockRecipe;
import dev.descent.reference.DataCache;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code descent cache}: shows the cache and clears it. */
class CacheCommandTest {

  @Test
  void showsAndClearsTheCachedDataAndReferences(@TempDir Path folder) throws Exception {
    String previous = System.getProperty("descent.cache");
    System.setProperty("descent.cache", folder.toString());
    try {
      BlockRecipe recipe = new BlockRecipe(1000, 1, 1, 0.1, 100);
      DataCache.standard().open(recipe.toString(), recipe::dataset, line -> {});
      Files.createDirectories(folder.resolve("references"));
      Files.writeString(folder.resolve("references/x.json"), "{}");
      Run shown = Run.of("cache");
      assertEquals(0, shown.exitCode(), shown.err());
      assertTrue(shown.out().contains(folder.resolve("data") + " (0.0 MB)"), shown.out());

      Run cleared = Run.of("cache", "--clear");
      assertEquals(0, cleared.exitCode(), cleared.err());
      assertTrue(cleared.out().startsWith("removed 0.0 MB"), cleared.out());
      assertFalse(DataCache.standard().has(recipe.toString()));
      assertFalse(Files.exists(folder.resolve("references/x.json")));
    } finally {
      if (previous == null) {
        System.clearProperty("descent.cache");
      } else {
        System.setProperty("descent.cache", previous);
      }
    }
  }
}
