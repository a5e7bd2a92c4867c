/* The data-file reader: the whole file in one read, then line by line. */
#define _POSIX_C_SOURCE 200809L /* getdelim() */

#include "data.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* A header's field is a name, not even a bad number: it does not start like one ("1e5x"),
   and strtod() cannot read all of it ("nan", "-inf"). */
static int is_name(const char *field)
{
    char *end = NULL;
    strtod(field, &end);
    field += strspn(field, "+-");
    return !isdigit((unsigned char)*field) && *field != '.' && end[strspn(end, " \t")] != '\0';
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
    if (fields != 2)
        return cli_complain(err, name, number, "expected 2 fields separated by a comma "
                        "(input,observed), found %zu\n", fields);
    char *comma = strchr(line, ',');
    *comma = '\0';
    char *field[] = {line, comma + 1 + strspn(comma + 1, " \t")};
    int header = *header_allowed && is_name(field[0]) && is_name(field[1]);
    *header_allowed = 0;
    if (header) /* such as "dosage,effectiveness" */
        return 0;
    const char *which[] = {"input", "observed"};
    double *value[] = {&out->input[out->count], &out->observed[out->count]};
    for (int f = 0; f < 2; f++) {
        if (parse_finite(field[f], value[f]))
            continue;
        if (*field[f] == '\0')
            return cli_complain(err, name, number, "the %s value is missing\n", which[f]);
        cli_complain(err, name, number, "the %s value '", which[f]);
        cli_quote(err, field[f], CLI_QUOTE_MOST);
        fputs("' is not a finite number\n", err);
        return -1;
    }
    out->count++;
    return 0;
}

int data_read(FILE *in, const char *name, data_set *out, FILE *err)
{
    *out = (data_set){0};
    /* One read to the end, or to a NUL byte, which no text file holds: /dev/zero ends there. */
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
        cli_complain(err, name, 0, "cannot read: %s\n", strerror(errno ? errno : ENOMEM));
        free(text);
        data_free(out);
        return -1;
    }
    char *end = text + (got > 0 ? got : 0);
    char *line = text + (got >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0); /* BOM */
    int header_allowed = 1, status = 0;
    for (size_t number = 1; status == 0 && line < end; number++) {
        /* memchr(), as AddressSanitizer's strict checks make a str function
           read all the text left, on every line. */
        char *stop = memchr(line, '\n', (size_t)(end - line));
        stop = stop != NULL ? stop : end; /* getdelim() ends the text with a NUL */
        if (memchr(line, '\0', (size_t)(stop - line)) != NULL) {
            status = cli_complain(err, name, number, "contains a NUL byte\n");
            break;
        }
        *stop = '\0';
        if (stop > line && stop[-1] == '\r')
            stop[-1] = '\0';
        status = read_line(line, name, number, &header_allowed, out, err);
        line = stop + 1;
    }
    free(text);
    if (status == 0 && out->count == 0)
        status = cli_complain(err, name, 0, "no samples (expected lines of input,observed)\n");
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
        return cli_complain(err, path, 0, "cannot open: %s\n", strerror(errno));
    }
    int status = data_read(in, from_stdin ? "stdin" : path, out, err);
    if (!from_stdin)
        fclose(in);
    return status;
}

nn_data data_view(const data_set *set)
{
    return (nn_data){.count = set->count, .input = set->input, .observed = set->observed};
}

void data_free(data_set *set)
{
    free(set->input);
    free(set->observed);
    *set = (data_set){0};
}
