/* The opening, the closing, the overflow messages and the printing of every chapter. */
#include "chapter.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "verify.h"

/* Per-sample tables show at most this many rows. */
#define ROWS_SHOWN 10
/* Numbers have DECIMALS decimals, in fixed notation below FIXED_BELOW where it is readable. */
#define DECIMALS 4
#define FIXED_BELOW 1e6

chapter_run chapter_open(const cli_program *program, int argc, char **argv)
{
    chapter_run run = {.program = program, .data = article_data(), .start = article_params()};
    run.options = cli_parse_or_exit(program, argc, argv);
    if (run.options.data_path != NULL) {
        if (data_load(run.options.data_path, &run.data, stderr) != 0)
            exit(EXIT_BAD_INPUT);
    }
    run.rows_shown = run.data.count < ROWS_SHOWN ? run.data.count : ROWS_SHOWN;
    run.start.b3 = run.options.b3;
    /* A tolerance, not ==: where doubles are kept wider (x87), 0.1 typed and
       0.1 parsed need not compare equal. */
    run.article = run.options.data_path == NULL && run.options.b3 == 0.0 &&
                  fabs(run.options.rate - 0.1) < 1e-12;
    /* Nothing is said, not even as CSV, over a function that is wrong. */
    const char *number = program->name + strcspn(program->name, "0123456789");
    verify_chapters(program->name, (int)strtol(number, NULL, 10));
    return run;
}

int chapter_close(chapter_run *run, int status)
{
    if (run->options.data_path != NULL) /* the article's samples are no one's to free */
        data_free(&run->data);
    return cli_finish(run->program, status);
}

/* Too large a start is --b3's fault only if --b3 was given and the samples
   are fine without it. */
static const char *blame(const chapter_run *run, chapter_cause cause)
{
    if (cause == CAUSE_RATE)
        return "--rate is too large";
    nn_params at_zero = run->start;
    at_zero.b3 = 0.0;
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
            result.steps == 1 ? "" : "s");
    /* After updates, the steps swung past the bottom, wider each time: the
       rate's doing. With none, the start overflowed, or else its first step. */
    if (result.updates > 0)
        fprintf(stderr, "try a --rate smaller than %g\n", run->options.rate);
    else
        fprintf(stderr, "%s\n",
                blame(run, isfinite(ssr(&run->start, run->data)) ? CAUSE_RATE : CAUSE_NUMBERS));
    return EXIT_DIVERGED;
}

chapter_bowl chapter_bowl_of(const chapter_run *run, const double *b3, size_t count)
{
    nn_params at_zero = run->start;
    at_zero.b3 = 0.0;
    double sum = 0.0;
    for (size_t i = 0; i < run->data.count; i++)
        sum += residual(run->data.observed[i], forward(&at_zero, run->data.input[i]).predicted);
    chapter_require_finite(run, sum, "the bowl's bottom", CAUSE_NUMBERS);
    double bottom = sum / (double)run->data.count, least = bottom, most = bottom;
    for (size_t i = 0; i < count; i++) {
        least = fmin(least, b3[i]);
        most = fmax(most, b3[i]);
    }
    return (chapter_bowl){.bottom = bottom, .low = floor(least) - 1.0, .high = ceil(most) + 2.0};
}

void chapter_rows_left_out(const chapter_run *run)
{
    if (run->data.count > ROWS_SHOWN)
        printf("  ... and %zu more samples, not shown\n", run->data.count - ROWS_SHOWN);
}

void report_text(const char *format, ...)
{
    va_list args;
    va_start(args, format);
    int length = vsnprintf(NULL, 0, format, args);
    va_end(args);
    char *text = length >= 0 ? malloc((size_t)length + 1) : NULL;
    if (text == NULL) {
        fprintf(stderr, "out of memory\n");
        exit(EXIT_BAD_INPUT);
    }
    va_start(args, format);
    vsnprintf(text, (size_t)length + 1, format, args);
    va_end(args);
    /* A line too long breaks at its last space that fits, and goes on at its
       own indentation. */
    for (const char *line = text, *end; *line != '\0'; line = end + (*end == '\n')) {
        end = line + strcspn(line, "\n");
        int indent = (int)strspn(line, " "), room = REPORT_COLUMNS - indent;
        const char *words = line + indent;
        while (end - words > room && room > REPORT_COLUMNS / 2) {
            const char *cut = words + room;
            while (cut > words && *cut != ' ')
                cut--;
            if (cut == words) /* a word longer than the line */
                cut = words + room;
            printf("%*s%.*s\n", indent, "", (int)(cut - words), words);
            words = cut + strspn(cut, " ");
        }
        printf("%*s%.*s%s", indent, "", (int)(end - words), words, *end == '\n' ? "\n" : "");
    }
    free(text);
}

/* The text of v in at most `width` characters: a number too wide gives up
   digits of its scientific form, down to none, rather than push the columns
   after it out of line. */
static const char *numeral(double v, int width, char text[REPORT_NUMBER_SIZE])
{
    int fits = fabs(v) < FIXED_BELOW &&
               snprintf(text, REPORT_NUMBER_SIZE, "%.*f", DECIMALS, v) <= width;
    for (int digits = DECIMALS - 1; !fits && digits >= 0; digits--)
        fits = snprintf(text, REPORT_NUMBER_SIZE, "%.*e", digits, v) <= width;
    return text;
}

void report_number(double v, int width)
{
    char text[REPORT_NUMBER_SIZE];
    if (width > 0) /* the first column is the space that separates */
        printf(" %*s", width - 1, numeral(v, width - 1, text));
    else
        printf("%s", report_numeral(v, text));
}

void report_number_line(double v, int width)
{
    report_number(v, width);
    putchar('\n');
}

const char *report_numeral(double v, char text[REPORT_NUMBER_SIZE])
{
    return numeral(v, REPORT_NUMBER_SIZE - 1, text);
}
