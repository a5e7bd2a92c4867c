#!/usr/bin/python3
"""The steps of build/bench, timed again in plain Python, NumPy and PyTorch.

Reads what build/bench measured (a TSV file), times the same steps here in
float64, and prints one table with the ratios, also written as Markdown.
PyTorch runs on one thread, with autograd computing the slopes; NumPy
computes them by hand on whole arrays; plain Python loops over the samples.
A missing NumPy or PyTorch leaves its column empty and says so.

Usage: /usr/bin/python3 tools/bench.py build/bench-c.tsv build/bench.md
"""
import math
import os
import platform
import sys
import time

try:
    import numpy as np
except ImportError:
    np = None
try:
    import torch
except ImportError:
    torch = None

ARTICLE = (3.34, -1.43, -3.53, 0.57, -1.22, -2.30, 0.0)
START = (2.74, 0.0, -1.13, 0.0, 0.36, 0.63, 0.0)  # the part-2 start
SIZES = (3, 1000, 100000, 1000000)
BUDGET = 0.2  # seconds per timed run
RUNS = 3


def samples(n):
    """The article's three, or chapter 9's curve y = 4x(1 - x) at n points."""
    if n == 3:
        return [0.0, 0.5, 1.0], [0.0, 1.0, 0.0]
    x = [i / (n - 1) for i in range(n)]
    return x, [4.0 * v * (1.0 - v) for v in x]


def best_ns(make_step, max_total=20.0):
    """ns per step: the best of RUNS runs, each long enough to time well."""
    step = make_step()
    t0 = time.perf_counter()
    step()
    once = time.perf_counter() - t0
    if once * RUNS > max_total:  # too slow to repeat: one more run will do
        step = make_step()
        t0 = time.perf_counter()
        step()
        return min(once, time.perf_counter() - t0) * 1e9
    reps = max(1, int(BUDGET / max(once, 1e-7)))
    best = None
    for _ in range(RUNS):
        step = make_step()
        t0 = time.perf_counter_ns()
        for _ in range(reps):
            step()
        per = (time.perf_counter_ns() - t0) / reps
        best = per if best is None else min(best, per)
    return best


# ---- plain Python -----------------------------------------------------------

def softplus(z):
    return max(z, 0.0) + math.log1p(math.exp(-abs(z)))


def python_b3(n):
    x, y = samples(n)
    w1, b1, w2, b2, w3, w4, _ = ARTICLE
    state = {"b3": 0.0}

    def step():
        b3 = state["b3"]
        slope = 0.0
        for xi, yi in zip(x, y):
            predicted = w3 * softplus(w1 * xi + b1) + w4 * softplus(w2 * xi + b2) + b3
            slope += -2.0 * (yi - predicted)
        state["b3"] = b3 - 0.1 * slope
    return step


def python_full(n):
    x, y = samples(n)
    rate = 0.1 if n == 3 else 0.1 / n
    p = list(START)

    def step():
        w1, b1, w2, b2, w3, w4, b3 = p
        g = [0.0] * 7
        total = 0.0
        for xi, yi in zip(x, y):
            z1, z2 = w1 * xi + b1, w2 * xi + b2
            e1, e2 = math.exp(-abs(z1)), math.exp(-abs(z2))
            a1 = max(z1, 0.0) + math.log1p(e1)
            a2 = max(z2, 0.0) + math.log1p(e2)
            s1 = (1.0 if z1 >= 0 else e1) / (1.0 + e1)
            s2 = (1.0 if z2 >= 0 else e2) / (1.0 + e2)
            r = yi - (w3 * a1 + w4 * a2 + b3)
            total += r * r
            d = -2.0 * r
            d1, d2 = d * w3 * s1, d * w4 * s2
            g[0] += d1 * xi
            g[1] += d1
            g[2] += d2 * xi
            g[3] += d2
            g[4] += d * a1
            g[5] += d * a2
            g[6] += d
        for k in range(7):
            p[k] -= rate * g[k]
    return step


# ---- NumPy ------------------------------------------------------------------

def numpy_b3(n):
    x, y = (np.array(v) for v in samples(n))
    w1, b1, w2, b2, w3, w4, _ = ARTICLE
    state = {"b3": 0.0}

    def step():
        predicted = (w3 * np.logaddexp(0.0, w1 * x + b1)
                     + w4 * np.logaddexp(0.0, w2 * x + b2) + state["b3"])
        slope = np.sum(-2.0 * (y - predicted))
        state["b3"] -= 0.1 * slope
    return step


