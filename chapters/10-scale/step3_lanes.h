/**
 * @file step3_lanes.h
 * @brief Chapter 10, step 3: the samples several at a time, in vector
 *        lanes; shared by steps 3 and 4.
 *
 * A vector register holds several doubles, and one vector instruction works
 * on all of them at once, each in its own *lane*: 2 lanes with SSE2 (every
 * x86-64) or NEON (every 64-bit ARM), 4 with AVX2, 8 with AVX-512. GNU C,
 * which gcc and clang both speak, names such a register as a type; + - * /
 * then work lane by lane, and the compiler picks the instructions. Only
 * the files built with mk/speed.mk's FAST_CFLAGS include this header, so
 * that the lanes are as wide as the processor allows.
 */
#ifndef STEP3_LANES_H
#define STEP3_LANES_H

#include <stdint.h>
#include <string.h>

#include "steps.h"

#if defined(__AVX512F__)
#define LANES 8
#elif defined(__AVX__)
#define LANES 4
#else
#define LANES 2
#endif

// [ch10_lanes_type]
/* LANES doubles, and LANES 64-bit integers. A comparison of two `lanes`
   gives a lane_ints: -1 (every bit set) where it holds, 0 elsewhere. */
typedef double lanes __attribute__((vector_size(LANES * sizeof(double))));
typedef int64_t lane_ints __attribute__((vector_size(LANES * sizeof(int64_t))));
// [ch10_lanes_type]

/* Inlined where it is called, so that lanes stay in registers. */
#define LANE_FUNCTION static inline __attribute__((always_inline))

/* The lanes of `yes` where `mask` holds, of `no` elsewhere: the ?: of
   lanes, which C does not have. */
LANE_FUNCTION lanes select(lane_ints mask, lanes yes, lanes no)
{
    return (lanes)((mask & (lane_ints)yes) | (~mask & (lane_ints)no));
}

LANE_FUNCTION lanes all(double v)
{
    return v - (lanes){0.0}; /* v in every lane */
}

/* softplus(z) and sigmoid(z) in every lane: step 3 and step 4 each have one. */
typedef void neurons_fn(lanes z, lanes *softplus, lanes *sigmoid);

// [ch10_lane_pass]
/* Step 2's loop, LANES samples at a time. Each lane adds up its own samples
   (lane k takes samples k, k + LANES, ...), and the lanes are added at the
   end: the same additions as step 2 in another order. The samples left over
   after the last whole group go one at a time, by step 2. */
LANE_FUNCTION ssr_slopes lane_pass(const nn_params *p, nn_data data, neurons_fn *neurons)
{
    lanes ssr = all(0.0), w1 = ssr, b1 = ssr, w2 = ssr, b2 = ssr, w3 = ssr, w4 = ssr, b3 = ssr;
    size_t whole = data.count / LANES * LANES;
    for (size_t i = 0; i < whole; i += LANES) {
        lanes x, observed, a1, s1, a2, s2;
        memcpy(&x, data.input + i, sizeof x);
        memcpy(&observed, data.observed + i, sizeof observed);
        neurons(p->w1 * x + p->b1, &a1, &s1);
        neurons(p->w2 * x + p->b2, &a2, &s2);
        lanes r = observed - (p->w3 * a1 + p->w4 * a2 + p->b3);
        ssr += r * r;
        lanes d = -2.0 * r; /* backward() of nn.c, in every lane */
        b3 += d;
        w3 += d * a1;
        w4 += d * a2;
        lanes d_z1 = d * p->w3 * s1, d_z2 = d * p->w4 * s2;
        b1 += d_z1;
        w1 += d_z1 * x;
        b2 += d_z2;
        w2 += d_z2 * x;
    }
    ssr_slopes s = step2_one_pass(p, samples_from(data, whole, data.count - whole));
    for (int k = 0; k < LANES; k++) {
        ssr_slopes lane = {ssr[k], {.value = {w1[k], b1[k], w2[k], b2[k], w3[k], w4[k], b3[k]}}};
        s = add_sums(s, lane);
    }
    return s;
}
// [ch10_lane_pass]

#endif /* STEP3_LANES_H */
