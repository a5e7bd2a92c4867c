/**
 * @file series.c
 * @brief CSV rows for the guide's pictures.
 */
#include "series.h"

#include <math.h>
#include <stdio.h>

#include "report.h"

void series_range(const double *b3, size_t count, double bottom, double *low, double *high)
{
    double least = bottom, most = bottom;
    for (size_t i = 0; i < count; i++) {
        least = fmin(least, b3[i]);
        most = fmax(most, b3[i]);
    }
    *low = floor(least) - 1.0;
    *high = ceil(most) + 2.0;
}

double series_bottom(const nn_params *p, nn_data data)
{
    nn_params at_zero = *p;
    at_zero.b3 = 0.0;
    double misses = 0.0;
    for (size_t i = 0; i < data.count; i++)
        misses += residual(data.observed[i], forward(&at_zero, data.input[i]).predicted);
    return misses / (double)data.count;
}

void series_number(double v)
{
    printf("%.17g", v);
}

/* Stops the program unless v is finite, blaming the samples or the start. */
static void require_finite(const cli_program *program, double v, const char *what,
                           const nn_params *p, nn_data data)
{
    if (!isfinite(v))
        report_require_finite_because(program, v, what, report_cause_of(p, data));
}

/* A bowl's points: b3 evenly spaced from low to high, and the SSR at each. */
typedef struct bowl {
    double b3[SERIES_BOWL_INTERVALS + 1];
    double ssr[SERIES_BOWL_INTERVALS + 1];
} bowl;

/* Computes a bowl, stopping the program before anything is printed if some
   SSR is not finite: a CSV is whole or not written at all. */
static void bowl_points(const cli_program *program, const nn_params *p, nn_data data,
                        double low, double high, bowl *out)
{
    nn_params q = *p;
    for (int k = 0; k <= SERIES_BOWL_INTERVALS; k++) {
        q.b3 = low + (high - low) * k / SERIES_BOWL_INTERVALS;
        out->b3[k] = q.b3;
        out->ssr[k] = ssr(&q, data);
        require_finite(program, out->b3[k], "a value of b3", p, data);
        require_finite(program, out->ssr[k], "the SSR", p, data);
    }
}

/* Prints a bowl's rows, each starting with `label,` unless label is NULL. */
static void print_bowl(const char *label, const bowl *points)
{
    for (int k = 0; k <= SERIES_BOWL_INTERVALS; k++) {
        if (label != NULL)
            printf("%s,", label);
        series_number(points->b3[k]);
        putchar(',');
        series_number(points->ssr[k]);
        putchar('\n');
    }
}

void series_bowl(const cli_program *program, const char *label, const nn_params *p,
                 nn_data data, double low, double high)
{
    bowl points;
    bowl_points(program, p, data, low, high, &points);
    print_bowl(label, &points);
}

/* One `label,a,b` row. */
static void series_row(const char *label, double a, double b)
{
    printf("%s,", label);
    series_number(a);
    putchar(',');
    series_number(b);
    putchar('\n');
}

/* The b3 at the bottom of the bowl, or the program stops. */
static double bottom_of_bowl(const cli_program *program, const nn_params *p, nn_data data)
{
    double bottom = series_bottom(p, data);
    require_finite(program, bottom, "the bowl's bottom", p, data);
    return bottom;
}

void series_fit(const cli_program *program, const nn_params *p, nn_data data)
{
    enum { CURVE_INTERVALS = 60 };
    double least = data.input[0], most = data.input[0];
    for (size_t i = 0; i < data.count; i++) {
        least = fmin(least, data.input[i]);
        most = fmax(most, data.input[i]);
    }
    if (least == most) {
        least -= 0.5;
        most += 0.5;
    }
    nn_params fitted = *p;
    fitted.b3 = bottom_of_bowl(program, p, data);
    const nn_params *curve[] = {p, &fitted};
    const char *label[] = {"start", "fitted"};
    double x[2][CURVE_INTERVALS + 1], predicted[2][CURVE_INTERVALS + 1];
    for (int k = 0; k < 2; k++) {
        for (int j = 0; j <= CURVE_INTERVALS; j++) {
            x[k][j] = least + (most - least) * j / CURVE_INTERVALS;
            predicted[k][j] = forward(curve[k], x[k][j]).predicted;
            require_finite(program, x[k][j], "an input", p, data);
            require_finite(program, predicted[k][j], "a prediction", p, data);
        }
    }
    printf("series,x,y\n");
    for (size_t i = 0; i < data.count; i++)
        series_row("sample", data.input[i], data.observed[i]);
    for (int k = 0; k < 2; k++)
        for (int j = 0; j <= CURVE_INTERVALS; j++)
            series_row(label[k], x[k][j], predicted[k][j]);
}

void series_ssr(const cli_program *program, const nn_params *p, nn_data data)
{
    double low, high;
    series_range(&p->b3, 1, bottom_of_bowl(program, p, data), &low, &high);
    bowl points;
    bowl_points(program, p, data, low, high, &points);
    printf("b3,ssr\n");
    print_bowl(NULL, &points);
}

void series_tangent(const cli_program *program, const nn_params *p, nn_data data)
{
    double low, high;
    series_range(&p->b3, 1, bottom_of_bowl(program, p, data), &low, &high);
    double touch_ssr = ssr(p, data);
    double touch_slope = dssr_db3(p, data);
    double row[SERIES_BOWL_INTERVALS + 1][4];
    nn_params q = *p;
    for (int k = 0; k <= SERIES_BOWL_INTERVALS; k++) {
        q.b3 = low + (high - low) * k / SERIES_BOWL_INTERVALS;
        row[k][0] = q.b3;
        row[k][1] = ssr(&q, data);
        row[k][2] = dssr_db3(&q, data);
        row[k][3] = touch_ssr + touch_slope * (q.b3 - p->b3);
        for (int c = 0; c < 4; c++)
            require_finite(program, row[k][c], "a value of the bowl", p, data);
    }
    printf("b3,ssr,dssr_db3,tangent\n");
    for (int k = 0; k <= SERIES_BOWL_INTERVALS; k++) {
        for (int c = 0; c < 4; c++) {
            if (c > 0)
                putchar(',');
            series_number(row[k][c]);
        }
        putchar('\n');
    }
}

void series_step(const cli_program *program, const nn_params *p, nn_data data,
                 double learning_rate)
{
    double old_b3 = p->b3;
    double step = step_size(dssr_db3(p, data), learning_rate);
    double b3[] = {old_b3, apply_step(old_b3, step), old_b3 + step};
    const char *label[] = {"start", "step", "wrong_way"};
    double value[3];
    nn_params q = *p;
    for (int k = 0; k < 3; k++) {
        q.b3 = b3[k];
        value[k] = ssr(&q, data);
        /* Past the start, only the step can have taken b3 out of range. */
        if (k == 0)
            require_finite(program, value[k], "the SSR", p, data);
        else
            report_require_finite_because(program, value[k], "the SSR after the step",
                                          REPORT_CAUSE_RATE);
    }
    double low, high;
    series_range(b3, 3, bottom_of_bowl(program, p, data), &low, &high);
    bowl points;
    bowl_points(program, p, data, low, high, &points);
    printf("series,b3,ssr\n");
    print_bowl("bowl", &points);
    for (int k = 0; k < 3; k++)
        series_row(label[k], b3[k], value[k]);
}
