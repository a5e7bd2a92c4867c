/**
 * @file step4_softplus.c
 * @brief Chapter 10, step 4: a softplus and sigmoid the compiler can
 *        vectorise.
 *
 * Step 3 with its own e^-t and log(1 + e), made of + - * /, a conversion to
 * whole numbers and a shift: operations every lane runs at once. Each is
 * within a few ulp of the exact value: an ulp, a *unit in the last place*,
 * is the gap between a double and the next one, about 2.2e-16 times its
 * size, so a few ulp is as close as a computation of several roundings
 * gets. The table's last column shows what that does to the sums.
 */
#include "step3_lanes.h"

/* ln 2 in two parts: LN2_HI has its last 11 bits zero, so n * LN2_HI is
   exact for every n below 2^11, and LN2_LO is the rest. */
#define LN2_HI 0x1.62e42fefa3800p-1
#define LN2_LO 0x1.ef35793c7673p-45

/* 1/k for k = 0 (unused) to 33, the coefficients of both series below. */
static const double one_over[34] = {
    0.0,       1.0,       1.0 / 2,   1.0 / 3,   1.0 / 4,   1.0 / 5,   1.0 / 6,
    1.0 / 7,   1.0 / 8,   1.0 / 9,   1.0 / 10,  1.0 / 11,  1.0 / 12,  1.0 / 13,
    1.0 / 14,  1.0 / 15,  1.0 / 16,  1.0 / 17,  1.0 / 18,  1.0 / 19,  1.0 / 20,
    1.0 / 21,  1.0 / 22,  1.0 / 23,  1.0 / 24,  1.0 / 25,  1.0 / 26,  1.0 / 27,
    1.0 / 28,  1.0 / 29,  1.0 / 30,  1.0 / 31,  1.0 / 32,  1.0 / 33,
};

// [ch10_exp]
/* e^-t for t >= 0, by *range reduction*: a large t is brought into a short
   range where a short polynomial is exact enough. With n the whole number
   nearest t / ln 2 and r = t - n ln 2, in [-ln 2 / 2, ln 2 / 2],
   e^-t = 2^-n e^-r. e^-r is its Taylor series to r^13 (the next term is
   about 4e-18), and 2^-n is built from its bits, in two halves so that
   each is a normal double. */
LANE_FUNCTION lanes exp_minus(lanes t)
{
    t = select(t < 800.0, t, all(800.0)); /* e^-800 is 0 in doubles already */
    lane_ints n = __builtin_convertvector(t * (1.0 / LN2_HI) + 0.5, lane_ints);
    lanes nd = __builtin_convertvector(n, lanes);
    lanes u = (nd * LN2_HI - t) + nd * LN2_LO; /* -r */
    lanes taylor = all(1.0);
    for (int k = 13; k >= 1; k--) /* 1 + u (1 + u/2 (1 + u/3 (...))) */
        taylor = 1.0 + u * one_over[k] * taylor;
    lane_ints half = n >> 1;
    lanes low = (lanes)((1023 - half) << 52), high = (lanes)((1023 - (n - half)) << 52);
    return taylor * low * high; /* 2^-n = 2^-half * 2^-(n - half) */
}
// [ch10_exp]

// [ch10_log]
/* log(1 + e) for e in [0, 1]: with s = e / (2 + e), at most 1/3,
   log(1 + e) = 2 atanh(s) = 2 (s + s^3/3 + s^5/5 + ...); seventeen terms,
   since s^2 <= 1/9 makes the rest below 2e-18. */
LANE_FUNCTION lanes log_one_plus(lanes e)
{
    lanes s = e / (2.0 + e), w = s * s;
    lanes series = all(one_over[33]);
    for (int k = 15; k >= 0; k--)
        series = one_over[2 * k + 1] + w * series;
    return 2.0 * s * series;
}
// [ch10_log]

// [ch10_own_neurons]
LANE_FUNCTION void own_neurons(lanes z, lanes *softplus, lanes *sigmoid)
{
    lanes e = exp_minus(select(z < 0.0, -z, z)); /* e^-|z| */
    *softplus = select(z > 0.0, z, all(0.0)) + log_one_plus(e);
    *sigmoid = select(z >= 0.0, all(1.0), e) / (1.0 + e);
}

ssr_slopes step4_softplus(const nn_params *p, nn_data data)
{
    return lane_pass(p, data, own_neurons);
}
// [ch10_own_neurons]
