/* The text chart of the SSR bowl: a column for each b3, a row for each band of the SSR. */
#include "plot.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* Each line: a label of LABEL_WIDTH characters, a '|' and the cells. The curve is the SSR at
   POINTS values of b3, enough that it has no gaps where it is steep. */
enum { LABEL_WIDTH = 11, POINTS = 4 * PLOT_COLUMNS };

/* The cell of `value` on an axis of `cells` cells from `first` to `last` (first > last turns
   it round), or -1 for a NaN or beyond half a cell past either end. An axis of no length
   holds its one value in its last cell: a flat bowl lies on the bottom row. */
static int cell_of(double value, double first, double last, int cells)
{
    if (first == last)
        return value == first ? cells - 1 : -1;
    double position = (value - first) / (last - first) * (cells - 1);
    return position > -0.5 && position < cells - 0.5 ? (int)lround(position) : -1; /* NaN: -1 */
}

int plot_bowl(plot_chart *chart, const nn_params *p, nn_data data, double low, double high)
{
    double b3[POINTS], value[POINTS];
    nn_params q = *p;
    *chart = (plot_chart){.low = low, .high = high, .bottom = INFINITY, .top = -INFINITY};
    for (int k = 0; k < POINTS; k++) {
        q.b3 = b3[k] = low + (high - low) * k / (POINTS - 1);
        value[k] = ssr(&q, data);
        if (!isfinite(value[k]))
            return -1;
        chart->bottom = fmin(chart->bottom, value[k]);
        chart->top = fmax(chart->top, value[k]);
    }
    memset(chart->cells, ' ', sizeof chart->cells);
    for (int k = 0; k < POINTS; k++)
        plot_mark(chart, b3[k], value[k], '*');
    return 0;
}

void plot_mark(plot_chart *chart, double b3, double ssr, char label)
{
    double inside = isnan(ssr) ? ssr : fmax(chart->bottom, fmin(chart->top, ssr));
    int r = cell_of(inside, chart->top, chart->bottom, PLOT_ROWS);
    int c = cell_of(b3, chart->low, chart->high, PLOT_COLUMNS);
    if (r < 0 || c < 0)
        chart->outside++;
    else if (chart->cells[r][c] == ' ' || chart->cells[r][c] == '*')
        chart->cells[r][c] = label;
}

void plot_print(const plot_chart *chart)
{
    printf("%*s\n", LABEL_WIDTH - 1, "SSR");
    for (int r = 0; r < PLOT_ROWS; r++) {
        /* The top, middle and bottom rows say their SSR; the fraction goes first, since
           (top - bottom) * r alone may overflow. */
        double ssr = chart->top - (chart->top - chart->bottom) * ((double)r / (PLOT_ROWS - 1));
        char label[LABEL_WIDTH] = "";
        if (r == 0 || r == (PLOT_ROWS - 1) / 2 || r == PLOT_ROWS - 1)
            snprintf(label, sizeof label, "%.4g", ssr);
        int end = PLOT_COLUMNS;
        while (end > 0 && chart->cells[r][end - 1] == ' ')
            end--;
        printf("%*s |%.*s\n", LABEL_WIDTH - 1, label, end, chart->cells[r]);
    }
    printf("%*s+", LABEL_WIDTH, "");
    for (int c = 0; c < PLOT_COLUMNS; c++)
        putchar('-');
    /* b3 at the left end, in the middle (halved first, so it cannot overflow) and at the
       right end; snprintf(NULL, 0, ...) measures a number. */
    double middle = chart->low / 2.0 + chart->high / 2.0;
    int middle_at = PLOT_COLUMNS / 2 - snprintf(NULL, 0, "%.4g", middle) / 2;
    int right_at = PLOT_COLUMNS - snprintf(NULL, 0, "%.4g", chart->high);
    printf("\n%*s%-*.4g%-*.4g%.4g  b3\n", LABEL_WIDTH + 1, "", middle_at, chart->low,
           right_at - middle_at, middle, chart->high);
}
