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

#include "cli.h"
#include "nn.h"
#include "report.h"
#include "series.h"

static const cli_program program = {
    "chapter3", "Chapter 3: dSSR/db3 by the chain rule, checked by a finite difference.",
    CLI_DATA | CLI_B3 | CLI_CSV,
};

/* Prints both links of the chain for every sample shown. */
static void print_links(const nn_params *p, nn_data data)
{
    printf("       x  observed  predicted   dSSR/dpredicted  dpredicted/db3   product\n");
    size_t shown = data.count < REPORT_ROWS ? data.count : REPORT_ROWS;
    for (size_t i = 0; i < shown; i++) {
        // [ch03_links]
        double predicted = forward(p, data.input[i]).predicted;
        double outer = dssr_dpredicted(data.observed[i], predicted);
        double inner = dpredicted_db3();
        // [ch03_links]
        report_require_finite(&program, outer, "dSSR/dpredicted");
        report_number(data.input[i], 8);
        report_number(data.observed[i], 10);
        report_number(predicted, 11);
        report_number(outer, 18);
        report_number(inner, 16);
        report_number_line(outer * inner, 10);
    }
    report_rows_left_out(shown, data.count);
}

int main(int argc, char **argv)
{
    cli_options options = cli_parse_or_exit(&program, argc, argv);
    data_set storage;
    nn_data data = report_samples(&options, &storage);
    nn_params p = nn_article_params();
    p.b3 = options.b3;
    if (options.csv) {
        series_tangent(&program, &p, data);
        data_free(&storage);
        return 0;
    }

    report_title("Chapter 3: the chain rule");
    printf("b3 changes the SSR only by changing each prediction, so\n"
           "  dSSR/db3 = sum over samples of  dSSR/dpredicted  x  dpredicted/db3\n"
           "where\n"
           "  dSSR/dpredicted = -2 (observed - predicted)   the derivative of (observed - predicted)^2\n"
           "  dpredicted/db3  = 1                           since predicted = top + bottom + b3\n\n"
           "At b3 = ");
    report_number_line(p.b3, 0);
    print_links(&p, data);

    // [ch03_slope]
    double slope = dssr_db3(&p, data);
    // [ch03_slope]
    report_require_finite(&program, slope, "dSSR/db3");
    printf("\n  dSSR/db3 = sum of the products = ");
    report_number_line(slope, 0);
    if (report_is_article(&options))
        printf("  (the article rounds it to -15.7)\n");

    /* An independent check: the slope of the bowl measured, not derived. */
    // [ch03_check]
    double h = 1e-5 * fmax(1.0, fabs(p.b3));
    nn_params right = p, left = p;
    right.b3 += h;
    left.b3 -= h;
    double measured = (ssr(&right, data) - ssr(&left, data)) / (2.0 * h);
    // [ch03_check]
    report_require_finite(&program, measured, "the finite difference");
    printf("\nCheck: measure the slope directly, (SSR(b3 + h) - SSR(b3 - h)) / 2h with h = %g:\n"
           "  ", h);
    report_number(measured, 0);
    printf(", which differs from the chain rule's by %.1e.\n", fabs(measured - slope));

    if (slope < 0)
        printf("\nThe slope is negative: raising b3 lowers the SSR; the bottom is to the right.\n");
    else if (slope > 0)
        printf("\nThe slope is positive: lowering b3 lowers the SSR; the bottom is to the left.\n");
    else
        printf("\nThe slope is zero: b3 already sits at the bottom of the bowl.\n");
    if (report_is_article(&options))
        printf("\nWhere the article slips: it writes dssr/dpredicted = (Observed - Predicted)^2,\n"
               "but that is one sample's term of the SSR, not its derivative. Its next lines\n"
               "differentiate it correctly, to -2 (observed - predicted), as used here.\n");
    printf("Chapter 4 uses the slope to take one step.\n");
    data_free(&storage);
    return 0;
}
