/**
 * @file softplus.h
 * @brief softplus and sigmoid in vector lanes, from +, -, *, / and the bits
 *        of a double: no library call (chapter 10, step 4).
 *
 * Functions of lanes (lanes.h), inlined into each file that includes this
 * header, at that file's width: fast.c runs them over the samples, few.c
 * when a lane of a few samples moves to a new piece.
 */
#ifndef SOFTPLUS_H
#define SOFTPLUS_H

#include "lanes.h"

/* ln 2 rounded to a double, and ln 2 in two parts: LN2_HI has its last 11
   bits zero, so n * LN2_HI is exact for every |n| < 2048, and LN2_LO is the
   rest. */
#define LN2 0x1.62e42fefa39efp-1
#define LN2_HI 0x1.62e42fefa3800p-1
#define LN2_LO 0x1.ef35793c7673p-45
/* Adding 1.5 * 2^52 rounds a double below 2^51 to a whole number, which then
   sits in the low bits of the sum. */
#define ROUNDER 0x1.8p52

/* The two polynomials, fitted by tools/fast_polynomials.py (mpmath):
   e^r = 1 + r + r^2 Q(r) for |r| <= ln(2) / 2, within 1.6e-17, and
   2 atanh(s) = 2 s + s w P(w) for |s| <= 3 - 2 sqrt(2), within 4.5e-18. */
static const double exp_q[10] = {
    0x1.0000000000001p-1, 0x1.5555555555556p-3, 0x1.5555555553d68p-5, 0x1.11111111109b5p-7,
    0x1.6c16c17889ef1p-10, 0x1.a01a01a7c2efep-13, 0x1.a019b9149a41cp-16,
    0x1.71de0db2f6b19p-19, 0x1.28917c89a43a7p-22, 0x1.af389ecfc4b9cp-26,
};
static const double log_p[7] = {
    0x1.5555555555558p-1, 0x1.99999999952e2p-2, 0x1.2492492df148dp-2, 0x1.c71c62e5800a1p-3,
    0x1.7462b4ab2ef6bp-3, 0x1.39fe606542ddep-3, 0x1.2b584aae78a57p-3,
};

/* A polynomial as its even and odd halves, each a polynomial in x^2 by
   Horner's rule:

       (c[0] + c[2] x^2 + c[4] x^4 + ...) + x (c[1] + c[3] x^2 + ...)

   For degree 9, ten multiplies and multiply-adds, one more than Horner's
   rule on the whole, and the longest chain is six, not nine. Over a
   million samples the lanes keep the multiply-add units busy, and fewer
   operations are faster (Estrin's scheme, with the shortest chain, takes
   twelve); on four lanes the processor runs out of independent work
   sooner, and a shorter chain is faster. This is the best of the three on
   both. */
LANE_FUNCTION lanes degree_9(const double c[10], lanes x)
{
    lanes x2 = x * x;
    lanes even = c[0] + x2 * (c[2] + x2 * (c[4] + x2 * (c[6] + x2 * c[8])));
    lanes odd = c[1] + x2 * (c[3] + x2 * (c[5] + x2 * (c[7] + x2 * c[9])));
    return even + x * odd;
}

LANE_FUNCTION lanes degree_6(const double c[7], lanes x)
{
    lanes x2 = x * x;
    lanes even = c[0] + x2 * (c[2] + x2 * (c[4] + x2 * c[6]));
    lanes odd = c[1] + x2 * (c[3] + x2 * c[5]);
    return even + x * odd;
}

// [fast_exp]
/* e^-t for t >= 0, within 1 ulp: e^-t = 2^-n * e^r with n the whole number
   nearest t / ln 2 and r = n ln 2 - t in [-ln 2 / 2, ln 2 / 2]. 2^-n is made
   from its bits, by way of 2^(64 - n), so that values down to 2^-1074 (the
   smallest double) are reached; past t = 746, e^-t rounds to 0. */
/* r, and 1.5 * 2^52 - n, which holds n in its low bits. */
typedef struct reduced {
    lanes r, rounded;
} reduced;

LANE_FUNCTION reduced reduce(lanes t)
{
    lanes tc = select(above(t, 746.0), all(746.0), t); /* a NaN goes through as NaN */
    lanes rounded = ROUNDER - tc * 0x1.71547652b82fep0; /* 1.5 * 2^52 - t / ln 2 */
    lanes n = ROUNDER - rounded;
    reduced out = {(n * LN2_HI - tc) + n * LN2_LO, rounded};
    return out;
}

/* e^-t = 2^-n * e^r from the reduced argument, as 2^-n + 2^-n (e^r - 1):
   one multiply-add, rounded once, at the end of the chain, where 2^-n is
   ready long before the polynomial is. */
LANE_FUNCTION lanes exp_reduced(reduced red)
{
    lanes r = red.r;
    lanes e_r_minus_1 = r + r * r * degree_9(exp_q, r);
    /* 2^k is the double whose exponent field is 1023 + k, for k down to
       -1022. So 2^(64 - n) is a double for every n up to 1076, and the
       product with 2^-64 is exact wherever e^-t is not below 2^-1022;
       below, it rounds once more, into the subnormal range. */
    lane_bits n = (lane_bits)all(ROUNDER) - (lane_bits)red.rounded;
    lanes scale = (lanes)((1087 - n) << 52); /* 2^(64 - n) */
    return (scale + scale * e_r_minus_1) * 0x1p-64;
}

LANE_FUNCTION lanes exp_minus(lanes t)
{
    return exp_reduced(reduce(t));
}
// [fast_exp]

// [fast_neuron]
/* e^-|z|: the first half of a neuron. */
LANE_FUNCTION lanes exp_minus_abs(lanes z)
{
    return exp_minus(abs_of(z));
}

/* softplus(z) = max(z, 0) + log(1 + e), with e = e^-|z| in [0, 1] and no
   library call: log(1 + e) = 2 atanh(s) with s = e / (2 + e), where a
   polynomial in s^2 converges fast. Above e = sqrt(2) - 1 it is
   ln 2 + log((1 + e) / 2) = ln 2 + 2 atanh(s) with s = (e - 1) / (3 + e)
   instead, so that |s| <= 3 - 2 sqrt(2) = 0.17 either way: degree 6 is
   enough, where s up to 1/3 would take degree 9. */
LANE_FUNCTION lanes softplus_from(lanes z, lanes e)
{
    lane_mask upper = above(e, 0x1.a827999fcef34p-2); /* sqrt(2) - 1 */
    lanes c = select(upper, all(1.0), all(0.0));
    lanes s = (e - c) / ((2.0 + c) + e), w = s * s;
    lanes start = select(negative(z), all(0.0), z) + select(upper, all(LN2), all(0.0));
    return start + s * (2.0 + w * degree_6(log_p, w));
}

/* sigmoid(z) = 1 / (1 + e) for z >= 0 and e / (1 + e) below: a numerator,
   then one division, which fast.c makes in a later loop. */
LANE_FUNCTION lanes sigmoid_numerator(lanes z, lanes e)
{
    return select(negative(z), e, all(1.0));
}

LANE_FUNCTION lanes sigmoid_from(lanes numerator, lanes e)
{
    return numerator / (1.0 + e);
}

LANE_FUNCTION void neurons(lanes z, lanes *softplus, lanes *sigmoid)
{
    lanes e = exp_minus_abs(z);
    *softplus = softplus_from(z, e);
    *sigmoid = sigmoid_from(sigmoid_numerator(z, e), e);
}
// [fast_neuron]

#endif
