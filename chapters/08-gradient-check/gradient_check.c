/**
 * @file gradient_check.c
 * @brief Chapter 8: every derived slope against a measured one, and a planted mistake.
 *
 * The backward pass is only as good as the chain rule written into it. A
 * slope can also be measured without any calculus: nudge one parameter a
 * little each way and see how much the SSR changes. Where the two agree to
 * many digits the derivation is right; where one factor was forgotten, the
 * table shows which parameter it was.
 *
 * Exit status 1, with one line on stderr, if a slope of code/nn.c itself
 * fails the check (or the numbers overflow); the planted mistake is meant to
 * fail and does not count.
 */
#include <stdio.h>

#include "cli.h"
#include "nn.h"
#include "random.h"
#include "report.h"

static const cli_program program = {
    "chapter8", "Chapter 8: the analytic gradient checked against finite differences.",
    CLI_DATA | CLI_SEED | CLI_CSV | CLI_QUIET,
};

/** How many random points are checked besides the article's. */
#define RANDOM_POINTS 3

/* The planted mistake: dSSR/dw1 with its last link, dz1/dw1 = x, forgotten. */
// [ch08_mistake]
static nn_gradient gradient_with_planted_mistake(const nn_params *p, nn_data data)
{
    nn_gradient g = gradient(p, data);
    g.w1 = 0.0;
    for (size_t i = 0; i < data.count; i++) {
        nn_trace t = forward(p, data.input[i]);
        double d = dssr_dpredicted(data.observed[i], t.predicted);
        g.w1 += d * p->w3 * t.s1; /* should be d * w3 * sigmoid(z1) * x */
    }
    return g;
}
// [ch08_mistake]

/* Compares all seven slopes of `g` at `p` with measured ones; prints the table
   and returns how many disagree. */
static int check_point(const cli_options *options, const char *label, const nn_params *p,
                       nn_gradient g, nn_data data)
{
    int failed = 0;
    if (!options->csv && !options->quiet)
        printf("  parameter      value     analytic  finite difference  relative error\n");
    for (int i = 0; i < NN_PARAM_COUNT; i++) {
        // [ch08_check]
        double analytic = nn_param(&g, i);
        double measured = slope_by_difference(p, data, i);
        double error = relative_error(analytic, measured);
        // [ch08_check]
        report_require_finite(&program, analytic, "a derived slope");
        report_require_finite(&program, measured, "a measured slope");
        int agrees = error <= GRADIENT_CHECK_TOLERANCE;
        failed += !agrees;
        if (options->quiet)
            continue;
        if (options->csv) {
            printf("%s,%s,%.17g,%.17g,%.17g\n", label, nn_param_name(i), analytic, measured,
                   error);
            continue;
        }
        printf("  %-9s", nn_param_name(i));
        report_number(nn_param(p, i), 10);
        report_number(analytic, 13);
        report_number(measured, 19);
        printf("  %14.2e  %s\n", error, agrees ? "ok" : "WRONG");
    }
    return failed;
}

int main(int argc, char **argv)
{
    cli_options options = cli_parse_or_exit(&program, argc, argv);
    data_set storage;
    nn_data data = report_samples(&options, &storage);
    int text = !options.csv && !options.quiet;

    if (options.csv)
        printf("point,parameter,analytic,finite_difference,relative_error\n");
    if (text) {
        report_title("Chapter 8: checking the gradient");
        printf("The slopes of chapters 6 and 7 came from the chain rule. They can also be\n"
               "measured: move one parameter by a small h each way and divide the change\n"
               "in the SSR by 2h,\n"
               "  (SSR(parameter + h) - SSR(parameter - h)) / 2h,  h = 1e-5 x max(1, |parameter|)\n"
               "which is off by about h squared, around 1e-10 here. A slope counts as right\n"
               "when the relative error |analytic - measured| / max(|analytic|, |measured|)\n"
               "is at most %g. (The denominator is never taken below 1e-8, so that two\n"
               "slopes that are both practically 0 are not called different.)\n\n"
               "At the article's point (b3 = 0):\n", GRADIENT_CHECK_TOLERANCE);
    }
    int failed = 0, checked = 0;
    // [ch08_article]
    nn_params p = nn_article_params();
    failed += check_point(&options, "article", &p, gradient(&p, data), data);
    // [ch08_article]
    checked += NN_PARAM_COUNT;

    if (text)
        printf("\nAt %d random points, every parameter drawn from a standard normal "
               "(--seed %ld):\n", RANDOM_POINTS, options.seed);
    random_state rng = random_seed((uint64_t)options.seed);
    for (int k = 1; k <= RANDOM_POINTS; k++) {
        // [ch08_random]
        nn_params q;
        for (int i = 0; i < NN_PARAM_COUNT; i++)
            *nn_param_at(&q, i) = random_normal(&rng);
        // [ch08_random]
        char label[32];
        snprintf(label, sizeof label, "random%d", k);
        if (text)
            printf("%sPoint %d:\n", k > 1 ? "\n" : "", k);
        failed += check_point(&options, label, &q, gradient(&q, data), data);
        checked += NN_PARAM_COUNT;
    }

    if (text)
        printf("\n%d of %d slopes agree with their measurement.\n\n"
               "Now a planted mistake: dSSR/dw1 computed as the sum of\n"
               "-2 (observed - predicted) x w3 x sigmoid(z1), the last link dz1/dw1 = x\n"
               "forgotten. At the article's point again:\n", checked - failed, checked);
    nn_gradient wrong = gradient_with_planted_mistake(&p, data);
    int caught = check_point(&options, "mistake", &p, wrong, data);
    if (text && caught > 0)
        printf("\nThe table points at w1, and its wrong slope equals dSSR/db1: without the\n"
               "factor x, the chain to w1 is the chain to b1. Had every input been 1, the\n"
               "two would agree and no point could tell them apart: a check is only as\n"
               "good as the samples it runs on.\n");
    else if (text)
        printf("\nOn these samples the mistake goes unnoticed, as it must when every input\n"
               "x is 1: leaving out a factor 1 changes nothing. A check is only as good as\n"
               "the samples it runs on.\n");
    if (options.quiet)
        printf("%d of %d slopes agree within %g; the planted mistake is %s (%d slope%s flagged)\n",
               checked - failed, checked, GRADIENT_CHECK_TOLERANCE,
               caught ? "caught" : "NOT caught", caught, caught == 1 ? "" : "s");
    data_free(&storage);
    if (failed > 0) {
        fprintf(stderr, "%s: %d derived slope%s disagree with the finite difference\n",
                program.name, failed, failed == 1 ? "" : "s");
        return EXIT_DIVERGED;
    }
    return 0;
}
