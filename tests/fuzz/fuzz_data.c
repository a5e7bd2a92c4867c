/**
 * @file fuzz_data.c
 * @brief libFuzzer target: any bytes at all through data_parse().
 *
 * Beyond "no crash, no leak, no undefined behaviour" (the sanitizers see to
 * those), the reader's promises are checked: success means at least one
 * sample and every number finite; failure means an empty set and one line
 * of message that starts with the file's name, free of control bytes.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "data.h"

int LLVMFuzzerTestOneInput(const uint8_t *bytes, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *bytes, size_t size)
{
    /* A copy of exactly `size` bytes, so a read past the end is caught. */
    char *text = malloc(size ? size : 1);
    if (text == NULL)
        return 0;
    if (size > 0)
        memcpy(text, bytes, size);

    data_set set;
    char error[256];
    error[0] = '\0';
    int status = data_parse("fuzz.csv", text, size, &set, error, sizeof error);
    if (status == 0) {
        if (set.count == 0 || set.count > size)
            abort();
        for (size_t i = 0; i < set.count; i++)
            if (!isfinite(set.input[i]) || !isfinite(set.observed[i]))
                abort();
    } else {
        if (status != -1 || set.count != 0 || set.input != NULL || set.observed != NULL)
            abort();
        if (strncmp(error, "fuzz.csv:", 9) != 0)
            abort();
        /* One line, readable on a terminal: no control byte but a tab. */
        for (const char *c = error; *c != '\0'; c++)
            if (((unsigned char)*c < 0x20 && *c != '\t') || *c == 0x7f)
                abort();
    }
    data_free(&set);
    free(text);
    return 0;
}
