/**
 * @file series.h
 * @brief The numbers behind the guide's pictures, printed as CSV.
 *
 * Every number is printed with `%.17g`, so that reading it back gives the
 * same double. A chapter calls these under `--csv`; the guide's gnuplot
 * scripts draw from what they print.
 */
#ifndef SERIES_H
#define SERIES_H

#include <stddef.h>

#include "cli.h"
#include "nn.h"

/** Rows a bowl is sampled at: four per row of chapter 2's twelve-step table. */
#define SERIES_BOWL_INTERVALS 48

/**
 * The range of b3 that chapter 2's table covers: from one below the lowest
 * to two above the highest of `count` values of b3 and the bowl's `bottom`,
 * both ends whole numbers.
 */
void series_range(const double *b3, size_t count, double bottom, double *low, double *high);

/**
 * The b3 at the bottom of the SSR's bowl, from chapter 1's forward() and
 * residual() alone, so that the chapters before 5 can draw the bowl before
 * optimal_b3() is met: the slope of the SSR in b3 is -2 times the sum of
 * the residuals, zero where b3 is their mean at b3 = 0.
 */
double series_bottom(const nn_params *p, nn_data data);

/** Prints v to full precision, with no newline. */
void series_number(double v);

/**
 * Prints `b3,ssr` for SERIES_BOWL_INTERVALS + 1 evenly spaced b3 from `low`
 * to `high`, each line starting with `label,` unless `label` is NULL. If
 * some number is not finite, prints nothing and stops the program through
 * report_require_finite_because(), naming the samples or the start.
 *
 * Every `--csv` below is the same: all of it is computed and checked before
 * its first line is printed, so that a CSV is whole or not there at all.
 */
void series_bowl(const cli_program *program, const char *label, const nn_params *p,
                 nn_data data, double low, double high);

/**
 * Chapter 1's `--csv`: header `series,x,y`; a `sample` row (input, observed)
 * per sample, then the network's curve (x, predicted) across the inputs'
 * range at the starting b3 (`start` rows) and at the fitted b3, the bottom
 * of the bowl (`fitted` rows).
 */
void series_fit(const cli_program *program, const nn_params *p, nn_data data);

/** Chapter 2's `--csv`: header `b3,ssr`, the bowl over the table's range. */
void series_ssr(const cli_program *program, const nn_params *p, nn_data data);

/**
 * Chapter 3's `--csv`: header `b3,ssr,dssr_db3,tangent` over the table's
 * range: the SSR, its slope, and the tangent line touching the bowl at the
 * starting b3, \f$ \mathrm{SSR}(b_0) + \mathrm{slope}(b_0)\,(b_3 - b_0) \f$.
 */
void series_tangent(const cli_program *program, const nn_params *p, nn_data data);

/**
 * Chapter 4's `--csv`: header `series,b3,ssr`; `bowl` rows over a range that
 * holds every point, then one row each for the `start`, the `step` (old b3 -
 * step size) and the article's `wrong_way` step (old b3 + step size).
 */
void series_step(const cli_program *program, const nn_params *p, nn_data data,
                 double learning_rate);

#endif /* SERIES_H */
