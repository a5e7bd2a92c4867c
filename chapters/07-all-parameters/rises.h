/**
 * @file rises.h
 * @brief Chapter 7: noticing where the SSR goes up during a descent, and why.
 */
#ifndef RISES_H
#define RISES_H

#include "nn.h"
#include "progress.h"

/** The rows a rise_watch lists by their step. */
#define RISES_LISTED 4

/**
 * What a descent did to the SSR, row by row. Hand it to descend() as the
 * context of rise_watch_row(), which also passes every row on to `printer`.
 */
typedef struct rise_watch {
    progress_printer *printer; /**< prints the rows, or NULL */
    nn_data data;              /**< the samples, to test a step alone */
    nn_step previous;          /**< the row before this one */
    long rows;                 /**< rows seen */
    long rises;                /**< rows whose SSR is above the row before's */
    long listed[RISES_LISTED]; /**< the steps of the first rises */
    nn_step before;            /**< the row before the first rise */
    double after;              /**< the SSR the first rise reached */
} rise_watch;

/** An nn_observer: notes whether the SSR rose, then prints the row. */
void rise_watch_row(const nn_step *point, void *context);

/**
 * The parameter with the largest |slope| at `point` (among all seven), and
 * the SSR after moving it alone by its step size: where an update overshoots.
 */
int rise_largest_slope(const nn_step *point, nn_data data, double *ssr_alone);

/** Says when the SSR rose during the descent, and why the first rise happened. */
void rise_watch_print(const rise_watch *watch, double rate);

#endif /* RISES_H */
