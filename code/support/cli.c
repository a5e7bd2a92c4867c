/**
 * @file cli.c
 * @brief Option parsing shared by every chapter.
 */
#include "cli.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Length of the decimal number at the start of s, or 0 if there is none:
   [+-] digits [. digits] or [+-] . digits, then an optional exponent. */
static size_t decimal_length(const char *s)
{
    size_t i = 0, digits = 0;
    if (s[i] == '+' || s[i] == '-')
        i++;
    while (isdigit((unsigned char)s[i])) {
        i++;
        digits++;
    }
    if (s[i] == '.') {
        i++;
        while (isdigit((unsigned char)s[i])) {
            i++;
            digits++;
        }
    }
    if (digits == 0)
        return 0;
    if (s[i] == 'e' || s[i] == 'E') {
        size_t j = i + 1, exponent_digits = 0;
        if (s[j] == '+' || s[j] == '-')
            j++;
        while (isdigit((unsigned char)s[j])) {
            j++;
            exponent_digits++;
        }
        if (exponent_digits == 0)
            return 0;
        i = j;
    }
    return i;
}

int parse_finite(const char *text, double *value)
{
    size_t length = decimal_length(text);
    if (length == 0 || text[length] != '\0')
        return 0;
    /* The grammar is checked, so strtod reads exactly `length` characters.
       It may report ERANGE for a tiny value that rounds to a subnormal or to
       zero; that value is still the nearest double, so only overflow fails. */
    double v = strtod(text, NULL);
    if (!isfinite(v))
        return 0;
    *value = v;
    return 1;
}

int parse_count(const char *text, long *value)
{
    const char *s = text;
    if (*s == '+')
        s++;
    if (!isdigit((unsigned char)*s))
        return 0;
    long v = 0;
    for (; *s != '\0'; s++) {
        if (!isdigit((unsigned char)*s))
            return 0;
        int digit = *s - '0';
        if (v > (LONG_MAX - digit) / 10)
            return 0;
        v = v * 10 + digit;
    }
    *value = v;
    return 1;
}

/* One row per option: its flag, spelling, the value it takes, and help. */
typedef struct option_spec {
    unsigned flag;
    const char *name;
    const char *value; /* NULL for a switch */
    const char *help;
} option_spec;

static const option_spec options[] = {
    {CLI_DATA, "--data", "FILE", "read input,observed samples from FILE (- for stdin)"},
    {CLI_B3, "--b3", "VALUE", "starting value of b3 (default 0)"},
    {CLI_RATE, "--rate", "R", "learning rate, greater than 0 (default 0.1)"},
    {CLI_TOLERANCE, "--tolerance", "T", "stop once |step size| < T; 0 never stops (default 0.001)"},
    {CLI_MAX_STEPS, "--max-steps", "N", "take at most N steps, N >= 1 (default 1000). A step\n"
                                        "computes the slopes once, then updates unless every\n"
                                        "step size is below the tolerance"},
    {CLI_CSV, "--csv", NULL, "print the table as CSV, every number to full precision"},
    {CLI_QUIET, "--quiet", NULL, "print only the final result"},
    {CLI_PLOT, "--plot", NULL, "draw the SSR bowl as a text chart"},
    {CLI_SEED, "--seed", "N", "seed of the random generator, N >= 0 (default 1)"},
    {CLI_SEED_START, "--seed", "N", "start from random weights drawn with seed N >= 0 (default:\n"
     "                     no seed, the chapter's own start)"},
    {CLI_THREADS, "--threads", "N", "number of threads, 1 to 256 (default: picked by a trial)"},
    {CLI_SAMPLES, "--samples", "N", "generate N samples to fit when no --data is given"},
    {CLI_MAX_PARAMETERS, "--max-parameters", "N", "time networks of 7 to N parameters (default 3001)"},
    {CLI_TIMINGS, "--timings", "FILE", "show the times of an earlier --csv run, kept in FILE"},
};
enum { OPTION_COUNT = sizeof options / sizeof options[0] };

