/**
 * @file chapter.c
 * @brief The opening, the closing and the overflow messages of every chapter.
 */
#include "chapter.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "verify.h"

chapter_run chapter_open(const cli_program *program, int argc, char **argv,
                         chapter_csv_writer csv)
{
    chapter_run run;
    run.program = program;
    run.options = cli_parse_or_exit(program, argc, argv);
    run.data = report_samples(&run.options, &run.storage);
    run.start = nn_article_params();
    run.start.b3 = run.options.b3;
    /* Nothing is said, not even as CSV, over a function that is wrong. */
    verify_chapters(&run, (int)strtol(program->name + strcspn(program->name, "0123456789"),
                                      NULL, 10));
    if (run.options.csv && csv != NULL) {
        csv(program, &run.start, run.data);
        exit(chapter_close(&run, 0));
    }
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
    return report_is_article(&run->options) && fabs(run->options.rate - 0.1) < 1e-12;
}

/* The end of an overflow message: what to change. Too large a start is
   --b3's fault only when --b3 was given and the samples are fine without it. */
static const char *blame(const chapter_run *run, chapter_cause cause)
{
    if (cause == CAUSE_RATE)
        return report_cause_text(REPORT_CAUSE_RATE);
    if (!(run->options.given & CLI_B3))
        return report_cause_text(REPORT_CAUSE_DATA);
    return report_cause_text(report_cause_of(&run->start, run->data));
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

int chapter_diverged(const chapter_run *run, descent_result result, const char *unit)
{
    fprintf(stderr, "%s: diverged after %ld %s%s: ", run->program->name, result.slopes, unit,
            chapter_plural(result.slopes));
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
