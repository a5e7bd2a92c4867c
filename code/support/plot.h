/**
 * @file plot.h
 * @brief The SSR bowl as a text chart, b3 across and the SSR up, within 80 columns.
 */
#ifndef PLOT_H
#define PLOT_H

#include "nn.h"

#define PLOT_ROWS 18    /**< rows of the drawing, top (largest SSR) to bottom */
#define PLOT_COLUMNS 64 /**< columns of the drawing, left (low b3) to right */

/** A text chart of the SSR against b3. */
typedef struct plot_chart {
    double low, high;   /**< b3 at the leftmost and the rightmost column */
    double bottom, top; /**< SSR at the lowest and the highest row */
    long outside;       /**< marks left out, beside the chart or with no SSR */
    char cells[PLOT_ROWS][PLOT_COLUMNS]; /**< the drawing, row 0 at the top */
} plot_chart;

/** Draws `*` at the SSR as b3 runs from low to high, p otherwise; -1 if an SSR is not finite. */
int plot_bowl(plot_chart *chart, const nn_params *p, nn_data data, double low, double high);
/** Puts label at (b3, ssr) over the curve, not over an earlier mark; clamps the SSR. */
void plot_mark(plot_chart *chart, double b3, double ssr, char label);
/** Prints the chart with its axes. */
void plot_print(const plot_chart *chart);

#endif /* PLOT_H */
