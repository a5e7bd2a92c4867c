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

/** Reads in to its end into out, whose arrays are then its own until data_free(); 0, or -1
    (out empty) after one line on err: `name:4: why`. */
int data_read(FILE *in, const char *name, nn_data *out, FILE *err);

/** data_read() of the file at path, "-" for stdin. */
int data_load(const char *path, nn_data *out, FILE *err);

/** Frees the arrays data_read() made and leaves data empty. */
void data_free(nn_data *data);

#endif /* DATA_H */
