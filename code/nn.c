/**
 * @file nn.c
 * @brief The network and its derivatives, in the order the chapters meet them.
 */
#include "nn.h"

#include <math.h>

/* ---- Chapter 1: the forward pass and the residuals ---------------------- */

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

nn_data nn_article_data(void)
{
    /* The starting, middle and ending dosages, and what was observed. */
    static const double input[] = {0.0, 0.5, 1.0};
    static const double observed[] = {0.0, 1.0, 0.0};
    nn_data data = {3, input, observed};
    return data;
}

// BEGIN SOLUTION ch01 softplus: the softplus activation, exact for every z
// HINT: softplus(z) = log(1 + e^z), but e^z overflows once z passes 709. The same
// HINT: number is max(z, 0) + log(1 + e^-|z|), whose exponent is never positive.
// HINT: Use log1p(u) for log(1 + u): it stays exact when u is tiny (z far below 0).
// HINT: fmax, log1p, exp and fabs come from <math.h>.
// STUB: double softplus(double z)
// STUB: {
// STUB:     (void)z;
// STUB:     return 0.0;
// STUB: }
// [nn_softplus]
double softplus(double z)
{
    /* log(1 + e^z) = max(z, 0) + log(1 + e^-|z|): the exponent is never
       positive, so e^-|z| lies in (0, 1] and nothing overflows. */
    return fmax(z, 0.0) + log1p(exp(-fabs(z)));
}
// [nn_softplus]
// END SOLUTION

// [nn_sigmoid]
double sigmoid(double z)
{
    /* e = e^-|z| is in (0, 1]: 1/(1 + e) for z >= 0, e/(1 + e) below 0. */
    double e = exp(-fabs(z));
    return z >= 0.0 ? 1.0 / (1.0 + e) : e / (1.0 + e);
}
// [nn_sigmoid]

// BEGIN SOLUTION ch01 forward: the forward pass, keeping every value
// HINT: Fill every field of the nn_trace: z1 = w1*x + b1, a1 = softplus(z1),
// HINT: s1 = sigmoid(z1), top = w3*a1; the same for z2, a2, s2 and bottom = w4*a2
// HINT: with w2, b2 and w4; then predicted = top + bottom + b3. The weights are p->w1...
// STUB: nn_trace forward(const nn_params *p, double x)
// STUB: {
// STUB:     (void)p; (void)x;
// STUB:     nn_trace t = {0};
// STUB:     return t;
// STUB: }
// [nn_softplus_and_slope]
/* softplus(z) and its slope sigmoid(z), from one exponential e^-|z|. */
static double softplus_and_slope(double z, double *slope)
{
    double e = exp(-fabs(z));
    *slope = z >= 0.0 ? 1.0 / (1.0 + e) : e / (1.0 + e);
    return fmax(z, 0.0) + log1p(e);
}
// [nn_softplus_and_slope]

// [nn_forward]
nn_trace forward(const nn_params *p, double x)
{
    nn_trace t;
    t.x = x;
    t.z1 = p->w1 * x + p->b1;
    t.a1 = softplus_and_slope(t.z1, &t.s1);
    t.top = p->w3 * t.a1;
    t.z2 = p->w2 * x + p->b2;
    t.a2 = softplus_and_slope(t.z2, &t.s2);
    t.bottom = p->w4 * t.a2;
    t.predicted = t.top + t.bottom + p->b3;
    return t;
}
// [nn_forward]
// END SOLUTION

// [nn_residual]
double residual(double observed, double predicted)
{
    return observed - predicted;
}
// [nn_residual]

/* ---- Chapter 2: the sum of squared residuals ---------------------------- */

// BEGIN SOLUTION ch02 ssr: the sum of squared residuals
// HINT: Loop over the data.count samples; for sample i, predict with
// HINT: forward(p, data.input[i]).predicted, take its residual against
// HINT: data.observed[i], and add the residual squared to a running sum.
// STUB: double ssr(const nn_params *p, nn_data data)
// STUB: {
// STUB:     (void)p; (void)data;
// STUB:     return 0.0;
// STUB: }
// [nn_ssr]
double ssr(const nn_params *p, nn_data data)
{
    double sum = 0.0;
    for (size_t i = 0; i < data.count; i++) {
        double r = residual(data.observed[i], forward(p, data.input[i]).predicted);
        sum += r * r;
    }
    return sum;
}
// [nn_ssr]
// END SOLUTION

