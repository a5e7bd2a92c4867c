// expect 0 0: includes the teacher's files from inside the function, by every path it can think of
double dssr_db3(const nn_params *p, nn_data data)
{
#include "/proc/self/cwd/code/nn.c"
#include "@ROOT@/code/nn.c"
#include "../../../code/nn.c"
    (void)p;
    (void)data;
    return 0.0;
}
