/**
 * @file fuzz_data.c
 * @brief libFuzzer target: any bytes at all through data_read().
 *
 * Beyond "no crash, no leak, no undefined behaviour" (the sanitizers see to
 * those), the reader's promises are checked: success means at least one
 * sample and every number finite; failure means an empty set and one whole
 * line of message that starts with the file's name, free of control bytes.
 * An input holding a NUL byte names its own file: the bytes before the NUL
 * are the name, those after it the file.
 */
#define _POSIX_C_SOURCE 200809L /* fmemopen(), open_memstream() */

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "data.h"

int LLVMFuzzerTestOneInput(const uint8_t *bytes, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *bytes, size_t size)
{
    const uint8_t *nul = memchr(bytes, '\0', size);
    const char *name = nul != NULL ? (const char *)bytes : "fuzz.csv";
    if (nul != NULL) {
        size -= (size_t)(nul - bytes) + 1;
        bytes = nul + 1;
    }
    char none[1];
    FILE *in = fmemopen(size > 0 ? (void *)bytes : none, size, "r");
    char *error = NULL, *shown = NULL;
    size_t error_length = 0, shown_length = 0;
    FILE *err = open_memstream(&error, &error_length);
    FILE *name_shown = open_memstream(&shown, &shown_length);
    if (in == NULL || err == NULL || name_shown == NULL)
        abort();

    nn_data set;
    int status = data_read(in, name, &set, err);
    fclose(in);
    fclose(err);
    cli_quote(name_shown, name, SIZE_MAX);
    fclose(name_shown);
    if (status == 0) {
        if (set.count == 0 || set.count > size || error_length != 0)
            abort();
        for (size_t i = 0; i < set.count; i++)
            if (!isfinite(set.input[i]) || !isfinite(set.observed[i]))
                abort();
    } else {
        if (status != -1 || set.count != 0 || set.input != NULL || set.observed != NULL)
            abort();
        /* The whole name, escaped, then ':'; then one line. */
        if (strncmp(error, shown, shown_length) != 0 || error[shown_length] != ':' ||
            strchr(error, '\n') != error + error_length - 1)
            abort();
        /* Readable on a terminal: no control byte but the final newline. */
        for (const char *c = error; c < error + error_length - 1; c++)
            if ((unsigned char)*c < 0x20 || *c == 0x7f)
                abort();
    }
    data_free(&set);
    free(shown);
    free(error);
    return 0;
}
