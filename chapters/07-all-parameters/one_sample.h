/**
 * @file one_sample.h
 * @brief Chapter 7: backpropagation for one sample, in the order it computes.
 */
#ifndef ONE_SAMPLE_H
#define ONE_SAMPLE_H

#include <stddef.h>

#include "chapter.h"
#include "nn.h"

/** Every slope one sample's backward pass computes, in the order it does. */
typedef struct backward_steps {
    double dssr_dpredicted; /**< 1: where every chain starts, -2 * (observed - predicted) */
    double dssr_db3;        /**< 2: the output layer, from dSSR/dpredicted */
    double dssr_dw3;        /**< 2 */
    double dssr_dw4;        /**< 2 */
    double dssr_da1;        /**< 3: back through w3 */
    double dssr_dz1;        /**< 3: and through softplus, whose slope is sigmoid(z1) */
    double dssr_da2;        /**< 3: back through w4 */
    double dssr_dz2;        /**< 3: and through softplus at z2 */
    double dssr_dw1;        /**< 4: the hidden layer, from dSSR/dz1 */
    double dssr_db1;        /**< 4 */
    double dssr_dw2;        /**< 4: from dSSR/dz2 */
    double dssr_db2;        /**< 4 */
} backward_steps;

/** One sample's backward pass, every link kept, from its forward pass `t`. */
backward_steps backpropagate(const nn_params *p, const nn_trace *t, double observed);

/**
 * Prints backpropagation for sample i at p: each slope in the order it is
 * computed, with its formula and the values it multiplies, then the network
 * drawn with the slopes on its wires, then how StatQuest names the same
 * chain. Says so when backward() in code/nn.c gives other numbers for it.
 */
void one_sample_print(const chapter_run *run, const nn_params *p, size_t i);

#endif /* ONE_SAMPLE_H */
