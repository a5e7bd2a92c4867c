/* The rows, CSV and closing lines of chapters 6 and 7. */
#include "progress.h"

#include <stdio.h>
#include <string.h>

#include "chapter.h"

/* After its first rows the table shows every EVERY-th step, and the last. */
#define EVERY 50

/* The widths of the table's columns: the step number, each parameter, the SSR and each slope. */
typedef struct columns {
    int step, param, ssr;
} columns;
static const columns usual = {.step = 6, .param = 9, .ssr = 11};

/* The usual widths, the step column wider if --max-steps needs it; a row that would then
   pass REPORT_COLUMNS gives every number an equal share of the room, the SSR and slopes
   what is left. */
static columns fit_columns(const progress_printer *printer)
{
    int params = NN_PARAM_COUNT - (int)printer->first;
    int wide = 1 + (printer->show_slopes ? params : 0); /* the SSR and the slopes */
    int digits = snprintf(NULL, 0, "%ld", printer->options->max_steps);
    columns c = usual;
    c.step = digits > c.step ? digits : c.step;
    int room = REPORT_COLUMNS - c.step;
    if (params * c.param + wide * c.ssr > room) {
        c.param = room / (params + wide);
        c.ssr = (room - params * c.param) / wide;
    }
    return c;
}

static void print_header(const progress_printer *printer, columns c)
{
    printf("%*s", c.step, "step");
    for (int i = printer->first; i < NN_PARAM_COUNT; i++)
        printf("%*s", c.param, param_name(i));
    printf("%*s", c.ssr, "SSR");
    for (int i = printer->first; printer->show_slopes && i < NN_PARAM_COUNT; i++)
        printf("%*s%s", c.ssr - (int)strlen(param_name(i)), "dSSR/d", param_name(i));
    printf("\n");
}

/* Whether the table shows this step, if it is not the last. */
static int shown(const progress_printer *printer, long step)
{
    return step <= printer->first_rows || step % EVERY == 0;
}

void progress_row(const nn_step *row, void *context)
{
    const progress_printer *printer = context;
    const cli_options *options = printer->options;
    if (options->quiet)
        return;
    if (options->csv) {
        if (row->step == 1)
            printf("step,w1,b1,w2,b2,w3,w4,b3,ssr\n");
        printf("%ld", row->step);
        for (int i = 0; i < NN_PARAM_COUNT; i++)
            printf(",%.17g", row->params.value[i]);
        printf(",%.17g\n", row->ssr);
        return;
    }
    int converged = steps_below_tolerance(&row->step_size, options->tolerance);
    if (!shown(printer, row->step) && !converged && row->step < options->max_steps)
        return;
    columns c = fit_columns(printer);
    if (row->step == 1)
        print_header(printer, c);
    else if (!shown(printer, row->step - 1))
        printf("   ...\n");
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

void progress_params(const nn_params *p, nn_param_index first, const char *indent)
{
    for (int i = first; i < NN_PARAM_COUNT; i++) {
        if (i > (int)first)
            printf(i == NN_W3 ? ",\n%s" : ", ", indent);
        printf("%s = ", param_name(i));
        report_number(p->value[i], 0);
    }
}

void progress_result(const cli_options *options, const nn_params *p, nn_param_index first,
                     double start_ssr, double final_ssr, nn_result result)
{
    /* Lines are indented as text, not under --quiet. */
    const char *indent = options->quiet ? "" : "  ";
    progress_params(p, first, indent);
    char why[64];
    if (result.end == NN_CONVERGED && result.updates == 0)
        snprintf(why, sizeof why, "the first steps were all below %g", options->tolerance);
    else if (result.end == NN_CONVERGED)
        snprintf(why, sizeof why, "every |step size| < %g", options->tolerance);
    else
        snprintf(why, sizeof why, "stopped at the limit of %ld step%s", options->max_steps,
                 options->max_steps == 1 ? "" : "s");
    report_text("\n%sSSR = %.6g after %ld update%s (%s)\n", indent, final_ssr, result.updates,
                result.updates == 1 ? "" : "s", why);
    if (!options->quiet && final_ssr > start_ssr)
        printf("  The SSR grew from %.6g to %.6g:\n"
               "  each update overshoots the bottom of the bowl by more than it gains,\n"
               "  so the loop climbs. Try a smaller --rate.\n",
               start_ssr, final_ssr);
}
