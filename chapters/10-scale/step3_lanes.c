/**
 * @file step3_lanes.c
 * @brief Chapter 10, step 3: vector lanes, with the C library's exp() and
 *        log1p().
 *
 * step3_lanes.h runs step 2's loop in lanes. exp() and log1p() of the C
 * library take one double at a time, so here each lane waits its turn for
 * them: the lanes alone buy little while these two calls take most of the
 * time.
 */
#include <math.h>

#include "step3_lanes.h"

int step_lanes(void)
{
    return LANES;
}

// [ch10_library_neurons]
LANE_FUNCTION void library_neurons(lanes z, lanes *softplus, lanes *sigmoid)
{
    for (int k = 0; k < LANES; k++) { /* one lane at a time */
        double e = exp(-fabs(z[k]));
        (*softplus)[k] = fmax(z[k], 0.0) + log1p(e);
        (*sigmoid)[k] = (z[k] >= 0.0 ? 1.0 : e) / (1.0 + e);
    }
}

ssr_slopes step3_lanes(const nn_params *p, nn_data data)
{
    return lane_pass(p, data, library_neurons);
}
// [ch10_library_neurons]
