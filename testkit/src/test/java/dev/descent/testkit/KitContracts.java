package dev.descent.testkit;

/**
 * The contract applied to each kit solver. Not named *Test, so the build does not run them
 * directly: {@link SolverContractTestTest} runs them and checks which checks fail.
 */
final class KitContracts {
  private KitContracts() {}

  /** The contract for one kit solver id. */
  abstract static class Contract extends SolverContractTest {
    private final String id;

    Contract(String id) {
      this.id = id;
    }

    @Override
    protected final String solverId() {
      return id;
    }

    /**
     * The kit's own tests decide what is required, whatever the environment says: CI sets
     * DESCENT_REQUIRE_AVAILABLE for the real backends, and a kit solver that is unavailable on
     * purpose must still skip where the test expects a skip.
     */
    @Override
    protected boolean requireAvailable() {
      return false;
    }
  }

  static class HonestContract extends Contract {
    HonestContract() {
      super("kit.honest");
    }
  }

  static class BlankDescriptionContract extends Contract {
    BlankDescriptionContract() {
      super("kit.blank-description");
    }
  }

  static class FlakyAvailabilityContract extends Contract {
    FlakyAvailabilityContract() {
      super("kit.flaky-availability");
    }
  }

  static class CachingContract extends Contract {
    CachingContract() {
      super("kit.caching");
    }
  }

  static class MemoizingContract extends Contract {
    MemoizingContract() {
      super("kit.memoizing");
    }
  }

  static class UnrepeatableContract extends Contract {
    UnrepeatableContract() {
      super("kit.unrepeatable");
    }
  }

  static class IgnoresStartContract extends Contract {
    IgnoresStartContract() {
      super("kit.ignores-start");
    }
  }

  static class OneEpochShortContract extends Contract {
    OneEpochShortContract() {
      super("kit.one-epoch-short");
    }
  }

  static class OneEpochShortFloat32Contract extends Contract {
    OneEpochShortFloat32Contract() {
      super("kit.f32-one-epoch-short");
    }
  }

  static class AcceptsUnclaimedPrecisionContract extends Contract {
    AcceptsUnclaimedPrecisionContract() {
      super("kit.accepts-unclaimed-precision");
    }
  }

  static class RefusesClaimedPrecisionContract extends Contract {
    RefusesClaimedPrecisionContract() {
      super("kit.refuses-claimed-precision");
    }
  }

  static class AcceptsWrongLengthWeightsContract extends Contract {
    AcceptsWrongLengthWeightsContract() {
      super("kit.accepts-wrong-length-weights");
    }
  }

  static class WorksAfterCloseContract extends Contract {
    WorksAfterCloseContract() {
      super("kit.works-after-close");
    }
  }

  static class LeakyContract extends Contract {
    LeakyContract() {
      super("kit.leaky");
    }
  }

  static class ThreadLeakingContract extends Contract {
    ThreadLeakingContract() {
      super("kit.thread-leaking");
    }
  }

  static class NativeThreadLeakingContract extends Contract {
    NativeThreadLeakingContract() {
      super("kit.native-thread-leaking");
    }
  }

  static class SloppyFloat32Contract extends Contract {
    SloppyFloat32Contract() {
      super("kit.sloppy-f32");
    }
  }

  /** An unavailable solver under DESCENT_REQUIRE_AVAILABLE: every check must fail, none skip. */
  static class RequiredButUnavailableContract extends Contract {
    RequiredButUnavailableContract() {
      super("kit.unavailable");
    }

    @Override
    protected boolean requireAvailable() {
      return true;
    }
  }

  /** The same solver where nothing requires it: its checks skip. */
  static class UnavailableContract extends Contract {
    UnavailableContract() {
      super("kit.unavailable");
    }
  }
}
