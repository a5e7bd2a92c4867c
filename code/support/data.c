/* The data-file reader: the whole file into memory, then line by line. */
#define _POSIX_C_SOURCE 200809L /* getdelim() */

#include "data.h"

#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* Starts a message with "name:line: ", or "name: " for line 0; returns -1. */
static int where(FILE *err, const char *name, size_t line)
{
    cli_quote(err, name, strlen(name), SIZE_MAX);
    if (line > 0)
        fprintf(err, ":%zu", line);
    fputs(": ", err);
    return -1;
}

/* The field without the blanks around it. */
static char *trimmed(char *field)
{
    size_t length = strlen(field);
    while (length > 0 && (field[length - 1] == ' ' || field[length - 1] == '\t'))
        field[--length] = '\0';
    return field + strspn(field, " \t");
}

/* A header's field is a name, not even a bad number: it does not start like one ("1e5x")
   and strtod() cannot read all of it ("nan", "-inf"). */
static int is_name(const char *field)
{
    const char *first = field + (*field == '+' || *field == '-');
    char *end = NULL;
    strtod(field, &end);
    return *field != '\0' && !isdigit((unsigned char)*first) && *first != '.' &&
           (end == field || *end != '\0');
}

/* Says why a field is not a finite number; returns -1. */
static int bad_field(FILE *err, const char *name, size_t line, const char *which,
                     const char *field)
{
    where(err, name, line);
    if (*field == '\0') {
        fprintf(err, "the %s value is missing\n", which);
        return -1;
    }
    fprintf(err, "the %s value '", which);
    cli_quote(err, field, strlen(field), CLI_QUOTE_MOST);
    fputs("' is not a finite number\n", err);
    return -1;
}

/* Adds the sample on one line, or skips a blank line, a comment or a header
   (where one is allowed); -1 after a message. */
static int read_line(char *line, const char *name, size_t number, int *header_allowed,
                     data_set *out, FILE *err)
{
    line += strspn(line, " \t");
    if (*line == '\0' || *line == '#')
        return 0;
    size_t fields = 1;
    for (const char *c = line; *c != '\0'; c++)
        fields += *c == ',';
    if (fields != 2) {
        where(err, name, number);
        fprintf(err, "expected 2 fields separated by a comma (input,observed), found %zu\n",
                fields);
        return -1;
    }
    char *comma = strchr(line, ',');
    *comma = '\0';
    char *input = trimmed(line);
    char *observed = trimmed(comma + 1);
    int header = *header_allowed && is_name(input) && is_name(observed);
    *header_allowed = 0;
    if (header) /* such as "dosage,effectiveness" */
        return 0;
    if (!parse_finite(input, &out->input[out->count]))
        return bad_field(err, name, number, "input", input);
    if (!parse_finite(observed, &out->observed[out->count]))
        return bad_field(err, name, number, "observed", observed);
    out->count++;
    return 0;
}

int data_read(FILE *in, const char *name, data_set *out, FILE *err)
{
    *out = (data_set){0};
    /* Reading stops at a NUL byte, which no text file holds: /dev/zero ends there. */
    char *text = NULL;
    size_t size = 0, lines = 1;
    errno = 0;
    ssize_t got = getdelim(&text, &size, '\0', in);
    for (ssize_t i = 0; i < got; i++)
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
    if (got < 0) /* an empty file */
        *text = '\0';
    int held_nul = got > 0 && text[got - 1] == '\0', header_allowed = 1, status = 0;
    char *rest = text + (strncmp(text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0); /* a UTF-8 BOM */
    char *end = rest + strlen(rest);
    for (size_t number = 1; status == 0 && rest != NULL; number++) {
        /* memchr(), as AddressSanitizer's strict checks make a str function
           read all the text left, on every line. */
        char *line = rest;
        char *stop = memchr(line, '\n', (size_t)(end - line));
        rest = stop != NULL ? stop + 1 : NULL;
        if (stop != NULL)
            *stop = '\0';
        if (rest == NULL && held_nul) { /* the last line, cut short by the NUL */
            status = where(err, name, number);
            fputs("contains a NUL byte\n", err);
            break;
        }
        size_t length = strlen(line);
        if (length > 0 && line[length - 1] == '\r')
            line[length - 1] = '\0';
        status = read_line(line, name, number, &header_allowed, out, err);
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
