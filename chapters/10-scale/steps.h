/**
 * @file steps.h
 * @brief Chapter 10's steps: the SSR and its seven slopes, one idea faster
 *        at a time.
 *
 * Every step computes what ssr() and gradient() of nn.h compute, on the same
 * samples from the same point, and chapter 10 times each one against the
 * step before it. Each step is its own file, and each file is the step
 * before it plus one idea:
 *
 * 1. step1_one_exponential.c: one exponential per neuron, not two;
 * 2. step2_one_pass.c: one pass over the samples for the SSR and all seven
 *    slopes, not two;
 * 3. step3_lanes.c: several samples at once, in vector lanes;
 * 4. step4_softplus.c: a softplus and sigmoid built from + - * /, which
 *    the compiler can run in every lane at once;
 * 5. step5_threads.c: blocks of samples on several threads, the block sums
 *    added in a fixed order;
 * 6. step6_fast_math.c: step 2's loop built with -ffast-math, and what the
 *    flag breaks.
 *
 * tuned/ holds where these ideas lead when pushed to the machine's limit.
 */
#ifndef STEPS_H
#define STEPS_H

#include "nn.h"

/** The SSR and its slope for every parameter. */
typedef struct ssr_slopes {
    double ssr;        /**< \f$ \sum_i (\mathrm{observed}_i - \mathrm{predicted}_i)^2 \f$ */
    nn_gradient slope; /**< \f$ \partial\,\mathrm{SSR} / \partial \theta \f$ for each parameter */
} ssr_slopes;

/** Samples [start, start + count) of `data`. */
nn_data samples_from(nn_data data, size_t start, size_t count);

/** a + b, number by number: the sums of two runs of samples, joined. */
ssr_slopes add_sums(ssr_slopes a, ssr_slopes b);

/** Step 0, the baseline: ssr(), then gradient(), of nn.c. */
ssr_slopes step0_nn(const nn_params *p, nn_data data);

/** forward() of nn.c, computing \f$ e^{-|z|} \f$ once per neuron. */
nn_trace forward_one_exponential(const nn_params *p, double x);

/** Step 1: ssr(), then gradient(), both on forward_one_exponential(). */
ssr_slopes step1_one_exponential(const nn_params *p, nn_data data);

/** Step 2: the SSR and the seven slopes in one pass over the samples. */
ssr_slopes step2_one_pass(const nn_params *p, nn_data data);

/** The samples one group of vector lanes takes in steps 3 and 4: 2, 4 or 8. */
int step_lanes(void);

/** Step 3: step 2 in vector lanes, with the C library's exp() and log1p(). */
ssr_slopes step3_lanes(const nn_params *p, nn_data data);

/** Step 4: step 3 with a softplus and sigmoid of its own, vectorised. */
ssr_slopes step4_softplus(const nn_params *p, nn_data data);

/** The samples of one block of step 5: blocks are summed on their own. */
#define STEP_BLOCK 4096

/** At most this many blocks (and threads); past it, the blocks grow. */
#define STEP_MAX_BLOCKS 256

/** Step 5: step 4 over blocks of samples, on at most `threads` threads. */
ssr_slopes step5_threads(const nn_params *p, nn_data data, int threads);

/** Step 6: step 2's loop, written out in one function, built with -ffast-math. */
ssr_slopes step6_fast_math(const nn_params *p, nn_data data);

/** isfinite(v), built with -ffast-math. */
int fast_math_isfinite(double v);

/** (x + big) - big, built with -ffast-math. */
double fast_math_round_trip(double x, double big);

#endif /* STEPS_H */
