package dev.descent.api;

import java.util.EnumSet;
import java.util.Set;

/** Providers for {@link SolversTest}: good ones and each way one can be broken. */
final class TestProviders {
  private TestProviders() {}

  /** A provider that loads fine, with an id given by its subclass. */
  abstract static class Named implements Solver {
    private final String id;

    Named(String id) {
      this.id = id;
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public String description() {
      return "test provider " + id;
    }

    @Override
    public Availability availability() {
      return Availability.available("nowhere");
    }

    @Override
    public Set<Precision> precisions() {
      return EnumSet.of(Precision.FLOAT64);
    }

    @Override
    public Workspace prepare(Dataset data, Precision precision) {
      throw new UnsupportedOperationException("test provider");
    }
  }

  public static final class Good extends Named {
    public Good() {
      super("good");
    }
  }

  public static final class AlsoGood extends Named {
    public AlsoGood() {
      super("also.good");
    }
  }

  public static final class DuplicateOfGood extends Named {
    public DuplicateOfGood() {
      super("good");
    }
  }

  public static final class MalformedId extends Named {
    public MalformedId() {
      super("Bad Id!");
    }
  }

  public static final class ThrowingConstructor extends Named {
    public ThrowingConstructor() {
      super("never");
      throw new IllegalStateException("native library missing");
    }
  }

  public static final class FailingStaticInit extends Named {
    static final int VALUE = Integer.parseInt("not a number");

    public FailingStaticInit() {
      super("static" + VALUE);
    }
  }

  public static final class ThrowingId extends Named {
    public ThrowingId() {
      super("unused");
    }

    @Override
    public String id() {
      throw new IllegalStateException("no id today");
    }
  }
}
