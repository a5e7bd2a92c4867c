/**
 * @file cli.h
 * @brief The command line every chapter shares, read by getopt_long():
 *        `--rate 0.05`, `--rate=0.05` and `--ra 0.05` are one option.
 */
#ifndef CLI_H
#define CLI_H

#include <stdio.h>

/** Exit status when the arithmetic leaves the finite numbers. */
#define EXIT_DIVERGED 1
/** Exit status for bad options or data, and for output that could not be written. */
#define EXIT_BAD_INPUT 2
/** The most threads `--threads` accepts. */
#define CLI_MAX_THREADS 256
/** A message quotes at most this many bytes of a value or a line. */
#define CLI_QUOTE_MOST 40

/** The options a chapter may accept, one bit each: `--data FILE` is CLI_DATA. */
enum cli_flag {
    CLI_DATA = 1u << 0,
    CLI_B3 = 1u << 1,
    CLI_RATE = 1u << 2,
    CLI_TOLERANCE = 1u << 3,
    CLI_MAX_STEPS = 1u << 4,
    CLI_CSV = 1u << 5,
    CLI_QUIET = 1u << 6,
    CLI_PLOT = 1u << 7,
    CLI_SEED = 1u << 8,            /**< `--seed N`, default 1 */
    CLI_THREADS = 1u << 9,
    CLI_SAMPLES = 1u << 10,
    CLI_MAX_PARAMETERS = 1u << 11,
    CLI_TIMINGS = 1u << 12,
    CLI_SEED_START = 1u << 13      /**< `--seed N` for a random start, none by default */
};

/** The command line, defaults filled in; each field is its option's value. */
typedef struct cli_options {
    const char *data_path;    /**< "-" for stdin; NULL: the article's samples */
    double b3;                /**< default 0 */
    double rate;              /**< default 0.1, always > 0 */
    double tolerance;         /**< default 0.001, always >= 0 */
    long max_steps;           /**< default 1000, always >= 1 */
    int csv, quiet, plot;     /**< 1 when given */
    long seed;                /**< default 1, always >= 0 */
    long threads;             /**< 1 to CLI_MAX_THREADS; 0 (default): pick */
    long samples;             /**< default 0: none generated */
    long max_parameters;      /**< the widest network timed, default 3001 */
    const char *timings_path; /**< NULL unless given */
    unsigned given;           /**< the cli_flag bits of the options given */
} cli_options;

/** A chapter program as the command line sees it. */
typedef struct cli_program {
    const char *name;    /**< as in messages: "chapter3" */
    const char *summary; /**< what the program shows, for `--help` */
    unsigned options;    /**< the cli_flag bits it takes */
} cli_program;

/** What to do after cli_parse(). */
typedef enum cli_status { CLI_RUN, CLI_HELP, CLI_BAD_INPUT } cli_status;

/** Reads argv into out: help on stdout, or one line `chapterN: what is wrong` on stderr. */
cli_status cli_parse(const cli_program *program, int argc, char **argv, cli_options *out);

/** cli_parse(), then exits 0 after help, EXIT_BAD_INPUT after an error. */
cli_options cli_parse_or_exit(const cli_program *program, int argc, char **argv);

/** status, or EXIT_BAD_INPUT after one line on stderr if stdout could not be written. */
int cli_finish(const cli_program *program, int status);

/** Reads text into value; 1 if it is a finite decimal number (`-1.5`, `.25`, `2e-3`) alone,
    spaces or tabs around it. */
int parse_finite(const char *text, double *value);

/** Prints up to `most` bytes of text, control bytes as `\xHH`, then "..." if cut. */
void cli_quote(FILE *out, const char *text, size_t most);

/** Starts a message on err: "name: ", or "name:line: " for a line > 0, then the printf()
    format; name's control bytes as in cli_quote(). Returns -1. */
int cli_complain(FILE *err, const char *name, size_t line, const char *format, ...);

#endif /* CLI_H */
