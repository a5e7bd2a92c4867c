// expect 1 1: honest, in K&R style, one closing brace indented, braces in comments and strings, a static helper and a global one beside the task
static double share(const nn_params *p, double input, double observed) {
    /* } a brace in a comment, { and another */
    return dssr_dpredicted(observed, forward(p, input).predicted) * dpredicted_db3();
  }

double sum_of_shares(const nn_params *p, nn_data data);
double sum_of_shares(const nn_params *p, nn_data data) {
    const char *braces = "}{";
    double slope = 0.0;
    (void)braces;
    for (size_t i = 0; i < data.count; i++) { slope += share(p, data.input[i], data.observed[i]); }
    return slope; }

double dssr_db3(const nn_params *p, nn_data data) { return sum_of_shares(p, data); }
