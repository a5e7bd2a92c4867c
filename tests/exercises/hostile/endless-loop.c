// expect 1 0: never returns
double dssr_db3(const nn_params *p, nn_data data)
{
    (void)p;
    (void)data;
    volatile double slope = 0.0;
    for (;;)
        slope += 1.0;
    return slope;
}
