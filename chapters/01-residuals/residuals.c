/**
 * @file residuals.c
 * @brief Chapter 1: run the network forward and measure how far off it is.
 *
 * With every weight fixed and b3 = 0, each dosage goes through both softplus
 * neurons to a prediction; the residual, observed - predicted, says how far
 * that prediction misses.
 */
#include <math.h>
#include <stdio.h>

#include "chapter.h"
#include "drawing.h"
#include "nn.h"

static const cli_program program = {
    .name = "chapter1",
    .summary = "Chapter 1: the forward pass and the residual of every sample.",
    .options = CLI_DATA | CLI_B3 | CLI_CSV,
};

// [ch01_residual]
/* The article's first step, for sample i: run its dosage forward through
   both neurons to a prediction, then measure the miss. */
static double compute_residual(const nn_params *p, nn_data data, size_t i, nn_trace *trace)
{
    *trace = forward(p, data.input[i]);
    return residual(data.observed[i], trace->predicted);
}
// [ch01_residual]

static void print_network(const nn_params *p)
{
    printf("Chapter 1: the forward pass and the residuals\n"
           "=============================================\n\n"
           "Beside the article: \"A Simple Neural Network\" and the start of\n"
           "\"Calculating Last Bias In the last layer\".\n\n");
    printf("Every weight and bias is fixed except b3. The weights are StatQuest's, from\n"
           "the video the article retells; the article itself prints none of them:\n"
           "  top neuron     z1 = w1*x + b1   with w1 = %.2f, b1 = %.2f\n"
           "  bottom neuron  z2 = w2*x + b2   with w2 = %.2f, b2 = %.2f\n"
           "  output         predicted = w3*a1 + w4*a2 + b3\n"
           "                 with w3 = %.2f, w4 = %.2f and b3 = ",
           p->w1, p->b1, p->w2, p->b2, p->w3, p->w4);
    report_number_line(p->b3, 0);
    printf("Each hidden neuron applies softplus(z) = log(1 + e^z), so a1 = softplus(z1)\n"
           "and a2 = softplus(z2); the top path is w3*a1 and the bottom path w4*a2.\n\n"
           "Why the bend? The article's samples go up and down again: 0 at x = 0, 1 at\n"
           "x = 0.5, 0 at x = 1, and no straight line goes through 0, 1, 0. Without\n"
           "softplus the output, w3*(w1*x + b1) + w4*(w2*x + b2) + b3, would be a\n"
           "straight line in x whatever the weights. Each softplus bends its path once,\n"
           "and the two bends together can make the hump.\n\n");
}

// [ch01_drawing]
/* The forward pass of x = 0.5, each value written on the wire it leaves by. */
static void draw_forward_pass(const nn_params *p)
{
    nn_trace t = forward(p, 0.5);
    const double values[2][6] = {{p->w1, p->b1, t.z1, t.a1, p->w3, t.top},
                                 {p->w2, p->b2, t.z2, t.a2, p->w4, t.bottom}};
    char v[2][6][REPORT_NUMBER_SIZE], b3[REPORT_NUMBER_SIZE], predicted[REPORT_NUMBER_SIZE];
    for (int k = 0; k < 2; k++)
        for (int j = 0; j < 6; j++)
            report_numeral(values[k][j], v[k][j]);
    drawing d = {0};
    drawing_add(&d, "x = 0.5000");
    for (int k = 0; k < 2; k++) {
        int n = k + 1;
        drawing_add(&d, "w%d = %s, b%d = %s", n, v[k][0], n, v[k][1]);
        drawing_add(&d, "z%d = w%d * x + b%d = %s", n, n, n, v[k][2]);
        drawing_add(&d, "softplus");
        drawing_add(&d, "a%d = softplus(z%d) = %s", n, n, v[k][3]);
        drawing_add(&d, "w%d = %s", k + 3, v[k][4]);
        drawing_add(&d, "%s = w%d * a%d = %s", k == 0 ? "top" : "bottom", k + 3, n, v[k][5]);
    }
    drawing_add(&d, "+ b3 = %s", report_numeral(p->b3, b3));
    drawing_add(&d, "predicted = top + bottom + b3");
    drawing_add(&d, "= %s", report_numeral(t.predicted, predicted));
    printf("The network, with the values of x = 0.5 on its wires:\n\n");
    drawing_print(&d, "v");
    printf("\n");
}
// [ch01_drawing]

/* The tables' columns: each as wide as its heading, with the space before it. */
enum { X_COLUMN = 8, VALUE_COLUMN = 10, PREDICTED_COLUMN = 11 };

