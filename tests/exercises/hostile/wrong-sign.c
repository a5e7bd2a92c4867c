// expect 0 1 alone: an honest mistake in the first link; the slope built on it is right and keeps its point
#include "nn.h"

double dssr_dpredicted(double observed, double predicted)
{
    return 2.0 * (observed - predicted);
}

double dpredicted_db3(void)
{
    return 1.0;
}

double dssr_db3(const nn_params *p, nn_data data)
{
    double slope = 0.0;
    for (size_t i = 0; i < data.count; i++)
        slope += dssr_dpredicted(data.observed[i], forward(p, data.input[i]).predicted) * dpredicted_db3();
    return slope;
}
