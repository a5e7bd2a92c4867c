/**
 * @file chapter.h
 * @brief The opening and the closing that every chapter's main() shares.
 *
 * A chapter opens by reading its options and its samples, and closes by
 * freeing them and returning its status. Between the two it tells its story;
 * when a number leaves the finite range it stops with one line that names
 * what to change: the learning rate, the samples or the starting values.
 */
#ifndef CHAPTER_H
#define CHAPTER_H

#include "cli.h"
#include "data.h"
#include "nn.h"
#include "plot.h"

/** Everything a chapter's main() starts from. */
typedef struct chapter_run {
    const cli_program *program; /**< the chapter, for messages */
    cli_options options;        /**< its command line, checked */
    data_set storage;           /**< the samples of `--data`, if any */
    nn_data data;               /**< the samples: the article's or the file's */
    nn_params start;            /**< the article's parameters, b3 from `--b3` */
} chapter_run;

/**
 * Writes a chapter's `--csv` from the starting parameters, as the series_*()
 * functions of series.h do.
 */
typedef void (*chapter_csv_writer)(const cli_program *program, const nn_params *start,
                                   nn_data data);

/**
 * Reads the command line (exiting after `--help` or a bad option) and loads the samples (exiting with `FILE:LINE:` and
 * EXIT_BAD_INPUT on a bad file). Under `--csv`, when `csv` is not NULL, it
 * writes the CSV through `csv`, frees the samples and exits 0: the chapter's
 * story never starts. Pass NULL where the story itself prints the CSV.
 */
chapter_run chapter_open(const cli_program *program, int argc, char **argv,
                         chapter_csv_writer csv);

/**
 * Frees the samples and returns `status`, or EXIT_BAD_INPUT when the output
 * was lost (cli_finish()): for `return chapter_close(&run, 0);`.
 */
int chapter_close(chapter_run *run, int status);

/**
 * True when the run starts from the article's samples, b3 = 0 and learning
 * rate 0.1, so its numbers are the ones the article rounds.
 */
int chapter_is_article(const chapter_run *run);

/** What made a number leave the finite range. */
typedef enum chapter_cause {
    CAUSE_NUMBERS, /**< the samples or the starting values are too large */
    CAUSE_RATE     /**< the learning rate makes the step too large */
} chapter_cause;

/**
 * Stops the program when `value` is not finite: one line on stderr naming
 * `what` and the cause, exit EXIT_DIVERGED. CAUSE_NUMBERS blames `--b3` when
 * it was given and the samples are fine at b3 = 0, else the samples.
 */
void chapter_require_finite(const chapter_run *run, double value, const char *what,
                            chapter_cause cause);

/**
 * After a descent that ended with DESCENT_DIVERGED: one line on stderr
 * saying after how many `unit`s ("slope", "gradient") and why (the starting
 * point, or the learning rate when steps were taken). Returns EXIT_DIVERGED.
 */
int chapter_diverged(const chapter_run *run, descent_result result, const char *unit);

/**
 * plot_bowl() from `low` to `high`, stopping the program through
 * chapter_require_finite() when the SSR, or the span of the chart's SSR
 * axis, is not finite.
 */
void chapter_plot_bowl(const chapter_run *run, plot_chart *chart, const nn_params *p,
                       double low, double high);

/** How many samples a per-sample table shows: all, or the first REPORT_ROWS. */
size_t chapter_rows_shown(const chapter_run *run);

/** Prints one row of a per-sample table: sample i at the parameters p. */
typedef void (*chapter_row_printer)(const chapter_run *run, const nn_params *p, size_t i);

/**
 * A per-sample table: `header`, then `row` for each of the first REPORT_ROWS
 * samples, then how many were left out.
 */
void chapter_sample_table(const chapter_run *run, const nn_params *p, const char *header,
                          chapter_row_printer row);

/** "s" when `count` is not 1, else "": for "1 slope", "2 slopes". */
const char *chapter_plural(long count);

#endif /* CHAPTER_H */
