/**
 * @file data.h
 * @brief Samples from a file: one `input,observed` pair per line.
 *
 * The format: blank lines and lines whose first non-blank character is `#`
 * are skipped; the first other line may be a header of two names that are
 * not numbers at all (`dosage,effectiveness`); every other line holds two
 * finite decimal numbers separated by one comma, with spaces or tabs allowed
 * around each. A field meant as a number but not a finite one (`nan`, `inf`,
 * `1e999`, `1e5x`) is an error on any line, the first included. CRLF line
 * ends, a UTF-8 byte-order mark and a missing final newline are accepted.
 * There is no limit on the number of samples but memory.
 */
#ifndef DATA_H
#define DATA_H

#include <stddef.h>

#include "cli.h"
#include "nn.h"

/**
 * Room that always holds an error message about a file whose name has
 * `name_length` bytes: the name escaped (cli_escape()), its line number, and
 * the longest message.
 */
#define DATA_ERROR_SIZE(name_length) (CLI_ESCAPED_SIZE(name_length) + 256)

/** Samples read from a file; owns its arrays. */
typedef struct data_set {
    size_t count;     /**< samples held */
    size_t capacity;  /**< room in each array */
    double *input;    /**< the inputs x */
    double *observed; /**< the observed outputs */
} data_set;

/**
 * Parses `length` bytes of `text` (which need not end in a NUL byte) into
 * `out`. `name` is the file name used in messages. Returns 0 on success;
 * otherwise writes one line such as `data.csv:4: expected 2 fields
 * (input,observed), found 3` into `error` (without a newline) and returns -1.
 * The name's control bytes are written as `\xHH`; an `error_size` of
 * DATA_ERROR_SIZE(strlen(name)) holds the whole line. `out` is left empty on
 * failure.
 */
int data_parse(const char *name, const char *text, size_t length, data_set *out,
               char *error, size_t error_size);

/**
 * Reads the file at `path` ("-" for standard input) with data_parse().
 * Errors that stop the file being read say `FILE: cannot read: reason`.
 */
int data_load(const char *path, data_set *out, char *error, size_t error_size);

/** The samples as the network's functions take them. */
nn_data data_view(const data_set *set);

/** Frees the arrays and leaves `set` empty. */
void data_free(data_set *set);

#endif /* DATA_H */
