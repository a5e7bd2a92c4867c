/**
 * @file small.h
 * @brief The descent on a handful of samples, every parameter kept in vector
 *        registers (chapter 9).
 *
 * With the article's three samples a step of descent is not a lot of work
 * but a long chain of it: every step needs the parameters the one before
 * produced, so what counts is the latency from z to softplus to the residual
 * to the slopes to the new parameters and back to z. fast_descend() hands
 * such data to small_descend(), which shortens that chain three ways:
 *
 * - softplus and sigmoid come from one polynomial of 256 (code/softplus_table.h,
 *   made by tools/softplus_table.py), not from exp followed by log1p, and a
 *   lane's coefficients are looked up only when its z moves to another piece;
 * - the 2 neurons of 4 samples fill the 8 lanes of one AVX-512 register, and
 *   the sums over samples end up in the lanes the next step reads them from;
 * - nothing goes through memory between two steps.
 *
 * It takes only ordinary steps: each |z| below SMALL_REACH (the table's reach),
 * every value finite, some step at least the tolerance. At the first step that
 * is not ordinary it stops without taking it, and fast_descend() takes it the
 * general way; so the end of a descent (converged, diverged, out of steps) is
 * always decided by the same code.
 */
#ifndef SMALL_H
#define SMALL_H

#include "fast.h"

/** The most samples small_descend() takes: one neuron per lane, 8 lanes. */
#define SMALL_MAX_SAMPLES 4

/** The reach of the table: 256 pieces of width 1/32, the last centred on 255/32. */
#define SMALL_REACH 7.984375

/**
 * Takes up to `max_steps` ordinary steps of fast_descend() on `data` (at most
 * SMALL_MAX_SAMPLES samples), updating `*p` and calling `on_row` (if not
 * NULL) for each, numbered from 1. Returns how many it took: 0 where the
 * processor lacks AVX-512 (valgrind hides it too) or the data is too large.
 * The slopes and parameters agree with the plain loops to about 1e-15.
 */
long small_descend(nn_params *p, nn_data data, double rate, double tolerance, long max_steps,
                   fast_observer on_row, void *context);

#endif /* SMALL_H */
