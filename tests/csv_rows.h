/**
 * @file csv_rows.h
 * @brief Reading a chapter's CSV output back into numbers, for the tests.
 *
 * Include after support.h. Header-only so that a test needs no extra object.
 */
#ifndef CSV_ROWS_H
#define CSV_ROWS_H

#include <stdlib.h>
#include <string.h>

/** At most this many columns per row. */
#define CSV_MAX_COLUMNS 16

/** One CSV row: its text fields (up to CSV_MAX_COLUMNS) split in place. */
typedef struct csv_row {
    int columns;                  /**< fields found */
    char *field[CSV_MAX_COLUMNS]; /**< each field's text, NUL-terminated */
} csv_row;

/**
 * Splits `text` (modified in place) into lines and fields. Stores up to
 * `max_rows` rows, the header included, and returns how many lines there
 * were in all.
 */
static inline int csv_split(char *text, csv_row *rows, int max_rows)
{
    int count = 0;
    char *line = text;
    while (line != NULL && *line != '\0') {
        char *end = strchr(line, '\n');
        if (end != NULL)
            *end = '\0';
        if (count < max_rows) {
            csv_row *row = &rows[count];
            row->columns = 0;
            char *field = line;
            for (;;) {
                char *comma = strchr(field, ',');
                if (row->columns < CSV_MAX_COLUMNS)
                    row->field[row->columns++] = field;
                if (comma == NULL)
                    break;
                *comma = '\0';
                field = comma + 1;
            }
        }
        count++;
        line = end != NULL ? end + 1 : NULL;
    }
    return count;
}

/** Field `column` of `row` as a number; fails the test unless it is one entirely. */
static inline double csv_number(const csv_row *row, int column)
{
    assert_true(column < row->columns);
    char *end = NULL;
    double v = strtod(row->field[column], &end);
    assert_true(end != row->field[column] && *end == '\0');
    return v;
}

/** How many lines `text` has. */
static inline int count_lines(const char *text)
{
    int lines = 0;
    for (; text != NULL && *text != '\0'; text++)
        lines += *text == '\n';
    return lines;
}

#endif /* CSV_ROWS_H */
