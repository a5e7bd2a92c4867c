/* The yardstick of `make bench`: the descent as a competent C programmer
   first writes it, built with gcc -O3 -march=native -ffast-math (see
   mk/bench.mk), so that the compiler calls glibc's vector exp and log1p. */
#include <math.h>
#include <stddef.h>

#include "yardstick.h"

void yardstick_descend(double p[8], const double *x, const double *y, size_t n, double rate,
                       long steps)
{
    for (long step = 0; step < steps; step++) {
        double g[7] = {0}, sum = 0;
#pragma omp simd reduction(+ : g[:7], sum)
        for (size_t i = 0; i < n; i++) {
            double z1 = p[0] * x[i] + p[1], z2 = p[2] * x[i] + p[3];
            double e1 = exp(-fabs(z1)), e2 = exp(-fabs(z2));
            double a1 = fmax(z1, 0) + log1p(e1), a2 = fmax(z2, 0) + log1p(e2);
            double s1 = (z1 >= 0 ? 1 : e1) / (1 + e1), s2 = (z2 >= 0 ? 1 : e2) / (1 + e2);
            double r = y[i] - (p[4] * a1 + p[5] * a2 + p[6]), d = -2 * r;
            g[0] += d * p[4] * s1 * x[i], g[1] += d * p[4] * s1;
            g[2] += d * p[5] * s2 * x[i], g[3] += d * p[5] * s2;
            g[4] += d * a1, g[5] += d * a2, g[6] += d, sum += r * r;
        }
        for (int k = 0; k < 7; k++)
            p[k] -= rate * g[k];
        p[7] = sum;
    }
}