static void print_help(const cli_program *program, FILE *stream)
{
    fprintf(stream, "usage: %s [options]\n%s\n\noptions:\n", program->name, program->summary);
    for (int i = 0; i < OPTION_COUNT; i++) {
        const option_spec *o = &options[i];
        if (!(program->accepts & o->flag))
            continue;
        char left[32];
        snprintf(left, sizeof left, "%s%s%s", o->name, o->value ? " " : "",
                 o->value ? o->value : "");
        fprintf(stream, "  %-18s ", left);
        /* A help text's further lines line up under its first. */
        for (const char *c = o->help; *c != '\0'; c++) {
            if (*c == '\n')
                fprintf(stream, "\n%21s", "");
            else
                fputc(*c, stream);
        }
        fputc('\n', stream);
    }
    fprintf(stream, "  %-18s %s\n", "-h, --help", "show this help and exit");
}

char *cli_escape(const char *text, size_t length, size_t most, char *out)
{
    size_t used = 0;
    for (size_t i = 0; i < length && i < most; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c < 0x20 || c == 0x7f)
            used += (size_t)sprintf(out + used, "\\x%02X", c);
        else
            out[used++] = (char)c;
    }
    const char *cut = length > most ? "..." : "";
    memcpy(out + used, cut, strlen(cut) + 1);
    return out;
}

/* Room for cli_escape() of at most 40 bytes. */
enum { QUOTE_SIZE = CLI_ESCAPED_SIZE(40) };

/* The first `length` bytes of text as an error quotes them: at most 40, so
   that the line stays readable whatever was typed. */
static const char *quote(const char *text, size_t length, char out[QUOTE_SIZE])
{
    return cli_escape(text, length, 40, out);
}

/* Checks one option's value and stores it; returns 0 after printing why not. */
static int store_value(const cli_program *program, const option_spec *o,
                       const char *text, cli_options *out, FILE *err)
{
    double number = 0.0;
    long count = 0;
    char shown[QUOTE_SIZE];
    quote(text, strlen(text), shown);
    switch (o->flag) {
    case CLI_DATA:
    case CLI_TIMINGS:
        if (text[0] == '\0') {
            fprintf(err, "%s: %s: the file name is empty\n", program->name, o->name);
            return 0;
        }
        if (o->flag == CLI_DATA)
            out->data_path = text;
        else
            out->timings_path = text;
        return 1;
    case CLI_B3:
    case CLI_RATE:
    case CLI_TOLERANCE:
        if (!parse_finite(text, &number)) {
            fprintf(err, "%s: %s: '%s' is not a finite number\n", program->name, o->name, shown);
            return 0;
        }
        if (o->flag == CLI_RATE && !(number > 0.0)) {
            fprintf(err, "%s: %s: the learning rate must be greater than 0, not %s\n",
                    program->name, o->name, shown);
            return 0;
        }
        if (o->flag == CLI_TOLERANCE && number < 0.0) {
            fprintf(err, "%s: %s: the tolerance must be 0 or more, not %s\n",
                    program->name, o->name, shown);
            return 0;
        }
        if (o->flag == CLI_B3)
            out->b3 = number;
        else if (o->flag == CLI_RATE)
            out->rate = number;
        else
            out->tolerance = number;
        return 1;
    default: /* the whole-number options */
        if (!parse_count(text, &count)) {
            fprintf(err, "%s: %s: '%s' is not a whole number\n", program->name, o->name, shown);
            return 0;
        }
        if (count < 1 && o->flag != CLI_SEED && o->flag != CLI_SEED_START &&
            o->flag != CLI_SAMPLES) {
            fprintf(err, "%s: %s: must be at least 1, not %s\n", program->name, o->name, shown);
            return 0;
        }
        if (o->flag == CLI_THREADS && count > CLI_MAX_THREADS) {
            fprintf(err, "%s: %s: at most %d, not %s\n", program->name, o->name,
                    CLI_MAX_THREADS, shown);
            return 0;
        }
        if (o->flag == CLI_MAX_STEPS)
            out->max_steps = count;
        else if (o->flag == CLI_SEED || o->flag == CLI_SEED_START)
            out->seed = count;
        else if (o->flag == CLI_THREADS)
            out->threads = count;
        else if (o->flag == CLI_MAX_PARAMETERS)
            out->max_parameters = count;
        else
            out->samples = count;
        return 1;
    }
}

