package dev.descent.backend.tensorflow;

import java.util.List;
import java.util.Map;
import org.tensorflow.ConcreteFunction;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.OperationBuilder;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.While;
import org.tensorflow.proto.OpDef;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.family.TNumber;

/**
 * {@code tensorflow.xla}'s loop: the descent as a TensorFlow function holding a functional
 * {@code While}, called from the graph by a node marked {@code _XlaMustCompile}, so that XLA
 * compiles the whole loop — every epoch, the counter and the loop control — into one native
 * function on the first run, and each later run is a single call into it.
 *
 * <p>This is what {@code tf.function(jit_compile=True)} does in Python; TensorFlow Java has no
 * such switch, so the node is built by hand. The session-wide route, {@code global_jit_level} in
 * {@code ConfigProto}, clusters only the ops inside each iteration on the CPU (and only with a
 * process-wide flag set), which made the loop three times slower (see the README).
 */
final class XlaLoopForm implements LoopForm {

  /** The attribute that makes TensorFlow compile a function call with XLA, or fail. */
  static final String MUST_COMPILE = "_XlaMustCompile";

  @Override
  public String describe() {
    return "whole loop compiled by XLA";
  }

  @Override
  public <T extends TNumber> Operand<T> build(Graph graph, Ops tf, Numeric<T> numeric,
      SampleSums sums, Operand<TInt32> epochs, Operand<T> w0, Operand<T> rate, Operand<T> xt,
      Operand<T> d) {
    Shape weights = w0.shape();
    Shape data = xt.shape();
    Shape targets = d.shape();
    try (ConcreteFunction cond = ConcreteFunction.create(fn -> {
          Inputs<T> in = new Inputs<>(fn, numeric, weights, data, targets);
          return in.signature().output("go", fn.math.greater(in.count, fn.constant(0))).build();
        });
        ConcreteFunction body = ConcreteFunction.create(fn -> {
          Inputs<T> in = new Inputs<>(fn, numeric, weights, data, targets);
          return in.signature()
              .output("k", fn.math.sub(in.count, fn.constant(1)))
              .output("w", LoopForm.epoch(
                  fn, numeric, sums, (int) weights.get(1), in.w, in.rate, in.xt, in.d))
              .output("rate", fn.identity(in.rate))
              .output("xt", fn.identity(in.xt))
              .output("d", fn.identity(in.d))
              .build();
        });
        ConcreteFunction descent = ConcreteFunction.create(fn -> {
          Inputs<T> in = new Inputs<>(fn, numeric, weights, data, targets);
          While loop = fn.whileOp(List.of(in.count, in.w, in.rate, in.xt, in.d), cond, body);
          return in.signature().output("w", loop.output().get(1)).build();
        })) {
      graph.attachFunction(descent);
      OperationBuilder call =
          graph.opBuilder(descent.getDefinedName(), "descent", graph.baseScope());
      Map<String, Operand<?>> byName = Map.of("k", epochs, "w", w0, "rate", rate, "xt", xt, "d", d);
      for (OpDef.ArgDef arg : descent.getFunctionDef().getSignature().getInputArgList()) {
        Operand<?> input = byName.get(arg.getName());
        if (input == null) {
          throw new IllegalStateException("the descent function has an unexpected argument '"
              + arg.getName() + "'; expected " + byName.keySet());
        }
        call.addInput(input.asOutput());
      }
      call.setAttr(MUST_COMPILE, true);
      GraphOperation node = (GraphOperation) call.build();
      return node.<T>output(0);
    }
  }

  /** The five loop variables as a function's named placeholders, in one fixed order. */
  private static final class Inputs<T extends TNumber> {
    final Placeholder<TInt32> count;
    final Placeholder<T> w;
    final Placeholder<T> rate;
    final Placeholder<T> xt;
    final Placeholder<T> d;

    Inputs(Ops fn, Numeric<T> numeric, Shape weights, Shape data, Shape targets) {
      count = fn.withName("k").placeholder(TInt32.class, Placeholder.shape(Shape.scalar()));
      w = fn.withName("w").placeholder(numeric.type(), Placeholder.shape(weights));
      rate = fn.withName("rate").placeholder(numeric.type(), Placeholder.shape(Shape.scalar()));
      xt = fn.withName("xt").placeholder(numeric.type(), Placeholder.shape(data));
      d = fn.withName("d").placeholder(numeric.type(), Placeholder.shape(targets));
    }

    Signature.Builder signature() {
      return Signature.builder()
          .input("k", count).input("w", w).input("rate", rate).input("xt", xt).input("d", d);
    }
  }
}
