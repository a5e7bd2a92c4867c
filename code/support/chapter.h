/**
 * @file chapter.h
 * @brief What every chapter's main() shares: its start and end, its stop on overflow, and
 *        its printing within 80 columns.
 */
#ifndef CHAPTER_H
#define CHAPTER_H

#include "cli.h"
#include "data.h"
#include "nn.h"

/** Everything a chapter's main() starts from. */
typedef struct chapter_run {
    const cli_program *program; /**< the chapter, for messages */
    cli_options options;        /**< its command line, checked */
    nn_data data;               /**< the samples: the article's or the file's */
    nn_params start;            /**< the article's parameters, b3 from `--b3` */
    int article;                /**< 1 on the article's samples, b3 = 0 and rate 0.1 */
    size_t rows_shown;          /**< rows of a per-sample table: every sample, or ten */
} chapter_run;

/** Reads the options and samples, exiting on `--help` or bad input, then runs verify.h. */
chapter_run chapter_open(const cli_program *program, int argc, char **argv);
/** Frees the samples; returns status, or EXIT_BAD_INPUT if the output was lost. */
int chapter_close(chapter_run *run, int status);

/** What a number that is not finite blames: --b3 or the samples, or --rate. */
typedef enum chapter_cause { CAUSE_NUMBERS, CAUSE_RATE } chapter_cause;
/** Unless value is finite: "NAME: WHAT is not a finite number: CAUSE", exit EXIT_DIVERGED. */
void chapter_require_finite(const chapter_run *run, double value, const char *what,
                            chapter_cause cause);
/** Prints "NAME: diverged after N steps: why" and returns EXIT_DIVERGED. */
int chapter_diverged(const chapter_run *run, nn_result result);

/** The SSR's bowl in b3: its bottom, and a range of b3 to show it in. */
typedef struct chapter_bowl {
    double bottom;    /**< the mean residual at b3 = 0, as optimal_b3() of chapter 5 finds it */
    double low, high; /**< whole numbers: 1 below the least, 2 above the most of b3[], bottom */
} chapter_bowl;
/** The bowl around run->start, its range holding b3[0 .. count - 1]; exits on overflow. */
chapter_bowl chapter_bowl_of(const chapter_run *run, const double *b3, size_t count);

/** Ends a per-sample table: how many samples it left out, if any. */
void chapter_rows_left_out(const chapter_run *run);

/** The widest line a chapter prints. */
#define REPORT_COLUMNS 80
/** Room for a numeral: the longest, "-999999.9999", and more. */
#define REPORT_NUMBER_SIZE 32

/** printf() for prose: a line past REPORT_COLUMNS breaks at its last space that fits. */
void report_text(const char *format, ...) __attribute__((format(printf, 1, 2)));
/** Prints v in width columns, a space first (0: just v), with fewer digits if too wide. */
void report_number(double v, int width);
/** report_number(), then a newline. */
void report_number_line(double v, int width);
/** Writes v into text: 4 decimals, or scientific notation from a million on. */
const char *report_numeral(double v, char text[REPORT_NUMBER_SIZE]);

#endif /* CHAPTER_H */
