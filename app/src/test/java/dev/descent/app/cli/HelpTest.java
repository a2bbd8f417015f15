package dev.descent.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.app.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command's --help renders cleanly: picocli warns on stderr about a bad description. */
class HelpTest {

  @Test
  void everyUsageMessageRendersWithoutWarnings() {
    PrintStream originalErr = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    List<String> names = new ArrayList<>();
    List<String> messages = new ArrayList<>();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      collect(new CommandLine(new Main()), names, messages);
    } finally {
      System.setErr(originalErr);
    }
    assertTrue(names.containsAll(List.of("descent", "descent race", "descent sweep",
        "descent list", "descent machine", "descent compare")), names.toString());
    assertEquals("", captured.toString(StandardCharsets.UTF_8), "picocli's warnings");
    for (String message : messages) {
      assertFalse(message.contains("%n"), "an unformatted description:\n" + message);
    }
  }

  private static void collect(CommandLine command, List<String> names, List<String> messages) {
    names.add(command.getCommandSpec().qualifiedName());
    messages.add(command.getUsageMessage(CommandLine.Help.Ansi.OFF));
    command.getSubcommands().values().stream().distinct()
        .forEach(sub -> collect(sub, names, messages));
  }
}
