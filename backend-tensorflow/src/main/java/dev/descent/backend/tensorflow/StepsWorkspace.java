package dev.descent.backend.tensorflow;

import dev.descent.api.Dataset;
import dev.descent.api.Fit;
import dev.descent.api.Schedule;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.family.TNumber;

/**
 * {@code tensorflow.steps}: the article's {@code tf_descent}, op for op — X (N × (p + 1)) and d
 * as constants, a variable w, {@code y = X·w}, {@code e = y − d},
 * {@code grad = f·(Xᵀ·e)}, {@code w ← w − mu·grad} — and one session run per epoch.
 *
 * <p>The article's mu was a Python constant; here it is a second variable, set with the starting
 * weights by one run at the start of each descent, so an epoch's run feeds and fetches nothing.
 * The data stay graph constants, as the article had them; that is faithful, but TensorFlow's
 * graph optimiser copies them on the first run, which for millions of samples takes seconds of
 * setup (the loop solvers keep their data in variables instead, see {@link Resident}).
 *
 * @param <T> the precision's TensorFlow type
 */
final class StepsWorkspace<T extends TNumber> extends GraphWorkspace {
  private final Numeric<T> numeric;
  private final Placeholder<T> startingWeights;
  private final Placeholder<T> learningRate;
  private final Op initialise;
  private final Op setRate;
  private final Op train;
  private final Operand<T> weights;
  private final Operand<T> loss;

  private StepsWorkspace(Dataset data, Numeric<T> numeric, Graph graph, Ops tf) {
    super(data.samples(), data.weightCount(), graph);
    this.numeric = numeric;
    Shape column = Shape.of(weightCount, 1);
    Operand<T> x = numeric.constant(tf.withName("X"), Shape.of(samples, weightCount),
        Design.samplesByWeights(data));
    Operand<T> d = numeric.constant(tf.withName("d"), Shape.of(samples, 1), data.targets());
    Operand<T> f = numeric.scalar(tf.withName("f"), 2.0 / samples);
    Variable<T> w = tf.withName("w").variable(column, numeric.type());
    Variable<T> mu = tf.withName("mu").variable(Shape.scalar(), numeric.type());
    startingWeights = tf.withName("w0").placeholder(numeric.type(), Placeholder.shape(column));
    learningRate =
        tf.withName("mu0").placeholder(numeric.type(), Placeholder.shape(Shape.scalar()));
    initialise = tf.withName("init_w").assign(w, startingWeights);
    setRate = tf.withName("init_mu").assign(mu, learningRate);
    Operand<T> y = tf.withName("y").linalg.matMul(x, w);
    Operand<T> e = tf.withName("e").math.sub(y, d);
    Operand<T> xt = tf.withName("Xt").linalg.transpose(x, tf.constant(new int[] {1, 0}));
    Operand<T> grad = tf.withName("grad").math.mul(f, tf.linalg.matMul(xt, e));
    train = tf.withName("train").assign(w, tf.math.sub(w, tf.math.mul(mu, grad)));
    weights = tf.withName("read_w").identity(w);
    loss = tf.withName("loss").math.mean(tf.math.square(e), tf.constant(new int[] {0, 1}));
  }

  /** Builds the graph, opens the session and runs each untraced signature once. */
  static <T extends TNumber> StepsWorkspace<T> open(
      Dataset data, Numeric<T> numeric, ThreadSettings threads) {
    return build(graph -> new StepsWorkspace<>(data, numeric, graph, Ops.create(graph)),
        workspace -> {
          workspace.openSession(threads);
          workspace.warmUp(threads);
        });
  }

  private void warmUp(ThreadSettings threads) {
    start(new double[weightCount], 0.01);
    String placement = Sessions.tracePlacement(session.runner().addTarget(train));
    read();
    recordDevice("one session run per epoch", numeric, placement, threads);
  }

  @Override
  protected Fit run(Schedule schedule, double[] start) {
    start(start, schedule.learningRate());
    int interval = schedule.traceInterval();
    int epochs = schedule.epochs();
    double[] losses = new double[schedule.traceLength()];
    for (int epoch = 0; epoch < epochs; epoch++) {
      if (interval > 0 && epoch % interval == 0) {
        losses[epoch / interval] = loss();
      }
      runForEffect(session.runner().addTarget(train));
    }
    if (interval > 0 && epochs % interval == 0) {
      losses[epochs / interval] = loss();
    }
    return new Fit(read(), losses);
  }

  private void start(double[] weights, double mu) {
    try (T w0 = numeric.tensor(Shape.of(weightCount, 1), weights);
        T mu0 = numeric.scalarTensor(mu)) {
      runForEffect(session.runner()
          .feed(startingWeights, w0).feed(learningRate, mu0)
          .addTarget(initialise).addTarget(setRate));
    }
  }

  private double loss() {
    try (Result result = session.runner().fetch(loss).run()) {
      return numeric.read(result.get(0))[0];
    }
  }

  private double[] read() {
    try (Result result = session.runner().fetch(weights).run()) {
      return numeric.read(result.get(0));
    }
  }
}
