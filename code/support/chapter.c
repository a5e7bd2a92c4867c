/* The opening, the closing and the overflow messages of every chapter. */
#include "chapter.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "verify.h"

chapter_run chapter_open(const cli_program *program, int argc, char **argv)
{
    chapter_run run = {.program = program};
    run.options = cli_parse_or_exit(program, argc, argv);
    run.data = report_samples(&run.options, &run.storage);
    run.start = article_params();
    run.start.b3 = run.options.b3;
    /* Nothing is said, not even as CSV, over a function that is wrong. */
    verify_chapters(&run, (int)strtol(program->name + strcspn(program->name, "0123456789"),
                                      NULL, 10));
    return run;
}

int chapter_close(chapter_run *run, int status)
{
    data_free(&run->storage);
    return cli_finish(run->program, status);
}

int chapter_is_article(const chapter_run *run)
{
    /* A tolerance, not ==: where doubles are kept wider (x87), 0.1 typed and
       0.1 parsed need not compare equal. */
    return run->options.data_path == NULL && run->options.b3 == 0.0 &&
           fabs(run->options.rate - 0.1) < 1e-12;
}

/* Too large a start is --b3's fault only if --b3 was given and the
   samples are fine without it. */
static const char *blame(const chapter_run *run, chapter_cause cause)
{
    nn_params at_zero = run->start;
    at_zero.b3 = 0.0;
    if (cause == CAUSE_RATE)
        return "--rate is too large";
    if ((run->options.given & CLI_B3) && isfinite(ssr(&at_zero, run->data)))
        return "--b3 is too large";
    return "the samples are too large";
}

void chapter_require_finite(const chapter_run *run, double value, const char *what,
                            chapter_cause cause)
{
    if (isfinite(value))
        return;
    fprintf(stderr, "%s: %s is not a finite number: %s\n", run->program->name, what,
            blame(run, cause));
    exit(cli_finish(run->program, EXIT_DIVERGED));
}

int chapter_diverged(const chapter_run *run, nn_result result)
{
    fprintf(stderr, "%s: diverged after %ld step%s: ", run->program->name, result.steps,
            chapter_plural(result.steps));
    /* With no step taken, either the start itself overflowed or its first
       step did, which is the rate's doing; after steps, the steps grew past
       the bottom and back, further each time: the rate again. */
    if (result.updates == 0 && !isfinite(ssr(&run->start, run->data)))
        fprintf(stderr, "%s\n", blame(run, CAUSE_NUMBERS));
    else if (result.updates == 0)
        fprintf(stderr, "%s\n", blame(run, CAUSE_RATE));
    else
        fprintf(stderr, "try a --rate smaller than %g\n", run->options.rate);
    return EXIT_DIVERGED;
}

double chapter_bowl_bottom(const nn_params *p, nn_data data)
{
    nn_params at_zero = *p;
    at_zero.b3 = 0.0;
    double sum = 0.0;
    for (size_t i = 0; i < data.count; i++)
        sum += residual(data.observed[i], forward(&at_zero, data.input[i]).predicted);
    return sum / (double)data.count;
}

void chapter_bowl_range(const double *b3, size_t count, double bottom, double *low,
                        double *high)
{
    double least = bottom, most = bottom;
    for (size_t i = 0; i < count; i++) {
        least = fmin(least, b3[i]);
        most = fmax(most, b3[i]);
    }
    *low = floor(least) - 1.0;
    *high = ceil(most) + 2.0;
}

void chapter_plot_bowl(const chapter_run *run, plot_chart *chart, const nn_params *p,
                       double low, double high)
{
    if (plot_bowl(chart, p, run->data, low, high) != 0)
        chapter_require_finite(run, NAN, "the SSR", CAUSE_NUMBERS);
}

size_t chapter_rows_shown(const chapter_run *run)
{
    return run->data.count < REPORT_ROWS ? run->data.count : REPORT_ROWS;
}

void chapter_sample_table(const chapter_run *run, const nn_params *p, const char *header,
                          chapter_row_printer row)
{
    size_t shown = chapter_rows_shown(run);
    printf("%s\n", header);
    for (size_t i = 0; i < shown; i++)
        row(run, p, i);
    report_rows_left_out(shown, run->data.count);
}

const char *chapter_plural(long count)
{
    return count == 1 ? "" : "s";
}
