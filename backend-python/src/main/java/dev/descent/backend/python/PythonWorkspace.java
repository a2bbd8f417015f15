package dev.descent.backend.python;

import dev.descent.api.Dataset;
import dev.descent.api.Fit;
import dev.descent.api.Precision;
import dev.descent.api.Schedule;
import dev.descent.api.support.BaseWorkspace;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * One dataset resident in a CPython process of its own, which runs the article's code on it.
 *
 * <p>The data goes over the worker's stdin once, in {@code prepare}, as little-endian binary in
 * the workspace's precision; each {@link #descend} sends only the schedule and reads back the
 * weights and the trace, so the race's time for a call is the descent plus one round trip
 * (tens of microseconds; see the module's README). The wire format is documented in the
 * worker script, {@code descent_worker.py}, next to the code that reads it.
 *
 * <p>The process never outlives the workspace: {@link #close()} ends it, and should the JVM
 * die first, the worker exits on its own when its stdin reaches end of file or its parent
 * changes.
 */
final class PythonWorkspace extends BaseWorkspace {
  private static final int DESCEND = 1;
  private static final int OK = 0;
  /** Values converted per write while sending a column. */
  private static final int CHUNK = 1 << 16;
  /** How long close() lets the worker exit on end of file before signalling it. */
  private static final long EXIT_GRACE_MILLIS = 2_000;

  private final String solverId;
  private final Process process;
  private final OutputStream toPython;
  private final DataInputStream fromPython;
  private final String device;

  PythonWorkspace(String solverId, Variant variant, String interpreter, Dataset data,
      Precision precision) {
    super(data.samples(), data.weightCount());
    this.solverId = solverId;
    try {
      process = new ProcessBuilder(PythonRuntime.command(interpreter))
          // The worker reports its errors on the wire; what else it prints (a crash, a fatal
          // error of the interpreter) goes where the JVM's own errors go.
          .redirectError(ProcessBuilder.Redirect.INHERIT)
          .start();
    } catch (IOException e) {
      throw new IllegalStateException(
          solverId + ": cannot start Python '" + interpreter + "': " + e.getMessage(), e);
    }
    toPython = new BufferedOutputStream(process.getOutputStream(), 1 << 16);
    fromPython = new DataInputStream(new BufferedInputStream(process.getInputStream()));
    String ready;
    try {
      send(data, precision, variant);
      ready = readReply("prepare");
    } catch (RuntimeException e) {
      release();
      throw e;
    }
    device = variant.shape + ", " + precision.shortName() + " (" + ready + ")";
  }

  /** The header, the p feature columns and the targets, each as N floats of the precision. */
  private void send(Dataset data, Precision precision, Variant variant) {
    int itemSize = precision == Precision.FLOAT64 ? Double.BYTES : Float.BYTES;
    try {
      toPython.write(littleEndian(4 + 4 + 8 + 4)
          .putInt(variant.code).putInt(itemSize).putLong(samples).putInt(weightCount - 1)
          .array());
      for (int j = 0; j < weightCount - 1; j++) {
        sendColumn(data.column(j), itemSize);
      }
      sendColumn(data.targets(), itemSize);
      toPython.flush();
    } catch (IOException e) {
      throw failure("sending the data", e);
    }
  }

  private void sendColumn(double[] values, int itemSize) throws IOException {
    ByteBuffer chunk = littleEndian(Math.min(values.length, CHUNK) * itemSize);
    for (int start = 0; start < values.length; start += CHUNK) {
      int end = Math.min(values.length, start + CHUNK);
      chunk.clear();
      for (int i = start; i < end; i++) {
        if (itemSize == Double.BYTES) {
          chunk.putDouble(values[i]);
        } else {
          chunk.putFloat((float) values[i]);
        }
      }
      toPython.write(chunk.array(), 0, chunk.position());
    }
  }

  @Override
  protected Fit run(Schedule schedule, double[] initialWeights) {
    ByteBuffer request = littleEndian(4 + 8 + 4 + 4 + 8 * weightCount)
        .putInt(DESCEND)
        .putDouble(schedule.learningRate())
        .putInt(schedule.epochs())
        .putInt(schedule.traceInterval());
    for (double weight : initialWeights) {
      request.putDouble(weight);
    }
    try {
      toPython.write(request.array());
      toPython.flush();
      readStatus("descend");
      double[] weights = readDoubles(weightCount);
      double[] losses = readDoubles(readInt());
      return new Fit(weights, losses);
    } catch (IOException e) {
      throw failure("descend", e);
    }
  }

  /** Reads a status; on failure throws with the worker's message; else returns its text. */
  private String readReply(String step) {
    try {
      readStatus(step);
      return readText();
    } catch (IOException e) {
      throw failure(step, e);
    }
  }

  private void readStatus(String step) throws IOException {
    if (readInt() != OK) {
      throw new IllegalStateException(solverId + ": " + step + " failed in Python: " + readText());
    }
  }

  private String readText() throws IOException {
    byte[] text = new byte[readInt()];
    fromPython.readFully(text);
    return new String(text, StandardCharsets.UTF_8);
  }

  private int readInt() throws IOException {
    byte[] bytes = new byte[Integer.BYTES];
    fromPython.readFully(bytes);
    return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt();
  }

  private double[] readDoubles(int count) throws IOException {
    byte[] bytes = new byte[count * Double.BYTES];
    fromPython.readFully(bytes);
    double[] values = new double[count];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(values);
    return values;
  }

  /** An I/O failure, with how the worker ended if it did (a crash, or killed from outside). */
  private IllegalStateException failure(String step, IOException cause) {
    String how = cause instanceof EOFException
        ? "the Python worker closed its output" : cause.toString();
    try {
      if (process.waitFor(200, TimeUnit.MILLISECONDS)) {
        how = "the Python worker exited with status " + process.exitValue();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return new IllegalStateException(solverId + ": " + step + " failed: " + how, cause);
  }

  private static ByteBuffer littleEndian(int size) {
    return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
  }

  @Override
  protected String describe() {
    return device;
  }

  /** End of file first, which the worker answers by exiting; then TERM; then KILL. */
  @Override
  protected void release() {
    try {
      toPython.close();
    } catch (IOException e) {
      // The worker is gone already; the waits below find that out.
    }
    boolean interrupted = false;
    try {
      if (!process.waitFor(EXIT_GRACE_MILLIS, TimeUnit.MILLISECONDS)) {
        process.destroy();
        if (!process.waitFor(EXIT_GRACE_MILLIS, TimeUnit.MILLISECONDS)) {
          process.destroyForcibly().waitFor(EXIT_GRACE_MILLIS, TimeUnit.MILLISECONDS);
        }
      }
    } catch (InterruptedException e) {
      interrupted = true;
      process.destroyForcibly();
    }
    try {
      fromPython.close();
    } catch (IOException e) {
      // Nothing more to read from a process that has ended.
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
