/**
 * @file residuals.c
 * @brief Chapter 1: run the network forward and measure how far off it is.
 *
 * With every weight fixed and b3 = 0, each dosage goes through both softplus
 * neurons to a prediction; the residual, observed - predicted, says how far
 * that prediction misses.
 */
#include <stdio.h>

#include "chapter.h"
#include "nn.h"
#include "report.h"
#include "series.h"

static const cli_program program = {
    "chapter1", "Chapter 1: the forward pass and the residual of every sample.",
    CLI_DATA | CLI_B3 | CLI_CSV,
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
    report_title("Chapter 1: the forward pass and the residuals");
    printf("Every weight and bias is fixed at the article's value except b3:\n"
           "  top neuron     z1 = w1*x + b1   with w1 = %.2f, b1 = %.2f\n"
           "  bottom neuron  z2 = w2*x + b2   with w2 = %.2f, b2 = %.2f\n"
           "  output         predicted = w3*a1 + w4*a2 + b3\n"
           "                 with w3 = %.2f, w4 = %.2f and b3 = ",
           p->w1, p->b1, p->w2, p->b2, p->w3, p->w4);
    report_number_line(p->b3, 0);
    printf("Each hidden neuron applies softplus(z) = log(1 + e^z), so a1 = softplus(z1)\n"
           "and a2 = softplus(z2); the top path is w3*a1 and the bottom path w4*a2.\n\n");
}

/* A row of the first table: the sample through the hidden neurons. */
static void print_neurons(const chapter_run *run, const nn_params *p, size_t i)
{
    nn_trace t = forward(p, run->data.input[i]);
    report_number(t.x, 8);
    report_number(t.z1, 10);
    report_number(t.a1, 10);
    report_number(t.z2, 10);
    report_number_line(t.a2, 10);
}

/* A row of the second table: the two paths, the prediction and the miss. */
static void print_output(const chapter_run *run, const nn_params *p, size_t i)
{
    nn_trace t;
    double r = compute_residual(p, run->data, i, &t);
    report_number(t.x, 8);
    report_number(t.top, 10);
    report_number(t.bottom, 10);
    report_number(t.predicted, 11);
    report_number(run->data.observed[i], 10);
    report_number_line(r, 10);
}

int main(int argc, char **argv)
{
    chapter_run run = chapter_open(&program, argc, argv, series_fit);
    nn_params p = run.start;

    /* Every number the tables show is finite when the residuals are. */
    for (size_t i = 0; i < chapter_rows_shown(&run); i++) {
        nn_trace t;
        chapter_require_finite(&run, compute_residual(&p, run.data, i, &t), "a residual",
                               CAUSE_NUMBERS);
    }

    print_network(&p);
    chapter_sample_table(&run, &p, "Through the hidden neurons:\n"
                         "       x        z1        a1        z2        a2", print_neurons);
    chapter_sample_table(&run, &p, "\nTo the output, predicted = top + bottom + b3:\n"
                         "       x       top    bottom  predicted  observed  residual",
                         print_output);
    printf("\nA residual is observed - predicted: positive where the network predicts\n"
           "too little, negative where it predicts too much.\n");
    if (chapter_is_article(&run))
        printf("Here all three are near +2.61: the curve runs about 2.6 below every\n"
               "sample, so raising b3 (which lifts the whole curve) should help.\n");
    printf("Chapter 2 turns the residuals into one number that says how bad the fit is.\n");
    return chapter_close(&run, 0);
}
