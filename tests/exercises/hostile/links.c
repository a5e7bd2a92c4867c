/* Chapter 3's first task, solved: every hostile hand-in but the ones marked
   "alone" starts with it, and keeps its point unless its attack runs for
   every task (a constructor). The rest of nn.c is the reference's. */
#include "nn.h"

double dssr_dpredicted(double observed, double predicted)
{
    return -2.0 * (observed - predicted);
}

double dpredicted_db3(void)
{
    return 1.0;
}
