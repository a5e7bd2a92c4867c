#!/usr/bin/python3
"""The two polynomials of chapters/10-scale/tuned/softplus.h, fitted with mpmath.

Each is the Chebyshev interpolant of its function on its interval, computed
in 60-digit arithmetic and printed as C constants, with the largest error of
the rounded coefficients found on a fine grid (relative to the whole value
the polynomial contributes to):

  e^r = 1 + r + r^2 Q(r),          |r| <= ln(2) / 2,           Q of degree 9
  2 atanh(s) = 2 s + s w P(w),     w = s^2 <= (3 - 2 sqrt 2)^2, P of degree 6

The second serves log(1 + e) for e in [0, 1]: below sqrt(2) - 1 as
2 atanh(s) with s = e / (2 + e), above as ln 2 + 2 atanh(s) with
s = (e - 1) / (3 + e). Either way |s| <= 3 - 2 sqrt(2), about 0.172.

Usage: /usr/bin/python3 tools/fast_polynomials.py
"""
import mpmath as mp

mp.mp.dps = 60


def fit(f, a, b, degree):
    coefficients, _ = mp.chebyfit(f, [a, b], degree + 1, error=True)
    return [float(c) for c in reversed(coefficients)]  # lowest degree first


def horner(c, x):
    v = mp.mpf(0)
    for k in reversed(c):
        v = v * x + mp.mpf(k)
    return v


def main():
    h = mp.log(2) / 2
    q = fit(lambda r: (mp.exp(r) - 1 - r) / r**2 if r != 0 else mp.mpf(1) / 2, -h, h, 9)
    worst = max(abs((1 + r + r * r * horner(q, r)) / mp.exp(r) - 1)
                for r in mp.linspace(-h, h, 4001))
    print("/* e^r = 1 + r + r^2 Q(r), |r| <= ln 2 / 2: relative error %.2g */" % worst)
    for k, c in enumerate(q):
        print("#define EXP_Q%d %s" % (k, c.hex()))

    def p_of(w):
        s = mp.sqrt(w)
        return (2 * mp.atanh(s) - 2 * s) / (s * w) if w != 0 else mp.mpf(2) / 3
    split = mp.sqrt(2) - 1
    p = fit(p_of, mp.mpf(0), (split / (2 + split)) ** 2, 6)
    worst = 0
    for e in mp.linspace(mp.mpf(10)**-30, 1, 4001):
        c = 1 if e > split else 0
        s = (e - c) / (2 + c + e)
        w = s * s
        value = c * mp.log(2) + 2 * s + s * w * horner(p, w)
        worst = max(worst, abs(value / mp.log1p(e) - 1))
    print("/* log(1 + e) = c ln 2 + 2 s + s w P(w), s = (e - c) / (2 + c + e), w = s^2,"
          " c = 1 above sqrt 2 - 1: relative error %.2g */" % worst)
    for k, c in enumerate(p):
        print("#define LOG_P%d %s" % (k, c.hex()))


if __name__ == "__main__":
    main()
