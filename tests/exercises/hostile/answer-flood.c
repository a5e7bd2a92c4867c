// expect 1 0: prints 60 MB of answers to questions never asked, each key new, then the right keys with wrong values
#include <stdio.h>

double dssr_db3(const nn_params *p, nn_data data)
{
    (void)p;
    (void)data;
    static int done;
    for (long i = 0; !done && i < 1500000; i++)
        printf("=k%ld.%ld 0x1p+0 0x1p+0 0x1p+0\n", i, i * 7919);
    done = 1;
    return 0.0;
}