def numpy_full(n):
    x, y = (np.array(v) for v in samples(n))
    rate = 0.1 if n == 3 else 0.1 / n
    p = np.array(START)

    def step():
        w1, b1, w2, b2, w3, w4, b3 = p
        z1, z2 = w1 * x + b1, w2 * x + b2
        e1, e2 = np.exp(-np.abs(z1)), np.exp(-np.abs(z2))
        a1 = np.maximum(z1, 0.0) + np.log1p(e1)
        a2 = np.maximum(z2, 0.0) + np.log1p(e2)
        s1 = np.where(z1 >= 0, 1.0, e1) / (1.0 + e1)
        s2 = np.where(z2 >= 0, 1.0, e2) / (1.0 + e2)
        r = y - (w3 * a1 + w4 * a2 + b3)
        np.sum(r * r)
        d = -2.0 * r
        d1, d2 = d * w3 * s1, d * w4 * s2
        g = np.array([np.dot(d1, x), d1.sum(), np.dot(d2, x), d2.sum(),
                      np.dot(d, a1), np.dot(d, a2), d.sum()])
        p[:] -= rate * g
    return step


# ---- PyTorch ----------------------------------------------------------------

def torch_model(n, start, moving):
    x, y = (torch.tensor(v, dtype=torch.float64) for v in samples(n))
    p = [torch.tensor(v, dtype=torch.float64, requires_grad=(k in moving))
         for k, v in enumerate(start)]
    return x, y, p


def torch_step(n, start, moving, rate):
    x, y, p = torch_model(n, start, moving)
    zero = torch.zeros((), dtype=torch.float64)

    def step():
        w1, b1, w2, b2, w3, w4, b3 = p
        # logaddexp(0, z) is softplus exact to double precision; F.softplus
        # switches to z itself once z > 20.
        predicted = (w3 * torch.logaddexp(zero, w1 * x + b1)
                     + w4 * torch.logaddexp(zero, w2 * x + b2) + b3)
        loss = torch.sum((y - predicted) ** 2)
        loss.backward()
        with torch.no_grad():
            for k in moving:
                p[k] -= rate * p[k].grad
                p[k].grad = None
    return step


def torch_b3(n):
    return torch_step(n, ARTICLE, (6,), 0.1)


def torch_full(n):
    return torch_step(n, START, range(7), 0.1 if n == 3 else 0.1 / n)


# ---- the table --------------------------------------------------------------

def read_c(path):
    c, info = {}, {}
    with open(path) as f:
        for line in f:
            fields = line.rstrip("\n").split("\t")
            if line.startswith("#"):
                info[fields[0][1:]] = fields[1]
            else:
                c[(fields[0], fields[1], int(fields[2]))] = float(fields[3])
    return c, info


def human(ns):
    if ns is None:
        return "-"
    for unit, scale in (("s", 1e9), ("ms", 1e6), ("us", 1e3)):
        if ns >= scale:
            return "%.3g %s" % (ns / scale, unit)
    return "%.3g ns" % ns


def ratio(a, b):
    if a is None or b is None:
        return "-"
    return ("%.0fx" if a / b >= 100 else "%.3gx") % (a / b)


