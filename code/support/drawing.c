/**
 * @file drawing.c
 * @brief The network in text: two columns, one per hidden neuron.
 */
#include "drawing.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* The drawing's vertical wires: the top path's, x's and the sum's, the
   bottom path's. Each label is centred on its path's wire. */
enum { LEFT = 19, MIDDLE = 39, RIGHT = 59 };

void drawing_number(char *text, size_t size, double v)
{
    if (fabs(v) < 1e6)
        snprintf(text, size, "%.4f", v);
    else
        snprintf(text, size, "%.3e", v);
}

void drawing_set(char label[DRAWING_LABEL], const char *format, ...)
{
    va_list values;
    va_start(values, format);
    vsnprintf(label, DRAWING_LABEL, format, values);
    va_end(values);
}

/* Prints `text` centred on column `centre`, after `used` columns already
   printed on this line; returns the columns used after it. */
static int centred(const char *text, int centre, int used)
{
    size_t full = strlen(text);
    int length = full < DRAWING_LABEL - 1 ? (int)full : DRAWING_LABEL - 1;
    if (length == 0)
        return used;
    int start = centre - length / 2;
    if (start < used + (used > 0))
        start = used + (used > 0);
    printf("%*s%.*s", start - used, "", length, text);
    return start + length;
}

/* One line holding a label on each path. */
static void pair(const char *left, const char *right)
{
    int used = centred(left, LEFT, 0);
    centred(right, RIGHT, used);
    printf("\n");
}

/* The wires between two rows of labels, with arrows the way values go. */
static void wires(drawing_direction direction)
{
    const char *arrow = direction == DRAWING_FORWARD ? "v" : "^";
    pair(arrow, arrow);
}

/* The line where x splits into the two paths, or where they meet at the sum. */
static void junction(void)
{
    printf("%*s+", LEFT, "");
    for (int column = LEFT + 1; column < RIGHT; column++)
        putchar(column == MIDDLE ? '+' : '-');
    printf("+\n");
}

void drawing_print(const drawing_labels *l, drawing_direction direction)
{
    centred(l->input, MIDDLE, 0);
    printf("\n%*s|\n", MIDDLE, "");
    junction();
    wires(direction);
    for (int line = 0; line < 2; line++)
        pair(l->into[0][line], l->into[1][line]);
    wires(direction);
    for (int line = 0; line < 2; line++)
        pair(l->neuron[0][line], l->neuron[1][line]);
    wires(direction);
    for (int line = 0; line < 2; line++)
        pair(l->out_of[0][line], l->out_of[1][line]);
    wires(direction);
    junction();
    printf("%*s%s  %.*s\n", MIDDLE, "", direction == DRAWING_FORWARD ? "v" : "^",
           DRAWING_LABEL - 1, l->beside_sum);
    for (int line = 0; line < 2; line++) {
        centred(l->output[line], MIDDLE, 0);
        printf("\n");
    }
}
