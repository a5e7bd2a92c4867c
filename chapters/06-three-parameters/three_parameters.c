/**
 * @file three_parameters.c
 * @brief Chapter 6: w3, w4 and b3 found together, each by its own chain of slopes.
 *
 * The article's next step: w3 and w4 are no longer given, so they start from
 * guesses beside b3. Each of the three reaches the SSR only through the
 * prediction, so each slope is the same first link, dSSR/dpredicted, times
 * its own second link, and one loop moves all three at once.
 */
#include <stdio.h>

#include "cli.h"
#include "nn.h"
#include "progress.h"
#include "report.h"

static const cli_program program = {
    "chapter6", "Chapter 6: gradient descent on w3, w4 and b3 together.",
    CLI_DATA | CLI_RATE | CLI_TOLERANCE | CLI_MAX_STEPS | CLI_CSV | CLI_QUIET,
};

static void print_introduction(const nn_params *p)
{
    report_title("Chapter 6: three parameters at once");
    printf("Now w3, w4 and b3 all start from guesses, w3 = %g, w4 = %g, b3 = %g, while\n"
           "w1, b1, w2 and b2 keep the article's values. The prediction is\n"
           "  predicted = w3 x a1 + w4 x a2 + b3\n"
           "so each parameter has its own second link in the chain:\n"
           "  dpredicted/dw3 = a1 (the top neuron's softplus), dpredicted/dw4 = a2,\n"
           "  dpredicted/db3 = 1\n"
           "and with the first link dSSR/dpredicted = -2 (observed - predicted):\n"
           "  dSSR/dw3 = sum of -2 (observed - predicted) x a1\n"
           "  dSSR/dw4 = sum of -2 (observed - predicted) x a2\n"
           "  dSSR/db3 = sum of -2 (observed - predicted) x 1\n\n",
           p->w3, p->w4, p->b3);
}

/* " dSSR/dw3 = ..., dSSR/dw4 = ..., dSSR/db3 = ..." and a newline. */
static void print_slopes(double dw3, double dw4, double db3)
{
    printf(" dSSR/dw3 = ");
    report_number(dw3, 0);
    printf(", dSSR/dw4 = ");
    report_number(dw4, 0);
    printf(", dSSR/db3 = ");
    report_number_line(db3, 0);
}

/* The three chains, sample by sample, at the starting point. */
static void print_chains(const nn_params *p, nn_data data)
{
    printf("At the start, sample by sample:\n"
           "       x   observed  dSSR/dpred        a1        a2  x a1 (w3)  x a2 (w4)   x 1 (b3)\n");
    double sum_w3 = 0.0, sum_w4 = 0.0, sum_b3 = 0.0;
    for (size_t i = 0; i < data.count; i++) {
        // [ch06_chains]
        nn_trace t = forward(p, data.input[i]);
        double d = dssr_dpredicted(data.observed[i], t.predicted);
        double for_w3 = d * t.a1, for_w4 = d * t.a2, for_b3 = d * dpredicted_db3();
        // [ch06_chains]
        sum_w3 += for_w3;
        sum_w4 += for_w4;
        sum_b3 += for_b3;
        report_require_finite(&program, for_w3 + for_w4 + for_b3, "a slope");
        if (i >= REPORT_ROWS)
            continue;
        report_number(data.input[i], 8);
        report_number(data.observed[i], 11);
        report_number(d, 12);
        report_number(t.a1, 10);
        report_number(t.a2, 10);
        report_number(for_w3, 11);
        report_number(for_w4, 11);
        report_number_line(for_b3, 11);
    }
    report_rows_left_out(data.count < REPORT_ROWS ? data.count : REPORT_ROWS, data.count);
    report_require_finite(&program, sum_w3 + sum_w4 + sum_b3, "a slope");
    printf("  sums: ");
    print_slopes(sum_w3, sum_w4, sum_b3);

    // [ch06_gradient]
    nn_gradient g = gradient(p, data);
    // [ch06_gradient]
    printf("The backward pass of code/nn.c, gradient(), gives the same three slopes:\n ");
    print_slopes(g.w3, g.w4, g.b3);
}

