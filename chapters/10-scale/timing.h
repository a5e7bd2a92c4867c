/**
 * @file timing.h
 * @brief Timings honest enough to compare: interleaved bursts, the best of
 *        several, and the run's own noise (chapter 10).
 */
#ifndef TIMING_H
#define TIMING_H

/** Seconds since some fixed moment, from a clock that only goes forward. */
double timing_seconds(void);

/** Runs way number `way` once, on whatever `context` holds. */
typedef void run_way(void *context, int way);

/** What time_ways() measured of one way. */
typedef struct timing {
    double best;  /**< seconds per run: the fastest burst's */
    double noise; /**< how far the next fastest burst was, relative to it */
} timing;

/** Times `ways` ways (at most 16) by turns, each the best of 9 bursts. */
void time_ways(run_way *run, void *context, int ways, timing *out);

/**
 * How many times as fast `after` is as `before`; 0 when the difference is
 * within the noise of either, that is, not measurable in this run.
 */
double speed_up(timing before, timing after);

#endif /* TIMING_H */
