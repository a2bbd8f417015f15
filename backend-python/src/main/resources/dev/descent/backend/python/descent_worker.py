"""The CPython side of descent's backend-python: the article's own descent code, served.

The JVM starts one such process per prepared workspace and talks to it over stdin/stdout in
little-endian binary (see ``serve``). The process exits when its stdin reaches end of file --
which is also what happens when the JVM dies, since the kernel closes the JVM's end of the
pipe -- and, as a second guard, when it sees it has been handed to another parent.

Run with ``--probe`` it prints a few lines describing the interpreter, NumPy and the BLAS
NumPy loaded, and exits: that is how the JVM decides whether the solvers are available.

Only the standard library is needed for the pure-Python variant; NumPy is imported only when
a NumPy variant is asked for, so ``python.pure`` runs on a bare CPython.
"""

import array
import os
import struct
import sys
import threading
import time

PURE, NUMPY, GRAM = 0, 1, 2
DESCEND = 1
OK, FAILED = 0, 1
PARENT_POLL_SECONDS = 0.5


# ------------------------------------------------------------------ the article's code
#
# np_descent and py_descent below are the article's functions, generalised to p features the
# obvious way: one dot product per feature column for the gradient, and the prediction built
# column by column.  For p = 1 every operation, and its order, is the article's own.  What
# was added around them -- starting weights, the loss trace, float32 -- stays out of the
# article's lines.

def np_descent(np, columns, d, mu, epochs, w, trace_every):
    """The article's np_descent; ``columns`` are the feature columns x1..xp."""
    dtype = d.dtype
    N = len(d)
    f = dtype.type(2 / N)
    mu = dtype.type(mu)
    x = columns[0]
    err = np.zeros(N, dtype=dtype)
    grad = np.empty(len(w), dtype=dtype)
    y = predict_np(w, columns)
    losses = []
    for epoch in range(epochs):
        np.subtract(d, y, out=err)
        if trace_every and epoch % trace_every == 0:
            losses.append(float(np.sum(np.square(err)) / N))
        if len(columns) == 1:
            grad[:] = f * np.sum(err), f * (err @ x)
        else:
            grad[0] = f * np.sum(err)
            for j, xj in enumerate(columns, start=1):
                grad[j] = f * (err @ xj)
        w = w + mu * grad
        y = predict_np(w, columns)
    if trace_every and epochs % trace_every == 0:
        np.subtract(d, y, out=err)
        losses.append(float(np.sum(np.square(err)) / N))
    return w, losses


def predict_np(w, columns):
    """The article's ``y = w[0] + w[1] * x``, then ``y += wj * xj`` for further columns."""
    y = w[0] + w[1] * columns[0]
    for j in range(2, len(w)):
        y += w[j] * columns[j - 1]
    return y


def py_descent(columns, d, mu, epochs, w, trace_every):
    """The article's py_descent over Python lists; ``w`` is a list of floats."""
    N = len(d)
    f = 2 / N
    x = columns[0]
    rows = list(zip(*columns)) if len(columns) > 1 else None
    grad = [0] * len(w)
    y = predict_py(w, x, rows)
    losses = []
    for epoch in range(epochs):
        err = tuple(i - j for i, j in zip(d, y))
        if trace_every and epoch % trace_every == 0:
            losses.append(sum(e * e for e in err) / N)
        grad[0] = f * sum(err)
        for j, xj in enumerate(columns, start=1):
            grad[j] = f * sum(i * k for i, k in zip(err, xj))
        w = [i + mu * j for i, j in zip(w, grad)]
        y = predict_py(w, x, rows)
    if trace_every and epochs % trace_every == 0:
        err = tuple(i - j for i, j in zip(d, y))
        losses.append(sum(e * e for e in err) / N)
    return w, losses


def predict_py(w, x, rows):
    """A generator, as the article's ``y = (w[0] + w[1] * i for i in x)``; left to right."""
    if rows is None:
        return (w[0] + w[1] * i for i in x)
    return (predict_row(w, row) for row in rows)


def predict_row(w, row):
    y = w[0] + w[1] * row[0]
    for wj, xj in zip(w[2:], row[1:]):
        y += wj * xj
    return y


# ------------------------------------------------------------------ sufficient statistics

