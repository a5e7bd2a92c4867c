/**
 * @file nn.c
 * @brief The network and its derivatives, in the order the chapters meet them.
 *
 * Each function carries its formula in the comment above it; nn.h says more.
 */
#include "nn.h"

#include <float.h>
#include <math.h>

/* ---- Chapter 1: the forward pass and the residuals ---------------------- */

/* w1 = 3.34, b1 = -1.43, w2 = -3.53, b2 = 0.57, w3 = -1.22, w4 = -2.30, b3 = 0 */
nn_params nn_article_params(void)
{
    nn_params p = {
        .w1 = 3.34, .b1 = -1.43,
        .w2 = -3.53, .b2 = 0.57,
        .w3 = -1.22, .w4 = -2.30,
        .b3 = 0.0,
    };
    return p;
}

/* The starting, middle and ending dosages, and what was observed. */
nn_data nn_article_data(void)
{
    static const double input[] = {0.0, 0.5, 1.0};
    static const double observed[] = {0.0, 1.0, 0.0};
    nn_data data = {3, input, observed};
    return data;
}

/* softplus(z) = log(1 + e^z) = max(z, 0) + log(1 + e^-|z|): the exponent is
   never positive, so nothing overflows. */
double softplus(double z)
{
    return fmax(z, 0.0) + log1p(exp(-fabs(z)));
}

/* sigmoid(z) = 1 / (1 + e^-z), the slope of softplus; with e = e^-|z| in
   (0, 1] it is 1 / (1 + e) for z >= 0 and e / (1 + e) below. */
double sigmoid(double z)
{
    double e = exp(-fabs(z));
    return z >= 0.0 ? 1.0 / (1.0 + e) : e / (1.0 + e);
}

/* z1 = w1 x + b1, a1 = softplus(z1), top = w3 a1; the same for z2, a2,
   bottom; predicted = top + bottom + b3. */
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

/* residual = observed - predicted */
double residual(double observed, double predicted)
{
    return observed - predicted;
}

/* ---- Chapter 2: the sum of squared residuals ---------------------------- */

/* SSR = sum over samples of (observed - predicted)^2 */
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

/* d/dpredicted (observed - predicted)^2 = 2 (observed - predicted) * (-1) */
double dssr_dpredicted(double observed, double predicted)
{
    return -2.0 * (observed - predicted);
}

/* predicted = top + bottom + b3, and only the last term moves with b3: 1 */
double dpredicted_db3(void)
{
    return 1.0;
}

/* dSSR/db3 = sum over samples of dSSR/dpredicted * dpredicted/db3 */
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

/* step size = slope * learning rate */
double step_size(double slope, double learning_rate)
{
    return slope * learning_rate;
}

/* new = old - step size: against the slope, downhill */
double apply_step(double old_value, double step_size)
{
    return old_value - step_size;
}

/* ---- Chapter 5: gradient descent until the step size is tiny ------------ */

/* Repeat: slope = dSSR/db3, step size = slope * rate, b3 = b3 - step size;
   stop once |step size| < tolerance, without taking that step. */
descent_result descend_b3(nn_params *p, nn_data data, descent_settings settings,
                          descent_observer on_row, void *context)
{
    descent_result result = {DESCENT_STEP_LIMIT, 0, 0};
    for (long step = 1; step <= settings.max_steps; step++) {
        descent_row row = {step, p->b3, ssr(p, data), dssr_db3(p, data), 0.0};
        row.step_size = step_size(row.dssr_db3, settings.learning_rate);
        if (!isfinite(row.b3) || !isfinite(row.ssr) || !isfinite(row.step_size)) {
            result.end = DESCENT_DIVERGED;
            return result;
        }
        result.slopes = step;
        if (on_row != NULL)
            on_row(&row, context);
        if (fabs(row.step_size) < settings.tolerance) {
            result.end = DESCENT_CONVERGED;
            return result;
        }
        p->b3 = apply_step(p->b3, row.step_size);
        result.updates = step;
    }
    /* No row looked at the point the last step reached: check it here. */
    if (!isfinite(p->b3) || !isfinite(ssr(p, data)))
        result.end = DESCENT_DIVERGED;
    return result;
}

/* The slope -2 sum (observed - top - bottom - b3) is 0 where b3 is the mean
   of observed - top - bottom: the mean residual at b3 = 0. */
double optimal_b3(const nn_params *p, nn_data data)
{
    nn_params without_b3 = *p;
    without_b3.b3 = 0.0;
    double sum = 0.0;
    for (size_t i = 0; i < data.count; i++)
        sum += residual(data.observed[i], forward(&without_b3, data.input[i]).predicted);
    return sum / (double)data.count;
}

