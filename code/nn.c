/**
 * @file nn.c
 * @brief The network and its derivatives, in the order the chapters meet them.
 *
 * Each function's formula is in nn.h, said once; a comment here says why.
 */
#include "nn.h"

#include <float.h>
#include <math.h>

/* ---- Chapter 1: the forward pass and the residuals ---------------------- */

nn_params article_params(void)
{
    nn_params p = {
        .w1 = 3.34, .b1 = -1.43,
        .w2 = -3.53, .b2 = 0.57,
        .w3 = -1.22, .w4 = -2.30,
        .b3 = 0.0,
    };
    return p;
}

nn_data article_data(void)
{
    static const double input[] = {0.0, 0.5, 1.0};
    static const double observed[] = {0.0, 1.0, 0.0};
    nn_data data = {.count = 3, .input = input, .observed = observed};
    return data;
}

double softplus(double z)
{
    /* The exponent is never positive, so nothing overflows. */
    return fmax(z, 0.0) + log1p(exp(-fabs(z)));
}

double sigmoid(double z)
{
    /* With e = e^-|z| in (0, 1]: 1 / (1 + e) for z >= 0, e / (1 + e) below. */
    double e = exp(-fabs(z));
    return z >= 0.0 ? 1.0 / (1.0 + e) : e / (1.0 + e);
}

nn_trace forward(const nn_params *p, double x)
{
    nn_trace t;
    t.x = x;
    t.z1 = p->w1 * x + p->b1;
    t.a1 = softplus(t.z1);
    t.s1 = sigmoid(t.z1);
    t.top = p->w3 * t.a1;
    t.z2 = p->w2 * x + p->b2;
    t.a2 = softplus(t.z2);
    t.s2 = sigmoid(t.z2);
    t.bottom = p->w4 * t.a2;
    t.predicted = t.top + t.bottom + p->b3;
    return t;
}

double residual(double observed, double predicted)
{
    return observed - predicted;
}

/* ---- Chapter 2: the sum of squared residuals ---------------------------- */

double ssr(const nn_params *p, nn_data data)
{
    double sum = 0.0;
    for (size_t i = 0; i < data.count; i++) {
        double r = residual(data.observed[i], forward(p, data.input[i]).predicted);
        sum += r * r;
    }
    return sum;
}

/* ---- Chapter 3: the chain rule ------------------------------------------ */

double dssr_dpredicted(double observed, double predicted)
{
    return -2.0 * (observed - predicted);
}

double dpredicted_db3(void)
{
    return 1.0;
}

double dssr_db3(const nn_params *p, nn_data data)
{
    double slope = 0.0;
    for (size_t i = 0; i < data.count; i++) {
        double predicted = forward(p, data.input[i]).predicted;
        slope += dssr_dpredicted(data.observed[i], predicted) * dpredicted_db3();
    }
    return slope;
}

/* ---- Chapter 4: one step of gradient descent ---------------------------- */

double step_size(double slope, double learning_rate)
{
    return slope * learning_rate;
}

double apply_step(double old_value, double step_size)
{
    return old_value - step_size;
}

/* ---- Chapter 5: gradient descent until the step size is tiny ------------ */

int steps_below_tolerance(const nn_params *step_size, double tolerance)
{
    for (int i = 0; i < NN_PARAM_COUNT; i++)
        if (!(fabs(step_size->value[i]) < tolerance)) /* a NaN is not below */
            return 0;
    return 1;
}

nn_gradient b3_gradient(const nn_params *p, nn_data data)
{
    nn_gradient g = {.b3 = dssr_db3(p, data)};
    return g;
}

/* True when every number of the step is finite. */
static int step_is_finite(const nn_step *row)
{
    if (!isfinite(row->ssr))
        return 0;
    for (int i = 0; i < NN_PARAM_COUNT; i++)
        if (!isfinite(row->params.value[i]) || !isfinite(row->slope.value[i]) ||
            !isfinite(row->step_size.value[i]))
            return 0;
    return 1;
}

