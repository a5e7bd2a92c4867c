/**
 * @file data.h
 * @brief Samples from a file: one `input,observed` pair of finite numbers a
 *        line, spaces or tabs around each. Skipped: blank lines, `#` lines
 *        and a first line of two names (`dosage,effectiveness`). Accepted:
 *        CRLF, a UTF-8 byte-order mark, no final newline. No limit but memory.
 */
#ifndef DATA_H
#define DATA_H

#include <stdio.h>

#include "nn.h"

/** Samples read from a file; owns its arrays. */
typedef struct data_set {
    size_t count;     /**< samples held */
    double *input;    /**< the inputs x */
    double *observed; /**< the observed outputs */
} data_set;

/** Reads in to its end into out; 0, or -1 (out empty) after one line on err: `name:4: why`. */
int data_read(FILE *in, const char *name, data_set *out, FILE *err);

/** data_read() of the file at path, "-" for stdin. */
int data_load(const char *path, data_set *out, FILE *err);

/** The samples as the network's functions take them. */
nn_data data_view(const data_set *set);

/** Frees the arrays and leaves set empty. */
void data_free(data_set *set);

#endif /* DATA_H */
