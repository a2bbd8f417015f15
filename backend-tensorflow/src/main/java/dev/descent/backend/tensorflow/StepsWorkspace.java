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
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.types.family.TNumber;

/**
 * {@code tensorflow.steps}: the article's {@code tf_descent}, op for op — X (N × (p + 1)) and d,
 * a variable w, {@code y = X·w}, {@code e = y − d}, {@code grad = f·(Xᵀ·e)},
 * {@code w ← w − mu·grad} — and one session run per epoch.
 *
 * <p>The article's mu was a Python constant; here it is a second variable, set with the starting
 * weights by one run at the start of each descent, so an epoch's run feeds and fetches nothing.
 * The article made X and d graph constants, and so does this up to {@value #CONSTANT_VALUES}
 * values; beyond, they are variables filled once in prepare from fed tensors
 * ({@link Resident}), because TensorFlow's graph optimiser copies constants on the first run:
 * 18 s of setup at N = 1e7 and a 2.8 GB peak, growing with N. The epoch is the same.
 * From {@value SampleSums#BLOCKED_FROM} samples on, float32's {@code Xᵀ·e} is summed in blocks
 * ({@link SampleSums}).
 *
 * @param <T> the precision's TensorFlow type
 */
final class StepsWorkspace<T extends TNumber> extends GraphWorkspace {
  /**
   * Up to this many values (X and d) the data are graph constants, as in the article: the
   * optimiser's copies cost milliseconds there, and the article's N = 1e4 ran 25–50 % slower in
   * float64 with the data in variables (an unexplained difference of TensorFlow's; float32 was
   * unchanged). Above it, constants cost seconds per million values of setup.
   */
  static final long CONSTANT_VALUES = 1 << 18;

  private final Numeric<T> numeric;
  private final SampleSums sums;
  private final Resident<T> xData;
  private final Resident<T> dData;
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
    Shape xShape = Shape.of(sums.padded(), weightCount);
    Shape dShape = Shape.of(sums.padded(), 1);
    boolean constants = (long) sums.padded() * (weightCount + 1) <= CONSTANT_VALUES;
    Operand<T> x;
    Operand<T> d;
    if (constants) {
      xData = null;
      dData = null;
      try (T xs = Design.samplesByWeights(data, numeric, sums.padded());
          T ds = Design.targets(data, numeric, dShape)) {
        x = tf.withName("X").constantOf(xs);
        d = tf.withName("d").constantOf(ds);
      }
    } else {
      xData = Resident.of(tf, numeric, "X", xShape);
      dData = Resident.of(tf, numeric, "d", dShape);
      x = xData.value;
      d = dData.value;
    }
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
      xte = sums.gradientOfColumns(tf, x, e, weightCount, numeric.type());
    } else if (constants) {
      // The article's own ops: the graph optimiser folds transpose(X) into a constant Xᵀ.
      xte = tf.linalg.matMul(tf.withName("Xt").linalg.transpose(x, tf.constant(new int[] {1, 0})),
          e);
    } else {
      // One op for the article's two: a second variable for Xᵀ would double the data held.
      xte = tf.linalg.matMul(x, e, MatMul.transposeA(true));
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
    if (xData == null) {
      return;
    }
    try (T x = Design.samplesByWeights(data, numeric, sums.padded())) {
      runForEffect(session.runner().feed(xData.feed, x).addTarget(xData.upload));
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
