// expect 0 0: right, but with a variable never used: its chapter does not build under -Werror, so neither does its grading
double dssr_db3(const nn_params *p, nn_data data)
{
    double slope = 0.0, unused;
    for (size_t i = 0; i < data.count; i++)
        slope += dssr_dpredicted(data.observed[i], forward(p, data.input[i]).predicted);
    return slope;
}
