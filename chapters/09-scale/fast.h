/**
 * @file fast.h
 * @brief The full gradient and the SSR at scale: one pass, vector lanes,
 *        every core (chapter 9).
 *
 * fast_gradient() computes exactly what ssr() and gradient() of nn.h compute,
 * in one pass over the samples instead of two, with the work spread over
 * vector lanes and threads. The result agrees with the plain loops to
 * 1e-14 or so relative (the tests hold it to 1e-12): only the order in which
 * the per-sample terms are added differs, and glibc's vector exp and log1p
 * (libmvec, accurate to a few ulp rather than under one) are used where
 * available. Three samples fill the lanes with neurons instead of samples.
 *
 * The order of the sum is fixed by the number of samples alone: they are cut
 * into blocks whose size depends only on the count, each block is summed on
 * its own, and the block sums are added in block order. So the answer is the
 * same, bit for bit, whatever the number of threads.
 *
 * This file is the only one in code/ built with OpenMP (-fopenmp); programs
 * that use it link with -fopenmp too. Compiled without OpenMP it still works,
 * on one thread.
 */
#ifndef FAST_H
#define FAST_H

#include "nn.h"

/**
 * The SSR and its slope for every parameter, from one pass. The slopes come
 * first so that the pairs a compiler copies together, (w1, b1), (w2, b2),
 * (w3, w4), (b3, ssr), are the same on the side that writes the result and on
 * the side that reads it: a read that straddles two writes waits for both to
 * reach the cache, which took 5 ns of the 3-sample step.
 */
typedef struct fast_result {
    nn_gradient slope; /**< \f$ \partial\,\mathrm{SSR} / \partial \theta \f$ for each parameter */
    double ssr;        /**< \f$ \sum_i (\mathrm{observed}_i - \mathrm{predicted}_i)^2 \f$ */
} fast_result;

/**
 * The samples in one block: a block is summed on its own and the block sums
 * are added in order. Fewer samples than this make a single block, summed on
 * the calling thread (starting threads costs more than 3 samples do).
 */
#define FAST_BLOCK 4096

/**
 * At most this many blocks: past FAST_BLOCK x FAST_MAX_BLOCKS samples the
 * blocks grow instead, so their sums fit on the stack and nothing is
 * allocated per step.
 */
#define FAST_MAX_BLOCKS 256

/**
 * The SSR and all seven slopes in one pass over the samples, on `threads`
 * threads (0: every core), vectorised. For each sample, with
 * \f$ e_k = e^{-|z_k|} \f$ computed once per neuron:
 * \f[
 *   a_k = \max(z_k, 0) + \log(1 + e_k),\qquad
 *   \sigma(z_k) = \frac{z_k \ge 0 \,?\, 1 : e_k}{1 + e_k},
 * \f]
 * then the residual, its square for the SSR, and the seven products of
 * backward() are accumulated together.
 */
fast_result fast_gradient(const nn_params *p, nn_data data, int threads);

/**
 * fast_gradient() with the vector width chosen, so that chapter 9 can time
 * each idea alone and the tests can check every width. `lanes` = 1 adds the
 * samples one at a time, in order, on one thread; 2, 4 or 8 sums the blocks
 * with that many lanes (SSE2, AVX2, AVX-512), or with the widest this
 * processor has if it has fewer (see fast_lanes()).
 */
fast_result fast_gradient_with(const nn_params *p, nn_data data, int threads, int lanes);

/**
 * How many samples one vector instruction of the fast pass handles on this
 * processor: 8 with AVX-512, 4 with AVX2, 2 with SSE2, 1 where the loop is
 * not vectorised (another compiler, or no libmvec).
 */
int fast_lanes(void);

/**
 * The curve chapter 9 and `make bench` fit when no file is given: n evenly
 * spaced inputs \f$ x_i = i/(n-1) \f$ on [0, 1] (0.5 when n = 1), and as
 * observed values what the article's network predicts there once b3 = 2.61,
 * the value its descent finds. That curve passes within 0.01 of the
 * article's three samples (0, 0), (0.5, 1) and (1, 0), and the network can
 * fit it exactly.
 */
void fast_curve(size_t n, double *input, double *observed);

/** The number of threads `threads = 0` stands for: every core OpenMP sees (1 without OpenMP). */
int fast_max_threads(void);

/** Where the seven-parameter descent stands before one of its updates. */
typedef struct fast_row {
    long step;         /**< 1 for the first gradient computed */
    nn_params params;  /**< where the gradient was computed, before the update */
    double ssr;        /**< the SSR there */
    nn_gradient slope; /**< the gradient there */
} fast_row;

/** Called once per row of fast_descend(); may be NULL. */
typedef void (*fast_observer)(const fast_row *row, void *context);

/**
 * Gradient descent on all seven parameters at once: every parameter takes
 * its own step, \f$ \theta \leftarrow \theta - \mathrm{rate} \times
 * \partial\,\mathrm{SSR}/\partial\theta \f$. Stops when every step size is
 * below the tolerance (that step is not applied), after max_steps gradients,
 * or, reporting DESCENT_DIVERGED, at the first SSR, slope or parameter that is
 * not finite. `p` is updated in place; `on_row` sees each row before its update.
 */
descent_result fast_descend(nn_params *p, nn_data data, descent_settings settings, int threads,
                            fast_observer on_row, void *context);

#endif /* FAST_H */