/* A row of the first table: the sample through the hidden neurons. */
static void print_neurons(const chapter_run *run, const nn_params *p, size_t i)
{
    nn_trace t = forward(p, run->data.input[i]);
    report_number(t.x, X_COLUMN);
    report_number(t.z1, VALUE_COLUMN);
    report_number(t.a1, VALUE_COLUMN);
    report_number(t.z2, VALUE_COLUMN);
    report_number_line(t.a2, VALUE_COLUMN);
}

/* A row of the second table: the two paths, the prediction and the miss. */
static void print_output(const chapter_run *run, const nn_params *p, size_t i)
{
    nn_trace t;
    double r = compute_residual(p, run->data, i, &t);
    report_number(t.x, X_COLUMN);
    report_number(t.top, VALUE_COLUMN);
    report_number(t.bottom, VALUE_COLUMN);
    report_number(t.predicted, PREDICTED_COLUMN);
    report_number(run->data.observed[i], VALUE_COLUMN);
    report_number_line(r, VALUE_COLUMN);
}

/* Points on each curve of the CSV, across the inputs' range. */
#define CURVE_INTERVALS 60

/* --csv, for the guide's picture: a `sample` row (x, observed) per sample,
   then the network's curve (x, predicted) at the starting b3 (`start`) and
   lifted to the bottom of the SSR's bowl (`fitted`). Every number is
   computed and checked before the first line, so the CSV is whole or not
   written; %.17g reads back as the same double. */
static void write_csv(const chapter_run *run)
{
    nn_data data = run->data;
    double least = data.input[0], most = data.input[0];
    for (size_t i = 0; i < data.count; i++) {
        least = fmin(least, data.input[i]);
        most = fmax(most, data.input[i]);
    }
    if (least == most) {
        least -= 0.5;
        most += 0.5;
    }
    nn_params fitted = run->start;
    fitted.b3 = chapter_bowl_of(run, NULL, 0).bottom;
    const nn_params *curve[] = {&run->start, &fitted};
    double x[2][CURVE_INTERVALS + 1], predicted[2][CURVE_INTERVALS + 1];
    for (int k = 0; k < 2; k++)
        for (int j = 0; j <= CURVE_INTERVALS; j++) {
            x[k][j] = least + (most - least) * j / CURVE_INTERVALS;
            predicted[k][j] = forward(curve[k], x[k][j]).predicted;
            chapter_require_finite(run, x[k][j], "an input", CAUSE_NUMBERS);
            chapter_require_finite(run, predicted[k][j], "a prediction", CAUSE_NUMBERS);
        }
    printf("series,x,y\n");
    for (size_t i = 0; i < data.count; i++)
        printf("sample,%.17g,%.17g\n", data.input[i], data.observed[i]);
    for (int k = 0; k < 2; k++)
        for (int j = 0; j <= CURVE_INTERVALS; j++)
            printf("%s,%.17g,%.17g\n", k == 0 ? "start" : "fitted", x[k][j], predicted[k][j]);
}

int main(int argc, char **argv)
{
    chapter_run run = chapter_open(&program, argc, argv);
    if (run.options.csv) {
        write_csv(&run);
        return chapter_close(&run, 0);
    }
    nn_params p = run.start;

    /* Every number the tables show is finite when the residuals are. */
    for (size_t i = 0; i < run.rows_shown; i++) {
        nn_trace t;
        chapter_require_finite(&run, compute_residual(&p, run.data, i, &t), "a residual",
                               CAUSE_NUMBERS);
    }

    print_network(&p);
    draw_forward_pass(&p);
    printf("Through the hidden neurons:\n"
           "       x        z1        a1        z2        a2\n");
    for (size_t i = 0; i < run.rows_shown; i++)
        print_neurons(&run, &p, i);
    chapter_rows_left_out(&run);
    printf("\nTo the output, predicted = top + bottom + b3:\n"
           "       x       top    bottom  predicted  observed  residual\n");
    for (size_t i = 0; i < run.rows_shown; i++)
        print_output(&run, &p, i);
    chapter_rows_left_out(&run);
    printf("\nA residual is observed - predicted: positive where the network predicts\n"
           "too little, negative where it predicts too much.\n");
    if (run.article)
        printf("Here all three are near +2.61: the curve runs about 2.6 below every\n"
               "sample, so raising b3 (which lifts the whole curve) should help.\n");
    printf("Chapter 2 turns the residuals into one number that says how bad the fit is.\n");
    return chapter_close(&run, 0);
}
