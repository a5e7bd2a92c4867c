/**
 * @file ssr.c
 * @brief Chapter 2: one number for how bad the fit is, and how it moves with b3.
 *
 * Squaring each residual makes every miss count as a cost, whatever its sign;
 * summing the squares gives the SSR. Moving b3 and watching the SSR traces a
 * bowl, and the b3 we want sits at its bottom.
 */
#include <math.h>
#include <stdio.h>

#include "cli.h"
#include "nn.h"
#include "plot.h"
#include "report.h"
#include "series.h"

static const cli_program program = {
    "chapter2", "Chapter 2: the sum of squared residuals (SSR), and how it changes with b3.",
    CLI_DATA | CLI_B3 | CLI_CSV | CLI_PLOT,
};

/* Prints the squared residual of every sample. */
static void print_squares(const nn_params *p, nn_data data)
{
    printf("       x  observed  predicted  residual  residual^2\n");
    size_t shown = data.count < REPORT_ROWS ? data.count : REPORT_ROWS;
    for (size_t i = 0; i < shown; i++) {
        double predicted = forward(p, data.input[i]).predicted;
        double r = residual(data.observed[i], predicted);
        report_require_finite(&program, r * r, "a squared residual");
        report_number(data.input[i], 8);
        report_number(data.observed[i], 10);
        report_number(predicted, 11);
        report_number(r, 10);
        report_number_line(r * r, 12);
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
        series_ssr(&program, &p, data);
        data_free(&storage);
        return 0;
    }

    report_title("Chapter 2: the sum of squared residuals");
    printf("Squaring a residual makes a miss above and a miss below cost the same,\n"
           "and big misses cost more than small ones. Their sum is the SSR:\n"
           "  SSR = sum over samples of (observed - predicted)^2\n\n"
           "At b3 = ");
    report_number_line(p.b3, 0);
    print_squares(&p, data);

    // [ch02_ssr]
    double total = ssr(&p, data);
    // [ch02_ssr]
    report_require_finite(&program, total, "the SSR");
    printf("\n  SSR = ");
    report_number_line(total, 0);
    if (report_is_article(&options))
        printf("  (the article rounds it to 20.4)\n");

    /* A table of b3 around both the start and the bottom of the bowl. */
    double bottom = optimal_b3(&p, data);
    report_require_finite(&program, bottom, "the bottom of the bowl");
    double low = floor(fmin(p.b3, bottom)) - 1.0;
    double high = ceil(fmax(p.b3, bottom)) + 2.0;
    double spacing = (high - low) / 12.0;

    printf("\nNow move b3 and keep everything else fixed. The SSR as b3 moves:\n\n"
           "        b3         SSR\n");
    // [ch02_bowl]
    double best_b3 = low, best_ssr = INFINITY;
    for (int k = 0; k <= 12; k++) {
        p.b3 = low + spacing * k;
        double value = ssr(&p, data);
        report_require_finite(&program, value, "the SSR");
        report_number(p.b3, 10);
        report_number_line(value, 12);
        if (value < best_ssr) {
            best_ssr = value;
            best_b3 = p.b3;
        }
    }
    // [ch02_bowl]
    printf("\nThe SSR falls, then rises again: as a function of b3 it is a bowl\n"
           "(a parabola, since predicted grows one for one with b3). The lowest\n"
           "value in this table is at b3 = ");
    report_number(best_b3, 0);
    printf(", so the bottom lies within ");
    report_number(spacing, 0);
    printf(" of it.\nChapter 3 finds the slope of the bowl, which points the way down.\n");
    if (options.plot) {
        plot_chart chart;
        if (plot_bowl(&chart, &p, data, low, high) != 0)
            report_require_finite(&program, NAN, "the SSR");
        printf("\nThe same bowl drawn as a chart:\n\n");
        plot_print(&chart, stdout);
    }
    data_free(&storage);
    return 0;
}