/* ---- Chapter 6: three parameters, each by its own chain ----------------- */

/* With d = dSSR/dpredicted = -2 (observed - predicted) from above:
   dSSR/db3 += d,  dSSR/dw3 += d a1,  dSSR/dw4 += d a2,
   dSSR/db1 += d w3 sigmoid(z1),  dSSR/dw1 += d w3 sigmoid(z1) x,
   and b2, w2 the same through w4 and z2. */
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

/* dSSR/dparameter = sum over samples of its share: forward, then backward */
nn_gradient gradient(const nn_params *p, nn_data data)
{
    nn_gradient g = {0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0};
    for (size_t i = 0; i < data.count; i++) {
        nn_trace t = forward(p, data.input[i]);
        backward(p, &t, data.observed[i], &g);
    }
    return g;
}

/* "w1", "b1", "w2", "b2", "w3", "w4", "b3" */
const char *nn_param_name(int i)
{
    static const char *const names[NN_PARAM_COUNT] = {"w1", "b1", "w2", "b2", "w3", "w4", "b3"};
    return names[i];
}

/* Parameter i of p, in the order of nn_params. */
double nn_param(const nn_params *p, int i)
{
    const double values[NN_PARAM_COUNT] = {p->w1, p->b1, p->w2, p->b2, p->w3, p->w4, p->b3};
    return values[i];
}

/* Where parameter i of p is stored. */
double *nn_param_at(nn_params *p, int i)
{
    // cppcheck-suppress constVariable ; the pointers are const, and point at what the caller writes
    double *const fields[NN_PARAM_COUNT] = {&p->w1, &p->b1, &p->w2, &p->b2,
                                            &p->w3, &p->w4, &p->b3};
    return fields[i];
}

/* StatQuest's w1, b1, w2, b2; w3 = 0.36, w4 = 0.63, b3 = 0. */
nn_params nn_start_output_layer(void)
{
    nn_params p = nn_article_params();
    p.w3 = 0.36;
    p.w4 = 0.63;
    p.b3 = 0.0;
    return p;
}

/* |step size| < tolerance for every moving parameter */
int steps_below_tolerance(const descent_point *point, unsigned moving, double tolerance)
{
    for (int i = 0; i < NN_PARAM_COUNT; i++)
        if ((moving & NN_BIT(i)) && !(fabs(nn_param(&point->step_size, i)) < tolerance))
            return 0;
    return 1;
}

/* True when the parameters, the SSR and every slope and step of the row are finite. */
static int point_is_finite(const descent_point *point)
{
    if (!isfinite(point->ssr))
        return 0;
    for (int i = 0; i < NN_PARAM_COUNT; i++)
        if (!isfinite(nn_param(&point->params, i)) || !isfinite(nn_param(&point->slope, i)) ||
            !isfinite(nn_param(&point->step_size, i)))
            return 0;
    return 1;
}

/* The slopes a descent needs. When only w3, w4 and b3 move, each reaches
   the SSR through the prediction alone: dSSR/dw3 = sum d a1, dSSR/dw4 =
   sum d a2, dSSR/db3 = sum d, with d = dssr_dpredicted() (chapter 6). Any
   other parameter needs the whole backward pass (chapter 7). */
static nn_gradient slopes_of(const nn_params *p, nn_data data, unsigned moving)
{
    if (moving & ~NN_OUTPUT_LAYER)
        return gradient(p, data);
    nn_gradient g = {0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0};
    for (size_t i = 0; i < data.count; i++) {
        nn_trace t = forward(p, data.input[i]);
        double d = dssr_dpredicted(data.observed[i], t.predicted);
        g.w3 += d * t.a1;
        g.w4 += d * t.a2;
        g.b3 += d * dpredicted_db3();
    }
    return g;
}

/* For every moving parameter: step size = dSSR/dparameter * rate, and
   parameter = parameter - step size, all from the same gradient; repeat until
   every |step size| < tolerance, without taking those steps. */
