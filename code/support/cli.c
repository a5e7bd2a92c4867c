/* Option parsing shared by every chapter, on getopt_long(). */
#include "cli.h"

#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* The text of a macro's value, for the limit in messages: "256". */
#define TEXT(x) #x
#define VALUE_TEXT(x) TEXT(x)

/* getopt_long() returns an option's row in the table below plus this, past every char. */
enum { FIRST_ROW = 256 };
/* Help: the option and its value indented by HELP_INDENT, its help from HELP_COLUMN on. */
enum { HELP_INDENT = 2, HELP_COLUMN = 21 };

typedef struct option_row {
    unsigned flag;
    const char *name;  /* without the dashes */
    const char *value; /* NULL for a switch */
    const char *help;  /* a newline continues it under its first line */
} option_row;

static const option_row rows[] = {
    {CLI_DATA, "data", "FILE", "read input,observed samples from FILE (- for stdin)"},
    {CLI_B3, "b3", "VALUE", "starting value of b3 (default 0)"},
    {CLI_RATE, "rate", "R", "learning rate, greater than 0 (default 0.1)"},
    {CLI_TOLERANCE, "tolerance", "T", "stop once |step size| < T; 0 never stops (default 0.001)"},
    {CLI_MAX_STEPS, "max-steps", "N", "take at most N steps, N >= 1 (default 1000). A step\n"
                                      "computes the slopes once, then updates unless every\n"
                                      "step size is below the tolerance"},
    {CLI_CSV, "csv", NULL, "print the table as CSV, every number to full precision"},
    {CLI_QUIET, "quiet", NULL, "print only the final result"},
    {CLI_PLOT, "plot", NULL, "draw the SSR bowl as a text chart"},
    {CLI_SEED, "seed", "N", "seed of the random generator, N >= 0 (default 1)"},
    {CLI_SEED_START, "seed", "N", "start from random weights drawn with seed N >= 0 (default:\n"
                                  "no seed, the chapter's own start)"},
    {CLI_THREADS, "threads", "N", "number of threads, 1 to " VALUE_TEXT(CLI_MAX_THREADS)
                                  " (default: picked by a trial)"},
    {CLI_SAMPLES, "samples", "N", "generate N samples to fit when no --data is given"},
    {CLI_MAX_PARAMETERS, "max-parameters", "N", "time networks of 7 to N parameters (default 3001)"},
    {CLI_TIMINGS, "timings", "FILE", "show the times of an earlier --csv run, kept in FILE"},
};
enum { ROW_COUNT = sizeof rows / sizeof rows[0] };

int parse_finite(const char *text, double *value)
{
    /* strtod() would also take leading spaces, hexadecimal, inf and nan. */
    char *end = NULL;
    double v = strtod(text, &end);
    if (end == text || *end != '\0' || text[strspn(text, "0123456789+-.eE")] != '\0' ||
        !isfinite(v))
        return 0;
    *value = v;
    return 1;
}

int parse_count(const char *text, long *value)
{
    char *end = NULL;
    errno = 0;
    long v = strtol(text, &end, 10);
    /* strtol() would also take leading spaces and a minus sign. */
    if (!isdigit((unsigned char)text[text[0] == '+']) || *end != '\0' || errno == ERANGE)
        return 0;
    *value = v;
    return 1;
}

void cli_quote(FILE *out, const char *text, size_t length, size_t most)
{
    for (size_t i = 0; i < length && i < most; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c < 0x20 || c == 0x7f)
            fprintf(out, "\\x%02X", c);
        else
            fputc(c, out);
    }
    if (length > most)
        fputs("...", out);
}

/* One line of error: "name: --option: before'word'after", the option left
   out when `o` is NULL and only the first `length` bytes of the word shown. */
static cli_status refuse(const cli_program *program, FILE *err, const option_row *o,
                         const char *before, const char *word, size_t length, const char *after)
{
    fprintf(err, "%s: ", program->name);
    if (o != NULL)
        fprintf(err, "--%s: ", o->name);
    fputs(before, err);
    cli_quote(err, word, length, CLI_QUOTE_MOST);
    fprintf(err, "%s\n", after);
    return CLI_BAD_INPUT;
}

static void print_help(const cli_program *program, FILE *out)
{
    fprintf(out, "usage: %s [options]\n%s\n\noptions:\n", program->name, program->summary);
    for (int i = 0; i < ROW_COUNT; i++) {
        const option_row *o = &rows[i];
        if (!(program->options & o->flag))
            continue;
        int width = fprintf(out, "%*s--%s %s", HELP_INDENT, "", o->name, o->value ? o->value : "");
        fprintf(out, "%*s", HELP_COLUMN - width, "");
        for (const char *c = o->help; *c != '\0'; c++)
            if (*c == '\n')
                fprintf(out, "\n%*s", HELP_COLUMN, "");
            else
                fputc(*c, out);
        fputc('\n', out);
    }
    fprintf(out, "%*s%-*s%s\n", HELP_INDENT, "", HELP_COLUMN - HELP_INDENT, "-h, --help",
            "show this help and exit");
}

