/**
 * @file report.c
 * @brief Loading, printing and overflow checks shared by the chapter programs.
 */
#include "report.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

nn_data report_samples(const cli_options *options, data_set *storage)
{
    memset(storage, 0, sizeof *storage);
    if (options->data_path == NULL)
        return nn_article_data();
    char error[256];
    if (data_load(options->data_path, storage, error, sizeof error) != 0) {
        fprintf(stderr, "%s\n", error);
        exit(EXIT_BAD_INPUT);
    }
    return data_view(storage);
}

int report_is_article(const cli_options *options)
{
    return options->data_path == NULL && options->b3 == 0.0;
}

void report_title(const char *title)
{
    size_t length = strlen(title);
    printf("%s\n", title);
    for (size_t i = 0; i < length; i++)
        putchar('=');
    printf("\n\n");
}

void report_beside(const char *where)
{
    printf("Beside the article: %s\n\n", where);
}

void report_number(double v, int width)
{
    /* One space always separates columns. Past a million, fixed notation
       stops being readable; and a number too wide for its column gives up
       digits of its scientific form, down to none, rather than push the
       columns after it out of line. */
    if (width > 0) {
        putchar(' ');
        width--;
    }
    char text[64];
    snprintf(text, sizeof text, "%.4f", v);
    if (!(fabs(v) < 1e6) || (width > 0 && (int)strlen(text) > width))
        for (int digits = 3; digits >= 0; digits--) {
            snprintf(text, sizeof text, "%.*e", digits, v);
            if (width <= 0 || (int)strlen(text) <= width)
                break;
        }
    printf("%*s", width, text);
}

void report_number_line(double v, int width)
{
    report_number(v, width);
    putchar('\n');
}

const char *report_cause_text(report_cause cause)
{
    return cause == REPORT_CAUSE_RATE    ? "--rate is too large"
           : cause == REPORT_CAUSE_START ? "--b3 is too large"
                                         : "the samples are too large";
}

void report_require_finite_because(const cli_program *program, double value, const char *what,
                                   report_cause cause)
{
    if (isfinite(value))
        return;
    fprintf(stderr, "%s: %s is not a finite number: %s\n", program->name, what,
            report_cause_text(cause));
    exit(EXIT_DIVERGED);
}

report_cause report_cause_of(const nn_params *p, nn_data data)
{
    nn_params at_zero = *p;
    at_zero.b3 = 0.0;
    return isfinite(ssr(&at_zero, data)) ? REPORT_CAUSE_START : REPORT_CAUSE_DATA;
}

void report_rows_left_out(size_t shown, size_t count)
{
    if (count > shown)
        printf("  ... and %zu more samples, not shown\n", count - shown);
}
