/* The text chart of the SSR bowl. */
#include "plot.h"

#include <math.h>
#include <string.h>

/* Each line: a label of LABEL_WIDTH characters, a '|' and the cells. */
enum { LABEL_WIDTH = 11, AXIS_TEXT = 16 };

/* The cell of `value` on an axis whose `cells` cells run from `first` to
   `last` (first > last turns it round; on an axis of no length every value
   is at the first cell), or -1 beyond half a cell past either end or for a
   NaN. Clamping before lround() keeps it defined; the one test after it
   decides, so no rounding can put a cell off the axis. */
static int cell_of(double value, double first, double last, int cells)
{
    double span = last - first;
    double position = span != 0.0 ? (value - first) / span * (cells - 1) : 0.0;
    long cell = lround(fmax(-1.0, fmin((double)cells, position))); /* NaN -> cells */
    return cell >= 0 && cell < cells ? (int)cell : -1;
}

/* The row of an SSR, 0 at the top; a flat bowl lies on the bottom row. */
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
    *chart = (plot_chart){.low = low, .high = high, .bottom = INFINITY, .top = -INFINITY};
    memset(chart->cells, ' ', sizeof chart->cells);
    for (int c = 0; c < PLOT_COLUMNS; c++) {
        q.b3 = low + (high - low) * c / (PLOT_COLUMNS - 1);
        value[c] = ssr(&q, data);
        if (!isfinite(value[c]))
            return -1;
        chart->bottom = fmin(chart->bottom, value[c]);
        chart->top = fmax(chart->top, value[c]);
    }
    /* Each column covers the rows halfway to its neighbours' points, so that
       the steep sides read as lines, not dots. */
    int row[PLOT_COLUMNS];
    for (int c = 0; c < PLOT_COLUMNS; c++)
        row[c] = row_of(chart, value[c]);
    for (int c = 0; c < PLOT_COLUMNS; c++) {
        int from = row[c], to = row[c];
        for (int n = c - 1; n <= c + 1; n += 2)
            if (n >= 0 && n < PLOT_COLUMNS) {
                int half = (row[c] + row[n]) / 2;
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
    double inside = fmax(chart->bottom, fmin(chart->top, ssr));
    int r = isnan(ssr) ? -1 : row_of(chart, inside);
    int c = cell_of(b3, chart->low, chart->high, PLOT_COLUMNS);
    if (r < 0 || c < 0)
        chart->outside++;
    else if (chart->cells[r][c] == ' ' || chart->cells[r][c] == '*')
        chart->cells[r][c] = label;
}

void plot_print(const plot_chart *chart, FILE *out)
{
    fprintf(out, "%*s\n", LABEL_WIDTH - 1, "SSR");
    for (int r = 0; r < PLOT_ROWS; r++) {
        /* The top, middle and bottom rows say their SSR; the fraction goes
           first, since (top - bottom) * r alone may overflow. */
        double v = chart->top - (chart->top - chart->bottom) * ((double)r / (PLOT_ROWS - 1));
        if (r == 0 || r == PLOT_ROWS - 1 || r == (PLOT_ROWS - 1) / 2)
            fprintf(out, "%*.4g ", LABEL_WIDTH - 1, v);
        else
            fprintf(out, "%*s", LABEL_WIDTH, "");
        int end = PLOT_COLUMNS;
        while (end > 0 && chart->cells[r][end - 1] == ' ')
            end--;
        fprintf(out, "|%.*s\n", end, chart->cells[r]);
    }
    char left[AXIS_TEXT], middle[AXIS_TEXT], right[AXIS_TEXT];
    snprintf(left, sizeof left, "%.4g", chart->low);
    snprintf(middle, sizeof middle, "%.4g", chart->low / 2.0 + chart->high / 2.0);
    snprintf(right, sizeof right, "%.4g", chart->high);
    int middle_at = PLOT_COLUMNS / 2 - (int)strlen(middle) / 2;
    int right_at = PLOT_COLUMNS - (int)strlen(right);
    fprintf(out, "%*s+", LABEL_WIDTH, "");
    for (int c = 0; c < PLOT_COLUMNS; c++)
        putc('-', out);
    fprintf(out, "\n%*s%-*s%-*s%s  b3\n", LABEL_WIDTH + 1, "", middle_at, left,
            right_at - middle_at, middle, right);
}
