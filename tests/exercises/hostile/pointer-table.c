// expect 1 0: reaches a later chapter's function through a table of function pointers in its data
typedef nn_gradient (*slopes_fn)(const nn_params *p, nn_data data);
static const slopes_fn table[] = {gradient};

double dssr_db3(const nn_params *p, nn_data data)
{
    return table[0](p, data).b3;
}
