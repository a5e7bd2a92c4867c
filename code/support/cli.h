/**
 * @file cli.h
 * @brief The command line every chapter shares: one spelling, one set of errors.
 *
 * A chapter says which options it accepts; cli_parse() reads them, checks
 * every value, and on a mistake prints one line naming the problem.
 * Exit statuses across the project: 0 success, 1 the numbers diverged or
 * overflowed, 2 bad input (options or data) or output that could not be
 * written.
 *
 * `--` ends the options; as no chapter takes anything else, nothing may
 * follow it. `--csv` prints data and nothing else, so it is refused beside
 * `--quiet` and `--plot`, which ask for something else, in every chapter.
 */
#ifndef CLI_H
#define CLI_H

#include <stdio.h>

/**
 * Exit status for bad input (an unknown option, a bad value, a bad file) and
 * for output that could not be written (a full disk, a closed stdout).
 */
#define EXIT_BAD_INPUT 2
/** Exit status when the arithmetic leaves the finite numbers. */
#define EXIT_DIVERGED 1

/** The most threads `--threads` accepts. */
#define CLI_MAX_THREADS 256

/** The options a chapter may accept; combine them with `|`. */
enum cli_flag {
    CLI_DATA = 1u << 0,      /**< `--data FILE` */
    CLI_B3 = 1u << 1,        /**< `--b3 VALUE` */
    CLI_RATE = 1u << 2,      /**< `--rate R` */
    CLI_TOLERANCE = 1u << 3, /**< `--tolerance T` */
    CLI_MAX_STEPS = 1u << 4, /**< `--max-steps N` */
    CLI_CSV = 1u << 5,       /**< `--csv` */
    CLI_QUIET = 1u << 6,     /**< `--quiet` */
    CLI_PLOT = 1u << 7,      /**< `--plot` */
    CLI_SEED = 1u << 8,      /**< `--seed N` */
    CLI_THREADS = 1u << 9,   /**< `--threads N` */
    CLI_SAMPLES = 1u << 10,  /**< `--samples N` */
    CLI_MAX_PARAMETERS = 1u << 11, /**< `--max-parameters N` */
    CLI_TIMINGS = 1u << 12,        /**< `--timings FILE` */
    CLI_SEED_START = 1u << 13      /**< `--seed N` for a random start, which without it is the chapter's own */
};

/** What was asked for on the command line, defaults filled in. */
typedef struct cli_options {
    const char *data_path; /**< `--data`: a file, "-" for standard input, NULL for the article's samples */
    double b3;             /**< `--b3`: starting b3, default 0 */
    double rate;           /**< `--rate`: learning rate, default 0.1, always > 0 */
    double tolerance;      /**< `--tolerance`: default 0.001, always >= 0 */
    long max_steps;        /**< `--max-steps`: default 1000, always >= 1 */
    int csv;               /**< `--csv` was given */
    int quiet;             /**< `--quiet` was given */
    int plot;              /**< `--plot` was given */
    long seed;             /**< `--seed`: default 1, always >= 0 */
    long threads;          /**< `--threads`: 1 to CLI_MAX_THREADS; 0 (default): every core */
    long samples;          /**< `--samples`: 0 (the default) means none generated */
    long max_parameters;   /**< `--max-parameters`: the widest network timed, default 3001 */
    const char *timings_path; /**< `--timings`: times from an earlier `--csv` run, NULL to time now */
    unsigned given;        /**< the cli_flag bits of the options actually given */
} cli_options;

/** A chapter program as the command line sees it. */
typedef struct cli_program {
    const char *name;    /**< as in messages: "chapter3" */
    const char *summary; /**< one line saying what the program shows */
    unsigned accepts;    /**< the cli_flag bits this program takes */
} cli_program;

/** What the caller should do after cli_parse(). */
typedef enum cli_status {
    CLI_RUN,      /**< options are valid: go on */
    CLI_HELP,     /**< help was printed: exit 0 */
    CLI_BAD_INPUT /**< an error was printed: exit EXIT_BAD_INPUT */
} cli_status;

/**
 * Reads argv into `out`. Help goes to `out_stream`, a one-line error naming
 * the problem to `err_stream`. Both `--rate 0.1` and `--rate=0.1` work.
 */
cli_status cli_parse(const cli_program *program, int argc, char **argv,
                     cli_options *out, FILE *out_stream, FILE *err_stream);

/**
 * cli_parse() on stdout and stderr, exiting unless the status is CLI_RUN.
 * Call it first: it also arranges for stdout to be flushed and closed when
 * the program ends, and for a write that failed (a full disk, a closed
 * stdout, a pipe whose reader left while SIGPIPE is ignored) to end the
 * program with one line on stderr and EXIT_BAD_INPUT, whatever status it
 * meant to end with.
 */
cli_options cli_parse_or_exit(const cli_program *program, int argc, char **argv);

/**
 * Reads a decimal number such as `-1.5`, `.25` or `2e-3`, and nothing else:
 * no spaces, no hexadecimal, no `inf` or `nan`. Returns 1 and stores the value
 * when the text is such a number and the value is finite, else returns 0.
 */
int parse_finite(const char *text, double *value);

/** Room cli_escape() needs to show `most` bytes: four characters each, "...", NUL. */
#define CLI_ESCAPED_SIZE(most) (4 * (most) + 4)

/**
 * Writes the first `length` bytes of `text` into `out` as a message may show
 * them: a control byte as `\xHH`, so that a file name or a word typed on the
 * command line can neither break the line nor drive the terminal; at most
 * `most` bytes, then "..." when there were more. `out` holds
 * CLI_ESCAPED_SIZE(most) bytes. Returns `out`.
 */
char *cli_escape(const char *text, size_t length, size_t most, char *out);

/** Reads a whole number of decimal digits (an optional `+`); 1 on success. */
int parse_count(const char *text, long *value);

#endif /* CLI_H */