nn_result descend(nn_params *p, nn_data data, nn_slopes slopes, nn_settings settings,
                  nn_observer on_step, void *context)
{
    nn_result result = {.end = NN_STEP_LIMIT, .steps = 0, .updates = 0};
    for (long step = 1; step <= settings.max_steps; step++) {
        nn_step row = {.step = step, .params = *p, .ssr = ssr(p, data), .slope = slopes(p, data)};
        for (int i = 0; i < NN_PARAM_COUNT; i++)
            row.step_size.value[i] = step_size(row.slope.value[i], settings.learning_rate);
        if (!step_is_finite(&row)) {
            result.end = NN_DIVERGED;
            return result;
        }
        result.steps = step;
        if (on_step != NULL)
            on_step(&row, context);
        if (steps_below_tolerance(&row.step_size, settings.tolerance)) {
            result.end = NN_CONVERGED;
            return result;
        }
        for (int i = 0; i < NN_PARAM_COUNT; i++)
            p->value[i] = apply_step(p->value[i], row.step_size.value[i]);
        result.updates = step;
    }
    /* No step looked at the point the last update reached: check it here. */
    nn_step last = {.params = *p, .ssr = ssr(p, data)};
    if (!step_is_finite(&last))
        result.end = NN_DIVERGED;
    return result;
}

double optimal_b3(const nn_params *p, nn_data data)
{
    /* The slope -2 * the sum of (observed - top - bottom - b3) is 0 there. */
    nn_params without_b3 = *p;
    without_b3.b3 = 0.0;
    double sum = 0.0;
    for (size_t i = 0; i < data.count; i++)
        sum += residual(data.observed[i], forward(&without_b3, data.input[i]).predicted);
    return sum / (double)data.count;
}

/* ---- Chapter 6: three parameters, each by its own chain ----------------- */

nn_params start_output_layer(void)
{
    nn_params p = article_params();
    p.w3 = 0.36; /* what StatQuest drew once from a standard normal */
    p.w4 = 0.63;
    p.b3 = 0.0;
    return p;
}

nn_gradient output_layer_gradient(const nn_params *p, nn_data data)
{
    nn_gradient g = {.value = {0.0}};
    for (size_t i = 0; i < data.count; i++) {
        nn_trace t = forward(p, data.input[i]);
        /* The same first link for all three, times each one's own second link. */
        double first_link = dssr_dpredicted(data.observed[i], t.predicted);
        g.w3 += first_link * t.a1;
        g.w4 += first_link * t.a2;
        g.b3 += first_link * dpredicted_db3();
    }
    return g;
}

int optimal_output_layer(const nn_params *p, nn_data data, nn_params *best)
{
    /* m theta = r, with m = sum u u^T and r = sum u observed, u = (a1, a2, 1):
       the matrix carries r as its fourth column. */
    double m[3][4] = {{0.0}};
    for (size_t i = 0; i < data.count; i++) {
        nn_trace t = forward(p, data.input[i]);
        const double u[3] = {t.a1, t.a2, 1.0};
        for (int row = 0; row < 3; row++) {
            for (int col = 0; col < 3; col++)
                m[row][col] += u[row] * u[col];
            m[row][3] += u[row] * data.observed[i];
        }
    }
    /* Gaussian elimination, largest pivot first. */
    double scale = fmax(fabs(m[0][0]), fmax(fabs(m[1][1]), fabs(m[2][2])));
    for (int k = 0; k < 3; k++) {
        int pivot = k;
        for (int row = k + 1; row < 3; row++)
            if (fabs(m[row][k]) > fabs(m[pivot][k]))
                pivot = row;
        if (!(fabs(m[pivot][k]) > 1e-12 * scale))
            return 0; /* no single bottom: a valley, not a bowl */
        for (int col = 0; col < 4; col++) {
            double swap = m[k][col];
            m[k][col] = m[pivot][col];
            m[pivot][col] = swap;
        }
        for (int row = k + 1; row < 3; row++) {
            double factor = m[row][k] / m[k][k];
            for (int col = k; col < 4; col++)
                m[row][col] -= factor * m[k][col];
        }
    }
    double theta[3] = {0.0, 0.0, 0.0};
    for (int k = 2; k >= 0; k--) {
        double sum = m[k][3];
        for (int col = k + 1; col < 3; col++)
            sum -= m[k][col] * theta[col];
        theta[k] = sum / m[k][k];
    }
    if (!isfinite(theta[0]) || !isfinite(theta[1]) || !isfinite(theta[2]))
        return 0;
    *best = *p;
    best->w3 = theta[0];
    best->w4 = theta[1];
    best->b3 = theta[2];
    return 1;
}