descent_result descend(nn_params *p, nn_data data, unsigned moving, descent_settings settings,
                       descent_point_observer on_point, void *context)
{
    descent_result result = {DESCENT_STEP_LIMIT, 0, 0};
    for (long step = 1; step <= settings.max_steps; step++) {
        descent_point point = {.step = step, .params = *p, .ssr = ssr(p, data),
                               .slope = slopes_of(p, data, moving)};
        for (int i = 0; i < NN_PARAM_COUNT; i++)
            if (moving & NN_BIT(i))
                *nn_param_at(&point.step_size, i) =
                    step_size(nn_param(&point.slope, i), settings.learning_rate);
        if (!point_is_finite(&point)) {
            result.end = DESCENT_DIVERGED;
            return result;
        }
        result.slopes = step;
        if (on_point != NULL)
            on_point(&point, context);
        if (steps_below_tolerance(&point, moving, settings.tolerance)) {
            result.end = DESCENT_CONVERGED;
            return result;
        }
        for (int i = 0; i < NN_PARAM_COUNT; i++)
            *nn_param_at(p, i) = apply_step(nn_param(p, i), nn_param(&point.step_size, i));
        result.updates = step;
    }
    /* No row looked at the point the last step reached: check it here. */
    descent_point last = {.params = *p, .ssr = ssr(p, data)};
    if (!point_is_finite(&last))
        result.end = DESCENT_DIVERGED;
    return result;
}

/* Where dSSR/dw3 = dSSR/dw4 = dSSR/db3 = 0: with u = (a1, a2, 1) per sample,
   (sum u u^T) (w3, w4, b3) = sum u observed, by Gaussian elimination. */
int optimal_output_layer(const nn_params *p, nn_data data, nn_params *best)
{
    /* m theta = r, with m = sum u u^T and r = sum u observed, u = (a1, a2, 1). */
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

/* w1 = 2.74, b1 = 0, w2 = -1.13, b2 = 0, w3 = 0.36, w4 = 0.63, b3 = 0 */
nn_params nn_start_all(void)
{
    nn_params p = {
        .w1 = 2.74, .b1 = 0.0,
        .w2 = -1.13, .b2 = 0.0,
        .w3 = 0.36, .w4 = 0.63,
        .b3 = 0.0,
    };
    return p;
}

/* w1, w2, w3, w4 drawn from a standard normal, in that order; biases 0 */
nn_params nn_random_start(random_state *r)
{
    nn_params p = {0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0};
    p.w1 = random_normal(r);
    p.w2 = random_normal(r);
    p.w3 = random_normal(r);
    p.w4 = random_normal(r);
    return p;
}

/* ---- Chapter 8: checking the gradient by measuring it ------------------- */

/* h = 1e-5 * max(1, |parameter i|) */
double difference_step(const nn_params *p, int i)
{
    return 1e-5 * fmax(1.0, fabs(nn_param(p, i)));
}

/* (SSR(parameter + h) - SSR(parameter - h)) / 2h */
double slope_by_difference(const nn_params *p, nn_data data, int i)
{
    double h = difference_step(p, i);
    nn_params right = *p, left = *p;
    *nn_param_at(&right, i) += h;
    *nn_param_at(&left, i) -= h;
    return (ssr(&right, data) - ssr(&left, data)) / (2.0 * h);
}

/* |a - b| / max(|a|, |b|, 1e-8) */
double relative_error(double a, double b)
{
    double scale = fmax(fmax(fabs(a), fabs(b)), 1e-8);
    return fabs(a - b) / scale;
}

/* 10 eps * sum over samples of (|observed| + |top| + |bottom| + |b3|)^2 / h */
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

/* (SSR(parameter + h) - SSR(parameter - h)) / 2h for a given h: the
   truncation estimate takes its own measurements, at h and 2h. */
static double central_difference(const nn_params *p, nn_data data, int i, double h)
{
    nn_params right = *p, left = *p;
    *nn_param_at(&right, i) += h;
    *nn_param_at(&left, i) -= h;
    return (ssr(&right, data) - ssr(&left, data)) / (2.0 * h);
}

/* |m(h) - m(2h)|: with m(h) = slope + c h^2 + ..., that is 3 c h^2, three
   times the truncation error of m(h). */
double difference_truncation(const nn_params *p, nn_data data, int i)
{
    double h = difference_step(p, i);
    return fabs(central_difference(p, data, i, h) - central_difference(p, data, i, 2.0 * h));
}

/* rounding + truncation */
double difference_allowance(const nn_params *p, nn_data data, int i)
{
    return difference_rounding(p, data, i) + difference_truncation(p, data, i);
}

/* relative error <= GRADIENT_CHECK_TOLERANCE, or |derived - measured| within
   what rounding and truncation can do to the measurement */
int slopes_agree(double derived, double measured, double allowance)
{
    return relative_error(derived, measured) <= GRADIENT_CHECK_TOLERANCE ||
           fabs(derived - measured) <= allowance;
}
