package dev.descent.backend.tensorflow;

import dev.descent.api.support.BaseWorkspace;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.Tensor;

/**
 * What every TensorFlow workspace shares: one graph and one session holding the dataset, and the
 * device line.
 *
 * <p>The graph is built, the session opened and every run signature the untraced descent uses
 * run once before {@code prepare} returns, because TensorFlow optimises a graph (Grappler, and
 * XLA where asked) on the first run of each signature: that is setup, not solve time.
 */
abstract class GraphWorkspace extends BaseWorkspace {
  /** The graph; closed after the session. */
  final Graph graph;
  /** The session, opened once the graph is built; one per workspace. */
  Session session;
  private final List<Tensor> held = new ArrayList<>();
  private String device = "";

  GraphWorkspace(int samples, int weightCount, Graph graph) {
    super(samples, weightCount);
    this.graph = graph;
  }

  /** Opens the session on the finished graph with the thread pools set explicitly. */
  final void openSession(ThreadSettings threads) {
    session = new Session(graph, Sessions.config(threads));
  }

  /**
   * Builds a workspace, opens its session and warms it up, or frees whatever was made when any of
   * that fails, so a failed prepare leaks no native memory.
   */
  static <W extends GraphWorkspace> W build(Function<Graph, W> construct, Consumer<W> start) {
    Graph graph = new Graph();
    W workspace = null;
    try {
      workspace = construct.apply(graph);
      start.accept(workspace);
      return workspace;
    } catch (RuntimeException | Error e) {
      if (workspace != null) {
        workspace.close();
      } else {
        closeQuietly(null, graph);
      }
      throw e;
    }
  }

  /**
   * Runs for the targets' effect only. The Result holds no tensor, but it is native memory all
   * the same: closed at once (run() either returns it or throws, so nothing can slip past).
   */
  static void runForEffect(Session.Runner runner) {
    runner.run().close();
  }

  /** Keeps a tensor (the data fed on every run) until the workspace closes. */
  final <X extends Tensor> X hold(X tensor) {
    held.add(tensor);
    return tensor;
  }

  /** Records where the warm-up run placed the ops, once the subclass has run it. */
  final void recordDevice(String shape, Numeric<?> numeric, String placement,
      ThreadSettings threads) {
    device = shape + ", " + numeric.shortName() + " on " + placement + " (" + Natives.runtime()
        + "; " + threads.describe() + ")";
  }

  @Override
  protected final String describe() {
    return device;
  }

  @Override
  protected final void release() {
    closeQuietly(session, graph);
    for (Tensor tensor : held) {
      tensor.close();
    }
    held.clear();
  }

  /** Closes a session and its graph, in that order, keeping going past a failure. */
  static void closeQuietly(Session session, Graph graph) {
    try {
      if (session != null) {
        session.close();
      }
    } catch (RuntimeException ignored) {
      // The graph must still be freed; a session that cannot close has nothing left to give.
    } finally {
      if (graph != null) {
        try {
          graph.close();
        } catch (RuntimeException ignored) {
          // close() never throws (Workspace's contract); there is nothing more to free.
        }
      }
    }
  }
}
