/* tools/yardstick.c: p holds w1 b1 w2 b2 w3 w4 b3, then the last SSR. */
#ifndef YARDSTICK_H
#define YARDSTICK_H

#include <stddef.h>

void yardstick_descend(double p[8], const double *x, const double *y, size_t n, double rate,
                       long steps);

#endif
