/* Loading and printing shared by the chapter programs. */
#include "report.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

nn_data report_samples(const cli_options *options, data_set *storage)
{
    *storage = (data_set){0};
    if (options->data_path == NULL)
        return article_data();
    if (data_load(options->data_path, storage, stderr) != 0)
        exit(EXIT_BAD_INPUT);
    return data_view(storage);
}

void report_text(const char *format, ...)
{
    va_list args;
    va_start(args, format);
    int length = vsnprintf(NULL, 0, format, args);
    va_end(args);
    char *text = length >= 0 ? malloc((size_t)length + 1) : NULL;
    char *joined = length >= 0 ? malloc((size_t)length + 2) : NULL;
    if (text == NULL || joined == NULL) {
        fprintf(stderr, "out of memory\n");
        exit(EXIT_BAD_INPUT);
    }
    va_start(args, format);
    vsnprintf(text, (size_t)length + 1, format, args);
    va_end(args);
    /* A line too long breaks at its last space that fits. The words left
       over start the next line when that one goes on at the same indentation,
       as in a paragraph; otherwise they make lines of their own. */
    size_t carried = 0; /* words at the start of `joined`, left by the line before */
    for (const char *line = text;;) {
        size_t n = strcspn(line, "\n"), indent = strspn(line, " ");
        if (carried > 0 && n > indent)
            joined[carried++] = ' ';
        memcpy(joined + carried, line + indent, n - indent);
        size_t used = carried + n - indent;
        const char *next = line + n + (line[n] == '\n');
        size_t next_indent = strspn(next, " ");
        int goes_on = line[n] == '\n' && next_indent == indent && next[next_indent] != '\n' &&
                      next[next_indent] != '\0';
        const char *words = joined;
        carried = 0;
        while (indent + used > REPORT_COLUMNS && indent < REPORT_COLUMNS / 2) {
            size_t room = REPORT_COLUMNS - indent, cut = room;
            while (cut > 0 && words[cut] != ' ')
                cut--;
            if (cut == 0) /* a word longer than the line */
                cut = room;
            printf("%*s%.*s\n", (int)indent, "", (int)cut, words);
            while (cut < used && words[cut] == ' ')
                cut++;
            words += cut;
            used -= cut;
            if (goes_on) {
                memmove(joined, words, used);
                carried = used;
                break;
            }
        }
        if (!(goes_on && carried > 0))
            printf("%*s%.*s%s", (int)indent, "", (int)used, words, line[n] == '\n' ? "\n" : "");
        if (line[n] == '\0')
            break;
        line = next;
    }
    free(joined);
    free(text);
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

/* Fixed notation below a million, where it stays readable. */
#define FIXED_BELOW 1e6
enum { DECIMALS = 4 };

/* The text of v in at most `width` characters (0: any): a number too wide
   gives up digits of its scientific form, down to none, rather than push
   the columns after it out of line. */
static const char *format_number(double v, int width, char text[REPORT_NUMBER_SIZE])
{
    snprintf(text, REPORT_NUMBER_SIZE, "%.*f", DECIMALS, v);
    if (!(fabs(v) < FIXED_BELOW) || (width > 0 && (int)strlen(text) > width))
        for (int digits = DECIMALS - 1; digits >= 0; digits--) {
            snprintf(text, REPORT_NUMBER_SIZE, "%.*e", digits, v);
            if (width == 0 || (int)strlen(text) <= width)
                break;
        }
    return text;
}

const char *report_numeral(double v, char text[REPORT_NUMBER_SIZE])
{
    return format_number(v, 0, text);
}

void report_number(double v, int width)
{
    if (width > 0) { /* the separating space */
        putchar(' ');
        width--;
    }
    char text[REPORT_NUMBER_SIZE];
    printf("%*s", width, format_number(v, width, text));
}

void report_number_line(double v, int width)
{
    report_number(v, width);
    putchar('\n');
}

void report_rows_left_out(size_t shown, size_t count)
{
    if (count > shown)
        printf("  ... and %zu more samples, not shown\n", count - shown);
}
