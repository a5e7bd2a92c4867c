/**
 * @file fast.h
 * @brief Chapter 10's tuned path: the ideas of steps 1 to 5 pushed to the
 *        machine's limit.
 *
 * For the reader who wants to see how far the steps go, not needed to follow
 * the chapter. fast_gradient() computes what ssr() and gradient() of nn.h compute, in one
 * pass over the samples instead of two, several samples at a time in vector
 * lanes, with its own softplus and sigmoid (no library call, so the compiler
 * can vectorise the loop), on several threads. On samples that fit in one
 * group of lanes, as the article's three do on any processor with AVX2,
 * fast_descend() hands over to few_descend() (few.h), which keeps its
 * parameters in lanes from one step to the next.
 * The result agrees with the plain loops to about 1e-15 relative (the tests
 * hold it to 1e-12): the terms are added in another order, and the softplus
 * is within 4 ulp.
 *
 * The order of the sum is fixed by the number of samples alone: they are cut
 * into blocks whose size depends only on the count, each block is summed on
 * its own, and the block sums are added in block order. So the answer is the
 * same, bit for bit, whatever the number of threads.
 *
 * fast.c is built with OpenMP where the compiler has it; without OpenMP it
 * still vectorises, on one thread.
 */
#ifndef FAST_H
#define FAST_H

#include "nn.h"

/** The SSR and its slope for every parameter, from one pass. */
typedef struct fast_result {
    nn_gradient slope; /**< \f$ \partial\,\mathrm{SSR} / \partial \theta \f$ for each parameter */
    double ssr;        /**< \f$ \sum_i (\mathrm{observed}_i - \mathrm{predicted}_i)^2 \f$ */
} fast_result;

/**
 * The samples one group of vector lanes takes, as fast.c was compiled: the
 * doubles of the widest vector register its compiler was allowed to use.
 * 8 with AVX-512, 4 with AVX2 (or AVX), 2 with SSE2 (every x86-64) or NEON
 * (every 64-bit ARM). A function, since the files that call it may be
 * built for another target than fast.c (mk/speed.mk).
 */
int fast_lanes(void);

/**
 * The samples in one block: a block is summed on its own and the block sums
 * are added in order. Fewer samples than this make a single block, summed on
 * the calling thread (starting threads costs more than a few samples do).
 */
#define FAST_BLOCK 4096

/**
 * At most this many blocks, and so at most this many threads: past
 * FAST_BLOCK times FAST_MAX_BLOCKS samples the blocks grow instead, so their
 * sums fit on the stack and nothing is allocated per step.
 */
#define FAST_MAX_BLOCKS 256

/** softplus(z) and its slope sigmoid(z), computed together. */
typedef struct fast_neuron_out {
    double softplus; /**< \f$ \log(1 + e^{z}) \f$ */
    double sigmoid;  /**< \f$ 1 / (1 + e^{-z}) \f$ */
} fast_neuron_out;

/**
 * softplus(z) and sigmoid(z) from one \f$ e = e^{-|z|} \f$, with no call to
 * the C library: e by range reduction and a polynomial, \f$ \log(1 + e) \f$
 * by a polynomial in \f$ s = e / (2 + e) \f$, or in
 * \f$ s = (e - 1) / (3 + e) \f$ plus \f$ \ln 2 \f$ for e above
 * \f$ \sqrt 2 - 1 \f$. tests/test_fast.c holds both within 4 ulp of
 * mpmath's exact values at 1,267 points spread over every range of z, from
 * 5e-324 to 1.8e308 in size (2 ulp at worst there), and of nn.c's at
 * 200,001 more. The same function that the vector lanes run, one value at a
 * time.
 */
fast_neuron_out fast_softplus_sigmoid(double z);

/**
 * The SSR and all seven slopes in one pass over the samples, on at most
 * `threads` threads, vectorised. For each sample, with
 * \f$ e_k = e^{-|z_k|} \f$ computed once per neuron:
 * \f[
 *   a_k = \max(z_k, 0) + \log(1 + e_k),\qquad
 *   \sigma(z_k) = \frac{z_k \ge 0 \,?\, 1 : e_k}{1 + e_k},
 * \f]
 * then the residual, its square for the SSR, and the seven products of
 * backward() are accumulated together. Equal to ssr() and gradient() to
 * 1e-12 relative (the tests hold it there), and the same bits on every
 * thread count.
 */
fast_result fast_gradient(const nn_params *p, nn_data data, int threads);

/** The blocks n samples are cut into: one per FAST_BLOCK, 1 to FAST_MAX_BLOCKS. */
size_t fast_blocks(size_t n);

/** The cores OpenMP sees (1 without OpenMP). */
int fast_cores(void);

/** The most threads fast_gradient() can run: FAST_MAX_BLOCKS, or 1 in a build without OpenMP. */
int fast_most_threads(void);

/**
 * The curve chapter 10 and `make bench` fit when no file is given: n evenly
 * spaced inputs \f$ x_i = i/(n-1) \f$ on [0, 1] (0.5 when n = 1), and as
 * observed values what the article's network predicts there once b3 = 2.61,
 * the value its descent finds. That curve passes within 0.01 of the
 * article's three samples (0, 0), (0.5, 1) and (1, 0), and the network can
 * fit it exactly.
 */
void fast_curve(size_t n, double *input, double *observed);

/**
 * descend() of nn.c on all seven parameters, its slopes from
 * fast_gradient(): the same steps shown, the same updates and the same end.
 * On at most few_lanes() samples few_descend() runs it.
 */
nn_result fast_descend(nn_params *p, nn_data data, nn_settings settings, int threads,
                       nn_observer on_step, void *context);

#endif /* FAST_H */
