/**
 * @file chapter.h
 * @brief What every chapter's main() shares: its opening, its closing, and
 *        the one way it stops when a number leaves the range of double.
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

/** Reads the options and samples, exiting on `--help` or bad input, then runs verify.h. */
chapter_run chapter_open(const cli_program *program, int argc, char **argv);

/** Frees the samples; returns status, or EXIT_BAD_INPUT if the output was lost. */
int chapter_close(chapter_run *run, int status);

/** 1 on the article's samples, b3 = 0 and rate 0.1: the numbers the article rounds. */
int chapter_is_article(const chapter_run *run);

/** What to blame when a number is not finite. */
typedef enum chapter_cause {
    CAUSE_NUMBERS, /**< --b3 if given and the samples are fine at b3 = 0, else the samples */
    CAUSE_RATE     /**< --rate: the step was too large */
} chapter_cause;

/** Unless value is finite: "NAME: WHAT is not a finite number: CAUSE", exit EXIT_DIVERGED. */
void chapter_require_finite(const chapter_run *run, double value, const char *what,
                            chapter_cause cause);

/** Prints "NAME: diverged after N steps: why" and returns EXIT_DIVERGED. */
int chapter_diverged(const chapter_run *run, nn_result result);

/** The b3 where the SSR is least, the mean of the residuals at b3 = 0 (not optimal_b3(),
    an exercise of chapter 5). */
double chapter_bowl_bottom(const nn_params *p, nn_data data);

/** From one below the least to two above the greatest of b3[] and bottom, whole numbers. */
void chapter_bowl_range(const double *b3, size_t count, double bottom, double *low,
                        double *high);

/** plot_bowl(), stopping the program if some SSR is not finite. */
void chapter_plot_bowl(const chapter_run *run, plot_chart *chart, const nn_params *p,
                       double low, double high);

/** How many samples a per-sample table shows: all, or the first REPORT_ROWS. */
size_t chapter_rows_shown(const chapter_run *run);

/** Prints one row of a per-sample table: sample i at the parameters p. */
typedef void (*chapter_row_printer)(const chapter_run *run, const nn_params *p, size_t i);

/** Prints header, a row per sample shown, then how many were left out. */
void chapter_sample_table(const chapter_run *run, const nn_params *p, const char *header,
                          chapter_row_printer row);

/** "s" unless count is 1: for "1 step", "2 steps". */
const char *chapter_plural(long count);

#endif /* CHAPTER_H */
