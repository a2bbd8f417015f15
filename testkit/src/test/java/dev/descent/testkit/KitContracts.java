package dev.descent.testkit;

/**
 * The contract applied to each kit solver. Not named *Test, so the build does not run them
 * directly: {@link SolverContractTestTest} runs them and checks which checks fail.
 */
final class KitContracts {
  private KitContracts() {}

  static class HonestContract extends SolverContractTest {
    @Override
    protected String solverId() {
      return "kit.honest";
    }
  }

  static class CachingContract extends SolverContractTest {
    @Override
    protected String solverId() {
      return "kit.caching";
    }
  }

  static class MemoizingContract extends SolverContractTest {
    @Override
    protected String solverId() {
      return "kit.memoizing";
    }
  }

  static class IgnoresStartContract extends SolverContractTest {
    @Override
    protected String solverId() {
      return "kit.ignores-start";
    }
  }

  static class OneEpochShortContract extends SolverContractTest {
    @Override
    protected String solverId() {
      return "kit.one-epoch-short";
    }
  }

  static class LeakyContract extends SolverContractTest {
    @Override
    protected String solverId() {
      return "kit.leaky";
    }
  }

  static class ThreadLeakingContract extends SolverContractTest {
    @Override
    protected String solverId() {
      return "kit.thread-leaking";
    }
  }

  static class SloppyFloat32Contract extends SolverContractTest {
    @Override
    protected String solverId() {
      return "kit.sloppy-f32";
    }
  }
}