/* ---- Chapter 7: all seven parameters ------------------------------------ */

nn_params start_all(void)
{
    nn_params p = {
        .w1 = 2.74, .b1 = 0.0,
        .w2 = -1.13, .b2 = 0.0,
        .w3 = 0.36, .w4 = 0.63,
        .b3 = 0.0,
    };
    return p;
}

nn_params random_start(random_state *r)
{
    nn_params p = {.value = {0.0}};
    /* One draw each, in this order: the order is part of what a seed means. */
    p.w1 = random_normal(r);
    p.w2 = random_normal(r);
    p.w3 = random_normal(r);
    p.w4 = random_normal(r);
    return p;
}

void backward(const nn_params *p, const nn_trace *t, double observed, nn_gradient *g)
{
    double d = dssr_dpredicted(observed, t->predicted);
    g->b3 += d;
    g->w3 += d * t->a1;
    g->w4 += d * t->a2;
    double d_z1 = d * p->w3 * t->s1; /* through w3, then softplus' at z1 */
    double d_z2 = d * p->w4 * t->s2;
    g->b1 += d_z1;
    g->w1 += d_z1 * t->x;
    g->b2 += d_z2;
    g->w2 += d_z2 * t->x;
}

nn_gradient gradient(const nn_params *p, nn_data data)
{
    nn_gradient g = {.value = {0.0}};
    for (size_t i = 0; i < data.count; i++) {
        nn_trace t = forward(p, data.input[i]);
        backward(p, &t, data.observed[i], &g);
    }
    return g;
}

const char *param_name(int i)
{
    static const char *const names[NN_PARAM_COUNT] = {"w1", "b1", "w2", "b2", "w3", "w4", "b3"};
    return names[i];
}

/* ---- Chapter 8: checking the gradient by measuring it ------------------- */

double difference_step(const nn_params *p, int i)
{
    return 1e-5 * fmax(1.0, fabs(p->value[i]));
}

/* (SSR(parameter + h) - SSR(parameter - h)) / 2h for any h: the truncation
   estimate measures at h and at 2h. */
static double central_difference(const nn_params *p, nn_data data, int i, double h)
{
    nn_params right = *p, left = *p;
    right.value[i] += h;
    left.value[i] -= h;
    return (ssr(&right, data) - ssr(&left, data)) / (2.0 * h);
}

double slope_by_difference(const nn_params *p, nn_data data, int i)
{
    return central_difference(p, data, i, difference_step(p, i));
}

double relative_error(double a, double b)
{
    double scale = fmax(fmax(fabs(a), fabs(b)), 1e-8);
    return fabs(a - b) / scale;
}

double difference_rounding(const nn_params *p, nn_data data, int i)
{
    double size = 0.0;
    for (size_t k = 0; k < data.count; k++) {
        nn_trace t = forward(p, data.input[k]);
        double s = fabs(data.observed[k]) + fabs(t.top) + fabs(t.bottom) + fabs(p->b3);
        size += s * s;
    }
    return 10.0 * DBL_EPSILON * size / difference_step(p, i);
}

double difference_truncation(const nn_params *p, nn_data data, int i)
{
    /* With m(h) = slope + c h^2 + ..., m(h) - m(2h) = -3 c h^2: three times
       the truncation error of m(h). */
    double h = difference_step(p, i);
    return fabs(central_difference(p, data, i, h) - central_difference(p, data, i, 2.0 * h));
}

double difference_allowance(const nn_params *p, nn_data data, int i)
{
    return difference_rounding(p, data, i) + difference_truncation(p, data, i);
}

int slopes_agree(double derived, double measured, double allowance)
{
    return relative_error(derived, measured) <= GRADIENT_CHECK_TOLERANCE ||
           fabs(derived - measured) <= allowance;
}
