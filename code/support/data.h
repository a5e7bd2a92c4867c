/**
 * @file data.h
 * @brief Samples from a file: one `input,observed` pair per line.
 *
 * Blank lines and lines whose first non-blank character is `#` are skipped;
 * the first other line may be a header of two names that are not numbers at
 * all (`dosage,effectiveness`); every other line holds two finite decimal
 * numbers separated by one comma, with spaces or tabs allowed around each. A
 * field meant as a number but not a finite one (`nan`, `inf`, `1e999`,
 * `1e5x`) is an error on any line, the first included. CRLF line ends, a
 * UTF-8 byte-order mark and a missing final newline are accepted. There is no
 * limit on the number of samples but memory.
 */
#ifndef DATA_H
#define DATA_H

#include <stddef.h>
#include <stdio.h>

#include "nn.h"

/** Samples read from a file; owns its arrays. */
typedef struct data_set {
    size_t count;     /**< samples held */
    double *input;    /**< the inputs x */
    double *observed; /**< the observed outputs */
} data_set;

/**
 * Reads `in` to its end (or its first NUL byte, an error) into `out`, naming
 * it `name` in messages. Returns 0; or -1, `out` empty, after one line on
 * `err` such as `data.csv:4: expected 2 fields separated by a comma
 * (input,observed), found 3` or `data.csv: cannot read: REASON`.
 */
int data_read(FILE *in, const char *name, data_set *out, FILE *err);

/** data_read() of the file at `path`, "-" for stdin; `FILE: cannot open: REASON`. */
int data_load(const char *path, data_set *out, FILE *err);

/** The samples as the network's functions take them. */
nn_data data_view(const data_set *set);

/** Frees the arrays and leaves `set` empty. */
void data_free(data_set *set);

#endif /* DATA_H */
