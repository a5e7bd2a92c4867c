/* The network in text: x splits into two paths, one per hidden neuron, that meet at the sum. */
#include "drawing.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* The columns of the wires: the top neuron's path, x's and the sum's, the bottom one's. */
enum { TOP = 19, MIDDLE = 39, BOTTOM = 59 };

void drawing_add(drawing *d, const char *format, ...)
{
    va_list values;
    va_start(values, format);
    if (d->count < DRAWING_LABELS)
        vsnprintf(d->label[d->count++], DRAWING_LABEL, format, values);
    va_end(values);
}

/* A line with text centred on the middle wire. */
static void middle(const char *text)
{
    printf("%*s%s\n", MIDDLE - (int)strlen(text) / 2, "", text);
}

/* A line with a text centred on each path's wire; a label is too short to reach the other. */
static void paths(const char *top, const char *bottom)
{
    int used = printf("%*s%s", TOP - (int)strlen(top) / 2, "", top);
    printf("%*s%s\n", BOTTOM - (int)strlen(bottom) / 2 - used, "", bottom);
}

void drawing_print(const drawing *d, const char *arrow)
{
    const char *junction = "+-------------------+-------------------+";
    middle(d->label[0]);
    middle("|");
    middle(junction);
    /* Three wires down each path, each an arrow and two labels: k on the top path, k + 6
       beside it on the bottom one. */
    for (int k = 1; k <= 6; k++) {
        if (k % 2 == 1)
            paths(arrow, arrow);
        paths(d->label[k], d->label[k + 6]);
    }
    paths(arrow, arrow);
    middle(junction);
    printf("%*s%s  %s\n", MIDDLE, "", arrow, d->label[13]);
    middle(d->label[14]);
    middle(d->label[15]);
}