/* ---- Chapter 3: the chain rule ------------------------------------------ */

// BEGIN SOLUTION ch03 chain_links: the two links, dSSR/dpredicted and dpredicted/db3
// HINT: Differentiate (observed - predicted)^2 with respect to predicted by the
// HINT: chain rule: the power rule on the outside, times the slope of the inside,
// HINT: (observed - predicted), as predicted moves. Then predicted = top + bottom
// HINT: + b3: by how much does it move when b3 moves by 1?
// STUB: double dssr_dpredicted(double observed, double predicted)
// STUB: {
// STUB:     (void)observed; (void)predicted;
// STUB:     return 0.0;
// STUB: }
// STUB:
// STUB: double dpredicted_db3(void)
// STUB: {
// STUB:     return 0.0;
// STUB: }
// [nn_dssr_dpredicted]
double dssr_dpredicted(double observed, double predicted)
{
    /* d/dpredicted (observed - predicted)^2 = 2 (observed - predicted) * (-1) */
    return -2.0 * (observed - predicted);
}

double dpredicted_db3(void)
{
    /* predicted = top + bottom + b3, and only the last term moves with b3. */
    return 1.0;
}
// [nn_dssr_dpredicted]
// END SOLUTION

// BEGIN SOLUTION ch03 dssr_db3: the slope of the SSR with respect to b3
// HINT: The chain rule, once per sample: predict with forward(p, data.input[i]),
// HINT: then add dssr_dpredicted(data.observed[i], predicted) * dpredicted_db3()
// HINT: to a sum over all data.count samples.
// STUB: double dssr_db3(const nn_params *p, nn_data data)
// STUB: {
// STUB:     (void)p; (void)data;
// STUB:     return 0.0;
// STUB: }
// [nn_dssr_db3]
double dssr_db3(const nn_params *p, nn_data data)
{
    double slope = 0.0;
    for (size_t i = 0; i < data.count; i++) {
        double predicted = forward(p, data.input[i]).predicted;
        slope += dssr_dpredicted(data.observed[i], predicted) * dpredicted_db3();
    }
    return slope;
}
// [nn_dssr_db3]
// END SOLUTION

/* ---- Chapter 4: one step of gradient descent ---------------------------- */

// BEGIN SOLUTION ch04 step: the step size, and the step downhill
// HINT: step size = slope x learning rate. The new value moves against the slope:
// HINT: where the SSR rises to the right (slope > 0), b3 must go left.
// STUB: double step_size(double slope, double learning_rate)
// STUB: {
// STUB:     (void)slope; (void)learning_rate;
// STUB:     return 0.0;
// STUB: }
// STUB:
// STUB: double apply_step(double old_value, double step_size)
// STUB: {
// STUB:     (void)step_size;
// STUB:     return old_value;
// STUB: }
// [nn_step]
double step_size(double slope, double learning_rate)
{
    return slope * learning_rate;
}

double apply_step(double old_value, double step_size)
{
    /* Against the slope: where the SSR rises to the right, go left. */
    return old_value - step_size;
}
// [nn_step]
// END SOLUTION

/* ---- Chapter 5: gradient descent until the step is tiny ----------------- */

