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
 * fail and does not count. The allowance covers both errors of a measured
 * slope, rounding and truncation, so a right slope never fails.
 */
#include <math.h>
#include <stdio.h>

#include "chapter.h"
#include "nn.h"
#include "random.h"

static const cli_program program = {
    .name = "chapter8",
    .summary = "Chapter 8: the analytic gradient checked against finite differences.\n\n"
               "Each slope is measured as (SSR(p + h) - SSR(p - h)) / 2h for its parameter p,\n"
               "with h = 1e-5 * max(1, |p|).\n"
               "A derived slope passes when it is within a relative error of 1e-6 of the\n"
               "measured one, or within the allowance: how far the measurement itself can be\n"
               "off. That is its rounding, 10 * 2.2e-16 * S / h with S the sum over the\n"
               "samples of (|observed| + |top| + |bottom| + |b3|)^2, plus its truncation, the\n"
               "difference between the slopes measured with h and with 2h. So a right slope\n"
               "passes on any samples. Exit status 1 when a slope of code/nn.c fails.",
    .options = CLI_DATA | CLI_SEED | CLI_CSV | CLI_QUIET,
};

/** How many random points are checked besides the article's. */
#define RANDOM_POINTS 3

/* One derived slope against its measurement. */
typedef struct slope_check {
    double analytic; /* from the backward pass */
    double measured; /* from the central difference */
    double error;    /* their relative error */
    int agrees;      /* within the tolerance, or within the allowance */
} slope_check;

// [ch08_check]
/* The check for parameter i: measure the slope with a central difference and
   compare it with the derived one, allowing for what the measurement itself
   can be off: its rounding and its truncation. */
static slope_check check_slope(const nn_params *p, nn_data data, nn_gradient g, int i)
{
    slope_check c;
    c.analytic = g.value[i];
    c.measured = slope_by_difference(p, data, i);
    c.error = relative_error(c.analytic, c.measured);
    c.agrees = slopes_agree(c.analytic, c.measured, difference_allowance(p, data, i));
    return c;
}
// [ch08_check]

// [ch08_mistake]
/* The planted mistake: dSSR/dw1 with its last link, dz1/dw1 = x, forgotten. */
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

/* The table's header and one row: parameter, value, the two slopes, their
   relative error, and the verdict. */
static void print_header(void)
{
    printf("  parameter      value     analytic  finite difference  relative error\n");
}

static void print_row(const nn_params *p, int i, const slope_check *c)
{
    /* Each width is its column's in print_header(). */
    enum { PARAMETER = 9, VALUE = 10, ANALYTIC = 13, MEASURED = 19, ERROR = 14 };
    printf("  %-*s", PARAMETER, param_name(i));
    report_number(p->value[i], VALUE);
    report_number(c->analytic, ANALYTIC);
    report_number(c->measured, MEASURED);
    printf("  %*.2e  %s\n", ERROR, c->error, c->agrees ? "ok" : "WRONG");
}

/* Compares all seven slopes of `g` at `p` with measured ones and returns how
   many disagree. Prints their CSV rows, or as text the whole table; with
   `summary`, one line instead, unless a slope disagrees. */
static int check_point(const chapter_run *run, const char *label, const nn_params *p,
                       nn_gradient g, int summary)
{
    const cli_options *o = &run->options;
    slope_check checks[NN_PARAM_COUNT];
    int failed = 0;
    double worst = 0.0;
    for (int i = 0; i < NN_PARAM_COUNT; i++) {
        slope_check c = check_slope(p, run->data, g, i);
        chapter_require_finite(run, c.analytic, "a derived slope", CAUSE_NUMBERS);
        chapter_require_finite(run, c.measured, "a measured slope", CAUSE_NUMBERS);
        failed += !c.agrees;
        worst = fmax(worst, c.error);
        checks[i] = c;
        if (o->csv)
            printf("%s,%s,%.17g,%.17g,%.17g\n", label, param_name(i), c.analytic,
                   c.measured, c.error);
    }
    if (o->csv || o->quiet)
        return failed;
    if (summary && failed == 0) {
        printf(" all 7 slopes agree; the largest relative error is %.2e\n", worst);
        return failed;
    }
    if (summary)
        printf(" %d of 7 slopes disagree:\n", failed);
    print_header();
    for (int i = 0; i < NN_PARAM_COUNT; i++)
        print_row(p, i, &checks[i]);
    return failed;
}

