package dev.descent.testkit;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;
import jdk.incubator.foreign.CLinker;
import jdk.incubator.foreign.FunctionDescriptor;
import jdk.incubator.foreign.MemoryAccess;
import jdk.incubator.foreign.MemoryAddress;
import jdk.incubator.foreign.MemorySegment;
import jdk.incubator.foreign.ResourceScope;
import jdk.incubator.foreign.SymbolLookup;

/**
 * Real native threads without a native library of our own: libc's {@code pthread_create} called
 * through JDK 17's incubating foreign linker, with libc's {@code pause} as the thread's body, so
 * the thread never enters the JVM. Needs {@code --add-modules jdk.incubator.foreign
 * --enable-native-access=ALL-UNNAMED} (the testkit's surefire configuration) and Linux or
 * another libc with pthreads. {@link #cancelAll} ends them ({@code pause} is a cancellation point),
 * so that the kit's later tests do not measure in a process full of leaked threads.
 */
final class NativeThreads {
  private static final MethodHandle PTHREAD_CREATE;
  private static final MethodHandle PTHREAD_CANCEL;
  private static final MemoryAddress PAUSE;
  private static final List<Long> STARTED = new ArrayList<>();

  static {
    SymbolLookup libc = CLinker.systemLookup();
    PAUSE = libc.lookup("pause").orElseThrow();
    PTHREAD_CREATE = CLinker.getInstance().downcallHandle(
        libc.lookup("pthread_create").orElseThrow(),
        MethodType.methodType(int.class, MemoryAddress.class, MemoryAddress.class,
            MemoryAddress.class, MemoryAddress.class),
        FunctionDescriptor.of(CLinker.C_INT, CLinker.C_POINTER, CLinker.C_POINTER,
            CLinker.C_POINTER, CLinker.C_POINTER));
    PTHREAD_CANCEL = CLinker.getInstance().downcallHandle(
        libc.lookup("pthread_cancel").orElseThrow(),
        MethodType.methodType(int.class, long.class),
        FunctionDescriptor.of(CLinker.C_INT, CLinker.C_LONG));
  }

  private NativeThreads() {}

  /** Starts a pthread that blocks in {@code pause()} until the process ends. */
  static void startOneThatWaitsForever() {
    try (ResourceScope scope = ResourceScope.newConfinedScope()) {
      MemorySegment threadId = MemorySegment.allocateNative(8, scope);
      int error = (int) PTHREAD_CREATE.invokeExact(
          threadId.address(), MemoryAddress.NULL, PAUSE, MemoryAddress.NULL);
      if (error != 0) {
        throw new IllegalStateException("pthread_create failed with error " + error);
      }
      synchronized (STARTED) {
        STARTED.add(MemoryAccess.getLong(threadId));
      }
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  /** Cancels every thread {@link #startOneThatWaitsForever} started. */
  static void cancelAll() {
    synchronized (STARTED) {
      for (long thread : STARTED) {
        try {
          int error = (int) PTHREAD_CANCEL.invokeExact(thread);
          if (error != 0) {
            throw new IllegalStateException("pthread_cancel failed with error " + error);
          }
        } catch (RuntimeException | Error e) {
          throw e;
        } catch (Throwable e) {
          throw new IllegalStateException(e);
        }
      }
      STARTED.clear();
    }
  }
}
