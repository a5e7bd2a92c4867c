/**
 * @file step6_fast_math.c
 * @brief Chapter 10, step 6: what -ffast-math changes. The one file of the
 *        project built with it (mk/speed.mk).
 *
 * -ffast-math lets the compiler treat doubles as if they were real numbers:
 * reorder sums (-fassociative-math), assume no value is ever infinite or
 * NaN (-ffinite-math-only), and more. With it, gcc may vectorise step 2's
 * loop on its own, calling vector versions of exp() and log1p() from
 * glibc where it has them (x86-64). The loop is written out in one
 * function here, since the compiler can vectorise only what it sees.
 */
#include <math.h>

#include "steps.h"

// [ch10_fast_math]
ssr_slopes step6_fast_math(const nn_params *p, nn_data data)
{
    double sum_r2 = 0.0, w1 = 0.0, b1 = 0.0, w2 = 0.0, b2 = 0.0, w3 = 0.0, w4 = 0.0, b3 = 0.0;
    for (size_t i = 0; i < data.count; i++) {
        double x = data.input[i];
        double z1 = p->w1 * x + p->b1, z2 = p->w2 * x + p->b2;
        double e1 = exp(-fabs(z1)), e2 = exp(-fabs(z2));
        double a1 = fmax(z1, 0.0) + log1p(e1), a2 = fmax(z2, 0.0) + log1p(e2);
        double s1 = (z1 >= 0.0 ? 1.0 : e1) / (1.0 + e1);
        double s2 = (z2 >= 0.0 ? 1.0 : e2) / (1.0 + e2);
        double r = data.observed[i] - (p->w3 * a1 + p->w4 * a2 + p->b3);
        double d = -2.0 * r, d_z1 = d * p->w3 * s1, d_z2 = d * p->w4 * s2;
        sum_r2 += r * r;
        w1 += d_z1 * x;
        b1 += d_z1;
        w2 += d_z2 * x;
        b2 += d_z2;
        w3 += d * a1;
        w4 += d * a2;
        b3 += d;
    }
    ssr_slopes s = {.ssr = sum_r2, .slope = {.value = {w1, b1, w2, b2, w3, w4, b3}}};
    return s;
}
// [ch10_fast_math]

// [ch10_unsafe]
int fast_math_isfinite(double v)
{
    return isfinite(v); /* may answer 1 without looking: v is "never" inf */
}

double fast_math_round_trip(double x, double big)
{
    return (x + big) - big; /* may become x, though x + big rounds x away */
}
// [ch10_unsafe]
