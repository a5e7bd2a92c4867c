/* Chapter 3's first task, solved: every hostile hand-in but the ones marked
   "alone" starts with it, and must keep its point. Only the functions a task
   names are taken from a hand-in, so each hostile one smuggles its code in
   after a closing brace that is not in column 0. */
#include "nn.h"

double dssr_dpredicted(double observed, double predicted)
{
    return -2.0 * (observed - predicted);
}

double dpredicted_db3(void)
{
    return 1.0;
}
