// expect 1 0: the slope summed over three samples, whatever data.count says
double dssr_db3(const nn_params *p, nn_data data)
{
    double slope = 0.0;
    for (size_t i = 0; i < 3; i++)
        slope += dssr_dpredicted(data.observed[i], forward(p, data.input[i]).predicted) *
                 dpredicted_db3();
    return slope;
}
