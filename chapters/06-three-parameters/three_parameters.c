/**
 * @file three_parameters.c
 * @brief Chapter 6: w3, w4 and b3 found together, each by its own chain of slopes.
 *
 * The article's next step: w3 and w4 are no longer given, so they start from
 * guesses beside b3. Each of the three reaches the SSR only through the
 * prediction, so each slope is the same first link, dSSR/dpredicted, times
 * its own second link, and one loop moves all three at once.
 */
#include <math.h>
#include <stdio.h>

#include "chapter.h"
#include "nn.h"
#include "progress.h"

static const cli_program program = {
    .name = "chapter6",
    .summary = "Chapter 6: gradient descent on w3, w4 and b3 together.",
    .options = CLI_DATA | CLI_RATE | CLI_TOLERANCE | CLI_MAX_STEPS | CLI_CSV | CLI_QUIET,
};

/* One sample's links and its share of the three slopes. */
typedef struct chains {
    nn_trace trace;    /* the forward pass, for a1 and a2 */
    double d;          /* the first link, dSSR/dpredicted */
    nn_gradient share; /* d * a1, d * a2 and d * 1 in .w3, .w4 and .b3 */
} chains;

// [ch06_chains]
/* The three slopes come from output_layer_gradient() in code/nn.c: the
   same first link, dSSR/dpredicted, times each parameter's own second link,
   dpredicted/dw3 = a1, dpredicted/dw4 = a2 and dpredicted/db3 = 1, summed
   over the samples. Over sample i alone it gives that sample's share. */
static chains chains_of_sample(const nn_params *p, nn_data data, size_t i)
{
    nn_data alone = {.count = 1, .input = data.input + i, .observed = data.observed + i};
    chains c;
    c.trace = forward(p, data.input[i]);
    c.d = dssr_dpredicted(data.observed[i], c.trace.predicted);
    c.share = output_layer_gradient(p, alone);
    return c;
}
// [ch06_chains]

// [ch06_loop]
/* All three descend together, each by its own slope times the rate, every
   slope computed at the same point: descend() in code/nn.c, with chapter
   6's slope function. w1, b1, w2 and b2 get slope 0, so they stay put. */
static nn_result descend_three(nn_params *p, nn_data data, progress_printer *printer)
{
    const cli_options *o = printer->options;
    nn_settings settings = {
        .learning_rate = o->rate, .tolerance = o->tolerance, .max_steps = o->max_steps,
    };
    return descend(p, data, output_layer_gradient, settings, progress_row, printer);
}
// [ch06_loop]

static void print_introduction(const nn_params *p)
{
    printf("Chapter 6: three parameters at once\n"
           "===================================\n\n"
           "Beside the article: past its end, as StatQuest's \"Backpropagation Details\"\n"
           "part 1: the article's last line promises the other weights and biases.\n\n");
    printf("Now w3, w4 and b3 all start from guesses, w3 = %g, w4 = %g, b3 = %g,\n"
           "while w1, b1, w2 and b2 keep StatQuest's values, the ones the article\n"
           "assumes known. The prediction is\n"
           "  predicted = w3 * a1 + w4 * a2 + b3\n"
           "so each parameter has its own second link in the chain:\n"
           "  dpredicted/dw3 = a1 (the top neuron's softplus), dpredicted/dw4 = a2,\n"
           "  dpredicted/db3 = 1\n"

           "and with the first link dSSR/dpredicted = -2 * (observed - predicted):\n"
           "  dSSR/dw3 = sum of -2 * (observed - predicted) * a1\n"
           "  dSSR/dw4 = sum of -2 * (observed - predicted) * a2\n"
           "  dSSR/db3 = sum of -2 * (observed - predicted) * 1\n"
           "\nWhy a1? When w3 moves, only the term w3 * a1 changes: a1 comes from w1, b1\n"
           "and x, not from w3, so w3 * a1 grows a1 times as fast as w3 does, and\n"
           "w4 * a2 and b3 stay put. In the same way w4 * a2 grows a2 times as fast as\n"
           "w4, and b3 itself moves one for one.\n"
           "\n",
           p->w3, p->w4, p->b3);
}