/* How many typing slips turn a (a_length bytes) into b: a letter added,
   dropped or changed, or two neighbours swapped. Past `most`, any larger
   number will do, so long words are not compared at all. */
static size_t edit_distance(const char *a, size_t a_length, const char *b, size_t most)
{
    enum { LONGEST = 24 };
    size_t b_length = strlen(b);
    if (a_length > LONGEST || b_length > LONGEST)
        return most + 1;
    /* d[i][j]: the slips between the first i bytes of a and the first j of b. */
    size_t d[LONGEST + 1][LONGEST + 1];
    for (size_t i = 0; i <= a_length; i++)
        d[i][0] = i;
    for (size_t j = 0; j <= b_length; j++)
        d[0][j] = j;
    for (size_t i = 1; i <= a_length; i++) {
        for (size_t j = 1; j <= b_length; j++) {
            size_t best = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
            if (d[i - 1][j] + 1 < best)
                best = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < best)
                best = d[i][j - 1] + 1;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                d[i - 2][j - 2] + 1 < best)
                best = d[i - 2][j - 2] + 1;
            d[i][j] = best;
        }
    }
    return d[a_length][b_length];
}

/* Whether `name` (of `length` bytes) may be a slip for the option `option`:
   one letter added, dropped or changed; two in a long name; or the start of
   it. An option another chapter takes is no slip: it is simply not taken. */
static int may_mean(const char *name, size_t length, const char *option)
{
    size_t option_length = strlen(option);
    if (length >= 4 && length < option_length && strncmp(name, option, length) == 0)
        return 1;
    size_t distance = edit_distance(name, length, option, 2);
    return distance == 1 || (distance == 2 && option_length >= 8);
}

/* The option this program takes that `name` most likely meant, or NULL. */
static const char *nearest_option(const cli_program *program, const char *name,
                                  size_t length)
{
    for (int k = 0; k < OPTION_COUNT; k++)
        if (strlen(options[k].name) == length && strncmp(options[k].name, name, length) == 0)
            return NULL;
    const char *meant = NULL;
    for (int k = 0; k < OPTION_COUNT; k++) {
        if (!(program->accepts & options[k].flag) || !may_mean(name, length, options[k].name))
            continue;
        if (meant != NULL)
            return NULL; /* two candidates: better to suggest neither */
        meant = options[k].name;
    }
    if (meant == NULL && may_mean(name, length, "--help"))
        meant = "--help";
    return meant;
}

/* The one line for a word that is no option this program takes: `name_length`
   bytes of it are the option's name (before any "="). */
static void refuse_word(const cli_program *program, const char *arg, size_t name_length,
                        FILE *err)
{
    char shown[QUOTE_SIZE];
    const char *meant = arg[0] == '-' ? nearest_option(program, arg, name_length) : NULL;
    if (meant != NULL)
        fprintf(err, "%s: unknown option '%s' (did you mean %s?)\n", program->name,
                quote(arg, name_length, shown), meant);
    else if (arg[0] == '-' && arg[1] != '\0')
        fprintf(err, "%s: unknown option '%s' (try --help)\n", program->name,
                quote(arg, name_length, shown));
    else
        fprintf(err, "%s: unexpected argument '%s' (try --help)\n", program->name,
                quote(arg, strlen(arg), shown));
}