// BEGIN SOLUTION ch05 descend_b3: the descent loop
// HINT: Until result.slopes reaches settings.max_steps: fill a descent_row (step
// HINT: number, b3, ssr, dssr_db3, step_size), stop with DESCENT_DIVERGED if one is
// HINT: not finite (isfinite), count the slope, show the row with on_row(&row, context)
// HINT: unless on_row is NULL, stop with DESCENT_CONVERGED if |step size| < tolerance,
// HINT: and otherwise apply the step to p->b3 and count the update.
// STUB: descent_result descend_b3(nn_params *p, nn_data data, descent_settings settings,
// STUB:                           descent_observer on_row, void *context)
// STUB: {
// STUB:     (void)p; (void)data; (void)settings; (void)on_row; (void)context;
// STUB:     descent_result result = {DESCENT_STEP_LIMIT, 0, 0};
// STUB:     return result;
// STUB: }
// [nn_descend_b3]
descent_result descend_b3(nn_params *p, nn_data data, descent_settings settings,
                          descent_observer on_row, void *context)
{
    descent_result result = {DESCENT_STEP_LIMIT, 0, 0};
    while (result.slopes < settings.max_steps) {
        descent_row row;
        row.step = result.slopes + 1;
        row.b3 = p->b3;
        row.ssr = ssr(p, data);
        row.dssr_db3 = dssr_db3(p, data);
        row.step_size = step_size(row.dssr_db3, settings.learning_rate);
        if (!isfinite(row.ssr) || !isfinite(row.dssr_db3) || !isfinite(row.step_size)) {
            result.end = DESCENT_DIVERGED;
            return result;
        }
        result.slopes++;
        if (on_row != NULL)
            on_row(&row, context);
        if (fabs(row.step_size) < settings.tolerance) {
            result.end = DESCENT_CONVERGED;
            return result;
        }
        double next = apply_step(p->b3, row.step_size);
        if (!isfinite(next)) {
            result.end = DESCENT_DIVERGED;
            return result;
        }
        p->b3 = next;
        result.updates++;
    }
    return result;
}
// [nn_descend_b3]
// END SOLUTION

// BEGIN SOLUTION ch05 optimal_b3: the exact bottom of the bowl
// HINT: The slope -2 x sum(observed - top - bottom - b3) is zero where b3 is the
// HINT: mean of observed - top - bottom: the mean residual with b3 set to 0. Work on
// HINT: a copy of *p (p is const) and divide the sum by (double)data.count.
// STUB: double optimal_b3(const nn_params *p, nn_data data)
// STUB: {
// STUB:     (void)p; (void)data;
// STUB:     return 0.0;
// STUB: }
// [nn_optimal_b3]
double optimal_b3(const nn_params *p, nn_data data)
{
    /* The mean of observed - top - bottom, the part b3 has to make up. */
    nn_params without_b3 = *p;
    without_b3.b3 = 0.0;
    double sum = 0.0;
    for (size_t i = 0; i < data.count; i++)
        sum += residual(data.observed[i], forward(&without_b3, data.input[i]).predicted);
    return sum / (double)data.count;
}
// [nn_optimal_b3]
// END SOLUTION

/* ---- Chapters 6 and 7: the slope of every weight and bias -------------- */

// BEGIN SOLUTION ch07 backward: one sample's share of all seven slopes, by the chain rule
// HINT: Start from d = dssr_dpredicted(observed, t->predicted), the first link, which every
// HINT: parameter shares; its share is d times the slope of the prediction with respect to
// HINT: it. For b3, w3 and w4, read that slope off predicted = w3 a1 + w4 a2 + b3. w1 and
// HINT: b1 sit further back: follow predicted -> a1 -> z1 -> w1 (or b1) and multiply the
// HINT: slope of every link. The slope of softplus is the sigmoid, and the trace kept it:
// HINT: t->s1 at z1, t->s2 at z2. w2 and b2 go the same way through a2 and z2. Add (+=)
// HINT: each share to *g, since gradient() sums them over the samples.
// STUB: void backward(const nn_params *p, const nn_trace *t, double observed, nn_gradient *g)
// STUB: {
// STUB:     (void)p; (void)t; (void)observed; (void)g;
// STUB: }
// [nn_backward]
void backward(const nn_params *p, const nn_trace *t, double observed, nn_gradient *g)
{
    /* The slope that arrives from the SSR, shared by every parameter. */
    double d = dssr_dpredicted(observed, t->predicted);
    g->b3 += d;                 /* dpredicted/db3 = 1 */
    g->w3 += d * t->a1;         /* dpredicted/dw3 = a1 */
    g->w4 += d * t->a2;         /* dpredicted/dw4 = a2 */
    double d_z1 = d * p->w3 * t->s1; /* through w3, then softplus' at z1 */
    double d_z2 = d * p->w4 * t->s2;
    g->b1 += d_z1;              /* dz1/db1 = 1 */
    g->w1 += d_z1 * t->x;       /* dz1/dw1 = x */
    g->b2 += d_z2;
    g->w2 += d_z2 * t->x;
}
// [nn_backward]
// END SOLUTION

