/**
 * @file random.c
 * @brief splitmix64 and Box-Muller: random numbers that every platform repeats.
 */
#include "random.h"

#include <math.h>

random_state random_seed(uint64_t seed)
{
    return (random_state){.counter = seed};
}

// [random_next]
uint64_t random_next(random_state *r)
{
    /* Unsigned arithmetic wraps modulo 2^64 by definition, on every machine. */
    r->counter += UINT64_C(0x9E3779B97F4A7C15);
    uint64_t z = r->counter;
    z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
    return z ^ (z >> 31);
}
// [random_next]

double random_uniform(random_state *r)
{
    /* 53 bits fill a double's significand exactly; the half keeps 0 out,
       so the logarithm below is always finite. */
    return ((double)(random_next(r) >> 11) + 0.5) * 0x1p-53;
}

// [random_normal]
double random_normal(random_state *r)
{
    const double two_pi = 6.283185307179586476925286766559;
    double u1 = random_uniform(r);
    double u2 = random_uniform(r);
    return sqrt(-2.0 * log(u1)) * cos(two_pi * u2);
}
// [random_normal]
