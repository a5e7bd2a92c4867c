/**
 * @file plot.h
 * @brief The SSR bowl as a text chart: plot_bowl() draws the curve,
 *        plot_mark() marks the descent's steps, plot_print() writes it out.
 */
#ifndef PLOT_H
#define PLOT_H

#include <stdio.h>

#include "nn.h"

#define PLOT_WIDTH 80   /**< the widest line plot_print() writes */
#define PLOT_ROWS 18    /**< rows of the drawing, top (largest SSR) to bottom */
#define PLOT_COLUMNS 64 /**< columns of the drawing, left (low b3) to right */

/** A text chart of the SSR against b3. */
typedef struct plot_chart {
    double low, high;   /**< b3 at the leftmost and the rightmost column */
    double bottom, top; /**< SSR at the lowest and the highest row */
    long outside;       /**< marks left out, beside the chart or with no SSR */
    char cells[PLOT_ROWS][PLOT_COLUMNS];
} plot_chart;

/**
 * Draws `*` where the SSR is as b3 runs from `low` to `high`, the other
 * parameters as in `p`. Returns 0, or -1 if some SSR is not finite.
 */
int plot_bowl(plot_chart *chart, const nn_params *p, nn_data data, double low, double high);

/**
 * Puts `label` at (b3, ssr), over the curve but not over an earlier mark;
 * an SSR off the scale goes to its top or bottom row.
 */
void plot_mark(plot_chart *chart, double b3, double ssr, char label);

/** Writes the chart, the SSR axis on its left and the b3 axis below. */
void plot_print(const plot_chart *chart, FILE *out);

#endif /* PLOT_H */
