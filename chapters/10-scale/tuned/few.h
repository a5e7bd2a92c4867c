/**
 * @file few.h
 * @brief fast_descend() on samples that fit in one group of vector lanes
 *        (chapter 10).
 */
#ifndef FEW_H
#define FEW_H

#include "fast.h"

/**
 * softplus(z) and sigmoid(z) as few_descend() computes them: each from
 * eight terms of its Taylor series at c, the multiple of 1/16 nearest z,
 * with coefficients from the exp and log1p of softplus.h at c.
 * tests/test_fast.c holds both within 4 ulp of mpmath, at the points where
 * it holds fast_softplus_sigmoid().
 */
fast_neuron_out fast_softplus_sigmoid_near(double z);

/** The most samples few_descend() takes: 4, on every processor. */
int few_lanes(void);

/**
 * fast_descend() on at most few_lanes() samples, one thread: the same
 * rows, checks and ends, with the parameters held in vector lanes from one
 * step to the next and softplus and sigmoid from
 * fast_softplus_sigmoid_near().
 */
nn_result few_descend(nn_params *p, nn_data data, nn_settings settings,
                      nn_observer on_step, void *context);

#endif /* FEW_H */
