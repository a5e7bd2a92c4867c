/**
 * @file cli.h
 * @brief The command line every chapter shares: one spelling, one set of errors.
 *
 * getopt_long() reads the options: `--rate 0.05`, `--rate=0.05` and any
 * unambiguous start of a name (`--max-step 5`, `--tol 0`) all work. `--` ends
 * the options; as no chapter takes anything else, nothing may follow it.
 * `--csv` prints data and nothing else, so it is refused beside `--quiet` and
 * `--plot`. A mistake is one line on stderr, `chapterN: what is wrong`.
 */
#ifndef CLI_H
#define CLI_H

#include <stddef.h>
#include <stdio.h>

/** Exit status when the arithmetic leaves the finite numbers. */
#define EXIT_DIVERGED 1
/** Exit status for bad options or data, and for output that could not be written. */
#define EXIT_BAD_INPUT 2
/** The most threads `--threads` accepts. */
#define CLI_MAX_THREADS 256

/** The options a chapter may accept; combine them with `|`. */
enum cli_flag {
    CLI_DATA = 1u << 0,            /**< `--data FILE` */
    CLI_B3 = 1u << 1,              /**< `--b3 VALUE` */
    CLI_RATE = 1u << 2,            /**< `--rate R` */
    CLI_TOLERANCE = 1u << 3,       /**< `--tolerance T` */
    CLI_MAX_STEPS = 1u << 4,       /**< `--max-steps N` */
    CLI_CSV = 1u << 5,             /**< `--csv` */
    CLI_QUIET = 1u << 6,           /**< `--quiet` */
    CLI_PLOT = 1u << 7,            /**< `--plot` */
    CLI_SEED = 1u << 8,            /**< `--seed N` */
    CLI_THREADS = 1u << 9,         /**< `--threads N` */
    CLI_SAMPLES = 1u << 10,        /**< `--samples N` */
    CLI_MAX_PARAMETERS = 1u << 11, /**< `--max-parameters N` */
    CLI_TIMINGS = 1u << 12,        /**< `--timings FILE` */
    CLI_SEED_START = 1u << 13      /**< `--seed N` for a random start (none by default) */
};

/** What was asked for on the command line, defaults filled in. */
typedef struct cli_options {
    const char *data_path;    /**< `--data`: a file, "-" for stdin, NULL: the article's samples */
    double b3;                /**< `--b3`: starting b3, default 0 */
    double rate;              /**< `--rate`: learning rate, default 0.1, always > 0 */
    double tolerance;         /**< `--tolerance`: default 0.001, always >= 0 */
    long max_steps;           /**< `--max-steps`: default 1000, always >= 1 */
    int csv;                  /**< `--csv` was given */
    int quiet;                /**< `--quiet` was given */
    int plot;                 /**< `--plot` was given */
    long seed;                /**< `--seed`: default 1, always >= 0 */
    long threads;             /**< `--threads`: 1 to CLI_MAX_THREADS; 0 (default): pick */
    long samples;             /**< `--samples`: 0 (the default) means none generated */
    long max_parameters;      /**< `--max-parameters`: the widest network timed, default 3001 */
    const char *timings_path; /**< `--timings`: times of an earlier `--csv` run, or NULL */
    unsigned given;           /**< the cli_flag bits of the options actually given */
} cli_options;

/** A chapter program as the command line sees it. */
typedef struct cli_program {
    const char *name;    /**< as in messages: "chapter3" */
    const char *summary; /**< what the program shows, for `--help` */
    unsigned options;    /**< the cli_flag bits this program takes */
} cli_program;

/** What the caller should do after cli_parse(). */
typedef enum cli_status {
    CLI_RUN,      /**< options are valid: go on */
    CLI_HELP,     /**< help was printed: exit 0 */
    CLI_BAD_INPUT /**< an error was printed: exit EXIT_BAD_INPUT */
} cli_status;

/** Reads argv into `out`: help to `out_stream`, a one-line error to `err_stream`. */
cli_status cli_parse(const cli_program *program, int argc, char **argv, cli_options *out,
                     FILE *out_stream, FILE *err_stream);

/** cli_parse() on stdout and stderr; exits unless the status is CLI_RUN. */
cli_options cli_parse_or_exit(const cli_program *program, int argc, char **argv);

/**
 * The status a program ends with: `status`, or EXIT_BAD_INPUT after one line
 * on stderr when stdout could not be written (a full disk, a closed stdout, a
 * pipe whose reader left while SIGPIPE is ignored).
 */
int cli_finish(const cli_program *program, int status);

/** Reads a finite decimal number (`-1.5`, `.25`, `2e-3`) and nothing else; 1 on success. */
int parse_finite(const char *text, double *value);

/** Reads a whole number of decimal digits (an optional `+`) that fits a long; 1 on success. */
int parse_count(const char *text, long *value);

/** A message quotes at most this many bytes of a value or a line. */
#define CLI_QUOTE_MOST 40

/**
 * Prints the first `length` bytes of `text` as a message shows them: a control
 * byte as `\xHH`, so that a name can neither break the line nor drive the
 * terminal; at most `most` bytes, then "..." when there were more.
 */
void cli_quote(FILE *out, const char *text, size_t length, size_t most);

#endif /* CLI_H */
