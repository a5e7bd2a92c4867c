// expect 0 0: a constructor keeps a later chapter's function in a variable, which the task then calls; every task reaches the constructor
static nn_gradient (*stash)(const nn_params *p, nn_data data);

__attribute__((constructor)) static void keep(void)
{
    stash = gradient;
}

double dssr_db3(const nn_params *p, nn_data data)
{
    return stash != NULL ? stash(p, data).b3 : 0.0;
}
