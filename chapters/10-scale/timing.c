/**
 * @file timing.c
 * @brief Interleaved bursts, the best of several (chapter 10).
 *
 * On a machine that other programs share, a run is slowed whenever its core
 * is busy elsewhere, never sped up: the fastest of several runs is the
 * nearest to the code's own speed. Every way is timed in bursts of about
 * 5 ms, and the ways take turns, burst by burst, so that a busy moment
 * falls on all of them alike, not on whichever was being timed then. How
 * far the second fastest burst is from the fastest says how noisy this
 * run was, and a difference no larger than that is not a measurement.
 */
#define _POSIX_C_SOURCE 200809L

#include "timing.h"

#include <math.h>
#include <time.h>

enum { ROUNDS = 9, MOST_WAYS = 16 };

double timing_seconds(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

static double burst(run_way *run, void *context, int way, long runs)
{
    double start = timing_seconds();
    for (long k = 0; k < runs; k++)
        run(context, way);
    return (timing_seconds() - start) / (double)runs;
}

// [ch10_timing]
void time_ways(run_way *run, void *context, int ways, timing *out)
{
    long runs[MOST_WAYS];
    double fastest[MOST_WAYS], next[MOST_WAYS];
    ways = ways < MOST_WAYS ? ways : MOST_WAYS;
    for (int w = 0; w < ways; w++) { /* runs to a burst of about 5 ms */
        double once = burst(run, context, w, 1);
        runs[w] = once >= 0.005 ? 1 : (long)(0.005 / fmax(once, 1e-8)) + 1;
        fastest[w] = next[w] = INFINITY;
    }
    for (int round = 0; round < ROUNDS; round++)
        for (int w = 0; w < ways; w++) { /* by turns */
            double t = burst(run, context, w, runs[w]);
            next[w] = fmin(next[w], fmax(t, fastest[w]));
            fastest[w] = fmin(fastest[w], t);
        }
    for (int w = 0; w < ways; w++) {
        out[w].best = fastest[w];
        out[w].noise = next[w] / fastest[w] - 1.0;
    }
}

double speed_up(timing before, timing after)
{
    double ratio = before.best / after.best;
    double noise = fmax(0.01, fmax(before.noise, after.noise)); /* 1% at the least */
    return fabs(ratio - 1.0) <= noise ? 0.0 : ratio;
}
// [ch10_timing]
