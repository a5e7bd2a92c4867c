// expect 1 1: chapter 1's forward is wrong, chapter 3's functions are right: both tasks score, and the report points at chapter 1
nn_trace forward(const nn_params *p, double x)
{
    nn_trace t = {0};
    t.x = x;
    t.predicted = p->b3 - x;
    return t;
}

double dssr_db3(const nn_params *p, nn_data data)
{
    double slope = 0.0;
    for (size_t i = 0; i < data.count; i++)
        slope += dssr_dpredicted(data.observed[i], forward(p, data.input[i]).predicted);
    return slope;
}
