#!/usr/bin/python3
"""`make bench`, the Python side: the same descent in numba, NumPy, PyTorch
and plain Python, on one thread, in float64, then one table with the C
columns that build/bench measured, and the targets this run met.

Every peer starts from chapter 7's start and runs steps of descent (the SSR,
the seven slopes, the update) on the same samples: the article's three, or
the 1,000,000 points of chapter 10's curve that build/bench wrote to DATA.bin.
Each is timed in several short runs and the best is kept.

Usage: /usr/bin/python3 tools/bench.py C.tsv CLANG.tsv AVX2.tsv DATA.bin OUT.md
(a missing CLANG.tsv leaves the clang column empty; AVX2.tsv, the fast path
and the yardstick built for AVX2 alone, exists only on an AVX-512 machine).
"""
import math
import os
import platform
import sys
import time

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("NUMBA_NUM_THREADS", "1")

try:
    import numpy as np
except ImportError:
    np = None
try:
    import torch
except ImportError:
    torch = None
try:
    import numba
except ImportError:
    numba = None

START = (2.74, 0.0, -1.13, 0.0, 0.36, 0.63, 0.0)  # chapter 7's start
ARTICLE = ([0.0, 0.5, 1.0], [0.0, 1.0, 0.0])
BIG = 1000000
RUNS = 7


def best_ns(run, steps, runs=RUNS):
    """ns per step of run(steps): the best of `runs` runs."""
    best = math.inf
    for _ in range(runs):
        t0 = time.perf_counter_ns()
        run(steps)
        best = min(best, (time.perf_counter_ns() - t0) / steps)
    return best


def steps_for(run, budget=0.02):
    """Steps that take about `budget` seconds."""
    steps = 1
    while True:
        t0 = time.perf_counter()
        run(steps)
        took = time.perf_counter() - t0
        if took >= budget / 2 or steps > 1 << 24:
            return steps
        steps *= 10 if took < budget / 100 else 2


# ---- plain Python -----------------------------------------------------------

def python_descend(x, y, rate):
    def run(steps):
        w1, b1, w2, b2, w3, w4, b3 = START
        for _ in range(steps):
            g = [0.0] * 7
            for xi, yi in zip(x, y):
                z1, z2 = w1 * xi + b1, w2 * xi + b2
                e1, e2 = math.exp(-abs(z1)), math.exp(-abs(z2))
                a1 = max(z1, 0.0) + math.log1p(e1)
                a2 = max(z2, 0.0) + math.log1p(e2)
                s1 = (1.0 if z1 >= 0 else e1) / (1.0 + e1)
                s2 = (1.0 if z2 >= 0 else e2) / (1.0 + e2)
                r = yi - (w3 * a1 + w4 * a2 + b3)
                d = -2.0 * r
                g[0] += d * w3 * s1 * xi
                g[1] += d * w3 * s1
                g[2] += d * w4 * s2 * xi
                g[3] += d * w4 * s2
                g[4] += d * a1
                g[5] += d * a2
                g[6] += d
            w1, b1, w2, b2 = w1 - rate * g[0], b1 - rate * g[1], w2 - rate * g[2], b2 - rate * g[3]
            w3, w4, b3 = w3 - rate * g[4], w4 - rate * g[5], b3 - rate * g[6]
    return run


# ---- numba: the whole descent compiled -------------------------------------

NUMBA_DESCEND = None


