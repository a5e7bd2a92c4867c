/**
 * @file residuals.c
 * @brief Chapter 1: run the network forward and measure how far off it is.
 *
 * With every weight fixed and b3 = 0, each dosage goes through both softplus
 * neurons to a prediction; the residual, observed - predicted, says how far
 * that prediction misses.
 */
#include <stdio.h>

#include "cli.h"
#include "nn.h"
#include "report.h"
#include "series.h"

static const cli_program program = {
    "chapter1", "Chapter 1: the forward pass and the residual of every sample.",
    CLI_DATA | CLI_B3 | CLI_CSV,
};

/* One row of the table: the input, every intermediate value, the verdict. */
static void print_sample(const nn_trace *t, double observed, double r)
{
    double values[] = {t->x, t->z1, t->a1, t->top, t->z2, t->a2, t->bottom};
    for (size_t k = 0; k < sizeof values / sizeof values[0]; k++)
        report_number(values[k], 10);
    report_number(t->predicted, 11);
    report_number(observed, 10);
    report_number_line(r, 10);
}

int main(int argc, char **argv)
{
    cli_options options = cli_parse_or_exit(&program, argc, argv);
    data_set storage;
    nn_data data = report_samples(&options, &storage);
    nn_params p = nn_article_params();
    p.b3 = options.b3;
    if (options.csv) {
        series_fit(&program, &p, data);
        data_free(&storage);
        return 0;
    }

    report_title("Chapter 1: the forward pass and the residuals");
    printf("Every weight and bias is fixed at the article's value except b3:\n"
           "  top neuron     z1 = w1*x + b1   with w1 = %.2f, b1 = %.2f\n"
           "  bottom neuron  z2 = w2*x + b2   with w2 = %.2f, b2 = %.2f\n"
           "  output         predicted = w3*a1 + w4*a2 + b3   with w3 = %.2f, w4 = %.2f\n"
           "  and b3 = ", p.w1, p.b1, p.w2, p.b2, p.w3, p.w4);
    report_number_line(p.b3, 0);
    printf("Each hidden neuron applies softplus(z) = log(1 + e^z), so a1 = softplus(z1)\n"
           "and a2 = softplus(z2); the top path is w3*a1 and the bottom path w4*a2.\n\n");

    printf("       x        z1        a1       top        z2        a2    bottom"
           "  predicted  observed  residual\n");
    size_t shown = data.count < REPORT_ROWS ? data.count : REPORT_ROWS;
    // [ch01_forward]
    for (size_t i = 0; i < shown; i++) {
        nn_trace t = forward(&p, data.input[i]);
        double r = residual(data.observed[i], t.predicted);
        report_require_finite(&program, r, "a residual");
        print_sample(&t, data.observed[i], r);
    }
    // [ch01_forward]
    report_rows_left_out(shown, data.count);

    printf("\nA residual is observed - predicted: positive where the network predicts\n"
           "too little, negative where it predicts too much.\n");
    if (report_is_article(&options))
        printf("Here all three are near +2.61: the curve runs about 2.6 below every\n"
               "sample, so raising b3 (which lifts the whole curve) should help.\n"
               "Chapter 2 turns the residuals into one number that says how bad the fit is.\n");
    data_free(&storage);
    return 0;
}
