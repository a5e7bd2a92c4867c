/**
 * @file descent.c
 * @brief Chapter 5: repeat the step until it is tiny, and compare with the exact bottom.
 *
 * Each pass computes the slope where b3 now is, turns it into a step size and
 * subtracts it. Near the bottom of the bowl the slope flattens, the steps
 * shrink, and once a step is smaller than the tolerance the loop stops.
 */
#include <math.h>
#include <stdio.h>

#include "cli.h"
#include "nn.h"
#include "plot.h"
#include "report.h"
#include "series.h"

static const cli_program program = {
    "chapter5", "Chapter 5: gradient descent on b3 until the step size is tiny.",
    CLI_DATA | CLI_B3 | CLI_RATE | CLI_TOLERANCE | CLI_MAX_STEPS | CLI_CSV | CLI_QUIET | CLI_PLOT,
};

/* How each row of the loop is shown; handed to descend_b3() as its observer. */
typedef struct row_printer {
    const cli_options *options;
    plot_chart *chart; /* marks each row under --plot, else NULL */
} row_printer;

static void print_row(const descent_row *row, void *context)
{
    const row_printer *printer = context;
    if (printer->chart != NULL)
        plot_mark(printer->chart, row->b3, row->ssr, (char)(row->step <= 9 ? '0' + row->step : '+'));
    if (printer->options->quiet)
        return;
    if (printer->options->csv) {
        printf("%ld,%.17g,%.17g,%.17g,%.17g\n", row->step, row->b3, row->ssr,
               row->dssr_db3, row->step_size);
        return;
    }
    printf("%6ld", row->step);
    report_number(row->b3, 12);
    report_number(row->ssr, 12);
    report_number(row->dssr_db3, 12);
    report_number(row->step_size, 12);
    printf(fabs(row->step_size) < printer->options->tolerance ? "   below the tolerance: stop\n"
                                                              : "\n");
}

static void print_introduction(const cli_options *options)
{
    report_title("Chapter 5: gradient descent until the step is tiny");
    printf("Start at b3 = ");
    report_number(options->b3, 0);
    printf(" with learning rate %g. Each row computes the slope where b3 is,\n"
           "the step size = slope x rate, and then b3 - step size becomes the next b3.\n"
           "The loop stops when |step size| < %g, or after %ld slopes.\n\n",
           options->rate, options->tolerance, options->max_steps);
    printf("  step          b3         SSR    dSSR/db3   step size\n");
}

/* The closing sentences: where b3 ended, and how that compares. */
static void print_result(const cli_options *options, const nn_params *p, nn_data data,
                         descent_result result)
{
    printf("%sb3 = ", options->quiet ? "" : "\n");
    report_number(p->b3, 0);
    printf(" after %ld update%s, SSR = ", result.updates, result.updates == 1 ? "" : "s");
    report_number(ssr(p, data), 0);
    if (result.end == DESCENT_CONVERGED)
        printf(" (converged: the last step size was below %g)\n", options->tolerance);
    else
        printf(" (stopped at the limit of %ld slopes before the steps fell below %g)\n",
               options->max_steps, options->tolerance);
    if (options->quiet)
        return;

    double exact = optimal_b3(p, data);
    printf("\nThe SSR is a parabola in b3, so its bottom can also be found exactly: the\n"
           "slope -2 x (sum of residuals) is zero where b3 equals the mean residual\n"
           "at b3 = 0. That exact bottom is b3 = ");
    report_number(exact, 0);
    printf("; descent stopped %.2g away,\nwhich is what a tolerance of %g on the step "
           "size allows.\n", fabs(exact - p->b3), options->tolerance);
    if (report_is_article(options) && options->rate == 0.1)
        printf("\nThe article reports b3 = 2.21 at the end. It had added each step instead of\n"
               "subtracting it (-1.57, then -2.196), walking away from the bottom; the value\n"
               "the loop really reaches is 2.61, as here.\n");
}

/* The bowl from the starting b3 to past its bottom, ready for the steps' marks. */
static void start_chart(plot_chart *chart, const nn_params *p, nn_data data)
{
    double low, high, bottom = optimal_b3(p, data);
    report_require_finite(&program, bottom, "the bottom of the bowl");
    series_range(&p->b3, 1, bottom, &low, &high);
    if (plot_bowl(chart, p, data, low, high) != 0)
        report_require_finite(&program, NAN, "the SSR");
}

static void print_chart(const plot_chart *chart)
{
    printf("\nThe descent on the SSR bowl: digit k marks where step k computed its\n"
           "slope, + the steps after the ninth; where steps share a place, the first shows.\n\n");
    plot_print(chart, stdout);
    if (chart->outside > 0)
        printf("%ld step%s landed outside the chart.\n", chart->outside,
               chart->outside == 1 ? "" : "s");
}

int main(int argc, char **argv)
{
    cli_options options = cli_parse_or_exit(&program, argc, argv);
    if (options.plot && options.csv) {
        fprintf(stderr, "%s: --plot and --csv cannot be used together\n", program.name);
        return EXIT_BAD_INPUT;
    }
    data_set storage;
    nn_data data = report_samples(&options, &storage);
    nn_params p = nn_article_params();
    p.b3 = options.b3;

    plot_chart chart = {0};
    if (options.plot)
        start_chart(&chart, &p, data);
    if (options.csv)
        printf("step,b3,ssr,dssr_db3,step_size\n");
    else if (!options.quiet)
        print_introduction(&options);

    // [ch05_loop]
    descent_settings settings = {options.rate, options.tolerance, options.max_steps};
    row_printer printer = {&options, options.plot ? &chart : NULL};
    descent_result result = descend_b3(&p, data, settings, print_row, &printer);
    // [ch05_loop]

    int status = 0;
    if (result.end == DESCENT_DIVERGED) {
        fprintf(stderr, "%s: diverged after %ld slope%s: the SSR or the step is no longer a finite "
                "number; try a --rate smaller than %g\n", program.name, result.slopes,
                result.slopes == 1 ? "" : "s", options.rate);
        status = EXIT_DIVERGED;
    } else if (!options.csv) {
        print_result(&options, &p, data, result);
        if (options.plot)
            print_chart(&chart);
    }
    data_free(&storage);
    return status;
}
