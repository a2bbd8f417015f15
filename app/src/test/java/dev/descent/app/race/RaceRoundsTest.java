package dev.descent.app.race;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.descent.api.Precision;
import dev.descent.api.Schedule;
import dev.descent.app.fork.ForkedRunner;
import dev.descent.app.plugin.Plugins;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** --fork N: the forks go in rounds over the solvers, and pool per solver and precision. */
class RaceRoundsTest {

  private static final Pattern LAUNCH =
      Pattern.compile("^\\[(\\d+)/(\\d+)[^\\]]*\\] (\\S+) fork (\\d)/2 ");

  @Test
  void forksGoInRoundsAndPoolPerSolver() {
    List<String> lines = new ArrayList<>();
    Progress recording = new Progress() {
      @Override
      public void update(String line) {
        lines.add(line);
      }

      @Override
      public void done() {}
    };
    ForkedRunner forks = new ForkedRunner(List.of(), Map.of(), List.of(), 60, null);
    Race race = new Race(Plugins.load(List.of()), recording, forks);
    RaceSettings settings = new RaceSettings(List.of(Precision.FLOAT64, Precision.FLOAT32), 3, 0,
        List.of("scalar", "scalar.numpy"), 2, 60, "", RaceSettings.DEFAULT_TIME_BUDGET);
    Problem problem = Problem.of(DataRecipe.generated(300, 2, 7, 0.1), Schedule.of(0.01, 20));

    RaceReport report = race.run(problem, settings);

    LinkedHashSet<String> launches = new LinkedHashSet<>();
    for (String line : lines) {
      Matcher matcher = LAUNCH.matcher(line);
      if (matcher.find()) {
        assertEquals("4", matcher.group(2), line);
        launches.add(matcher.group(1) + " " + matcher.group(3) + " " + matcher.group(4));
      }
    }
    assertEquals(List.of("1 scalar 1", "2 scalar.numpy 1", "3 scalar 2", "4 scalar.numpy 2"),
        List.copyOf(launches), String.join("\n", lines));
    assertEquals(4, report.entries().size());
    for (RaceEntry entry : report.entries()) {
      assertEquals(Status.OK, entry.status(), entry.toString());
      assertEquals(2 * 3, entry.timings().seconds().size(), entry.solver() + " samples");
    }
    assertEquals(List.of("scalar", "scalar", "scalar.numpy", "scalar.numpy"),
        report.entries().stream().map(RaceEntry::solver).toList());
  }
}
