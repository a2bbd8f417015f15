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
 * {@code tensorflow.steps}: the article's {@code tf_descent}, op for op — X (N × (p + 1)) and d,
 * a variable w, {@code y = X·w}, {@code e = y − d}, {@code grad = f·(Xᵀ·e)},
 * {@code w ← w − mu·grad} — and one session run per epoch.
 *
 * <p>The article's mu was a Python constant; here it is a second variable, set with the starting
 * weights by one run at the start of each descent, so an epoch's run feeds and fetches nothing.
 * The article made X and d graph constants; here they are variables filled once in prepare from
 * fed tensors ({@link Resident}), because TensorFlow's graph optimiser copies constants on the
 * first run: 18 s of setup at N = 1e7 and a 2.8 GB peak, growing with N. The epoch is the same.
 * From {@value SampleSums#BLOCKED_FROM} samples on, float32's {@code Xᵀ·e} is summed in blocks
 * ({@link SampleSums}).
 *
 * @param <T> the precision's TensorFlow type
 */
final class StepsWorkspace<T extends TNumber> extends GraphWorkspace {
  private final Numeric<T> numeric;
  private final SampleSums sums;
  private final Resident<T> xData;
  private final Resident<T> dData;
  /** Xᵀ, made once from X in prepare, when the gradient is the article's matmul; else null. */
  private final Op transposeOnce;
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
    this.sums = SampleSums.of(samples, numeric.precision());
    Shape column = Shape.of(weightCount, 1);
    xData = Resident.of(tf, numeric, "X", Shape.of(sums.padded(), weightCount));
    dData = Resident.of(tf, numeric, "d", Shape.of(sums.padded(), 1));
    Operand<T> x = xData.value;
    Operand<T> d = dData.value;
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
    Operand<T> xte;
    if (sums.blocked()) {
      transposeOnce = null;
      xte = sums.gradientOfColumns(tf, x, e, weightCount, numeric.type());
    } else {
      // The article's transpose(X) of a constant was folded by the graph optimiser into a
      // constant Xᵀ; over a variable it would run every epoch (or as a transposed matmul), 50 %
      // slower at the article's size, so Xᵀ is a second variable made once.
      Variable<T> xt = tf.withName("Xt").variable(Shape.of(weightCount, samples), numeric.type());
      transposeOnce = tf.withName("Xt_once")
          .assign(xt, tf.linalg.transpose(x, tf.constant(new int[] {1, 0})));
      xte = tf.linalg.matMul(xt, e);
    }
    Operand<T> grad = tf.withName("grad").math.mul(f, xte);
    train = tf.withName("train").assign(w, tf.math.sub(w, tf.math.mul(mu, grad)));
    weights = tf.withName("read_w").identity(w);
    loss = tf.withName("loss").identity(sums.meanSquare(tf, e, numeric));
  }

  /** Builds the graph, opens the session and runs each untraced signature once. */
  static <T extends TNumber> StepsWorkspace<T> open(
      Dataset data, Numeric<T> numeric, ThreadSettings threads) {
    return build(graph -> new StepsWorkspace<>(data, numeric, graph, Ops.create(graph)),
        workspace -> {
          workspace.openSession(threads);
          workspace.upload(data);
          workspace.warmUp(threads);
        });
  }

  /** One tensor at a time, each closed once its variable holds a copy: at most one extra copy. */
  private void upload(Dataset data) {
    try (T x = Design.samplesByWeights(data, numeric, sums.padded())) {
      runForEffect(session.runner().feed(xData.feed, x).addTarget(xData.upload));
    }
    if (transposeOnce != null) {
      runForEffect(session.runner().addTarget(transposeOnce));
    }
    try (T d = Design.targets(data, numeric, Shape.of(sums.padded(), 1))) {
      runForEffect(session.runner().feed(dData.feed, d).addTarget(dData.upload));
    }
  }

  private void warmUp(ThreadSettings threads) {
    start(new double[weightCount], 0.01);
    String placement = Sessions.tracePlacement(session.runner().addTarget(train));
    read();
    recordDevice("one session run per epoch" + sums.describe(), numeric, placement, threads);
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
