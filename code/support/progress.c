/* The rows, CSV and closing lines of chapters 6 and 7. */
#include "progress.h"

#include <stdio.h>
#include <string.h>

#include "chapter.h"

/* After its first rows the table shows every EVERY-th step, and the last. */
#define EVERY 50

/* The widths of the table's columns: the step number, six digits as --max-steps allows;
   each parameter; the SSR and each slope. Seven parameters and the SSR fill 80 columns,
   three with their slopes 77. */
enum { STEP_WIDTH = 6, PARAM_WIDTH = 9, SSR_WIDTH = 11 };

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
    if (row->step == 1) {
        printf("%*s", STEP_WIDTH, "step");
        for (int i = printer->first; i < NN_PARAM_COUNT; i++)
            printf("%*s", PARAM_WIDTH, param_name(i));
        printf("%*s", SSR_WIDTH, "SSR");
        for (int i = printer->first; printer->show_slopes && i < NN_PARAM_COUNT; i++)
            printf("%*s%s", SSR_WIDTH - (int)strlen(param_name(i)), "dSSR/d", param_name(i));
        printf("\n");
    } else if (!shown(printer, row->step - 1)) {
        printf("   ...\n");
    }
    printf("%*ld", STEP_WIDTH, row->step);
    for (int i = printer->first; i < NN_PARAM_COUNT; i++)
        report_number(row->params.value[i], PARAM_WIDTH);
    report_number(row->ssr, SSR_WIDTH);
    for (int i = printer->first; printer->show_slopes && i < NN_PARAM_COUNT; i++)
        report_number(row->slope.value[i], SSR_WIDTH);
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
