/**
 * @file unsafe_math.c
 * @brief Two one-line functions built with -ffast-math, to show what it breaks.
 *
 * mk/speed.mk compiles this file, and only this file, with -ffast-math; the
 * same two functions built normally sit in scale.c. Nothing else in the
 * project is ever built with the flag.
 */
#include <math.h>

#include "unsafe_math.h"

// [ch10_unsafe]
int fast_math_isfinite(double v)
{
    /* -ffinite-math-only lets the compiler assume v is never inf or NaN,
       so it may answer "finite" without looking. */
    return isfinite(v);
}

double fast_math_round_trip(double x, double big)
{
    /* -fassociative-math lets the compiler rewrite (x + big) - big as x,
       although in doubles x + big may have rounded x away. */
    return (x + big) - big;
}
// [ch10_unsafe]
