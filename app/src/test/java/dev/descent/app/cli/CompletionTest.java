package dev.descent.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.app.Run;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code descent generate-completion} prints a bash completion script for every command. */
class CompletionTest {

  @Test
  void printsABashScriptNamingTheSubcommands() {
    Run run = Run.of("generate-completion");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().startsWith("#!/usr/bin/env bash"), run.out());
    assertTrue(run.out().contains("complete -F _complete_descent"), "registers the function");
    for (String command : List.of("race", "sweep", "list", "machine", "compare")) {
      assertTrue(run.out().contains("_picocli_descent_" + command + "()"), command);
    }
    assertTrue(run.out().contains("--export-json"), "options are completed too");
  }
}
