/**
 * @file wide.c
 * @brief The widened network: its SSR, its gradient two ways, and how far
 *        the measured one may honestly stray.
 *
 * The parameters sit in one array, so that a finite difference can move
 * any one of them by its position: w_j at 2j, b_j at 2j + 1, v_j at 2H + j,
 * c at 3H (j counted from 0).
 */
#include "wide.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>

#include "random.h"

/* w1 ... wH, then v1 ... vH, from a standard normal, biases 0: for H = 2
   the order of random_start(), w1, w2, w3, w4. */
int wide_draw(wide_network *n, size_t hidden, uint64_t seed)
{
    n->hidden = hidden;
    n->count = 3 * hidden + 1;
    n->param = calloc(n->count, sizeof *n->param);
    n->a = calloc(hidden, sizeof *n->a);
    n->s = calloc(hidden, sizeof *n->s);
    n->ssr_passes = n->forward_passes = n->backward_passes = 0;
    if (n->param == NULL || n->a == NULL || n->s == NULL) {
        wide_free(n);
        return -1;
    }
    random_state r = random_seed(seed);
    for (size_t j = 0; j < hidden; j++)
        n->param[2 * j] = random_normal(&r);
    for (size_t j = 0; j < hidden; j++)
        n->param[2 * hidden + j] = random_normal(&r);
    return 0;
}

void wide_free(wide_network *n)
{
    free(n->param);
    free(n->a);
    free(n->s);
    n->param = n->a = n->s = NULL;
}

// [ch09_ssr]
/* predicted = v1*softplus(w1*x + b1) + ... + vH*softplus(wH*x + bH) + c */
static double predict(const wide_network *n, double x)
{
    const double *p = n->param;
    size_t H = n->hidden;
    double sum = 0.0;
    for (size_t j = 0; j < H; j++)
        sum += p[2 * H + j] * softplus(p[2 * j] * x + p[2 * j + 1]);
    return sum + p[3 * H];
}

/* One SSR pass: sum over the samples of (observed - predicted)^2. */
double wide_ssr(wide_network *n, nn_data data)
{
    double sum = 0.0;
    for (size_t i = 0; i < data.count; i++) {
        double r = residual(data.observed[i], predict(n, data.input[i]));
        sum += r * r;
    }
    n->ssr_passes++;
    return sum;
}
// [ch09_ssr]

/* h = 1e-5 * max(1, |parameter|), chapter 8's step */
static double step_for(double parameter)
{
    return 1e-5 * fmax(1.0, fabs(parameter));
}

// [ch09_measure]
/* Each slope in turn: (SSR(parameter + h) - SSR(parameter - h)) / 2h. */
void wide_gradient_by_differences(wide_network *n, nn_data data, double *slope)
{
    for (size_t k = 0; k < n->count; k++) {
        double parameter = n->param[k];
        double h = step_for(parameter);
        n->param[k] = parameter + h;
        double up = wide_ssr(n, data);
        n->param[k] = parameter - h;
        double down = wide_ssr(n, data);
        n->param[k] = parameter;
        slope[k] = (up - down) / (2.0 * h);
    }
}
// [ch09_measure]

// [ch09_derive]
/* Sample by sample: forward, keeping a_j and sigmoid(z_j); then d =
   dSSR/dpredicted handed back along every path, as nn.c's backward() does:
   dc += d,  dv_j += d a_j,  db_j += d v_j sigmoid(z_j),  dw_j += that * x. */
void wide_gradient(wide_network *n, nn_data data, double *slope)
{
    const double *p = n->param;
    size_t H = n->hidden;
    for (size_t k = 0; k < n->count; k++)
        slope[k] = 0.0;
    for (size_t i = 0; i < data.count; i++) {
        double x = data.input[i];
        double sum = 0.0; /* forward */
        for (size_t j = 0; j < H; j++) {
            double z = p[2 * j] * x + p[2 * j + 1];
            n->a[j] = softplus(z);
            n->s[j] = sigmoid(z);
            sum += p[2 * H + j] * n->a[j];
        }
        double d = dssr_dpredicted(data.observed[i], sum + p[3 * H]);
        slope[3 * H] += d; /* backward */
        for (size_t j = 0; j < H; j++) {
            slope[2 * H + j] += d * n->a[j];
            double d_z = d * p[2 * H + j] * n->s[j]; /* through v_j, then softplus' */
            slope[2 * j + 1] += d_z;
            slope[2 * j] += d_z * x;
        }
    }
    n->forward_passes++;
    n->backward_passes++;
}
// [ch09_derive]

/* Along w_j (power 1) or b_j (power 0), with k = |x|^power = |dz_j/dparameter|:
   |predicted'| <= |v_j| k, |predicted''| <= |v_j| k^2 / 4 (the sigmoid's
   slope is at most 1/4), |predicted'''| <= 0.0963 |v_j| k^3 (its second
   derivative is at most 1 / (6 sqrt 3)). SSR''' = sum of 2 (3 r' r'' + r r''')
   with r = observed - predicted, and |r| within h is at most its value here
   plus h |v_j| k: so |SSR'''| <= sum of |v_j| k^3 (1.5 |v_j| + 0.2 |r|). */
static double third_derivative_bound(double v, double k, double r, double h)
{
    double v_abs = fabs(v);
    return v_abs * k * k * k * (1.5 * v_abs + 0.2 * (fabs(r) + h * v_abs * k));
}

/* rounding 2 * (H + 3) * eps * S / h, plus truncation h^2 / 6 * |SSR'''| */
void wide_allowances(wide_network *n, nn_data data, double *allowance)
{
    const double *p = n->param;
    size_t H = n->hidden;
    double size = 0.0; /* S */
    for (size_t k = 0; k < n->count; k++)
        allowance[k] = 0.0; /* the sum of third-derivative bounds, for now */
    for (size_t i = 0; i < data.count; i++) {
        double x = data.input[i];
        double terms = 0.0;
        for (size_t j = 0; j < H; j++)
            terms += fabs(p[2 * H + j] * softplus(p[2 * j] * x + p[2 * j + 1]));
        double s = fabs(data.observed[i]) + terms + fabs(p[3 * H]);
        size += s * s;
        double r = residual(data.observed[i], predict(n, x));
        for (size_t j = 0; j < H; j++) {
            double v = p[2 * H + j];
            allowance[2 * j] += third_derivative_bound(v, fabs(x), r, step_for(p[2 * j]));
            allowance[2 * j + 1] += third_derivative_bound(v, 1.0, r, step_for(p[2 * j + 1]));
        }
    }
    for (size_t k = 0; k < n->count; k++) {
        double h = step_for(p[k]);
        double rounding = 2.0 * (double)(H + 3) * DBL_EPSILON * size / h;
        allowance[k] = rounding + h * h / 6.0 * allowance[k];
    }
}