cli_status cli_parse(const cli_program *program, int argc, char **argv,
                     cli_options *out, FILE *out_stream, FILE *err_stream)
{
    cli_options defaults = {
        .data_path = NULL, .b3 = 0.0, .rate = 0.1, .tolerance = 0.001,
        .max_steps = 1000, .seed = 1, .max_parameters = 3001,
    };
    *out = defaults;

    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0) {
            print_help(program, out_stream);
            return CLI_HELP;
        }
        /* "--" ends the options; what follows would be a file or a word,
           and no chapter takes those. */
        if (strcmp(arg, "--") == 0) {
            if (i + 1 == argc)
                break;
            char shown[QUOTE_SIZE];
            fprintf(err_stream, "%s: unexpected argument '%s' after -- (try --help)\n",
                    program->name, quote(argv[i + 1], strlen(argv[i + 1]), shown));
            return CLI_BAD_INPUT;
        }
        /* Split "--rate=0.1" into its name and its value. */
        const char *equals = strncmp(arg, "--", 2) == 0 ? strchr(arg, '=') : NULL;
        size_t name_length = equals ? (size_t)(equals - arg) : strlen(arg);
        const option_spec *o = NULL;
        for (int k = 0; k < OPTION_COUNT; k++) {
            if (o == NULL && (program->accepts & options[k].flag) &&
                strlen(options[k].name) == name_length &&
                strncmp(options[k].name, arg, name_length) == 0)
                o = &options[k];
        }
        if (o == NULL) {
            refuse_word(program, arg, name_length, err_stream);
            return CLI_BAD_INPUT;
        }
        if (o->value == NULL) {
            if (equals) {
                fprintf(err_stream, "%s: %s takes no value\n", program->name, o->name);
                return CLI_BAD_INPUT;
            }
            if (o->flag == CLI_CSV)
                out->csv = 1;
            else if (o->flag == CLI_QUIET)
                out->quiet = 1;
            else
                out->plot = 1;
        } else {
            const char *value = equals ? equals + 1 : NULL;
            if (value == NULL) {
                if (i + 1 >= argc) {
                    fprintf(err_stream, "%s: %s needs a value (%s)\n", program->name,
                            o->name, o->value);
                    return CLI_BAD_INPUT;
                }
                value = argv[++i];
            }
            if (!store_value(program, o, value, out, err_stream))
                return CLI_BAD_INPUT;
        }
        out->given |= o->flag;
    }
    if (out->csv && (out->quiet || out->plot)) {
        fprintf(err_stream, "%s: --%s and --csv cannot be used together\n", program->name,
                out->quiet ? "quiet" : "plot");
        return CLI_BAD_INPUT;
    }
    return CLI_RUN;
}

/* The program whose output check_output() guards, for its message. */
static const cli_program *output_owner;

/* Runs when the program ends, however it ends (a return from main, exit()).
   Output is buffered, so a full disk or a closed pipe may only show when the
   last buffer is written here: a run whose output was lost must not end as
   a success. Status 2 replaces whatever status the program chose. A stdout
   that was closed before the program started and never written to is not an
   error (fclose() then fails with EBADF on nothing lost). */
static void check_output(void)
{
    errno = 0;
    int lost = fflush(stdout) != 0 || ferror(stdout);
    int reason = errno;
    if (fclose(stdout) != 0 && !lost && errno != EBADF) {
        lost = 1;
        reason = errno;
    }
    if (!lost)
        return;
    if (reason != 0)
        fprintf(stderr, "%s: cannot write the output: %s\n", output_owner->name,
                strerror(reason));
    else
        fprintf(stderr, "%s: cannot write the output\n", output_owner->name);
    _Exit(EXIT_BAD_INPUT);
}

cli_options cli_parse_or_exit(const cli_program *program, int argc, char **argv)
{
    /* Registered first, so that it also covers --help and every early exit. */
    if (output_owner == NULL) {
        output_owner = program;
        if (atexit(check_output) != 0) {
            fprintf(stderr, "%s: cannot arrange to check the output\n", program->name);
            exit(EXIT_BAD_INPUT);
        }
    }
    cli_options options_read;
    switch (cli_parse(program, argc, argv, &options_read, stdout, stderr)) {
    case CLI_HELP:
        exit(EXIT_SUCCESS);
    case CLI_BAD_INPUT:
        exit(EXIT_BAD_INPUT);
    case CLI_RUN:
        break;
    }
    return options_read;
}