/* Where the loop stopped, against the exact bottom of the bowl. */
static void print_comparison(const cli_options *options, const nn_params *p, nn_data data,
                             descent_result result, int ssr_grew)
{
    printf("\nWith w1, b1, w2 and b2 fixed, the prediction is a straight sum of w3, w4\n"
           "and b3, so the SSR is a bowl with one bottom, where all three slopes are\n"
           "zero. Those are three linear equations in w3, w4 and b3; solving them gives\n  ");
    // [ch06_exact]
    nn_params best;
    int solved = optimal_output_layer(p, data, &best);
    // [ch06_exact]
    if (!solved) {
        printf("no single answer: these samples have fewer than three different inputs,\n"
               "  so the bowl is a valley with a whole line of bottoms.\n");
        return;
    }
    progress_params(&best, NN_OUTPUT_LAYER);
    double best_ssr = ssr(&best, data);
    if (best_ssr < 1e-20) /* what is left is rounding, not misfit */
        printf(", SSR = 0 (to rounding)\n");
    else
        printf(", SSR = %.6g\n", best_ssr);
    if (options->data_path == NULL)
        printf("which is the article's w3 = -1.22, w4 = -2.30, b3 = 2.61 to two decimals:\n"
               "three samples and three unknowns, so the bottom fits them exactly.\n");
    if (ssr_grew)
        return;
    if (result.end == DESCENT_STEP_LIMIT) {
        printf("The loop used up its %ld gradients on the way there; more --max-steps\n"
               "lets it go on.\n", options->max_steps);
        return;
    }
    nn_gradient g = gradient(p, data);
    printf("The loop stopped short of it because it stops on the step size, not on\n"
           "the distance: the bowl is long and shallow along one direction, and there the\n"
           "slopes (here ");
    report_number(g.w3, 0);
    printf(", ");
    report_number(g.w4, 0);
    printf(", ");
    report_number(g.b3, 0);
    printf(") are small long before the bottom.\n"
           "A smaller tolerance walks on towards it: try\n"
           "  make chapter6 ARGS='--tolerance 1e-6 --max-steps 100000'\n");
}

int main(int argc, char **argv)
{
    cli_options options = cli_parse_or_exit(&program, argc, argv);
    data_set storage;
    nn_data data = report_samples(&options, &storage);
    nn_params p = nn_start_output_layer();

    if (!options.csv && !options.quiet) {
        print_introduction(&p);
        print_chains(&p, data);
        printf("\nGradient descent now moves all three at once, each by its own step size,\n"
               "slope x rate %g, all computed at the same point. It stops when every one\n"
               "of the three step sizes is below %g, or after %ld gradients.\n\n",
               options.rate, options.tolerance, options.max_steps);
    }

    // [ch06_loop]
    double start_ssr = ssr(&p, data);
    descent_settings settings = {options.rate, options.tolerance, options.max_steps};
    progress_printer printer = {&options, NN_OUTPUT_LAYER, 1, 10, 50, 0};
    progress_header(&printer);
    descent_result result = descend(&p, data, NN_OUTPUT_LAYER, settings, progress_row, &printer);
    // [ch06_loop]

    int status = 0;
    if (result.end == DESCENT_DIVERGED) {
        status = progress_diverged(&program, result, options.rate);
    } else if (!options.csv) {
        printf("%s", options.quiet ? "" : "\nThe loop ends at\n  ");
        progress_result(&options, &p, NN_OUTPUT_LAYER, start_ssr, ssr(&p, data), result);
        if (!options.quiet)
            print_comparison(&options, &p, data, result, ssr(&p, data) > start_ssr);
    }
    data_free(&storage);
    return status;
}
