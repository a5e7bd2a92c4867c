/* The data-file reader: the whole file into memory, then line by line. */
#define _POSIX_C_SOURCE 200809L /* getdelim() */

#include "data.h"

#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* Starts a message: "name:line: ", or "name: " for line 0. Returns -1. */
static int where(FILE *err, const char *name, size_t line)
{
    cli_quote(err, name, strlen(name), SIZE_MAX);
    if (line > 0)
        fprintf(err, ":%zu: ", line);
    else
        fputs(": ", err);
    return -1;
}

/* The field without the blanks around it, cut in place. */
static char *trimmed(char *field)
{
    field += strspn(field, " \t");
    size_t length = strlen(field);
    while (length > 0 && (field[length - 1] == ' ' || field[length - 1] == '\t'))
        field[--length] = '\0';
    return field;
}

/* Whether a field was meant as a number, even a bad one ("1e5x", "1e999",
   "-inf"): it starts like one, or strtod() reads all of it. A header's names
   ("dosage", "infection") are not. */
static int meant_as_number(const char *field)
{
    const char *first = field + (*field == '+' || *field == '-');
    char *end = NULL;
    strtod(field, &end);
    return isdigit((unsigned char)*first) || *first == '.' || (end != field && *end == '\0');
}

/* Says why a field is not a finite number. */
static int bad_field(FILE *err, const char *name, size_t line, const char *which,
                     const char *field)
{
    where(err, name, line);
    if (*field == '\0') {
        fprintf(err, "the %s value is missing\n", which);
    } else {
        fprintf(err, "the %s value '", which);
        cli_quote(err, field, strlen(field), CLI_QUOTE_MOST);
        fputs("' is not a finite number\n", err);
    }
    return -1;
}

/* Reads one line, NUL-terminated, into `out`; 0 when it held a sample or
   nothing, -1 after a message. `header_allowed` is cleared by a line with content. */
static int read_line(char *text, const char *name, size_t line, int *header_allowed,
                     data_set *out, FILE *err)
{
    char *start = text + strspn(text, " \t");
    if (*start == '\0' || *start == '#')
        return 0;
    size_t fields = 1;
    for (const char *c = start; *c != '\0'; c++)
        fields += *c == ',';
    if (fields != 2) {
        where(err, name, line);
        fprintf(err, "expected 2 fields separated by a comma (input,observed), found %zu\n",
                fields);
        return -1;
    }
    char *comma = strchr(start, ',');
    *comma = '\0';
    char *input = trimmed(start), *observed = trimmed(comma + 1);
    double x = 0.0, y = 0.0;
    int input_ok = parse_finite(input, &x), observed_ok = parse_finite(observed, &y);
    int header = *header_allowed && *input != '\0' && *observed != '\0' &&
                 !meant_as_number(input) && !meant_as_number(observed);
    *header_allowed = 0;
    if (header) /* such as "dosage,effectiveness" */
        return 0;
    /* Both fields wrong: blame the one meant as a number ("dose,1e5x"). */
    if (!input_ok && (observed_ok || meant_as_number(input) || !meant_as_number(observed)))
        return bad_field(err, name, line, "input", input);
    if (!observed_ok)
        return bad_field(err, name, line, "observed", observed);
    out->input[out->count] = x;
    out->observed[out->count++] = y;
    return 0;
}

int data_read(FILE *in, const char *name, data_set *out, FILE *err)
{
    *out = (data_set){0};
    /* Reading stops at a NUL byte, which no text file holds: /dev/zero ends there. */
    char *text = NULL;
    size_t size = 0;
    errno = 0;
    ssize_t got = getdelim(&text, &size, '\0', in);
    size_t length = got > 0 ? (size_t)got : 0, lines = 1;
    for (size_t i = 0; i < length; i++)
        lines += text[i] == '\n';
    /* Room for a sample on every line. */
    if (text == NULL || (got < 0 && !feof(in)) ||
        (out->input = malloc(lines * sizeof(double))) == NULL ||
        (out->observed = malloc(lines * sizeof(double))) == NULL) {
        where(err, name, 0);
        fprintf(err, "cannot read: %s\n", strerror(errno ? errno : ENOMEM));
        free(text);
        data_free(out);
        return -1;
    }
    char *line = text, *end = text + length;
    if (length >= 3 && memcmp(line, "\xEF\xBB\xBF", 3) == 0)
        line += 3; /* a UTF-8 byte-order mark */
    int header_allowed = 1, status = 0;
    for (size_t number = 1; status == 0 && line < end; number++) {
        char *stop = memchr(line, '\n', (size_t)(end - line));
        char *next = stop != NULL ? stop + 1 : end;
        stop = stop != NULL ? stop : end; /* getdelim() put a NUL at the end */
        if (memchr(line, '\0', (size_t)(stop - line)) != NULL) {
            status = where(err, name, number);
            fputs("contains a NUL byte\n", err);
            break;
        }
        *stop = '\0';
        if (stop > line && stop[-1] == '\r')
            stop[-1] = '\0';
        status = read_line(line, name, number, &header_allowed, out, err);
        line = next;
    }
    free(text);
    if (status == 0 && out->count == 0) {
        status = where(err, name, 0);
        fputs("no samples (expected lines of input,observed)\n", err);
    }
    if (status != 0)
        data_free(out);
    return status;
}

int data_load(const char *path, data_set *out, FILE *err)
{
    int from_stdin = strcmp(path, "-") == 0;
    FILE *in = from_stdin ? stdin : fopen(path, "rb");
    if (in == NULL) {
        *out = (data_set){0};
        where(err, path, 0);
        fprintf(err, "cannot open: %s\n", strerror(errno));
        return -1;
    }
    int status = data_read(in, from_stdin ? "stdin" : path, out, err);
    if (!from_stdin)
        fclose(in);
    return status;
}

nn_data data_view(const data_set *set)
{
    return (nn_data){set->count, set->input, set->observed};
}

void data_free(data_set *set)
{
    free(set->input);
    free(set->observed);
    *set = (data_set){0};
}
