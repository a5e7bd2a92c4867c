/**
 * @file rises.c
 * @brief Chapter 7: where the SSR rose during a descent, and along which parameter.
 */
#include "rises.h"

#include <math.h>
#include <stdio.h>

#include "chapter.h"


void rise_watch_row(const nn_step *point, void *context)
{
    rise_watch *w = context;
    if (w->rows > 0 && point->ssr > w->previous.ssr) {
        if (w->rises == 0) {
            w->before = w->previous;
            w->after = point->ssr;
        }
        if (w->rises < RISES_LISTED)
            w->listed[w->rises] = point->step;
        w->rises++;
    }
    w->previous = *point;
    w->rows++;
    if (w->printer != NULL)
        progress_row(point, w->printer);
}

// [ch07_overshoot]
/* The parameter whose slope is steepest, and the SSR once it alone has taken
   its update, parameter - slope * rate. */
int rise_largest_slope(const nn_step *point, nn_data data, double *ssr_alone)
{
    int largest = 0;
    for (int i = 1; i < NN_PARAM_COUNT; i++)
        if (fabs(point->slope.value[i]) > fabs(point->slope.value[largest]))
            largest = i;
    nn_params alone = point->params;
    alone.value[largest] -= point->step_size.value[largest];
    *ssr_alone = ssr(&alone, data);
    return largest;
}
// [ch07_overshoot]

/* "2, 3, 5 and 8": the steps of the listed rises. */
static void print_listed(const rise_watch *w)
{
    long shown = w->rises < RISES_LISTED ? w->rises : RISES_LISTED;
    for (long k = 0; k < shown; k++)
        printf("%s%ld", k == 0 ? "" : k + 1 == shown && w->rises == shown ? " and " : ", ",
               w->listed[k]);
    if (w->rises > RISES_LISTED)
        printf(" and %ld more", w->rises - RISES_LISTED);
}

void rise_watch_print(const rise_watch *w, double rate)
{
    if (w->rows < 2)
        return;
    if (w->rises == 0) {
        printf("\nThe SSR fell from each row to the next, all %ld of them.\n", w->rows);
        return;
    }
    double alone;
    int i = rise_largest_slope(&w->before, w->data, &alone);
    const char *name = param_name(i);
    printf("\nThe SSR does not always fall: in this descent it rose %ld time%s, at\n"
           "step%s ", w->rises, w->rises == 1 ? "" : "s", w->rises == 1 ? "" : "s");
    print_listed(w);
    printf(".\nThe first rise, from step %ld to step %ld, took the SSR\n"
           "from %.6g to %.6g. At step %ld the steepest slope was\n"
           "dSSR/d%s = ", w->before.step, w->before.step + 1, w->before.ssr, w->after,
           w->before.step, name);
    report_number(w->before.slope.value[i], 0);
    printf(", so at rate %g %s took the largest update,\nby ", rate, name);
    report_number(-w->before.step_size.value[i], 0);
    printf(". ");
    if (alone > w->before.ssr)
        printf("That update alone already raises the SSR, to %.6g:\n"
               "it overshot along %s, past the lowest point in that direction and up\n"
               "the other side.\n", alone, name);
    else
        printf("That update alone would lower the SSR, to %.6g:\n"
               "it is the updates of all seven together that overshot.\n", alone);
    printf("A slope says which way is downhill only where it is measured; slope * rate\n"
           "can carry a parameter past the bottom. Chapters 4 and 5, at the article's\n"
           "rate, lowered the SSR with every update; a smaller --rate shortens them all.\n");
}
