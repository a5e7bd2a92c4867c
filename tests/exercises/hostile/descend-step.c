// expect 1 0: the slope from one step of chapter 5's descend(), a later task, reached through a helper
static nn_params moved;

static void keep(const nn_step *point, void *context)
{
    (void)context;
    moved = point->slope;
}

static double by_descent(const nn_params *p, nn_data data)
{
    nn_params q = *p;
    nn_settings s = {0.1, 0.0, 1};
    descend(&q, data, output_layer_gradient, s, keep, NULL);
    return moved.b3;
}

double dssr_db3(const nn_params *p, nn_data data)
{
    return by_descent(p, data);
}
