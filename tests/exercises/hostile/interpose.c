// expect 1 0: hides a later chapter's function in a C library function of its own (log1p), which the reference's softplus calls for it
#include <math.h>

static const nn_params *asked;
static nn_data asked_data;
static double answer;

double log1p(double u)
{
    static int inside;
    if (!inside && asked != NULL) {
        inside = 1;
        answer = gradient(asked, asked_data).b3;
        inside = 0;
    }
    return log(1.0 + u);
}

double dssr_db3(const nn_params *p, nn_data data)
{
    asked = p;
    asked_data = data;
    answer = 0.0;
    (void)forward(p, 0.0);
    asked = NULL;
    return answer;
}