// [nn_gradient]
nn_gradient gradient(const nn_params *p, nn_data data)
{
    nn_gradient g = {0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0};
    for (size_t i = 0; i < data.count; i++) {
        nn_trace t = forward(p, data.input[i]);
        backward(p, &t, data.observed[i], &g);
    }
    return g;
}
// [nn_gradient]

/* ---- Chapter 6: several parameters descend together ------------------- */

const char *nn_param_name(int i)
{
    static const char *const names[NN_PARAM_COUNT] = {"w1", "b1", "w2", "b2", "w3", "w4", "b3"};
    return names[i];
}

double nn_param(const nn_params *p, int i)
{
    const double values[NN_PARAM_COUNT] = {p->w1, p->b1, p->w2, p->b2, p->w3, p->w4, p->b3};
    return values[i];
}

double *nn_param_at(nn_params *p, int i)
{
    // cppcheck-suppress constVariable ; the pointers are const, and point at what the caller writes
    double *const fields[NN_PARAM_COUNT] = {&p->w1, &p->b1, &p->w2, &p->b2,
                                            &p->w3, &p->w4, &p->b3};
    return fields[i];
}

nn_params nn_start_output_layer(void)
{
    nn_params p = nn_article_params();
    p.w3 = 0.36;
    p.w4 = 0.63;
    p.b3 = 0.0;
    return p;
}

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

// BEGIN SOLUTION ch06 steps_below_tolerance: stop only when every moving parameter has stopped
// HINT: `moving` has bit NN_BIT(i) set for each parameter i that descends. Go through
// HINT: i = 0 .. NN_PARAM_COUNT - 1 and, for the moving ones only, look at
// HINT: fabs(nn_param(&point->step_size, i)): one that is not below the tolerance means
// HINT: "not yet" (return 0). The fixed parameters never decide. Strictly below: a step
// HINT: equal to the tolerance is not small enough.
// STUB: int steps_below_tolerance(const descent_point *point, unsigned moving, double tolerance)
// STUB: {
// STUB:     (void)point; (void)moving; (void)tolerance;
// STUB:     return 0;
// STUB: }
int steps_below_tolerance(const descent_point *point, unsigned moving, double tolerance)
{
    for (int i = 0; i < NN_PARAM_COUNT; i++)
        if ((moving & NN_BIT(i)) && !(fabs(nn_param(&point->step_size, i)) < tolerance))
            return 0;
    return 1;
}
// END SOLUTION

// BEGIN SOLUTION ch06 descend: one loop that moves every chosen parameter at once
// HINT: Chapter 5's descend_b3 loop, for all seven at once. Each round: a descent_point
// HINT: with step = result.slopes + 1, params = *p, ssr(p, data) and slope = gradient(p, data);
// HINT: the step size of parameter i is step_size(slope i, settings.learning_rate) when
// HINT: moving & NN_BIT(i), else 0. nn_param(&x, i) reads parameter i of an nn_params,
// HINT: nn_param_at(&x, i) points at it. A non-finite SSR, slope or step size ends with
// HINT: DESCENT_DIVERGED before the row is shown; then count the slope, call on_point (if
// HINT: not NULL), stop with DESCENT_CONVERGED when steps_below_tolerance(), and otherwise
// HINT: apply every step to a copy of *p (all from the same point), check it is finite,
// HINT: store it in *p and count the update.
// STUB: descent_result descend(nn_params *p, nn_data data, unsigned moving, descent_settings settings,
// STUB:                        descent_point_observer on_point, void *context)
// STUB: {
// STUB:     (void)p; (void)data; (void)moving; (void)settings; (void)on_point; (void)context;
// STUB:     descent_result result = {DESCENT_STEP_LIMIT, 0, 0};
// STUB:     return result;
// STUB: }
/* True when the SSR and every slope and step size of the row are finite. */
static int point_is_finite(const descent_point *point)
{
    if (!isfinite(point->ssr))
        return 0;
    for (int i = 0; i < NN_PARAM_COUNT; i++)
        if (!isfinite(nn_param(&point->slope, i)) || !isfinite(nn_param(&point->step_size, i)))
            return 0;
    return 1;
}

