/**
 * @file unsafe_math.h
 * @brief What -ffast-math does to two lines of C (chapter 10).
 */
#ifndef UNSAFE_MATH_H
#define UNSAFE_MATH_H

/** isfinite(v), compiled with -ffast-math. */
int fast_math_isfinite(double v);

/** (x + big) - big, compiled with -ffast-math. */
double fast_math_round_trip(double x, double big);

#endif /* UNSAFE_MATH_H */
