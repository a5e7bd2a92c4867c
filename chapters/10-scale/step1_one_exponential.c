/**
 * @file step1_one_exponential.c
 * @brief Chapter 10, step 1: one exponential per neuron.
 *
 * softplus(z) = log(1 + e^z) and its slope sigmoid(z) = 1 / (1 + e^-z) can
 * both be written with e = e^-|z|, which never overflows:
 * softplus(z) = max(z, 0) + log(1 + e), sigmoid(z) = (z >= 0 ? 1 : e) / (1 + e).
 * forward() of nn.c calls softplus() and sigmoid(), and each computes e:
 * two exponentials per neuron where one serves both.
 */
#include <math.h>

#include "steps.h"

/* Step 0, for the table: nn.c as it is. */
ssr_slopes step0_nn(const nn_params *p, nn_data data)
{
    ssr_slopes s = {ssr(p, data), gradient(p, data)};
    return s;
}

// [ch10_one_exponential]
nn_trace forward_one_exponential(const nn_params *p, double x)
{
    nn_trace t;
    t.x = x;
    t.z1 = p->w1 * x + p->b1;
    double e1 = exp(-fabs(t.z1)); /* the top neuron's one exponential */
    t.a1 = fmax(t.z1, 0.0) + log1p(e1);
    t.s1 = (t.z1 >= 0.0 ? 1.0 : e1) / (1.0 + e1);
    t.top = p->w3 * t.a1;
    t.z2 = p->w2 * x + p->b2;
    double e2 = exp(-fabs(t.z2));
    t.a2 = fmax(t.z2, 0.0) + log1p(e2);
    t.s2 = (t.z2 >= 0.0 ? 1.0 : e2) / (1.0 + e2);
    t.bottom = p->w4 * t.a2;
    t.predicted = t.top + t.bottom + p->b3;
    return t;
}

/* ssr() and gradient() of nn.c, each on the forward pass above. */
ssr_slopes step1_one_exponential(const nn_params *p, nn_data data)
{
    ssr_slopes s = {.ssr = 0.0, .slope = {.value = {0.0}}};
    for (size_t i = 0; i < data.count; i++) {
        double r = residual(data.observed[i], forward_one_exponential(p, data.input[i]).predicted);
        s.ssr += r * r;
    }
    for (size_t i = 0; i < data.count; i++) {
        nn_trace t = forward_one_exponential(p, data.input[i]);
        backward(p, &t, data.observed[i], &s.slope);
    }
    return s;
}
// [ch10_one_exponential]