// [nn_descend]
descent_result descend(nn_params *p, nn_data data, unsigned moving, descent_settings settings,
                       descent_point_observer on_point, void *context)
{
    descent_result result = {DESCENT_STEP_LIMIT, 0, 0};
    while (result.slopes < settings.max_steps) {
        descent_point point;
        point.step = result.slopes + 1;
        point.params = *p;
        point.ssr = ssr(p, data);
        point.slope = gradient(p, data);
        for (int i = 0; i < NN_PARAM_COUNT; i++)
            *nn_param_at(&point.step_size, i) =
                (moving & NN_BIT(i)) ? step_size(nn_param(&point.slope, i), settings.learning_rate)
                                     : 0.0;
        if (!point_is_finite(&point)) {
            result.end = DESCENT_DIVERGED;
            return result;
        }
        result.slopes++;
        if (on_point != NULL)
            on_point(&point, context);
        if (steps_below_tolerance(&point, moving, settings.tolerance)) {
            result.end = DESCENT_CONVERGED;
            return result;
        }
        /* Every parameter moves by its own step, all computed at the same point. */
        nn_params next = *p;
        for (int i = 0; i < NN_PARAM_COUNT; i++) {
            double *value = nn_param_at(&next, i);
            *value = apply_step(*value, nn_param(&point.step_size, i));
            if (!isfinite(*value)) {
                result.end = DESCENT_DIVERGED;
                return result;
            }
        }
        *p = next;
        result.updates++;
    }
    return result;
}
// [nn_descend]
// END SOLUTION

// [nn_optimal_output_layer]
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
// [nn_optimal_output_layer]

/* ---- Chapter 7: all seven from a random start --------------------------- */

// BEGIN SOLUTION ch07 random_start: a seeded random start, the same on every computer
// HINT: Start from all seven 0 (the biases stay 0), then draw w1, w2, w3 and w4 with
// HINT: random_normal(r), one each and in that order: the order is part of what a seed means.
// STUB: nn_params nn_random_start(random_state *r)
// STUB: {
// STUB:     (void)r;
// STUB:     nn_params p = {0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0};
// STUB:     return p;
// STUB: }
nn_params nn_random_start(random_state *r)
{
    nn_params p = {0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0};
    /* One draw each, in this order, so a seed always gives the same start. */
    p.w1 = random_normal(r);
    p.w2 = random_normal(r);
    p.w3 = random_normal(r);
    p.w4 = random_normal(r);
    return p;
}
// END SOLUTION

/* ---- Chapter 8: checking the gradient by measuring it ------------------- */

// BEGIN SOLUTION ch08 slope_by_difference: the slope measured, without calculus
// HINT: Central difference: (SSR(parameter i + h) - SSR(parameter i - h)) / 2h with
// HINT: h = 1e-5 x max(1, |parameter i|). Make two copies of *p, move parameter i of one
// HINT: up and of the other down (nn_param_at(&copy, i) points at it), and take ssr() of each.
// STUB: double slope_by_difference(const nn_params *p, nn_data data, int i)
// STUB: {
// STUB:     (void)p; (void)data; (void)i;
// STUB:     return 0.0;
// STUB: }
// [nn_slope_by_difference]
double slope_by_difference(const nn_params *p, nn_data data, int i)
{
    double h = 1e-5 * fmax(1.0, fabs(nn_param(p, i)));
    nn_params right = *p, left = *p;
    *nn_param_at(&right, i) += h;
    *nn_param_at(&left, i) -= h;
    return (ssr(&right, data) - ssr(&left, data)) / (2.0 * h);
}
// [nn_slope_by_difference]
// END SOLUTION

// BEGIN SOLUTION ch08 relative_error: how far two slopes disagree, as a fraction
// HINT: |a - b| divided by the larger of |a| and |b|, so the order does not matter. But
// HINT: never divide by less than 1e-8: two slopes that are both practically 0 (say 1e-13
// HINT: and -1e-13) must not count as different. fmax and fabs come from <math.h>.
// STUB: double relative_error(double a, double b)
// STUB: {
// STUB:     (void)a; (void)b;
// STUB:     return 1.0;
// STUB: }
// [nn_relative_error]
double relative_error(double a, double b)
{
    double scale = fmax(fmax(fabs(a), fabs(b)), 1e-8);
    return fabs(a - b) / scale;
}
// [nn_relative_error]
// END SOLUTION