class Gram:
    """XᵀX and Xᵀd once, then O(p²) per epoch: ``g = h - G w``, ``w += mu * (f * g)``.

    The statistics are summed in float64 (one pass, at prepare) and then rounded to the
    workspace's precision, so float32 epochs start from accurate sums, as scalar.gram's do.
    The loss is computed in float64 from the float64 statistics: ``dᵀd - 2 wᵀh + wᵀGw``
    cancels to a small number that float32 would leave as noise.
    """

    def __init__(self, np, columns, d, dtype):
        self.np = np
        self.dtype = dtype
        ones = np.ones(len(d))
        design = np.vstack([ones] + [c.astype(np.float64) for c in columns])
        targets = d.astype(np.float64)
        self.gram64 = design @ design.T
        self.moments64 = design @ targets
        self.target_squares = float(targets @ targets)
        self.gram = self.gram64.astype(dtype)
        self.moments = self.moments64.astype(dtype)
        self.samples = len(d)

    def descend(self, mu, epochs, w, trace_every):
        np = self.np
        f = self.dtype.type(2 / self.samples)
        mu = self.dtype.type(mu)
        gram, moments = self.gram, self.moments
        losses = []
        for epoch in range(epochs):
            if trace_every and epoch % trace_every == 0:
                losses.append(self.loss(w))
            w = w + mu * (f * (moments - gram @ w))
        if trace_every and epochs % trace_every == 0:
            losses.append(self.loss(w))
        return w, losses

    def loss(self, w):
        w = w.astype(self.np.float64)
        quadratic = float(w @ (self.gram64 @ w))
        linear = float(w @ self.moments64)
        return max(0.0, (self.target_squares - 2 * linear + quadratic) / self.samples)


# ------------------------------------------------------------------ what runs here

def describe_blas(np):
    """The BLAS NumPy really loaded, as the library itself reports it; never guessed."""
    libraries = loaded_blas_libraries()
    for path in libraries:
        config = openblas_config(path)
        if config:
            return config
    try:
        import threadpoolctl  # optional; reads the loaded BLAS the same way
        for pool in threadpoolctl.threadpool_info():
            if pool.get("user_api") == "blas":
                return "%s %s (%s threads)" % (
                    pool.get("internal_api"), pool.get("version"), pool.get("num_threads"))
    except Exception:
        pass
    if libraries:
        return "BLAS " + os.path.basename(os.path.realpath(libraries[0]))
    try:
        blas = np.show_config(mode="dicts")["Build Dependencies"]["blas"]
        return "%s %s" % (blas.get("name"), blas.get("version"))
    except Exception:
        return "BLAS unknown"


def loaded_blas_libraries():
    """Shared libraries with 'blas' in their name mapped into this process (Linux)."""
    found = []
    try:
        with open("/proc/self/maps") as maps:
            for line in maps:
                fields = line.split()
                if len(fields) >= 6 and "blas" in os.path.basename(fields[5]).lower():
                    if fields[5] not in found:
                        found.append(fields[5])
    except OSError:
        pass
    return found


def openblas_config(path):
    """'OpenBLAS 0.3.21 (Haswell, 2 threads)' from OpenBLAS's own entry points, or None."""
    import ctypes
    try:
        library = ctypes.CDLL(path)
    except OSError:
        return None
    # NumPy's wheels rename the symbols (scipy_openblas...64_); distributions do not.
    for prefix, suffix in (("openblas", ""), ("openblas", "64_"), ("scipy_openblas", "64_"),
                           ("scipy_openblas", "")):
        get_config = getattr(library, "%s_get_config%s" % (prefix, suffix), None)
        if get_config is None:
            continue
        get_config.restype = ctypes.c_char_p
        words = get_config().decode("ascii", "replace").split()
        details = []
        get_corename = getattr(library, "%s_get_corename%s" % (prefix, suffix), None)
        if get_corename is not None:
            get_corename.restype = ctypes.c_char_p
            details.append(get_corename().decode("ascii", "replace"))
        get_threads = getattr(library, "%s_get_num_threads%s" % (prefix, suffix), None)
        if get_threads is not None:
            threads = get_threads()
            details.append("%d thread%s" % (threads, "" if threads == 1 else "s"))
        return " ".join(words[:2]) + (" (%s)" % ", ".join(details) if details else "")
    return None


def describe(with_numpy):
    """'CPython 3.11.2, NumPy 1.24.2, OpenBLAS 0.3.21 (...)', or without NumPy."""
    python = "%s %s" % (sys.implementation.name.replace("cpython", "CPython"),
                        "%d.%d.%d" % sys.version_info[:3])
    if not with_numpy:
        return python
    import numpy
    return "%s, NumPy %s, %s" % (python, numpy.__version__, describe_blas(numpy))


def probe():
    """``key=value`` lines: the interpreter, and NumPy or why it cannot be imported."""
    print("python=" + describe(False))
    try:
        print("numpy=" + describe(True))
    except Exception as error:  # ImportError, or a NumPy broken in some other way
        print("numpy-error=%s: %s" % (type(error).__name__, error))


# ------------------------------------------------------------------ the wire

