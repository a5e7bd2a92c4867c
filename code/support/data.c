/**
 * @file data.c
 * @brief The data-file reader: the whole file into memory, then line by line.
 */
#include "data.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* Writes "name:line: message" (or "name: message" when line is 0), the
   name's control bytes escaped. A buffer of DATA_ERROR_SIZE() holds it all;
   a smaller one gets as much as fits. */
static int fail(char *error, size_t size, const char *name, size_t line,
                const char *format, ...)
{
    if (size < CLI_ESCAPED_SIZE(0)) {
        if (size > 0)
            error[0] = '\0';
        return -1;
    }
    size_t most = size / 4 - 1;
    size_t used = strlen(cli_escape(name, strlen(name), most, error));
    used += (size_t)snprintf(error + used, size - used, line > 0 ? ":%zu: " : ": ", line);
    if (used < size) {
        va_list args;
        va_start(args, format);
        vsnprintf(error + used, size - used, format, args);
        va_end(args);
    }
    return -1;
}

static int is_blank(char c)
{
    return c == ' ' || c == '\t';
}

static int add_sample(data_set *set, double input, double observed)
{
    if (set->count == set->capacity) {
        size_t capacity = set->capacity ? set->capacity * 2 : 64;
        if (capacity > (size_t)-1 / sizeof(double))
            return 0;
        double *grown_input = realloc(set->input, capacity * sizeof(double));
        if (grown_input == NULL)
            return 0;
        set->input = grown_input;
        double *grown_observed = realloc(set->observed, capacity * sizeof(double));
        if (grown_observed == NULL)
            return 0;
        set->observed = grown_observed;
        set->capacity = capacity;
    }
    set->input[set->count] = input;
    set->observed[set->count] = observed;
    set->count++;
    return 1;
}

/* A field, [start, end), with its surrounding blanks already trimmed. */
typedef struct field {
    const char *start;
    const char *end;
} field;

static field trimmed(const char *start, const char *end)
{
    while (start < end && is_blank(*start))
        start++;
    while (end > start && is_blank(end[-1]))
        end--;
    field f = {start, end};
    return f;
}

/* Whether the field was meant as a number, even a bad one ("1e5x", "1e999",
   "-inf"): after an optional sign, a digit or a point, or one of the words
   strtod() reads as a number (inf, infinity, nan, nan(...)) in any case.
   A header's names ("dosage", "x") are none of these. */
static int meant_as_number(field f)
{
    const char *c = f.start;
    if (c < f.end && (*c == '+' || *c == '-'))
        c++;
    /* Up to nine bytes after the sign, in lower case: enough to tell
       "infinity" from "infinity1". */
    char word[10];
    size_t length = 0;
    for (; c + length < f.end && length < sizeof word - 1; length++)
        word[length] = (char)tolower((unsigned char)c[length]);
    word[length] = '\0';
    return isdigit((unsigned char)word[0]) || word[0] == '.' || strcmp(word, "inf") == 0 ||
           strcmp(word, "infinity") == 0 || strcmp(word, "nan") == 0 ||
           strncmp(word, "nan(", 4) == 0;
}

/* parse_finite() wants a NUL-terminated string; copy the field into scratch. */
static int field_number(field f, char **scratch, size_t *scratch_size, double *value,
                        int *out_of_memory)
{
    size_t length = (size_t)(f.end - f.start);
    if (length >= *scratch_size) { /* room for the field and its NUL */
        char *grown = realloc(*scratch, length + 1);
        if (grown == NULL) {
            *out_of_memory = 1;
            return 0;
        }
        *scratch = grown;
        *scratch_size = length + 1;
    }
    memcpy(*scratch, f.start, length);
    (*scratch)[length] = '\0';
    return parse_finite(*scratch, value);
}

/* Explains why a field is not a number, quoting at most 40 bytes of it. */
static int bad_field(char *error, size_t size, const char *name, size_t line,
                     const char *which, field f)
{
    size_t length = (size_t)(f.end - f.start);
    if (length == 0)
        return fail(error, size, name, line, "the %s value is missing", which);
    char shown[CLI_ESCAPED_SIZE(40)];
    return fail(error, size, name, line, "the %s value '%s' is not a finite number", which,
                cli_escape(f.start, length, 40, shown));
}

