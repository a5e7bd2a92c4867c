/**
 * @file chain_rule.c
 * @brief Chapter 3: the slope of the SSR with respect to b3, link by link.
 *
 * b3 reaches the SSR only through the predictions, so its slope is a chain:
 * how the SSR moves with each prediction, times how each prediction moves
 * with b3, summed over the samples.
 */
#include <math.h>
#include <stdio.h>

#include "chapter.h"
#include "nn.h"

static const cli_program program = {
    .name = "chapter3",
    .summary = "Chapter 3: dSSR/db3 by the chain rule, checked by a finite difference.",
    .options = CLI_DATA | CLI_B3 | CLI_CSV,
};

/* Both links of the chain for one sample. */
typedef struct chain {
    double predicted; /* where the sample's prediction is */
    double outer;     /* dSSR/dpredicted = -2 * (observed - predicted) */
    double inner;     /* dpredicted/db3 = 1 */
} chain;

// [ch03_chain]
/* The article's chain rule, for sample i's share of the slope: its product
   is dSSR/dpredicted * dpredicted/db3. */
static chain slope_by_chain_rule(const nn_params *p, nn_data data, size_t i)
{
    chain c;
    c.predicted = forward(p, data.input[i]).predicted;
    c.outer = dssr_dpredicted(data.observed[i], c.predicted);
    c.inner = dpredicted_db3();
    return c;
}
// [ch03_chain]

// [ch03_check]
/* The same slope measured instead of derived: how much the SSR changes when
   b3 moves a little each way, (SSR(b3 + h) - SSR(b3 - h)) / 2h. */
static double slope_by_measuring(const nn_params *p, nn_data data, double h)
{
    nn_params right = *p, left = *p;
    right.b3 += h;
    left.b3 -= h;
    return (ssr(&right, data) - ssr(&left, data)) / (2.0 * h);
}
// [ch03_check]

/* The table's columns: each as wide as its heading, with the space before it. */
enum { X_COLUMN = 8, PREDICTED_COLUMN = 11, OUTER_COLUMN = 17, INNER_COLUMN = 16,
       PRODUCT_COLUMN = 11 };

/* A row of the table: both links of the chain for one sample. */
static void print_links(const chapter_run *run, const nn_params *p, size_t i)
{
    chain c = slope_by_chain_rule(p, run->data, i);
    chapter_require_finite(run, c.outer, "dSSR/dpredicted", CAUSE_NUMBERS);
    report_number(run->data.input[i], X_COLUMN);
    report_number(c.predicted, PREDICTED_COLUMN);
    report_number(c.outer, OUTER_COLUMN);
    report_number(c.inner, INNER_COLUMN);
    report_number_line(c.outer * c.inner, PRODUCT_COLUMN);
}

/* Rows of the CSV: chapter 2's bowl, four per row of its table. */
#define CSV_INTERVALS 48

/* --csv, for the guide's picture, across chapter 2's range of b3: the SSR,
   its slope, and the tangent touching the bowl at the starting b0,
   SSR(b0) + slope(b0) * (b3 - b0). Every row is computed and checked before
   the first is printed, so the CSV is whole or not written; %.17g reads
   back as the same double. */
static void write_csv(const chapter_run *run)
{
    const nn_params *p = &run->start;
    chapter_bowl bowl = chapter_bowl_of(run, &p->b3, 1);
    double touch_ssr = ssr(p, run->data), touch_slope = dssr_db3(p, run->data);
    double row[CSV_INTERVALS + 1][4];
    nn_params q = *p;
    for (int k = 0; k <= CSV_INTERVALS; k++) {
        q.b3 = bowl.low + (bowl.high - bowl.low) * k / CSV_INTERVALS;
        row[k][0] = q.b3;
        row[k][1] = ssr(&q, run->data);
        row[k][2] = dssr_db3(&q, run->data);
        row[k][3] = touch_ssr + touch_slope * (q.b3 - p->b3);
        for (int c = 0; c < 4; c++)
            chapter_require_finite(run, row[k][c], "a value of the bowl", CAUSE_NUMBERS);
    }
    printf("b3,ssr,dssr_db3,tangent\n");
    for (int k = 0; k <= CSV_INTERVALS; k++)
        printf("%.17g,%.17g,%.17g,%.17g\n", row[k][0], row[k][1], row[k][2], row[k][3]);
}

int main(int argc, char **argv)
{
    chapter_run run = chapter_open(&program, argc, argv);
    if (run.options.csv) {
        write_csv(&run);
        return chapter_close(&run, 0);
    }
    nn_params p = run.start;

    for (size_t i = 0; i < run.data.count; i++)
        chapter_require_finite(&run, slope_by_chain_rule(&p, run.data, i).outer,
                               "dSSR/dpredicted", CAUSE_NUMBERS);
    double slope = dssr_db3(&p, run.data);
    chapter_require_finite(&run, slope, "dSSR/db3", CAUSE_NUMBERS);

    printf("Chapter 3: the chain rule\n"
           "=========================\n\n"
           "Beside the article: \"Use of Chain Rule\", up to \"Finaly dssr/db3\".\n\n");
    printf("b3 changes the SSR only by changing each prediction, so\n"
           "  dSSR/db3 = sum over samples of dSSR/dpredicted * dpredicted/db3\n"
           "where\n"
           "  dSSR/dpredicted = -2 * (observed - predicted),\n"
           "                    the derivative of (observed - predicted)^2, and\n"
           "  dpredicted/db3  = 1, since predicted = top + bottom + b3.\n\n");
    printf("At b3 = ");
    report_number_line(p.b3, 0);
    printf("       x  predicted  dSSR/dpredicted  dpredicted/db3    product\n");
    for (size_t i = 0; i < run.rows_shown; i++)
        print_links(&run, &p, i);
    chapter_rows_left_out(&run);
    printf("\n  dSSR/db3 = sum of the products = ");
    report_number_line(slope, 0);
    if (run.article)
        printf("  (the article rounds it to -15.7)\n");

    double h = 1e-5 * fmax(1.0, fabs(p.b3));
    double measured = slope_by_measuring(&p, run.data, h);
    chapter_require_finite(&run, measured, "the measured slope", CAUSE_NUMBERS);
    printf("\nCheck: measure the slope directly,\n"
           "  (SSR(b3 + h) - SSR(b3 - h)) / 2h with h = %g:\n  ", h);
    report_number(measured, 0);
    printf(", which differs from the chain rule's by %.1e.\n", fabs(measured - slope));

    if (slope < 0)
        printf("\nThe slope is negative: raising b3 lowers the SSR; the bottom is to the right.\n");
    else if (slope > 0)
        printf("\nThe slope is positive: lowering b3 lowers the SSR; the bottom is to the left.\n");
    else
        printf("\nThe slope is zero: b3 already sits at the bottom of the bowl.\n");
    if (run.article)
        printf("\nWhere the article slips: it writes dssr/dpredicted = (Observed - Predicted)^2,\n"
               "but that is one sample's term of the SSR, not its derivative. Its next lines\n"
               "differentiate it correctly, to -2 * (observed - predicted), as used here.\n");
    printf("Chapter 4 uses the slope to take one step.\n");
    return chapter_close(&run, 0);
}
