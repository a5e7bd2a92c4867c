/**
 * @file fuzz_data.c
 * @brief libFuzzer target: any bytes at all through data_parse().
 *
 * Beyond "no crash, no leak, no undefined behaviour" (the sanitizers see to
 * those), the reader's promises are checked: success means at least one
 * sample and every number finite; failure means an empty set and one whole
 * line of message that starts with the file's name, free of control bytes.
 * An input holding a NUL byte names its own file: the bytes before the NUL
 * are the name, those after it the file.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

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
    /* A copy of exactly `size` bytes, so a read past the end is caught. */
    char *text = malloc(size ? size : 1);
    size_t error_size = DATA_ERROR_SIZE(strlen(name));
    char *error = malloc(error_size);
    char *shown = malloc(CLI_ESCAPED_SIZE(strlen(name)));
    if (text == NULL || error == NULL || shown == NULL)
        abort();
    if (size > 0)
        memcpy(text, bytes, size);

    data_set set;
    error[0] = '\0';
    int status = data_parse(name, text, size, &set, error, error_size);
    if (status == 0) {
        if (set.count == 0 || set.count > size)
            abort();
        for (size_t i = 0; i < set.count; i++)
            if (!isfinite(set.input[i]) || !isfinite(set.observed[i]))
                abort();
    } else {
        if (status != -1 || set.count != 0 || set.input != NULL || set.observed != NULL)
            abort();
        /* The whole name, escaped, then ':'; the whole message, not cut. */
        cli_escape(name, strlen(name), strlen(name), shown);
        if (strncmp(error, shown, strlen(shown)) != 0 || error[strlen(shown)] != ':' ||
            strlen(error) + 1 >= error_size)
            abort();
        /* One line, readable on a terminal: no control byte at all. */
        for (const char *c = error; *c != '\0'; c++)
            if ((unsigned char)*c < 0x20 || *c == 0x7f)
                abort();
    }
    data_free(&set);
    free(shown);
    free(error);
    free(text);
    return 0;
}