int data_parse(const char *name, const char *text, size_t length, data_set *out,
               char *error, size_t error_size)
{
    memset(out, 0, sizeof *out);
    const char *p = text;
    const char *end = text + length;
    if (length >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
        p += 3; /* a UTF-8 byte-order mark */

    char *scratch = NULL;
    size_t scratch_size = 0;
    int out_of_memory = 0;
    int seen_content = 0;
    int status = 0;

    for (size_t line = 1; p < end && status == 0; line++) {
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        if (eol == NULL)
            eol = end;
        const char *next = eol < end ? eol + 1 : end;
        const char *stop = eol;
        if (stop > p && stop[-1] == '\r')
            stop--;

        field whole = trimmed(p, stop);
        p = next;
        if (memchr(whole.start, '\0', (size_t)(whole.end - whole.start)) != NULL) {
            status = fail(error, error_size, name, line, "contains a NUL byte");
            break;
        }
        if (whole.start == whole.end || *whole.start == '#')
            continue;

        size_t fields = 1;
        const char *comma = NULL;
        for (const char *c = whole.start; c < whole.end; c++) {
            if (*c == ',') {
                fields++;
                if (comma == NULL)
                    comma = c;
            }
        }
        if (fields != 2) {
            status = fail(error, error_size, name, line,
                          "expected 2 fields separated by a comma (input,observed), found %zu",
                          fields);
            break;
        }

        field input_field = trimmed(whole.start, comma);
        field observed_field = trimmed(comma + 1, whole.end);
        double input = 0.0, observed = 0.0;
        int input_ok = field_number(input_field, &scratch, &scratch_size, &input, &out_of_memory);
        int observed_ok = !out_of_memory &&
            field_number(observed_field, &scratch, &scratch_size, &observed, &out_of_memory);
        if (out_of_memory) {
            status = fail(error, error_size, name, line, "out of memory");
            break;
        }
        if (!seen_content && input_field.start < input_field.end &&
            observed_field.start < observed_field.end && !meant_as_number(input_field) &&
            !meant_as_number(observed_field)) {
            seen_content = 1; /* a header such as "dosage,effectiveness" */
            continue;
        }
        seen_content = 1;
        /* When both fields are wrong, name the one meant as a number: in
           "dose,1e5x" the trouble is more likely 1e5x than a header. */
        int blame_input = !input_ok && (observed_ok || meant_as_number(input_field) ||
                                        !meant_as_number(observed_field));
        if (blame_input)
            status = bad_field(error, error_size, name, line, "input", input_field);
        else if (!observed_ok)
            status = bad_field(error, error_size, name, line, "observed", observed_field);
        else if (!add_sample(out, input, observed))
            status = fail(error, error_size, name, line, "out of memory");
    }
    free(scratch);

    if (status == 0 && out->count == 0)
        status = fail(error, error_size, name, 0,
                      "no samples (expected lines of input,observed)");
    if (status != 0)
        data_free(out);
    return status;
}

/* Reads a whole stream into a growing buffer; NULL (errno set) on failure. */
static char *read_all(FILE *stream, size_t *length)
{
    size_t size = 1 << 16, used = 0;
    char *buffer = malloc(size);
    if (buffer == NULL)
        return NULL;
    for (;;) {
        if (used == size) {
            char *grown = size < (size_t)-1 / 2 ? realloc(buffer, size * 2) : NULL;
            if (grown == NULL) {
                free(buffer);
                errno = ENOMEM;
                return NULL;
            }
            buffer = grown;
            size *= 2;
        }
        size_t got = fread(buffer + used, 1, size - used, stream);
        used += got;
        /* A NUL byte makes the file invalid, and data_parse() names its line
           from what was read up to here; reading on would let /dev/zero or
           /dev/urandom fill the memory. */
        if (memchr(buffer + used - got, '\0', got) != NULL)
            break;
        if (got == 0) {
            if (ferror(stream)) {
                int saved = errno ? errno : EIO;
                free(buffer);
                errno = saved;
                return NULL;
            }
            break;
        }
    }
    *length = used;
    return buffer;
}

int data_load(const char *path, data_set *out, char *error, size_t error_size)
{
    memset(out, 0, sizeof *out);
    int from_stdin = strcmp(path, "-") == 0;
    const char *name = from_stdin ? "stdin" : path;
    errno = 0;
    FILE *stream = from_stdin ? stdin : fopen(path, "rb");
    if (stream == NULL)
        return fail(error, error_size, name, 0, "cannot open: %s", strerror(errno));
    errno = 0;
    size_t length = 0;
    char *text = read_all(stream, &length);
    int saved = errno;
    if (!from_stdin)
        fclose(stream);
    if (text == NULL)
        return fail(error, error_size, name, 0, "cannot read: %s", strerror(saved));
    int status = data_parse(name, text, length, out, error, error_size);
    free(text);
    return status;
}

nn_data data_view(const data_set *set)
{
    nn_data view = {set->count, set->input, set->observed};
    return view;
}

void data_free(data_set *set)
{
    free(set->input);
    free(set->observed);
    memset(set, 0, sizeof *set);
}
