/**
 * @file report.h
 * @brief Loading the samples and printing numbers and prose within 80 columns.
 */
#ifndef REPORT_H
#define REPORT_H

#include <stddef.h>

#include "cli.h"
#include "data.h"
#include "nn.h"

/** Per-sample tables show at most this many rows, then say how many remain. */
#define REPORT_ROWS 10
/** The widest line a chapter prints. */
#define REPORT_COLUMNS 80
/** Room for report_numeral()'s text: the longest, "-999999.9999", and more. */
#define REPORT_NUMBER_SIZE 32

/** The article's samples, or the `--data` file's read into storage; exits on a bad file. */
nn_data report_samples(const cli_options *options, data_set *storage);

/** printf() for prose: a line past REPORT_COLUMNS breaks at its last space that fits. */
void report_text(const char *format, ...)
#if defined(__GNUC__) || defined(__clang__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;

/** Prints a chapter's title, underlined. */
void report_title(const char *title);

/** Prints "Beside the article: WHERE" and a blank line. */
void report_beside(const char *where);

/** Prints v right-aligned in width columns, the first a space (0: just v): 4 decimals, or
    scientific notation past a million or where that would not fit, with fewer digits if need be. */
void report_number(double v, int width);

/** Writes into text what report_number(v, 0) prints. */
const char *report_numeral(double v, char text[REPORT_NUMBER_SIZE]);

/** report_number(), then a newline. */
void report_number_line(double v, int width);

/** After a per-sample table cut at `shown` rows, says how many were left out. */
void report_rows_left_out(size_t shown, size_t count);

#endif /* REPORT_H */