def numba_descend(x, y, rate):
    global NUMBA_DESCEND
    if NUMBA_DESCEND is None:
        @numba.njit(cache=False)
        def descend(x, y, rate, steps):
            w1, b1, w2, b2, w3, w4, b3 = 2.74, 0.0, -1.13, 0.0, 0.36, 0.63, 0.0
            ssr = 0.0
            for _ in range(steps):
                g1 = g2 = g3 = g4 = g5 = g6 = g7 = 0.0
                ssr = 0.0
                for i in range(x.shape[0]):
                    z1 = w1 * x[i] + b1
                    z2 = w2 * x[i] + b2
                    e1 = math.exp(-abs(z1))
                    e2 = math.exp(-abs(z2))
                    a1 = max(z1, 0.0) + math.log1p(e1)
                    a2 = max(z2, 0.0) + math.log1p(e2)
                    s1 = (1.0 if z1 >= 0 else e1) / (1.0 + e1)
                    s2 = (1.0 if z2 >= 0 else e2) / (1.0 + e2)
                    r = y[i] - (w3 * a1 + w4 * a2 + b3)
                    ssr += r * r
                    d = -2.0 * r
                    g1 += d * w3 * s1 * x[i]
                    g2 += d * w3 * s1
                    g3 += d * w4 * s2 * x[i]
                    g4 += d * w4 * s2
                    g5 += d * a1
                    g6 += d * a2
                    g7 += d
                w1 -= rate * g1
                b1 -= rate * g2
                w2 -= rate * g3
                b2 -= rate * g4
                w3 -= rate * g5
                w4 -= rate * g6
                b3 -= rate * g7
            return ssr
        NUMBA_DESCEND = descend
        descend(np.array(ARTICLE[0]), np.array(ARTICLE[1]), 0.1, 2)  # compile now
    x, y = np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64)
    return lambda steps: NUMBA_DESCEND(x, y, rate, steps)


# ---- NumPy ------------------------------------------------------------------

def numpy_descend(x, y, rate):
    x, y = np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64)

    def run(steps):
        p = np.array(START)
        for _ in range(steps):
            w1, b1, w2, b2, w3, w4, b3 = p
            z1, z2 = w1 * x + b1, w2 * x + b2
            e1, e2 = np.exp(-np.abs(z1)), np.exp(-np.abs(z2))
            a1 = np.maximum(z1, 0.0) + np.log1p(e1)
            a2 = np.maximum(z2, 0.0) + np.log1p(e2)
            s1 = np.where(z1 >= 0, 1.0, e1) / (1.0 + e1)
            s2 = np.where(z2 >= 0, 1.0, e2) / (1.0 + e2)
            r = y - (w3 * a1 + w4 * a2 + b3)
            np.dot(r, r)
            d = -2.0 * r
            d1, d2 = d * w3 * s1, d * w4 * s2
            g = np.array([np.dot(d1, x), d1.sum(), np.dot(d2, x), d2.sum(),
                          np.dot(d, a1), np.dot(d, a2), d.sum()])
            p -= rate * g
    return run


# ---- PyTorch: autograd --------------------------------------------------------

def torch_descend(x, y, rate):
    x = torch.as_tensor(np.asarray(x, dtype=np.float64))
    y = torch.as_tensor(np.asarray(y, dtype=np.float64))
    zero = torch.zeros((), dtype=torch.float64)

    def run(steps):
        p = [torch.tensor(v, dtype=torch.float64, requires_grad=True) for v in START]
        for _ in range(steps):
            w1, b1, w2, b2, w3, w4, b3 = p
            # logaddexp(0, z) is softplus to double precision; F.softplus
            # switches to z itself past z = 20.
            predicted = (w3 * torch.logaddexp(zero, w1 * x + b1)
                         + w4 * torch.logaddexp(zero, w2 * x + b2) + b3)
            loss = torch.sum((y - predicted) ** 2)
            loss.backward()
            with torch.no_grad():
                for v in p:
                    v -= rate * v.grad
                    v.grad = None
    return run


# ---- the table --------------------------------------------------------------

def read_tsv(path):
    values, info = {}, {}
    try:
        with open(path) as f:
            for line in f:
                fields = line.rstrip("\n").split("\t")
                if line.startswith("#"):
                    info[fields[0][1:]] = fields[1]
                else:
                    values[(fields[0], int(fields[1]))] = float(fields[2])
    except OSError:
        pass
    return values, info


