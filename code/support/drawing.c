/* The network in text: two columns, one per hidden neuron. */
#include "drawing.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* The vertical wires: the top path's, x's and the sum's, the bottom path's.
   Each label is centred on its path's wire. */
enum { LEFT = 19, MIDDLE = 39, RIGHT = 59 };

void drawing_set(char label[DRAWING_LABEL], const char *format, ...)
{
    va_list values;
    va_start(values, format);
    vsnprintf(label, DRAWING_LABEL, format, values);
    va_end(values);
}

/* Prints `text` centred on column `centre`, at least a space after the
   `used` columns already printed; returns the columns used after it. */
static int centred(const char *text, int centre, int used)
{
    int length = (int)strlen(text);
    if (length == 0)
        return used;
    int start = centre - length / 2;
    if (start < used + (used > 0))
        start = used + (used > 0);
    printf("%*s%s", start - used, "", text);
    return start + length;
}

/* One line holding a label on each path. */
static void pair(const char *left, const char *right)
{
    centred(right, RIGHT, centred(left, LEFT, 0));
    printf("\n");
}

/* Where x splits into the two paths, and where they meet at the sum. */
static void junction(void)
{
    printf("%*s+", LEFT, "");
    for (int column = LEFT + 1; column < RIGHT; column++)
        putchar(column == MIDDLE ? '+' : '-');
    printf("+\n");
}

void drawing_print(const drawing_labels *l, drawing_direction direction)
{
    const char *arrow = direction == DRAWING_FORWARD ? "v" : "^";
    /* The labelled wires between the junctions, top to bottom. */
    const char (*rows[3])[2][DRAWING_LABEL] = {l->into, l->neuron, l->out_of};
    centred(l->input, MIDDLE, 0);
    printf("\n%*s|\n", MIDDLE, "");
    junction();
    for (int r = 0; r < 3; r++) {
        pair(arrow, arrow);
        for (int line = 0; line < 2; line++)
            pair(rows[r][0][line], rows[r][1][line]);
    }
    pair(arrow, arrow);
    junction();
    printf("%*s%s  %s\n", MIDDLE, "", arrow, l->beside_sum);
    for (int line = 0; line < 2; line++) {
        centred(l->output[line], MIDDLE, 0);
        printf("\n");
    }
}
