/**
 * @file report.h
 * @brief What every chapter program does around its story: load the samples
 *        and print numbers in aligned columns.
 */
#ifndef REPORT_H
#define REPORT_H

#include <stddef.h>

#include "cli.h"
#include "data.h"
#include "nn.h"

/** Per-sample tables show at most this many rows, then say how many remain. */
#define REPORT_ROWS 10

/**
 * The article's three samples, or those of the `--data` file read into
 * `storage` (free it with data_free()); a bad file exits with EXIT_BAD_INPUT.
 */
nn_data report_samples(const cli_options *options, data_set *storage);

/** The widest line a chapter prints. */
#define REPORT_COLUMNS 80

/**
 * printf() for prose that holds numbers of any width, starting at the
 * beginning of a line: a line that would pass REPORT_COLUMNS is broken at its
 * last space that fits, the rest indented as the line was.
 */
void report_text(const char *format, ...)
#if defined(__GNUC__) || defined(__clang__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;

/** Prints a chapter's title, underlined. */
void report_title(const char *title);

/** Prints "Beside the article: " and `where`, the section a chapter follows, then a blank line. */
void report_beside(const char *where);

/**
 * Prints v right-aligned in `width` columns, one of them a separating space:
 * 4 decimals, or scientific notation past a million or where the fixed form
 * would not fit, with fewer digits if need be. Width 0: as wide as it is.
 */
void report_number(double v, int width);

/** Room for report_numeral()'s text: the longest, "-999999.9999", and more. */
#define REPORT_NUMBER_SIZE 32

/** Writes into `text` what report_number(v, 0) prints, for report_text(). */
const char *report_numeral(double v, char text[REPORT_NUMBER_SIZE]);

/** As report_number(), followed by a newline. */
void report_number_line(double v, int width);

/** After a per-sample table cut at REPORT_ROWS rows, says how many were left out. */
void report_rows_left_out(size_t shown, size_t count);

#endif /* REPORT_H */