def human(ns):
    if ns is None:
        return "-"
    for unit, scale in (("s", 1e9), ("ms", 1e6), ("us", 1e3)):
        if ns >= scale:
            return "%.3g %s" % (ns / scale, unit)
    return "%.3g ns" % ns


def version(module):
    return module.__version__ if module is not None else "missing"


def compiler_name(info):
    """gcc's __VERSION__ is its number alone; clang's names itself."""
    name = info.get("compiler")
    if name is None:
        return "none"
    return name if "clang" in name.lower() else "gcc " + name


def vector_registers():
    """The widest x86-64 vector registers the processor has, from its flags."""
    try:
        with open("/proc/cpuinfo") as f:
            flags = next((line.split(":", 1)[1].split() for line in f
                          if line.startswith("flags")), [])
    except OSError:
        flags = []
    if "avx512f" in flags:
        return "AVX-512"
    if "avx2" in flags:
        return "AVX2, no AVX-512"
    return None


def machine(info, clang_info):
    os_name = platform.platform()
    try:
        with open("/etc/os-release") as f:
            for line in f:
                if line.startswith("PRETTY_NAME="):
                    os_name = line.split("=", 1)[1].strip().strip('"')
    except OSError:
        pass
    registers = vector_registers()
    processor = info.get("processor", platform.machine())
    if registers is not None:
        processor += " (%s)" % registers
    return ("%s, %d cores seen (all timings on one thread); %s; C compilers: %s and %s; "
            "Python %s, numba %s, NumPy %s, PyTorch %s" % (
                processor, os.cpu_count() or 0, os_name,
                compiler_name(info), compiler_name(clang_info),
                platform.python_version(), version(numba), version(np), version(torch)))


