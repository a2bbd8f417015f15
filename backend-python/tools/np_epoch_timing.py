"""Where python.numpy's time goes: one epoch of the article's np_descent, against its array
operations one by one at the article's size and the same calls on 4-element arrays (what CPython
and NumPy's dispatch cost per epoch, whatever N is).

    python3 backend-python/tools/np_epoch_timing.py      # or $DESCENT_PYTHON ...

Times are the best of 7 repeats (timeit), float64, N = 10 000, the article's data.
"""
import os
import sys
import timeit

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "main",
                                "resources", "dev", "descent", "backend", "python"))
import descent_worker  # noqa: E402  the worker's own np_descent, unchanged

N = 10000
x = np.linspace(0, 2, N)
d = 3 + 2 * x + 0.1 * np.random.RandomState(444).randn(N)
err, y, grad, w = np.zeros(N), x * 2.0 + 1.0, np.empty(2), np.zeros(2)
tiny, tiny2, tiny3 = np.zeros(4), np.zeros(4), np.zeros(4)
f, mu = 2 / N, 0.001


def run(epochs):
    return descent_worker.np_descent(np, [x], d, mu, epochs, np.zeros(2), 0)


def best(stmt, number):
    return min(timeit.repeat(stmt, number=number, repeat=7, globals=globals())) / number


# One epoch's calls, in np_descent's order, on the article's arrays and on 4-element ones.
CALLS = [
    ("np.subtract(d, y, out=err)", "np.subtract(d, y, out=err)", "np.subtract(tiny, tiny2, out=tiny3)"),
    ("np.sum(err)", "np.sum(err)", "np.sum(tiny)"),
    ("err @ x", "err @ x", "tiny @ tiny2"),
    ("grad[:] = f * s, f * dot", "grad[:] = f * 1.0, f * 2.0", "grad[:] = f * 1.0, f * 2.0"),
    ("w = w + mu * grad", "w + mu * grad", "w + mu * grad"),
    ("w[1] * x (predict)", "w[1] * x", "w[1] * tiny"),
    ("w[0] + that (predict)", "w[0] + y", "w[0] + tiny"),
]

print(descent_worker.describe(True))
epoch = best("run(1000)", 1) / 1000
print("np_descent: %.2f us per epoch (1000 epochs), so %.0f ms for the article's 10 000"
      % (epoch * 1e6, epoch * 1e7))
print("np_descent with 0 epochs (set-up of one call): %.1f us" % (best("run(0)", 200) * 1e6))
big_total = small_total = 0
print("%-28s %10s %10s" % ("call", "N = 10 000", "N = 4"))
for name, big, small in CALLS:
    big_time, small_time = best(big, 2000), best(small, 20000)
    big_total += big_time
    small_total += small_time
    print("%-28s %8.2f us %8.2f us" % (name, big_time * 1e6, small_time * 1e6))
print("%-28s %8.2f us %8.2f us" % ("sum", big_total * 1e6, small_total * 1e6))
print("dispatch (the N = 4 sum) is %.0f %% of an epoch; the arithmetic beyond it, %.2f us, is "
      "%.2f ns per element" % (100 * small_total / epoch, (epoch - small_total) * 1e6,
                                (epoch - small_total) / N * 1e9))
