/* Option parsing shared by every chapter, on getopt_long(). */
#include "cli.h"

#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* The text of a macro's value, for the limit in messages: "256". */
#define TEXT(x) #x
#define VALUE_TEXT(x) TEXT(x)

/* getopt_long() returns an option's row in the table below plus this, past every char. */
enum { FIRST_ROW = 256 };
/* The help of each option starts in this column. */
enum { HELP_COLUMN = 21 };

typedef struct option_row {
    unsigned flag;
    const char *name;  /* without the dashes */
    const char *value; /* NULL for a switch */
    const char *help;  /* lines after the first start in HELP_COLUMN too */
} option_row;

static const option_row rows[] = {
    {CLI_DATA, "data", "FILE", "read input,observed samples from FILE (- for stdin)"},
    {CLI_B3, "b3", "VALUE", "starting value of b3 (default 0)"},
    {CLI_RATE, "rate", "R", "learning rate, greater than 0 (default 0.1)"},
    {CLI_TOLERANCE, "tolerance", "T", "stop once |step size| < T; 0 never stops (default 0.001)"},
    {CLI_MAX_STEPS, "max-steps", "N", "take at most N steps, 1 to 999999 (default 1000). A step\n"
                                      "computes the slopes once, then updates unless every\n"
                                      "step size is below the tolerance"},
    {CLI_CSV, "csv", NULL, "print the table as CSV, every number to full precision"},
    {CLI_QUIET, "quiet", NULL, "print only the final result"},
    {CLI_PLOT, "plot", NULL, "draw the SSR bowl as a text chart"},
    {CLI_SEED, "seed", "N", "seed of the random generator, N >= 0 (default 1)"},
    {CLI_SEED_START, "seed", "N", "start from random weights drawn with seed N >= 0 (default:\n"
                                  "no seed, the chapter's own start)"},
    {CLI_THREADS, "threads", "N",
     "number of threads, 1 to " VALUE_TEXT(CLI_MAX_THREADS) " (default: picked by a trial)"},
    {CLI_SAMPLES, "samples", "N", "generate N samples to fit when no --data is given"},
    {CLI_MAX_PARAMETERS, "max-parameters", "N",
     "time networks of 7 to N parameters (default 3001)"},
    {CLI_TIMINGS, "timings", "FILE", "show the times of an earlier --csv run, kept in FILE"},
};
enum { ROW_COUNT = sizeof rows / sizeof rows[0] };

int parse_finite(const char *text, double *value)
{
    /* strtod() would also take hexadecimal, inf and nan, and stop before a stray byte. */
    char *end = NULL;
    *value = strtod(text, &end);
    return end != text && end[strspn(end, " \t")] == '\0' &&
           text[strspn(text, " \t0123456789+-.eE")] == '\0' && isfinite(*value);
}

void cli_quote(FILE *out, const char *text, size_t most)
{
    size_t length = strlen(text);
    for (size_t i = 0; i < length && i < most; i++)
        fprintf(out, iscntrl((unsigned char)text[i]) ? "\\x%02X" : "%c", (unsigned char)text[i]);
    if (length > most)
        fputs("...", out);
}

int cli_complain(FILE *err, const char *name, size_t line, const char *format, ...)
{
    cli_quote(err, name, SIZE_MAX);
    if (line > 0)
        fprintf(err, ":%zu", line);
    fputs(": ", err);
    va_list rest;
    va_start(rest, format);
    vfprintf(err, format, rest);
    va_end(rest);
    return -1;
}

/* Stores the value of the option `flag`; when it is wrong, returns what it should be. */
static const char *store(unsigned flag, const char *text, cli_options *out)
{
    double number = 0.0;
    int finite = parse_finite(text, &number);
    char *end = NULL;
    errno = 0;
    long count = strtol(text, &end, 10);
    /* Digits, a `+` at most before them, that fit a long: strtol() would also take
       leading spaces and a minus sign. */
    int whole = isdigit((unsigned char)text[text[0] == '+']) && *end == '\0' && errno != ERANGE;
    switch (flag) {
    case CLI_DATA:
        out->data_path = text;
        return *text != '\0' ? NULL : "a file name";
    case CLI_TIMINGS:
        out->timings_path = text;
        return *text != '\0' ? NULL : "a file name";
    case CLI_B3:
        out->b3 = number;
        return finite ? NULL : "a finite number";
    case CLI_RATE:
        out->rate = number;
        return !finite ? "a finite number" : number > 0.0 ? NULL : "greater than 0";
    case CLI_TOLERANCE:
        out->tolerance = number;
        return !finite ? "a finite number" : number >= 0.0 ? NULL : "0 or more";
    case CLI_MAX_STEPS: /* six digits at most: the tables' step column */
        out->max_steps = count;
        return whole && count >= 1 && count <= 999999 ? NULL : "a whole number from 1 to 999999";
    case CLI_MAX_PARAMETERS:
        out->max_parameters = count;
        return !whole ? "a whole number" : count >= 1 ? NULL : "1 or more";
    case CLI_THREADS:
        out->threads = count;
        if (!whole || count < 1 || count > CLI_MAX_THREADS)
            return "a whole number from 1 to " VALUE_TEXT(CLI_MAX_THREADS);
        return NULL;
    case CLI_SAMPLES:
        out->samples = count;
        return whole ? NULL : "a whole number";
    default: /* --seed, either meaning */
        out->seed = count;
        return whole ? NULL : "a whole number";
    }
}