def main():
    if len(sys.argv) != 6:
        sys.exit("usage: bench.py C.tsv CLANG.tsv AVX2.tsv DATA.bin OUT.md")
    c, info = read_tsv(sys.argv[1])
    clang, clang_info = read_tsv(sys.argv[2])
    avx2, _ = read_tsv(sys.argv[3])
    data_path, out_path = sys.argv[4], sys.argv[5]
    if torch is not None:
        torch.set_num_threads(1)
    missing = [name for name, mod in (("numba (python3-numba)", numba),
                                      ("NumPy (python3-numpy)", np),
                                      ("PyTorch (python3-torch)", torch)) if mod is None]
    for name in missing:
        print("bench: %s is not installed; its column stays empty" % name, file=sys.stderr)

    big = None
    if np is not None:
        data = np.fromfile(data_path, dtype=np.float64)
        big = (data[:BIG], data[BIG:])
    sizes = [(3, ARTICLE, 0.1)]
    if big is not None:
        sizes.append((BIG, big, 0.1 * 3 / BIG))

    print("\nThe same descent in Python, float64, one thread:")
    peers = {}
    for n, (x, y), rate in sizes:
        makers = [("numba", numba_descend if numba and np is not None else None),
                  ("NumPy", numpy_descend if np is not None else None),
                  ("PyTorch", torch_descend if torch is not None else None),
                  ("Python", python_descend)]
        for name, make in makers:
            if make is None:
                continue
            run = make(list(x) if name == "Python" else x, list(y) if name == "Python" else y,
                       rate)
            if name == "Python" and n == BIG:
                peers[(name, n)] = best_ns(run, 1, runs=1)
            else:
                peers[(name, n)] = best_ns(run, steps_for(run))
            print("  %-8s %9d samples: %s per step" % (name, n, human(peers[(name, n)])),
                  flush=True)

    columns = [("C fast", c), ("C fast, clang", clang), ("C yardstick", c), ("C plain", c),
               ("numba", peers), ("NumPy", peers), ("PyTorch", peers), ("Python", peers)]

    def value(name, table, n):
        key = "C fast" if name == "C fast, clang" else name
        return table.get((key, n))

    measured = time.strftime("%Y-%m-%d at %H:%M UTC", time.gmtime())
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    lines = ["# make bench", "", "Machine: " + machine(info, clang_info), "",
             "Measured on %s, with a load average of %.1f over the minute before "
             "(other programs' work as well as the bench's)." % (measured, load), "",
             "Time per step of descent (the SSR, the seven slopes and the update of all "
             "seven parameters), one thread, float64, the best of several runs. C fast is "
             "chapter 10's fast_descend(); C fast, clang the same built by clang; C yardstick "
             "the plain loop of tools/yardstick.c built with gcc -O3 -march=native "
             "-ffast-math (which calls glibc's vector exp and log1p); C plain is nn.c's "
             "descend(); numba compiles the whole descent (@njit).", "",
             "| samples | " + " | ".join(name for name, _ in columns) + " |",
             "|---|" + "---|" * len(columns)]
    for n, _, _ in sizes:
        cells = [human(value(name, table, n)) for name, table in columns]
        lines.append("| %s | %s |" % (format(n, ","), " | ".join(cells)))
    lines += ["", "ns per sample-step on one core:", "",
              "| samples | " + " | ".join(name for name, _ in columns) + " |",
              "|---|" + "---|" * len(columns)]
    for n, _, _ in sizes:
        cells = []
        for name, table in columns:
            v = value(name, table, n)
            cells.append("-" if v is None else "%.3g" % (v / n))
        lines.append("| %s | %s |" % (format(n, ","), " | ".join(cells)))
    floor = c.get(("libm floor", BIG))
    if floor is not None:
        lines += ["", "The machine's floor for what the fast path replaces: two calls of the C "
                  "library's exp and two of log1p, per sample, take %.3g ns per sample "
                  "(measured alone, in a loop that does nothing else)." % (floor / BIG)]

    if avx2:
        lines += ["", "Built again for AVX2 alone (-march=x86-64-v3 instead of -march=native, "
                  "for the fast path and the yardstick alike), the vector registers of most "
                  "x86-64 machines, and timed in the same run:", "",
                  "| samples | C fast, AVX2 | C yardstick, AVX2 |", "|---|---|---|"]
        for n, _, _ in sizes:
            lines.append("| %s | %s | %s |" % (format(n, ","), human(avx2.get(("C fast", n))),
                                               human(avx2.get(("C yardstick", n)))))

    def ratio(a, b):
        return None if a is None or b is None else a / b

    def speed_targets(table, label):
        fast3, fast6 = table.get(("C fast", 3)), table.get(("C fast", BIG))
        return [
            ("3 samples%s: numba / C fast >= 3.5" % label,
             ratio(peers.get(("numba", 3)), fast3), 3.5, True),
            ("1e6 samples%s: numba / C fast >= 5" % label,
             ratio(peers.get(("numba", BIG)), fast6), 5.0, True),
            ("1e6 samples%s: yardstick / C fast >= 1.5" % label,
             ratio(table.get(("C yardstick", BIG)), fast6), 1.5, True),
        ]

    targets = speed_targets(c, "")
    targets.append(("1e6 samples: clang / gcc <= 1.5",
                    ratio(clang.get(("C fast", BIG)), c.get(("C fast", BIG))), 1.5, False))
    if avx2:
        targets += speed_targets(avx2, ", AVX2 build")
    lines += ["", "Targets, from this run:", ""]
    met = 0
    for text, r, bound, at_least in targets:
        ok = r is not None and (r >= bound if at_least else r <= bound)
        met += ok
        lines.append("- %s: %s (%s)" % (text, "-" if r is None else "%.2f" % r,
                                         "met" if ok else "NOT met"))
    lines.append("")
    lines.append("%d of %d targets met." % (met, len(targets)))
    if missing:
        lines += ["", "Not measured: %s not installed." % " and ".join(missing)]

    text = "\n".join(lines) + "\n"
    with open(out_path, "w") as f:
        f.write(text)
    print("\n" + text + "\n(written to %s)" % out_path)


if __name__ == "__main__":
    main()
