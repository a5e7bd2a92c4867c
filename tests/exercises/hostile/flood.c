// expect 1 0: prints without end
#include <stdio.h>

double dssr_db3(const nn_params *p, nn_data data)
{
    (void)p;
    (void)data;
    for (;;)
        puts("=dssr_db3.1.1 -0x1.f4f6a5d9bd57ap+3 and more and more and more and more");
    return 0.0;
}
