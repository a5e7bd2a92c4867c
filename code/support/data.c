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

/* Reads the sample on one line into input and observed, 1; or skips a blank line, a comment
   or a header (where one is allowed), 0; -1 after a message. */
static int read_line(char *line, const char *name, size_t number, int *header_allowed,
                     double *input, double *observed, FILE *err)
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
    double *value[] = {input, observed};
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
    return 1;
}

int data_read(FILE *in, const char *name, nn_data *out, FILE *err)
{
    *out = (nn_data){0};
    /* One read to the end, or to a NUL byte, which no text file holds: /dev/zero ends there. */
    char *text = NULL;
    size_t size = 0, lines = 1, count = 0;
    errno = 0;
    ssize_t got = getdelim(&text, &size, '\0', in);
    for (ssize_t i = 0; i < got; i++)
        lines += text[i] == '\n';
    /* Room for a sample on every line: the inputs, then the observed values. */
    double *input = text != NULL ? malloc(2 * lines * sizeof(double)) : NULL;
    if (input == NULL || (got < 0 && !feof(in))) {
        cli_complain(err, name, 0, "cannot read: %s\n", strerror(errno ? errno : ENOMEM));
        free(text);
        free(input);
        return -1;
    }
    double *observed = input + lines;
    char *end = text + (got > 0 ? got : 0);
    char *line = text + (got >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0); /* BOM */
    int header_allowed = 1, status = 0;
    for (size_t number = 1; status >= 0 && line < end; number++) {
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
        status = read_line(line, name, number, &header_allowed, &input[count], &observed[count],
                           err);
        count += status > 0;
        line = stop + 1;
    }
    free(text);
    if (status >= 0 && count == 0)
        status = cli_complain(err, name, 0, "no samples (expected lines of input,observed)\n");
    if (status < 0) {
        free(input);
        return -1;
    }
    *out = (nn_data){.count = count, .input = input, .observed = observed};
    return 0;
}

int data_load(const char *path, nn_data *out, FILE *err)
{
    int from_stdin = strcmp(path, "-") == 0;
    FILE *in = from_stdin ? stdin : fopen(path, "rb");
    if (in == NULL) {
        *out = (nn_data){0};
        return cli_complain(err, path, 0, "cannot open: %s\n", strerror(errno));
    }
    int status = data_read(in, from_stdin ? "stdin" : path, out, err);
    if (!from_stdin)
        fclose(in);
    return status;
}

void data_free(nn_data *data)
{
    free((double *)data->input); /* one block, observed its second half */
    *data = (nn_data){0};
}
