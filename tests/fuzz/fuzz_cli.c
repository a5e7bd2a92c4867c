/**
 * @file fuzz_cli.c
 * @brief libFuzzer target: the option parser and the number readers.
 *
 * The input is split at NUL bytes into command-line words. Each word goes
 * through parse_finite() and, as the value of `--seed`, through cli_parse(),
 * whose answers are checked against strtod() and strtol(); then all the
 * words go through cli_parse(),
 * whose accepted options must keep their documented ranges (`--csv` never
 * beside `--quiet` or `--plot`), and whose error must be one line free of
 * control bytes, whatever bytes the words hold; getopt_long()'s own errors,
 * on an option's name, show the word as typed and need only end the line.
 */
#define _POSIX_C_SOURCE 200809L /* open_memstream() */

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

int LLVMFuzzerTestOneInput(const uint8_t *bytes, size_t size);

enum { MAX_WORDS = 32 };

/* parse_finite() accepts exactly the finite decimal numbers strtod() reads whole, spaces
   or tabs around them. */
static void check_parse_finite(const char *word)
{
    double value = 0.0;
    int ok = parse_finite(word, &value);
    for (const char *c = word; ok && *c != '\0'; c++)
        if (!(isdigit((unsigned char)*c) || strchr("+-.eE \t", *c) != NULL))
            abort(); /* hexadecimal, inf, nan, other white space: never numbers */
    char *end = NULL;
    double expected = strtod(word, &end);
    if (ok && (!isfinite(value) || value != expected || end[strspn(end, " \t")] != '\0'))
        abort();
}

/* cli_parse() with stdout and stderr sent to `sink`. */
static cli_status parse(const cli_program *program, int argc, char **argv, cli_options *out,
                        FILE *sink)
{
    FILE *terminal = stdout, *terminal_err = stderr;
    stdout = stderr = sink;
    cli_status status = cli_parse(program, argc, argv, out);
    stdout = terminal;
    stderr = terminal_err;
    return status;
}

/* `--seed word` is accepted exactly for [+]digits that fit a long, with strtol()'s value. */
static void check_count(const char *word)
{
    char *argv[] = {"chapter", "--seed", (char *)word, NULL};
    const cli_program program = {.name = "chapter", .summary = "seed", .options = CLI_SEED};
    cli_options options;
    FILE *sink = fopen("/dev/null", "w");
    if (sink == NULL)
        abort();
    int ok = parse(&program, 3, argv, &options, sink) == CLI_RUN;
    fclose(sink);
    const char *digits = word[0] == '+' ? word + 1 : word;
    int all_digits = digits[0] != '\0';
    for (const char *c = digits; *c != '\0'; c++)
        all_digits = all_digits && isdigit((unsigned char)*c);
    errno = 0;
    long expected = all_digits ? strtol(word, NULL, 10) : 0;
    int fits = all_digits && errno != ERANGE;
    if (ok != fits || (ok && (options.seed != expected || options.seed < 0)))
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *bytes, size_t size)
{
    /* "chapter" plus the words, each its own allocation so that reading past
       a word's end is caught. */
    char *argv[MAX_WORDS + 2] = {"chapter"};
    int argc = 1;
    size_t start = 0;
    for (size_t i = 0; i <= size && argc <= MAX_WORDS; i++) {
        if (i < size && bytes[i] != '\0')
            continue;
        size_t length = i - start;
        argv[argc] = malloc(length + 1);
        if (argv[argc] == NULL)
            break;
        memcpy(argv[argc], bytes + start, length);
        argv[argc][length] = '\0';
        check_parse_finite(argv[argc]);
        check_count(argv[argc]);
        argc++;
        start = i + 1;
    }
    argv[argc] = NULL;

    char *printed = NULL;
    size_t printed_length = 0;
    FILE *sink = open_memstream(&printed, &printed_length);
    if (sink != NULL) {
        const cli_program program = {.name = "chapter", .summary = "every option", .options = ~0U};
        cli_options options;
        cli_status status = parse(&program, argc, argv, &options, sink);
        fclose(sink);
        if (status == CLI_BAD_INPUT) {
            if (printed_length < 10 || strncmp(printed, "chapter: ", 9) != 0 ||
                printed[printed_length - 1] != '\n')
                abort();
            const char *said = printed + 9;
            int getopt_said = strncmp(said, "option '", 8) == 0 ||
                              strncmp(said, "unrecognized option '", 21) == 0 ||
                              strncmp(said, "invalid option -- '", 19) == 0;
            for (const char *c = printed; !getopt_said && c < printed + printed_length - 1; c++)
                if (iscntrl((unsigned char)*c))
                    abort();
        }
        free(printed);
        if (status == CLI_RUN && options.csv && (options.quiet || options.plot))
            abort();
        if (status == CLI_RUN &&
            (!isfinite(options.b3) || !(options.rate > 0.0) || !isfinite(options.rate) ||
             !(options.tolerance >= 0.0) || !isfinite(options.tolerance) ||
             options.max_steps < 1 || options.max_steps > 999999 || options.seed < 0 ||
             options.threads < 0 || options.threads > CLI_MAX_THREADS ||
             options.samples < 0 || (options.data_path != NULL && options.data_path[0] == '\0')))
            abort();
    }
    for (int i = 1; i < argc; i++)
        free(argv[i]);
    return 0;
}
