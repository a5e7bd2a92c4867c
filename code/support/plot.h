/**
 * @file plot.h
 * @brief The SSR bowl as a text chart, for readers without the guide open.
 *
 * A chart is drawn in three moves: plot_bowl() lays the curve of the SSR over
 * a range of b3, plot_mark() puts a character where something happened (a
 * step of the descent), and plot_print() writes it out, axes and labels
 * included, never wider than PLOT_WIDTH columns.
 */
#ifndef PLOT_H
#define PLOT_H

#include <stdio.h>

#include "nn.h"

/** The widest line plot_print() writes. */
#define PLOT_WIDTH 80
/** Rows of the drawing area, top (largest SSR) to bottom (smallest). */
#define PLOT_ROWS 18
/** Columns of the drawing area, left (low b3) to right (high b3). */
#define PLOT_COLUMNS 64

/** A text chart of the SSR against b3. */
typedef struct plot_chart {
    double low;    /**< b3 at the leftmost column */
    double high;   /**< b3 at the rightmost column */
    double bottom; /**< SSR at the lowest row */
    double top;    /**< SSR at the highest row */
    long outside;  /**< marks that fell outside the chart and were left out */
    char cells[PLOT_ROWS][PLOT_COLUMNS]; /**< what each character cell shows */
} plot_chart;

/**
 * Draws the SSR of `data` as b3 runs from `low` to `high` (all other
 * parameters as in `p`), one point per column, with `*`. Returns 0, or -1
 * if some SSR is not a finite number (then the chart must not be printed).
 */
int plot_bowl(plot_chart *chart, const nn_params *p, nn_data data, double low, double high);

/**
 * Puts `label` in the cell of the point (b3, ssr), over the curve but not
 * over an earlier mark: where marks share a cell, the first one shows. A
 * point outside the chart is counted in `outside` instead.
 */
void plot_mark(plot_chart *chart, double b3, double ssr, char label);

/** Writes the chart with its SSR axis on the left and its b3 axis below. */
void plot_print(const plot_chart *chart, FILE *out);

#endif /* PLOT_H */