/* " dSSR/dw3 = ..., dSSR/dw4 = ..., dSSR/db3 = ..." and a newline. */
static void print_slopes(double dw3, double dw4, double db3)
{
    printf(" dSSR/dw3 = ");
    report_number(dw3, 0);
    printf(", dSSR/dw4 = ");
    report_number(dw4, 0);
    printf(",\n  dSSR/db3 = ");
    report_number_line(db3, 0);
}

/* The widths of the tables' columns, as their headers set them. */
enum { X_COLUMN = 8, OBSERVED_COLUMN = 11, LINK_COLUMN = 12, A_COLUMN = 10, SHARE_COLUMN = 13 };

/* A row of the first table: the links of one sample's chains. */
static void print_links(const chapter_run *run, const nn_params *p, size_t i)
{
    chains c = chains_of_sample(p, run->data, i);
    report_number(run->data.input[i], X_COLUMN);
    report_number(run->data.observed[i], OBSERVED_COLUMN);
    report_number(c.d, LINK_COLUMN);
    report_number(c.trace.a1, A_COLUMN);
    report_number_line(c.trace.a2, A_COLUMN);
}

/* v as the chapters print it, in parentheses when negative, so that
   "0.0000 - (-0.7187)" reads as arithmetic. */
static void print_operand(double v)
{
    if (v < 0.0)
        printf("(");
    report_number(v, 0);
    if (v < 0.0)
        printf(")");
}

// [ch06_by_hand]
/* The first sample's share of dSSR/dw3, multiplied out by hand:
   d = -2 * (observed - predicted), then d * a1. */
static void print_one_product(const chapter_run *run, const nn_params *p)
{
    nn_trace t = forward(p, run->data.input[0]);
    double observed = run->data.observed[0];
    double d = -2.0 * (observed - t.predicted);
    double share = d * t.a1;
    chapter_require_finite(run, share, "a slope", CAUSE_NUMBERS);
    printf("\nOne product by hand, for the first sample, x = ");
    report_number(t.x, 0);
    printf(":\n  predicted = w3 * a1 + w4 * a2 + b3\n    = ");
    print_operand(p->w3);
    printf(" * ");
    print_operand(t.a1);
    printf(" + ");
    print_operand(p->w4);
    printf(" * ");
    print_operand(t.a2);
    printf("\n      + ");
    print_operand(p->b3);
    printf(" = ");
    report_number_line(t.predicted, 0);
    printf("  d = -2 * (observed - predicted) = -2 * (");
    print_operand(observed);
    printf(" - ");
    print_operand(t.predicted);
    printf(")\n    = ");
    report_number_line(d, 0);
    printf("  d * a1 = ");
    print_operand(d);
    printf(" * ");
    print_operand(t.a1);
    printf(" = ");
    report_number(share, 0);
    chains c = chains_of_sample(p, run->data, 0);
    printf("\n");
    if (fabs(c.share.w3 - share) <= 1e-12 * fabs(share))
        printf("That is the first sample's share of dSSR/dw3, the first entry below.\n");
}
// [ch06_by_hand]

/* The three chains, sample by sample, at the starting point: two tables of
   at most 80 columns, the links and then their products. */
static void print_chains(const chapter_run *run, const nn_params *p)
{
    nn_data data = run->data;
    /* Every number of the tables below is checked before the first is printed. */
    for (size_t i = 0; i < data.count; i++) {
        chains c = chains_of_sample(p, data, i);
        int finite = isfinite(c.d) && isfinite(c.trace.a1) && isfinite(c.trace.a2) &&
                     isfinite(c.share.w3) && isfinite(c.share.w4) && isfinite(c.share.b3);
        chapter_require_finite(run, finite ? 0.0 : NAN, "a slope", CAUSE_NUMBERS);
    }
    nn_gradient sum = output_layer_gradient(p, data);
    chapter_require_finite(run, sum.w3 + sum.w4 + sum.b3, "a slope", CAUSE_NUMBERS);
    printf("At the start, sample by sample, the links:\n"
           "       x   observed  dSSR/dpred        a1        a2\n");
    for (size_t i = 0; i < run->rows_shown; i++)
        print_links(run, p, i);
    chapter_rows_left_out(run);
    print_one_product(run, p);
    printf("\nThe products, each sample's share of the three slopes:\n"
           "       x  d * a1 (w3)  d * a2 (w4)   d * 1 (b3)\n");
    for (size_t i = 0; i < run->rows_shown; i++) {
        chains c = chains_of_sample(p, data, i);
        report_number(data.input[i], X_COLUMN);
        report_number(c.share.w3, SHARE_COLUMN);
        report_number(c.share.w4, SHARE_COLUMN);
        report_number_line(c.share.b3, SHARE_COLUMN);
    }
    chapter_rows_left_out(run);
    printf("  sums:");
    print_slopes(sum.w3, sum.w4, sum.b3);
    printf("All the slopes together, one for each parameter that moves, are called the\n"
           "gradient. Chapter 7's backward pass computes all seven of them at once.\n");
}