def machine(info):
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    os_name = platform.platform()
    try:
        with open("/etc/os-release") as f:
            for line in f:
                if line.startswith("PRETTY_NAME="):
                    os_name = line.split("=", 1)[1].strip().strip('"')
    except OSError:
        pass
    return ("%s, %d cores (%s threads used by C fast/all); %s; C compiler %s; Python %s, "
            "NumPy %s, PyTorch %s" % (
                cpu, os.cpu_count() or 0, info.get("threads", "?"), os_name,
                info.get("compiler", "?"), platform.python_version(),
                np.__version__ if np else "missing", torch.__version__ if torch else "missing"))


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: bench.py C-RESULTS.tsv OUT.md")
    c, info = read_c(sys.argv[1])
    if torch is not None:
        torch.set_num_threads(1)
    missing = [name for name, mod in (("NumPy (python3-numpy)", np),
                                      ("PyTorch (python3-torch)", torch)) if mod is None]
    for name in missing:
        print("bench: %s is not installed; its column stays empty" % name, file=sys.stderr)

    print("\nThe same steps in Python (float64; PyTorch on 1 thread with autograd):")
    rows = []
    for what, n in [("b3 step", 3)] + [("full step", n) for n in SIZES]:
        makers = {"b3 step": (python_b3, numpy_b3, torch_b3),
                  "full step": (python_full, numpy_full, torch_full)}[what]
        py = best_ns(lambda: makers[0](n)) if n <= 100000 else None
        nump = best_ns(lambda: makers[1](n)) if np is not None else None
        tor = best_ns(lambda: makers[2](n)) if torch is not None else None
        plain = c.get((what, "C plain", n))
        fast_runs = [c.get((what, impl, n)) for impl in ("C fast/1", "C fast/all")]
        fast = min((v for v in fast_runs if v is not None), default=None)
        best_c = min(v for v in (plain, fast) if v is not None)
        rows.append((what, n, plain, fast, nump, tor, py, best_c))
        print("  %-10s %8d samples: NumPy %s, PyTorch %s, Python %s" % (
            what, n, human(nump), human(tor), human(py)), flush=True)

    head = ("| step | samples | C plain | C fast | NumPy | PyTorch | plain Python "
            "| PyTorch / C | NumPy / C | Python / C |")
    lines = ["# make bench", "", "Machine: " + machine(info), "",
             "Time per step of descent (SSR, slopes and update), best of several runs. "
             "C plain is nn.c's ssr() and gradient(); C fast is code/fast.c, the faster of "
             "1 thread and every core (on 3 samples, chapter 9's own loop fast_descend(), "
             "which keeps the parameters in registers: code/small.c); the ratios divide by "
             "the faster C column.",
             "", head, "|" + "---|" * 10]
    for what, n, plain, fast, nump, tor, py, best_c in rows:
        lines.append("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |" % (
            what, format(n, ","), human(plain), human(fast), human(nump), human(tor),
            human(py), ratio(tor, best_c), ratio(nump, best_c), ratio(py, best_c)))
    lines += ["", "Per sample-step (ns), where there are enough samples for it to mean something:",
              "", "| samples | C plain | C fast/1 | C fast/all | NumPy | PyTorch | plain Python |",
              "|" + "---|" * 7]
    for what, n, plain, fast, nump, tor, py, best_c in rows:
        if what != "full step" or n < 1000:
            continue
        one, every = c.get((what, "C fast/1", n)), c.get((what, "C fast/all", n))
        cells = [v / n if v is not None else None for v in (plain, one, every, nump, tor, py)]
        lines.append("| %s | %s |" % (format(n, ","), " | ".join(
            "-" if v is None else "%.3g" % v for v in cells)))

    # The targets of the issue, as measured in this run.
    def verdict(ok):
        return "" if ok is None else (" (met)" if ok else " (NOT met)")

    def at_least(a, b, target):
        return None if a is None or b is None else a / b >= target

    full3 = rows[1]
    big = [r for r in rows if r[1] >= 100000]
    worst = max(r[3] / r[1] for r in big if r[3] is not None)
    lines += ["", "Targets (this run):", ""]
    lines.append("- 3 samples, PyTorch / C >= 5,000x: %s%s" % (
        ratio(full3[5], full3[7]), verdict(at_least(full3[5], full3[7], 5000))))
    lines.append("- 3 samples, plain Python / C >= 30x: %s%s" % (
        ratio(full3[6], full3[7]), verdict(at_least(full3[6], full3[7], 30))))
    lines.append("- 1e5 to 1e6 samples, C fast <= 5 ns per sample-step: %.3g ns%s" % (
        worst, verdict(worst <= 5.0)))
    for r in big:
        lines.append("- %s samples, NumPy / C fast >= 10x: %s%s" % (
            format(r[1], ","), ratio(r[4], r[3]), verdict(at_least(r[4], r[3], 10))))
    load = c.get(("data_load", "C", 1000000))
    if load is not None:
        lines.append("- data_load of a 1,000,000-line file < 0.5 s: %.3f s%s" % (
            load / 1e9, verdict(load < 0.5e9)))
    if missing:
        lines += ["", "Not measured: %s not installed." % " and ".join(missing)]

    text = "\n".join(lines) + "\n"
    with open(sys.argv[2], "w") as f:
        f.write(text)
    print("\n" + text + "\n(written to %s)" % sys.argv[2])


if __name__ == "__main__":
    main()
