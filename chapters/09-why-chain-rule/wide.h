/**
 * @file wide.h
 * @brief Chapter 9's network: the article's shape, widened to H hidden neurons.
 *
 * One input x, H softplus neurons, one output:
 * \f[
 *   z_j = w_j x + b_j,\quad a_j = \mathrm{softplus}(z_j),\qquad
 *   \mathrm{predicted} = \sum_{j=1}^{H} v_j a_j + c .
 * \f]
 * That is 3H + 1 parameters: H weights w and H biases b into the neurons,
 * H weights v out of them, and the output's bias c. With H = 2 it is the
 * article's network, parameter for parameter: (w1, b1, w2, b2, w3, w4, b3).
 */
#ifndef WIDE_H
#define WIDE_H

#include <stddef.h>
#include <stdint.h>

#include "nn.h"

/** A network of H hidden neurons, and the passes made through it. */
typedef struct wide_network {
    size_t hidden; /**< H, the number of hidden neurons */
    size_t count;  /**< 3H + 1, the number of parameters */
    /**
     * All 3H + 1 parameters in the book's order: w1, b1, w2, b2, ... wH, bH,
     * then v1 ... vH, then c. For H = 2: w1, b1, w2, b2, w3, w4, b3.
     */
    double *param;
    double *a;            /**< a_j of one sample, kept by the forward pass for the backward pass */
    double *s;            /**< sigmoid(z_j), the slope of softplus at z_j, kept likewise */
    long ssr_passes;      /**< SSR passes made so far: each takes every sample through */
    long forward_passes;  /**< forward passes made by wide_gradient() */
    long backward_passes; /**< backward passes made by wide_gradient() */
} wide_network;

/**
 * A network of `hidden` neurons drawn as chapter 7 draws a random start:
 * the weights w1 ... wH, then v1 ... vH, from a standard normal; every bias
 * 0. With H = 2 and the same seed this is random_start(). Returns 0, or
 * -1 when there is not memory enough.
 */
int wide_draw(wide_network *n, size_t hidden, uint64_t seed);

/** Frees what wide_draw() allocated. */
void wide_free(wide_network *n);

/**
 * One SSR pass: every sample through the network,
 * \f$ \mathrm{SSR} = \sum_i (\mathrm{observed}_i - \mathrm{predicted}_i)^2 \f$.
 * Counts one pass in `ssr_passes`.
 */
double wide_ssr(wide_network *n, nn_data data);

/**
 * The whole gradient by measuring: for each parameter in turn, the central
 * difference of chapter 8,
 * \f$ (\mathrm{SSR}(\theta + h) - \mathrm{SSR}(\theta - h)) / 2h \f$ with
 * \f$ h = 10^{-5} \max(1, |\theta|) \f$: two SSR passes per parameter.
 * Writes all 3H + 1 slopes into `slope`; leaves the parameters as they were.
 */
void wide_gradient_by_differences(wide_network *n, nn_data data, double *slope);

/**
 * The whole gradient by deriving: one forward pass and one backward pass.
 * For each sample the forward pass keeps a_j and sigmoid(z_j); the backward
 * pass starts from \f$ d = -2(\mathrm{observed} - \mathrm{predicted}) \f$
 * and hands it back along each path, as nn.c's backward() does:
 * \f$ \partial c \mathrel{+}= d,\ \partial v_j \mathrel{+}= d\,a_j,\
 *     \partial b_j \mathrel{+}= d\,v_j\,\sigma(z_j),\
 *     \partial w_j \mathrel{+}= d\,v_j\,\sigma(z_j)\,x \f$.
 */
void wide_gradient(wide_network *n, nn_data data, double *slope);

/**
 * How far the measured slope of each parameter may lie from the true one,
 * written into `allowance` (3H + 1 of them), in two parts. Rounding: each
 * prediction adds up H + 1 terms, each a little off, so each SSR value may
 * be off by about \f$ (H + 3)\,\epsilon\,S \f$ with
 * \f$ S = \sum_i (|\mathrm{observed}_i| + \sum_j |v_j a_j| + |c|)^2 \f$,
 * and their difference divided by 2h by \f$ 2(H + 3)\,\epsilon\,S/h \f$:
 * chapter 8's \f$ 10\,\epsilon\,S/h \f$ when H = 2. Truncation: the
 * central difference itself is off by
 * \f$ \frac{h^2}{6}\,\mathrm{SSR}'''(\xi) \f$ for some \f$ \xi \f$ within h
 * of the parameter; wide.c bounds that third derivative over the whole
 * interval. The SSR is a quadratic in each v_j and in c, so for those the
 * truncation part is 0.
 */
void wide_allowances(wide_network *n, nn_data data, double *allowance);

#endif /* WIDE_H */
