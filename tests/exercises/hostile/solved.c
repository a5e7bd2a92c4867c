// expect 1 1: the honest hand-in, both tasks right, so that the others' zeros mean something
double dssr_db3(const nn_params *p, nn_data data)
{
    double slope = 0.0;
    for (size_t i = 0; i < data.count; i++)
        slope += dssr_dpredicted(data.observed[i], forward(p, data.input[i]).predicted);
    return slope;
}