static void print_introduction(void)
{
    printf("Chapter 8: checking the gradient\n"
           "================================\n\n"
           "Beside the article: past its end. The article's slope, and the slopes of\n"
           "chapters 6 and 7, came from the chain rule; here they are checked without it.\n\n");
    printf("The idea: a slope can also be measured, with no calculus at all. Move one\n"
           "parameter a little each way and see how much the SSR changes. Where the chain\n"
           "rule was written into the code correctly, the derived slope and the measured\n"
           "one agree to many digits; where a link of a chain was left out, they part,\n"
           "and the check names the parameter. To show that it does, the chapter ends by\n"
           "planting such a mistake: dSSR/dw1 with its last link, dz1/dw1 = x, left out.\n\n"
           "How it measures, with h = 1e-5 * max(1, |parameter|):\n"
           "  (SSR(parameter + h) - SSR(parameter - h)) / 2h.\n"
           "That is never exact: the SSR is not a parabola across 2h (the truncation\n"
           "error, about h^2 / 6 times its third derivative), and every SSR is rounded.\n"
           "So a derived slope passes when its relative error against the measured one,\n"
           "|analytic - measured| / max(|analytic|, |measured|, 1e-8), is at most %g,\n"
           "or when the two are no further apart than an allowance for both errors:\n"
           "  rounding    10 * 2.2e-16 * S / h, S the sum over the samples of\n"
           "              (|observed| + |top| + |bottom| + |b3|)^2;\n"
           "  truncation  |slope measured with h - slope measured with 2h|, three\n"
           "              times the truncation error of the first.\n"
           "A right slope is then never failed, on any samples; a wrong one is failed\n"
           "when it is further off than the measurement can be.\n\n"
           "At the article's point (b3 = 0):\n", GRADIENT_CHECK_TOLERANCE);
}

int main(int argc, char **argv)
{
    chapter_run run = chapter_open(&program, argc, argv);
    const cli_options *o = &run.options;
    int text = !o->csv && !o->quiet;

    if (o->csv)
        printf("point,parameter,analytic,finite_difference,relative_error\n");
    if (text)
        print_introduction();
    int failed = 0, checked = 0;
    // [ch08_article]
    nn_params p = article_params();
    failed += check_point(&run, "article", &p, gradient(&p, run.data), 0);
    // [ch08_article]
    checked += NN_PARAM_COUNT;

    if (text)
        printf("\nAt %d random points, every parameter drawn from a standard normal\n"
               "(--seed %ld):\n", RANDOM_POINTS, o->seed);
    random_state rng = random_seed((uint64_t)o->seed);
    for (int k = 1; k <= RANDOM_POINTS; k++) {
        // [ch08_random]
        nn_params q;
        for (int i = 0; i < NN_PARAM_COUNT; i++)
            q.value[i] = random_normal(&rng);
        // [ch08_random]
        char label[32];
        snprintf(label, sizeof label, "random%d", k);
        if (text)
            printf("  point %d:", k);
        failed += check_point(&run, label, &q, gradient(&q, run.data), 1);
        checked += NN_PARAM_COUNT;
    }

    if (text)
        printf("\n%d of %d slopes agree with their measurement.\n\n"
               "Now a planted mistake: dSSR/dw1 computed as the sum of\n"
               "-2 * (observed - predicted) * w3 * sigmoid(z1), the last link dz1/dw1 = x\n"
               "forgotten. At the article's point again:\n", checked - failed, checked);
    nn_gradient wrong = gradient_with_planted_mistake(&p, run.data);
    int caught = check_point(&run, "mistake", &p, wrong, 0);
    if (text && caught > 0)
        printf("\nThe table points at w1, and its wrong slope equals dSSR/db1: without the\n"
               "factor x, the chain to w1 is the chain to b1. Had every input been 1, the\n"
               "two would agree and no point could tell them apart: a check is only as\n"
               "good as the samples it runs on.\n");
    else if (text)
        printf("\nOn these samples the mistake goes unnoticed: the wrong slope is within\n"
               "the check's reach of the measured one. Where every input x is 1, leaving\n"
               "out a factor 1 changes nothing; where the measurement's allowance is as\n"
               "large as the mistake (rounding on very large samples, or an SSR that bends\n"
               "sharply within 2h), the difference hides in it. A check is only as good as\n"
               "the samples it runs on.\n");
    if (o->quiet)
        printf("%d of %d slopes agree; the planted mistake is %s (%d slope%s flagged)\n",
               checked - failed, checked, caught ? "caught" : "NOT caught", caught,
               caught == 1 ? "" : "s");
    if (failed > 0) {
        fprintf(stderr, "%s: %d derived slope%s with the finite difference\n", program.name,
                failed, failed == 1 ? " disagrees" : "s disagree");
        return chapter_close(&run, EXIT_DIVERGED);
    }
    return chapter_close(&run, 0);
}
