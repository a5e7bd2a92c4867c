/**
 * @file plot.c
 * @brief The text chart of the SSR bowl.
 */
#include "plot.h"

#include <math.h>
#include <string.h>

/* Each line: a label of LABEL_WIDTH characters, a '|' and the cells. */
enum { LABEL_WIDTH = 11 };

/* The cell of `value` on an axis of `cells` cells, the first standing for
   `first` and the last for `last` (first > last turns the axis round; on an
   axis of no length, every value is at the first cell), or -1
   when the value is more than half a cell beyond either end, or is not a
   number. The position is clamped before it is rounded, so that lround()
   always has an answer; the one test on the rounded cell then decides,
   and no rounding of the position can put a cell outside the axis. */
static int cell_of(double value, double first, double last, int cells)
{
    double span = last - first;
    double position = span != 0.0 ? (value - first) / span * (cells - 1) : 0.0;
    position = fmax(-1.0, fmin((double)cells, position)); /* a NaN becomes `cells` */
    long cell = lround(position);
    return cell >= 0 && cell < cells ? (int)cell : -1;
}

/* The row of an SSR value: 0 at the top, PLOT_ROWS - 1 at the bottom, where
   a flat bowl (top == bottom) lies; -1 outside. */
static int row_of(const plot_chart *chart, double value)
{
    if (!(chart->top > chart->bottom))
        return value == chart->bottom ? PLOT_ROWS - 1 : -1;
    return cell_of(value, chart->top, chart->bottom, PLOT_ROWS);
}

int plot_bowl(plot_chart *chart, const nn_params *p, nn_data data, double low, double high)
{
    double value[PLOT_COLUMNS];
    nn_params q = *p;
    memset(chart, 0, sizeof *chart);
    memset(chart->cells, ' ', sizeof chart->cells);
    chart->low = low;
    chart->high = high;
    chart->bottom = INFINITY;
    chart->top = -INFINITY;
    for (int c = 0; c < PLOT_COLUMNS; c++) {
        q.b3 = low + (high - low) * c / (PLOT_COLUMNS - 1);
        value[c] = ssr(&q, data);
        if (!isfinite(value[c]))
            return -1;
        chart->bottom = fmin(chart->bottom, value[c]);
        chart->top = fmax(chart->top, value[c]);
    }
    /* Where the curve is steep, a column covers the rows halfway to each
       neighbour's point, so the sides of the bowl read as lines, not dots. */
    int row[PLOT_COLUMNS];
    for (int c = 0; c < PLOT_COLUMNS; c++)
        row[c] = row_of(chart, value[c]);
    for (int c = 0; c < PLOT_COLUMNS; c++) {
        int from = row[c], to = row[c];
        if (c > 0) {
            int half = (row[c] + row[c - 1]) / 2;
            from = half < from ? half : from;
            to = half > to ? half : to;
        }
        if (c + 1 < PLOT_COLUMNS) {
            int half = (row[c] + row[c + 1]) / 2;
            from = half < from ? half : from;
            to = half > to ? half : to;
        }
        for (int r = from; r <= to; r++)
            chart->cells[r][c] = '*';
    }
    return 0;
}

void plot_mark(plot_chart *chart, double b3, double ssr, char label)
{
    /* A point above the top or below the bottom of the bowl drawn goes in
       the top or bottom row; one beside the chart, or with no SSR (NaN),
       is left out. */
    double inside = ssr > chart->top ? chart->top : ssr < chart->bottom ? chart->bottom : ssr;
    int r = row_of(chart, inside);
    int c = cell_of(b3, chart->low, chart->high, PLOT_COLUMNS);
    if (r < 0 || c < 0) {
        chart->outside++;
        return;
    }
    char *cell = &chart->cells[r][c];
    if (*cell == ' ' || *cell == '*')
        *cell = label;
}

void plot_print(const plot_chart *chart, FILE *out)
{
    fprintf(out, "%*s\n", LABEL_WIDTH - 1, "SSR");
    for (int r = 0; r < PLOT_ROWS; r++) {
        /* Label the top, middle and bottom rows with the SSR they stand for. */
        if (r == 0 || r == PLOT_ROWS - 1 || r == (PLOT_ROWS - 1) / 2) {
            /* The fraction first: (top - bottom) * r alone may overflow. */
            double fraction = (double)r / (PLOT_ROWS - 1);
            double v = chart->top - (chart->top - chart->bottom) * fraction;
            fprintf(out, "%*.4g ", LABEL_WIDTH - 1, v);
        } else {
            fprintf(out, "%*s", LABEL_WIDTH, "");
        }
        int end = PLOT_COLUMNS;
        while (end > 0 && chart->cells[r][end - 1] == ' ')
            end--;
        fprintf(out, "|%.*s\n", end, chart->cells[r]);
    }
    fprintf(out, "%*s+", LABEL_WIDTH, "");
    for (int c = 0; c < PLOT_COLUMNS; c++)
        putc('-', out);
    /* b3 at the left end, the middle and the right end of the axis. */
    char left[16], middle[16], right[16];
    snprintf(left, sizeof left, "%.4g", chart->low);
    snprintf(middle, sizeof middle, "%.4g", chart->low / 2.0 + chart->high / 2.0);
    snprintf(right, sizeof right, "%.4g", chart->high);
    int middle_at = PLOT_COLUMNS / 2 - (int)strlen(middle) / 2;
    int right_at = PLOT_COLUMNS - (int)strlen(right);
    fprintf(out, "\n%*s%-*s%-*s%s  b3\n", LABEL_WIDTH + 1, "", middle_at, left,
            right_at - middle_at, middle, right);
}
