package dev.descent.backend.tensorflow;

import dev.descent.api.Dataset;
import dev.descent.api.Fit;
import dev.descent.api.Schedule;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.family.TNumber;

/**
 * A workspace that runs all epochs of a descent in one session run, in the transposed layout
 * (Xᵀ is (p + 1) × N, w and d are rows), with the loop itself built by a {@link LoopForm}.
 *
 * <p>The data are two native tensors made once in prepare and fed to every run: a fed tensor
 * reaches the ops without a copy, so the workspace holds the data once. (Held in variables they
 * were copied in by an assign, twice the data at the end of prepare; as graph constants Grappler
 * copied them several times over on the first run, seconds per million samples.)
 *
 * <p>The untraced descent is exactly one run: feed w0, mu and the epoch count, fetch w. A loss
 * trace every k epochs runs the loop k epochs at a time and fetches, with each chunk's weights,
 * the loss of the weights it started from — more runs, but only when a trace is asked for.
 *
 * @param <T> the precision's TensorFlow type
 */
final class LoopWorkspace<T extends TNumber> extends GraphWorkspace {
  private final Numeric<T> numeric;
  private final SampleSums sums;
  private final Placeholder<T> xt;
  private final Placeholder<T> d;
  private T xtData;
  private T targets;
  private final Placeholder<T> startingWeights;
  private final Placeholder<T> learningRate;
  private final Placeholder<TInt32> epochs;
  private final Operand<T> finalWeights;
  private final Operand<T> startingLoss;

  private LoopWorkspace(Dataset data, Numeric<T> numeric, LoopForm form, Graph graph, Ops tf) {
    super(data.samples(), data.weightCount(), graph);
    this.numeric = numeric;
    this.sums = SampleSums.of(samples, numeric.precision());
    Shape row = Shape.of(1, weightCount);
    xt = tf.withName("Xt").placeholder(numeric.type(),
        Placeholder.shape(Shape.of(weightCount, sums.padded())));
    d = tf.withName("d").placeholder(numeric.type(), Placeholder.shape(Shape.of(1, sums.padded())));
    startingWeights = tf.withName("w0").placeholder(numeric.type(), Placeholder.shape(row));
    learningRate = tf.withName("mu").placeholder(numeric.type(), Placeholder.shape(Shape.scalar()));
    epochs = tf.withName("epochs").placeholder(TInt32.class, Placeholder.shape(Shape.scalar()));
    // mu·(2/N) once per run, outside the loop: one op fewer in every epoch.
    Operand<T> rate = tf.withName("rate").math.mul(learningRate, numeric.scalar(tf, 2.0 / samples));
    finalWeights = tf.withName("w").identity(
        form.build(graph, tf, numeric, sums, epochs, startingWeights, rate, xt, d));
    Operand<T> e = tf.math.sub(tf.linalg.matMul(startingWeights, xt), d);
    startingLoss = tf.withName("loss").identity(sums.meanSquare(tf, e, numeric));
  }

  /** Builds the graph, opens the session and runs the untraced signature once. */
  static <T extends TNumber> LoopWorkspace<T> open(
      Dataset data, Numeric<T> numeric, LoopForm form, ThreadSettings threads) {
    return build(graph -> new LoopWorkspace<>(data, numeric, form, graph, Ops.create(graph)),
        workspace -> {
          workspace.openSession(threads);
          workspace.upload(data);
          workspace.warmUp(form, threads);
        });
  }

  private void upload(Dataset data) {
    xtData = hold(Design.weightsBySamples(data, numeric, sums.padded()));
    targets = hold(Design.targets(data, numeric, Shape.of(1, sums.padded())));
  }

  /** A runner with the data fed. */
  private Session.Runner runner() {
    return session.runner().feed(xt, xtData).feed(d, targets);
  }

  private void warmUp(LoopForm form, ThreadSettings threads) {
    try (T w0 = numeric.tensor(Shape.of(1, weightCount), new double[weightCount]);
        T mu = numeric.scalarTensor(0.01);
        TInt32 count = TInt32.scalarOf(1)) {
      String placement = Sessions.tracePlacement(runner()
          .feed(startingWeights, w0).feed(learningRate, mu).feed(epochs, count)
          .fetch(finalWeights));
      recordDevice(form.describe() + sums.describe(), numeric, placement, threads);
    }
  }

  @Override
  protected Fit run(Schedule schedule, double[] start) {
    double mu = schedule.learningRate();
    int total = schedule.epochs();
    int interval = schedule.traceInterval();
    if (interval == 0) {
      return Fit.of(advance(start, mu, total, false).weights);
    }
    double[] losses = new double[schedule.traceLength()];
    double[] w = start;
    int done = 0;
    for (int point = 0; point < losses.length; point++) {
      // The last point may start a short chunk (epochs not a multiple of k) or an empty one.
      int count = Math.min(interval, total - done);
      Chunk chunk = advance(w, mu, count, true);
      losses[point] = chunk.startingLoss;
      w = chunk.weights;
      done += count;
    }
    return new Fit(w, losses);
  }

  /** Weights after a chunk of epochs and, when asked, the loss of the weights it started at. */
  private record Chunk(double[] weights, double startingLoss) {}

  private Chunk advance(double[] w, double mu, int count, boolean withLoss) {
    try (T w0 = numeric.tensor(Shape.of(1, weightCount), w);
        T rate = numeric.scalarTensor(mu);
        TInt32 epochCount = TInt32.scalarOf(count)) {
      Session.Runner runner = runner()
          .feed(startingWeights, w0).feed(learningRate, rate).feed(epochs, epochCount)
          .fetch(finalWeights);
      if (withLoss) {
        runner.fetch(startingLoss);
      }
      try (Result result = runner.run()) {
        return new Chunk(numeric.read(result.get(0)),
            withLoss ? numeric.read(result.get(1))[0] : Double.NaN);
      }
    }
  }
}
