package dev.descent.app.fork;

import dev.descent.api.Footprint;
import dev.descent.api.Launch;
import dev.descent.api.Precision;
import dev.descent.app.race.Admission;
import dev.descent.app.race.Problem;
import dev.descent.app.race.RaceException;
import dev.descent.app.race.References;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * The reference answers of a large problem, computed in a JVM of their own that makes (or maps)
 * the data, so that the race's JVM never holds it; a failure is an error that names the size.
 */
final class ReferenceFork {
  /** The references' row windows and the closed form's stacked rows, with room to spare. */
  private static final long WINDOWS_BYTES = 64L << 20;
  private final JvmCommand jvm;
  private final double timeoutSeconds;

  ReferenceFork(JvmCommand jvm, double timeoutSeconds) {
    this.jvm = jvm;
    this.timeoutSeconds = timeoutSeconds;
  }

  References compute(Problem problem, List<Precision> precisions, Consumer<String> progress) {
    int n = problem.shape().samples();
    int p = problem.shape().features();
    // The references read the data a window of rows at a time: only data that is not mapped
    // from the cache (CSV, standardised) is held whole, in float64.
    Footprint footprint = problem.recipe().isMapped()
        ? new Footprint(WINDOWS_BYTES, 0) : Footprint.ofData(n, p, Precision.FLOAT64);
    Path errorFile = Path.of(System.getProperty("java.io.tmpdir"), "descent-reference_pid%p.log");
    try (ForkProcess fork = new ForkProcess(jvm.start(Launch.NONE,
        ForkProtocol.Job.references(problem, precisions), errorFile,
        ProcessBuilder.Redirect.PIPE, Admission.heapFor(footprint)), errorFile, null)) {
      while (true) {
        // The reference descends as long as a solver does; a silent minute per 1e8 values is
        // no hang.
        String json = fork.next(Math.max(timeoutSeconds, (double) n * (p + 1) / 1e6));
        if (json == null) {
          fork.kill();
          throw new RaceException("the reference answers for N = " + n + ", p = " + p
              + " gave no result in time; the JVM was killed" + fork.lastLines());
        }
        if (json.equals(ForkProcess.END_OF_OUTPUT)) {
          throw new RaceException("the JVM computing the reference answers for N = " + n
              + ", p = " + p + " " + fork.death() + fork.lastLines());
        }
        ForkProtocol.Message message = ForkProtocol.decode(json, ForkProtocol.Message.class);
        switch (message.type()) {
          case "progress" -> progress.accept("reference: " + message.text());
          case "references" -> {
            return message.references();
          }
          default -> throw new RaceException("the reference answers for N = " + n
              + ": " + message.text());
        }
      }
    } catch (IOException e) {
      throw new RaceException("could not start a JVM for the reference answers: "
          + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RaceException("interrupted while computing the reference answers", e);
    }
  }
}