/* Checks one option's value and stores it; prints why not and returns CLI_BAD_INPUT. */
static cli_status store(const cli_program *program, const option_row *o, const char *text,
                        cli_options *out, FILE *err)
{
    size_t length = strlen(text);
    double number = 0.0;
    long count = 0;
    if (o->flag & (CLI_DATA | CLI_TIMINGS)) {
        if (length == 0)
            return refuse(program, err, o, "the file name is empty", "", 0, "");
        *(o->flag == CLI_DATA ? &out->data_path : &out->timings_path) = text;
    } else if (o->flag & (CLI_B3 | CLI_RATE | CLI_TOLERANCE)) {
        if (!parse_finite(text, &number))
            return refuse(program, err, o, "'", text, length, "' is not a finite number");
        if (o->flag == CLI_RATE && !(number > 0.0))
            return refuse(program, err, o, "the learning rate must be greater than 0, not ",
                          text, length, "");
        if (o->flag == CLI_TOLERANCE && number < 0.0)
            return refuse(program, err, o, "the tolerance must be 0 or more, not ", text,
                          length, "");
        *(o->flag == CLI_B3 ? &out->b3 : o->flag == CLI_RATE ? &out->rate : &out->tolerance) =
            number;
    } else {
        if (!parse_count(text, &count))
            return refuse(program, err, o, "'", text, length, "' is not a whole number");
        if (count < 1 && (o->flag & (CLI_MAX_STEPS | CLI_THREADS | CLI_MAX_PARAMETERS)))
            return refuse(program, err, o, "must be at least 1, not ", text, length, "");
        if (o->flag == CLI_THREADS && count > CLI_MAX_THREADS)
            return refuse(program, err, o, "at most " VALUE_TEXT(CLI_MAX_THREADS) ", not ", text,
                          length, "");
        *(o->flag == CLI_MAX_STEPS        ? &out->max_steps
          : o->flag == CLI_THREADS        ? &out->threads
          : o->flag == CLI_SAMPLES        ? &out->samples
          : o->flag == CLI_MAX_PARAMETERS ? &out->max_parameters
                                          : &out->seed) = count; /* --seed, either meaning */
    }
    return CLI_RUN;
}

/* How many of the long options `word` ("--name" or "--name=value") starts. */
static int options_started(const struct option *longs, const char *word)
{
    size_t length = strcspn(word + 2, "=");
    int count = 0;
    for (; longs->name != NULL; longs++)
        count += strncmp(longs->name, word + 2, length) == 0;
    return count;
}

cli_status cli_parse(const cli_program *program, int argc, char **argv, cli_options *out,
                     FILE *out_stream, FILE *err_stream)
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
    /* "+": stop at the first word that is no option; ":": a missing value
       returns ':'. opterr = 0: the messages are ours. optind = 0: start afresh. */
    opterr = 0;
    optind = 0;
    for (;;) {
        int at = optind > 0 ? optind : 1; /* the word getopt_long() reads next */
        int c = getopt_long(argc, argv, "+:h", longs, NULL);
        const char *word = argv[at];
        const option_row *o = c >= FIRST_ROW ? &rows[c - FIRST_ROW]
                              : optopt >= FIRST_ROW ? &rows[optopt - FIRST_ROW] : NULL;
        if (c == 'h') {
            print_help(program, out_stream);
            return CLI_HELP;
        }
        if (c == -1 && optind < argc)
            return refuse(program, err_stream, NULL, "unexpected argument '", argv[optind],
                          strlen(argv[optind]),
                          optind > at ? "' after -- (try --help)" : "' (try --help)");
        if (c == -1)
            break;
        if (c == ':') {
            fprintf(err_stream, "%s: --%s needs a value (%s)\n", program->name, o->name,
                    o->value);
            return CLI_BAD_INPUT;
        }
        if (c == '?' && o != NULL) {
            fprintf(err_stream, "%s: --%s takes no value\n", program->name, o->name);
            return CLI_BAD_INPUT;
        }
        if (c == '?')
            return refuse(program, err_stream, NULL,
                          strncmp(word, "--", 2) == 0 && options_started(longs, word) > 1
                              ? "ambiguous option '" : "unknown option '",
                          word, strcspn(word, "="), "' (try --help)");
        if (o->value != NULL && store(program, o, optarg, out, err_stream) != CLI_RUN)
            return CLI_BAD_INPUT;
        out->csv |= o->flag == CLI_CSV;
        out->quiet |= o->flag == CLI_QUIET;
        out->plot |= o->flag == CLI_PLOT;
        out->given |= o->flag;
    }
    if (out->csv && (out->quiet || out->plot)) {
        fprintf(err_stream, "%s: --%s and --csv cannot be used together\n", program->name,
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
    fprintf(stderr, "%s: cannot write the output%s%s\n", program->name, errno ? ": " : "",
            errno ? strerror(errno) : "");
    return EXIT_BAD_INPUT;
}

cli_options cli_parse_or_exit(const cli_program *program, int argc, char **argv)
{
    cli_options options;
    cli_status status = cli_parse(program, argc, argv, &options, stdout, stderr);
    if (status == CLI_HELP)
        exit(cli_finish(program, EXIT_SUCCESS));
    if (status == CLI_BAD_INPUT)
        exit(EXIT_BAD_INPUT);
    return options;
}
