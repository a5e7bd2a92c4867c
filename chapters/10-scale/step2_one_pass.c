/**
 * @file step2_one_pass.c
 * @brief Chapter 10, step 2: one pass for the SSR and all seven slopes.
 *
 * The descent needs the SSR and the gradient at every point. Step 1 runs
 * the forward pass over every sample for the SSR, then again for the
 * slopes. One pass can add each squared residual to the SSR along with the
 * slopes: the same numbers, added in the same order, so the same bits.
 */
#include "steps.h"

nn_data samples_from(nn_data data, size_t start, size_t count)
{
    nn_data part = {count, data.input + start, data.observed + start};
    return part;
}

ssr_slopes add_sums(ssr_slopes a, ssr_slopes b)
{
    a.ssr += b.ssr;
    for (int k = 0; k < NN_PARAM_COUNT; k++)
        a.slope.value[k] += b.slope.value[k];
    return a;
}

// [ch10_one_pass]
ssr_slopes step2_one_pass(const nn_params *p, nn_data data)
{
    ssr_slopes s = {.ssr = 0.0, .slope = {.value = {0.0}}};
    for (size_t i = 0; i < data.count; i++) {
        nn_trace t = forward_one_exponential(p, data.input[i]);
        double r = residual(data.observed[i], t.predicted);
        s.ssr += r * r; /* the SSR, in the same pass as the slopes */
        backward(p, &t, data.observed[i], &s.slope);
    }
    return s;
}
// [ch10_one_pass]
