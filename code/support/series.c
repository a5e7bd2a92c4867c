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

void series_number(double v)
{
    printf("%.17g", v);
}

void series_bowl(const cli_program *program, const char *label, const nn_params *p,
                 nn_data data, double low, double high)
{
    nn_params q = *p;
    for (int k = 0; k <= SERIES_BOWL_INTERVALS; k++) {
        q.b3 = low + (high - low) * k / SERIES_BOWL_INTERVALS;
        double value = ssr(&q, data);
        report_require_finite(program, value, "the SSR");
        if (label != NULL)
            printf("%s,", label);
        series_number(q.b3);
        putchar(',');
        series_number(value);
        putchar('\n');
    }
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
    double bottom = optimal_b3(p, data);
    report_require_finite(program, bottom, "the bottom of the bowl");
    return bottom;
}

void series_fit(const cli_program *program, const nn_params *p, nn_data data)
{
    enum { CURVE_INTERVALS = 60 };
    printf("series,x,y\n");
    double least = data.input[0], most = data.input[0];
    for (size_t i = 0; i < data.count; i++) {
        series_row("sample", data.input[i], data.observed[i]);
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
    for (int k = 0; k < 2; k++) {
        for (int j = 0; j <= CURVE_INTERVALS; j++) {
            double x = least + (most - least) * j / CURVE_INTERVALS;
            double predicted = forward(curve[k], x).predicted;
            report_require_finite(program, predicted, "a prediction");
            series_row(label[k], x, predicted);
        }
    }
}

void series_ssr(const cli_program *program, const nn_params *p, nn_data data)
{
    double low, high;
    series_range(&p->b3, 1, bottom_of_bowl(program, p, data), &low, &high);
    printf("b3,ssr\n");
    series_bowl(program, NULL, p, data, low, high);
}

void series_tangent(const cli_program *program, const nn_params *p, nn_data data)
{
    double low, high;
    series_range(&p->b3, 1, bottom_of_bowl(program, p, data), &low, &high);
    double touch_ssr = ssr(p, data);
    double touch_slope = dssr_db3(p, data);
    printf("b3,ssr,dssr_db3,tangent\n");
    nn_params q = *p;
    for (int k = 0; k <= SERIES_BOWL_INTERVALS; k++) {
        q.b3 = low + (high - low) * k / SERIES_BOWL_INTERVALS;
        double row[] = {q.b3, ssr(&q, data), dssr_db3(&q, data),
                        touch_ssr + touch_slope * (q.b3 - p->b3)};
        for (int c = 0; c < 4; c++) {
            report_require_finite(program, row[c], "a value of the bowl");
            if (c > 0)
                putchar(',');
            series_number(row[c]);
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
        report_require_finite(program, value[k], "the SSR");
    }
    double low, high;
    series_range(b3, 3, bottom_of_bowl(program, p, data), &low, &high);
    printf("series,b3,ssr\n");
    series_bowl(program, "bowl", p, data, low, high);
    for (int k = 0; k < 3; k++)
        series_row(label[k], b3[k], value[k]);
}