class Wire:
    """Length-checked little-endian reads from stdin and writes to stdout."""

    def __init__(self):
        self.input = sys.stdin.buffer
        self.output = sys.stdout.buffer

    def read(self, size):
        """Exactly ``size`` bytes; ends the process quietly at end of file."""
        buffer = bytearray(size)
        view = memoryview(buffer)
        done = 0
        while done < size:
            count = self.input.readinto(view[done:])
            if not count:
                sys.exit(0)  # the JVM closed the pipe, or died
            done += count
        return buffer

    def unpack(self, layout):
        return struct.unpack(layout, self.read(struct.calcsize(layout)))

    def send(self, *parts):
        for part in parts:
            self.output.write(part)
        self.output.flush()

    def send_text(self, status, text):
        data = text.encode("utf-8")
        self.send(struct.pack("<ii", status, len(data)), data)


def read_columns(wire, count, samples, itemsize):
    """``count`` arrays of ``samples`` little-endian floats of ``itemsize`` bytes."""
    typecode = "d" if itemsize == 8 else "f"
    columns = []
    for _ in range(count):
        values = array.array(typecode)
        values.frombytes(wire.read(samples * itemsize))
        if sys.byteorder != "little":
            values.byteswap()
        columns.append(values)
    return columns


def serve():
    """Prepare once, then answer descend requests until stdin closes.

    prepare  <- int32 variant, int32 itemsize (8|4), int64 N, int32 p, then p columns and d
             -> int32 0, int32 length, device text   (or int32 1, int32 length, error text)
    descend  <- int32 1, float64 mu, int32 epochs, int32 trace interval, p+1 float64 weights
             -> int32 0, p+1 float64 weights, int32 count, count float64 losses (or error)
    """
    watch_parent()
    wire = Wire()
    variant, itemsize, samples, features = wire.unpack("<iiqi")
    raw = read_columns(wire, features + 1, samples, itemsize)
    try:
        solve = prepare(variant, itemsize, raw[:-1], raw[-1])
    except Exception as error:
        wire.send_text(FAILED, "%s: %s" % (type(error).__name__, error))
        return
    del raw
    wire.send_text(OK, describe(variant != PURE))
    weight_count = features + 1
    while True:
        (request,) = wire.unpack("<i")
        if request != DESCEND:
            wire.send_text(FAILED, "unknown request %d" % request)
            return
        mu, epochs, trace_every = wire.unpack("<dii")
        start = wire.unpack("<%dd" % weight_count)
        try:
            weights, losses = solve(mu, epochs, start, trace_every)
        except Exception as error:
            wire.send_text(FAILED, "%s: %s" % (type(error).__name__, error))
            continue
        wire.send(struct.pack("<i%ddi" % weight_count, OK, *weights, len(losses)),
                  struct.pack("<%dd" % len(losses), *losses))


def prepare(variant, itemsize, raw_columns, raw_targets):
    """Makes the data resident in the variant's form; returns its descend function."""
    if variant == PURE:
        if itemsize != 8:
            raise ValueError("python.pure computes in Python floats (float64) only")
        columns = [values.tolist() for values in raw_columns]
        d = raw_targets.tolist()

        def solve(mu, epochs, start, trace_every):
            return py_descent(columns, d, mu, epochs, [float(v) for v in start], trace_every)
        return solve

    import numpy as np
    # Overflow in a diverging descent gives inf or nan, silently, as it does in the Java
    # solvers; warnings on stderr would only clutter the race's output.
    np.seterr(all="ignore")
    dtype = np.dtype(np.float64 if itemsize == 8 else np.float32)
    # Copies, so each array owns aligned, contiguous memory like any NumPy user's array.
    columns = [np.array(values, dtype=dtype) for values in raw_columns]
    d = np.array(raw_targets, dtype=dtype)
    if variant == NUMPY:
        def solve(mu, epochs, start, trace_every):
            w, losses = np_descent(np, columns, d, mu, epochs,
                                   np.array(start, dtype=dtype), trace_every)
            return [float(v) for v in w], losses
        return solve
    if variant == GRAM:
        gram = Gram(np, columns, d, dtype)

        def solve(mu, epochs, start, trace_every):
            w, losses = gram.descend(mu, epochs, np.array(start, dtype=dtype), trace_every)
            return [float(v) for v in w], losses
        return solve
    raise ValueError("unknown variant %d" % variant)


def watch_parent():
    """Exits if the JVM dies while a long call keeps the main thread from reading stdin.

    Polling getppid() rather than prctl(PR_SET_PDEATHSIG): the death signal fires when the
    *thread* that started the process ends, and a JVM starts processes from any thread.
    """
    parent = os.getppid()

    def poll():
        while True:
            time.sleep(PARENT_POLL_SECONDS)
            if os.getppid() != parent:
                os._exit(3)

    threading.Thread(target=poll, name="parent-watch", daemon=True).start()


if __name__ == "__main__":
    # argv: the marker the JVM adds (descent-backend-python, --parent=PID) and --probe.
    if "--probe" in sys.argv[1:]:
        probe()
    else:
        try:
            serve()
        except (BrokenPipeError, KeyboardInterrupt):
            pass