static void print_help(const cli_program *program)
{
    printf("usage: %s [options]\n%s\n\noptions:\n", program->name, program->summary);
    for (int i = 0; i < ROW_COUNT; i++) {
        const option_row *o = &rows[i];
        if (!(program->options & o->flag))
            continue;
        int width = printf("  --%s %s", o->name, o->value ? o->value : "");
        printf("%*s", HELP_COLUMN - width, "");
        for (const char *c = o->help; *c != '\0'; c++) {
            putchar(*c);
            if (*c == '\n')
                printf("%*s", HELP_COLUMN, "");
        }
        putchar('\n');
    }
    printf("  %-*s%s\n", HELP_COLUMN - 2, "-h, --help", "show this help and exit");
}

cli_status cli_parse(const cli_program *program, int argc, char **argv, cli_options *out)
{
    /* The defaults; docs/plots/ch10-*.gp read the line of .max_steps. */
    *out = (cli_options){.rate = 0.1, .tolerance = 0.001, .seed = 1, .max_parameters = 3001,
                         .max_steps = 1000};
    struct option longs[ROW_COUNT + 2] = {{.name = "help", .val = 'h'}};
    for (int i = 0, n = 1; i < ROW_COUNT; i++)
        if (program->options & rows[i].flag)
            longs[n++] = (struct option){.name = rows[i].name,
                                         .has_arg = rows[i].value ? required_argument : no_argument,
                                         .val = FIRST_ROW + i};
    /* getopt_long() words the errors in a name, a missing or an unwanted value, and starts
       them with argv[0]: the program's name, as ours start. "+": stop at the first word
       that is no option. optind = 0: start afresh. With no argv[0], getopt_long() reads
       no word at all. */
    if (argc > 0)
        argv[0] = (char *)program->name;
    opterr = 1;
    optind = 0;
    for (int c; (c = getopt_long(argc, argv, "+h", longs, NULL)) != -1;) {
        if (c == 'h') {
            print_help(program);
            return CLI_HELP;
        }
        if (c == '?')
            return CLI_BAD_INPUT;
        const option_row *o = &rows[c - FIRST_ROW];
        const char *wrong = o->value != NULL ? store(o->flag, optarg, out) : NULL;
        if (wrong != NULL) {
            cli_complain(stderr, program->name, 0, "--%s: '", o->name);
            cli_quote(stderr, optarg, CLI_QUOTE_MOST);
            fprintf(stderr, "' is not %s\n", wrong);
            return CLI_BAD_INPUT;
        }
        out->given |= o->flag;
    }
    if (optind < argc) {
        cli_complain(stderr, program->name, 0, "unexpected argument '");
        cli_quote(stderr, argv[optind], CLI_QUOTE_MOST);
        fputs("'\n", stderr);
        return CLI_BAD_INPUT;
    }
    out->csv = (out->given & CLI_CSV) != 0;
    out->quiet = (out->given & CLI_QUIET) != 0;
    out->plot = (out->given & CLI_PLOT) != 0;
    if (out->csv && (out->quiet || out->plot)) {
        cli_complain(stderr, program->name, 0, "--%s and --csv cannot be used together\n",
                     out->quiet ? "quiet" : "plot");
        return CLI_BAD_INPUT;
    }
    return CLI_RUN;
}

int cli_finish(const cli_program *program, int status)
{
    /* Output is buffered: a full disk or a closed pipe may only show here. */
    errno = 0;
    if (fflush(stdout) == 0 && !ferror(stdout))
        return status;
    cli_complain(stderr, program->name, 0, "cannot write the output%s%s\n", errno ? ": " : "",
                 errno ? strerror(errno) : "");
    return EXIT_BAD_INPUT;
}

cli_options cli_parse_or_exit(const cli_program *program, int argc, char **argv)
{
    cli_options options;
    cli_status status = cli_parse(program, argc, argv, &options);
    if (status != CLI_RUN)
        exit(status == CLI_HELP ? cli_finish(program, EXIT_SUCCESS) : EXIT_BAD_INPUT);
    return options;
}
