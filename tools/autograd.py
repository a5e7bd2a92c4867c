#!/usr/bin/python3
"""PyTorch's autograd on chapter 10's problem, timed as chapter 10 times its steps.

The same samples (chapter 10's curve, tuned/fast.c's fast_curve()) and the
same start (chapter 7's), in float64. The forward pass is written once in
torch; autograd derives the backward pass from it, where chapter 7 wrote
every slope by hand. Timed like chapter 10's steps: bursts of about 5 ms,
taking turns, the fastest of 9 counting; one thread, then every core.

The slopes are compared with nn.c's, computed here by nn.c's own formulas in
the same order, with the C library's exp and log1p (Python's math module
calls them), so that the last column means what chapter 10's does.

Usage: /usr/bin/python3 tools/autograd.py [SAMPLES]   (default 100000)
Prints a few lines for docs/measurements/chapter10.txt; without torch, one
line saying so.
"""
import math
import os
import sys
import time

ARTICLE = (3.34, -1.43, -3.53, 0.57, -1.22, -2.30, 2.61)  # b3 = 2.61: the curve
START = (2.74, 0.0, -1.13, 0.0, 0.36, 0.63, 0.0)  # chapter 7's start


def softplus(z):
    return max(z, 0.0) + math.log1p(math.exp(-abs(z)))


def sigmoid(z):
    e = math.exp(-abs(z))
    return 1.0 / (1.0 + e) if z >= 0.0 else e / (1.0 + e)


def curve(n):
    w1, b1, w2, b2, w3, w4, b3 = ARTICLE
    x = [i / (n - 1) if n > 1 else 0.5 for i in range(n)]
    y = [w3 * softplus(w1 * v + b1) + w4 * softplus(w2 * v + b2) + b3 for v in x]
    return x, y


def nn_c(x, y):
    """ssr() and gradient() of nn.c: forward(), then backward(), per sample."""
    w1, b1, w2, b2, w3, w4, b3 = START
    total = 0.0
    for v, o in zip(x, y):
        r = o - (w3 * softplus(w1 * v + b1) + w4 * softplus(w2 * v + b2) + b3)
        total += r * r
    g = [0.0] * 7
    for v, o in zip(x, y):
        z1, z2 = w1 * v + b1, w2 * v + b2
        a1, a2 = softplus(z1), softplus(z2)
        d = -2.0 * (o - (w3 * a1 + w4 * a2 + b3))
        g[6] += d
        g[4] += d * a1
        g[5] += d * a2
        d_z1, d_z2 = d * w3 * sigmoid(z1), d * w4 * sigmoid(z2)
        g[1] += d_z1
        g[0] += d_z1 * v
        g[3] += d_z2
        g[2] += d_z2 * v
    return [total] + g


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100000
    try:
        import torch
    except ImportError:
        print("PyTorch's autograd: not measured, python3-torch is not installed here\n"
              "(sh tools/install-deps --all installs it).")
        return
    x, y = curve(n)
    reference = nn_c(x, y)
    xt = torch.tensor(x, dtype=torch.float64)
    yt = torch.tensor(y, dtype=torch.float64)

    def softplus_t(z):
        # log(1 + e^z), right in both tails, and its slope right at z = 0
        # too: max(z, 0) + log1p(e^-|z|), as nn.c writes it, would hand
        # autograd the kinks of max and |z|, and at z = 0 (the first sample
        # from this start) it would take 1 (torch.clamp) or 0 (torch.relu)
        # as their slope, instead of sigmoid(0) = 0.5.
        positive = torch.logaddexp(torch.zeros_like(z), torch.clamp(z, min=0.0))
        negative = torch.log1p(torch.exp(torch.clamp(z, max=0.0)))
        return torch.where(z > 0, positive, negative)

    def ssr_and_slopes():
        p = torch.tensor(START, dtype=torch.float64, requires_grad=True)
        w1, b1, w2, b2, w3, w4, b3 = p
        predicted = w3 * softplus_t(w1 * xt + b1) + w4 * softplus_t(w2 * xt + b2) + b3
        ssr = torch.sum((yt - predicted) ** 2)
        ssr.backward()  # the backward pass, derived by autograd
        return [ssr.item()] + p.grad.tolist()

    def relative(a, b):
        return 0.0 if a == b else abs(a - b) / max(abs(a), abs(b))

    cores = os.cpu_count() or 1
    counts = [1] + ([cores] if cores > 1 else [])
    runs, best = {}, {}
    for threads in counts:
        torch.set_num_threads(threads)
        start = time.perf_counter()
        ssr_and_slopes()
        once = time.perf_counter() - start
        runs[threads] = max(1, int(0.005 / max(once, 1e-8)) + 1) if once < 0.005 else 1
        best[threads] = math.inf
    for _ in range(9):
        for threads in counts:
            torch.set_num_threads(threads)
            start = time.perf_counter()
            for _ in range(runs[threads]):
                values = ssr_and_slopes()
            best[threads] = min(best[threads], (time.perf_counter() - start) / runs[threads])
    worst = max(relative(a, b) for a, b in zip(values, reference))
    print("PyTorch's autograd (PyTorch %s, tools/autograd.py) on the same %d\n"
          "samples from the same start, in float64: the forward pass written once in\n"
          "torch, the backward pass derived from it.\n" % (torch.__version__, n))
    print("  threads  ns per sample-step  largest relative difference from nn.c")
    for threads in counts:
        print("  %7d  %18.2f  %.1e" % (threads, best[threads] * 1e9 / n, worst))


if __name__ == "__main__":
    main()