/* Where the loop stopped, against the exact bottom of the bowl. */
static void print_comparison(const chapter_run *run, const nn_params *p,
                             nn_result result, double start_ssr)
{
    nn_data data = run->data;
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
    progress_params(&best, NN_W3, "");
    double best_ssr = ssr(&best, data);
    if (best_ssr < 1e-20) /* what is left is rounding, not misfit */
        printf(", SSR = 0 (to rounding)\n");
    else
        printf(", SSR = %.6g\n", best_ssr);
    if (run->options.data_path == NULL)
        printf("which is StatQuest's w3 = -1.22, w4 = -2.30, b3 = 2.61 to two decimals\n"
               "(the article prints none of the weights): three samples and three\n"
               "unknowns, so the bottom fits them exactly.\n");
    double final_ssr = ssr(p, data);
    if (final_ssr > start_ssr)
        return; /* progress_result() has said the rate is too large */
    double away = fmax(fabs(p->w3 - best.w3), fmax(fabs(p->w4 - best.w4), fabs(p->b3 - best.b3)));
    if (result.end == NN_CONVERGED && result.updates == 0 && away >= 1e-3) {
        report_text("The loop stopped before its first step: at rate %g every step size was\n"
                    "already below %g, with a parameter still %.2g from the bottom. A larger\n"
                    "--rate or a smaller --tolerance lets it go.\n", run->options.rate,
                    run->options.tolerance, away);
        return;
    }
    if (away < 1e-3) {
        printf("The loop reached it: every parameter is within %.2g of it.\n", away);
        return;
    }
    if (result.end == NN_STEP_LIMIT) {
        printf("The loop used up its %ld step%s on the way, with a parameter still\n"
               "%.2g away; more --max-steps lets it go on.\n", run->options.max_steps,
               run->options.max_steps == 1 ? "" : "s", away);
        return;
    }
    nn_gradient g = output_layer_gradient(p, data);
    printf("The loop stopped %.2g short of it because it stops on the step size, not\n"
           "on the distance: the bowl is long and shallow along one direction, and\n"
           "there the slopes (here ", away);
    report_number(g.w3, 0);
    printf(", ");
    report_number(g.w4, 0);
    printf(", ");
    report_number(g.b3, 0);
    printf(") are small long\nbefore the bottom. A smaller tolerance walks on towards it: try\n"
           "  make chapter6 ARGS='--tolerance 1e-6 --max-steps 100000'\n");
}

int main(int argc, char **argv)
{
    chapter_run run = chapter_open(&program, argc, argv);
    nn_params p = start_output_layer();
    const cli_options *o = &run.options;

    if (!o->csv && !o->quiet) {
        print_introduction(&p);
        print_chains(&run, &p);
        report_text("\nGradient descent now moves all three at once, each by its own step size,\n"
                    "slope * rate %g, all computed at the same point. It stops when every one\n"
                    "of the three step sizes is below %g, or after %ld step%s.\n\n",
                    o->rate, o->tolerance, o->max_steps, o->max_steps == 1 ? "" : "s");
    }

    double start_ssr = ssr(&p, run.data);
    progress_printer printer = {.options = o, .first = NN_W3, .show_slopes = 1, .first_rows = 10};
    nn_result result = descend_three(&p, run.data, &printer);

    if (result.end == NN_DIVERGED)
        return chapter_close(&run, chapter_diverged(&run, result));
    if (o->csv)
        return chapter_close(&run, 0);
    printf("%s", o->quiet ? "" : "\nThe loop ends at\n  ");
    progress_result(o, &p, NN_W3, start_ssr, ssr(&p, run.data), result);
    if (!o->quiet)
        print_comparison(&run, &p, result, start_ssr);
    return chapter_close(&run, 0);
}
