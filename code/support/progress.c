/* The rows, CSV and closing line of chapters 6 and 7. */
#include "progress.h"

#include <stdio.h>

#include "chapter.h"
#include "report.h"

/* How wide the text table's columns are. */
typedef struct columns {
    int step;  /* the step numbers */
    int param; /* each parameter */
    int ssr;   /* the SSR, and each slope */
} columns;

/* The step column grows with --max-steps; the numbers give up room for it,
   the widest first, so that a row stays within REPORT_COLUMNS (as it does
   for seven parameters, or three and their slopes). */
static columns fit_columns(const progress_printer *printer)
{
    int shown = NN_PARAM_COUNT - (int)printer->first;
    int wide = 1 + (printer->show_slopes ? shown : 0); /* the SSR and the slopes */
    columns c = {6, 9, 11};
    for (long n = printer->options->max_steps; n >= 1000000; n /= 10)
        c.step++;
    /* 7 columns hold any number, as -1e+00 at worst: no narrower. */
    while (c.step + shown * c.param + wide * c.ssr > REPORT_COLUMNS && c.param > 7) {
        if (c.ssr > c.param)
            c.ssr--;
        else
            c.param--;
    }
    return c;
}

void progress_header(progress_printer *printer)
{
    printer->last_shown = 0;
    columns c = fit_columns(printer);
    if (printer->options->quiet)
        return;
    if (printer->options->csv) {
        printf("%s\n", PROGRESS_CSV_HEADER);
        return;
    }
    printf("%*s", c.step, "step");
    for (int i = printer->first; i < NN_PARAM_COUNT; i++)
        printf("%*s", c.param, param_name(i));
    printf("%*s", c.ssr, "SSR");
    for (int i = printer->first; printer->show_slopes && i < NN_PARAM_COUNT; i++) {
        char name[16];
        snprintf(name, sizeof name, "dSSR/d%s", param_name(i));
        printf("%*s", c.ssr, name);
    }
    printf("\n");
}

void progress_row(const nn_step *row, void *context)
{
    progress_printer *printer = context;
    const cli_options *options = printer->options;
    if (options->quiet)
        return;
    if (options->csv) {
        printf("%ld", row->step);
        for (int i = 0; i < NN_PARAM_COUNT; i++)
            printf(",%.17g", row->params.value[i]);
        printf(",%.17g\n", row->ssr);
        return;
    }
    /* The last row is always shown: the loop converged, or reached its limit. */
    int converged = steps_below_tolerance(&row->step_size, options->tolerance);
    int last = converged || row->step >= options->max_steps;
    if (row->step > printer->first_rows && row->step % printer->every != 0 && !last)
        return;
    if (row->step > printer->last_shown + 1)
        printf("   ...\n");
    printer->last_shown = row->step;
    columns c = fit_columns(printer);
    printf("%*ld", c.step, row->step);
    for (int i = printer->first; i < NN_PARAM_COUNT; i++)
        report_number(row->params.value[i], c.param);
    report_number(row->ssr, c.ssr);
    for (int i = printer->first; printer->show_slopes && i < NN_PARAM_COUNT; i++)
        report_number(row->slope.value[i], c.ssr);
    printf("\n");
    if (converged)
        printf("        every |step size| is now below %g: the loop stops here\n",
               options->tolerance);
}

void progress_params(const nn_params *p, nn_param_index first, nn_param_index last)
{
    const char *separator = "";
    for (int i = first; i <= (int)last; i++) {
        printf("%s%s = ", separator, param_name(i));
        report_number(p->value[i], 0);
        separator = ", ";
    }
}

void progress_result(const cli_options *options, const nn_params *p, nn_param_index first,
                     double start_ssr, double final_ssr, nn_result result)
{
    /* Seven parameters make a long line: the hidden layer's go first. Lines
       are indented as text, not under --quiet. */
    const char *indent = options->quiet ? "" : "  ";
    if (first < NN_W3) {
        progress_params(p, first, NN_B2);
        printf(",\n%s", indent);
    }
    progress_params(p, first < NN_W3 ? NN_W3 : first, NN_B3);
    char why[64];
    if (result.end == NN_CONVERGED && result.updates == 0)
        snprintf(why, sizeof why, "the first steps were all below %g", options->tolerance);
    else if (result.end == NN_CONVERGED)
        snprintf(why, sizeof why, "every |step size| < %g", options->tolerance);
    else
        snprintf(why, sizeof why, "stopped at the limit of %ld step%s", options->max_steps,
                 chapter_plural(options->max_steps));
    report_text("\n%sSSR = %.6g after %ld update%s (%s)\n", indent, final_ssr, result.updates,
                chapter_plural(result.updates), why);
    if (!options->quiet && final_ssr > start_ssr)
        printf("  The SSR grew from %.6g to %.6g:\n"
               "  each update overshoots the bottom of the bowl by more than it gains,\n"
               "  so the loop climbs. Try a smaller --rate.\n",
               start_ssr, final_ssr);
}
