/**
 * @file nn.h
 * @brief The article's network: one input, two softplus neurons, one output.
 *
 *     z1 = w1 * x + b1,  a1 = softplus(z1)
 *     z2 = w2 * x + b2,  a2 = softplus(z2)
 *     predicted = w3 * a1 + w4 * a2 + b3
 *
 * Names: a type or a constant starts with nn_ or NN_; a function is named
 * for what it computes, in the article's words, with no prefix. Everything
 * is double; nothing here allocates, prints or keeps state between calls.
 */
#ifndef NN_H
#define NN_H

#include <stddef.h>

#include "random.h"

/** How many weights and biases the network has. */
#define NN_PARAM_COUNT 7

/** The parameters by position: p.value[NN_W3] is p.w3. */
typedef enum nn_param_index { NN_W1, NN_B1, NN_W2, NN_B2, NN_W3, NN_W4, NN_B3 } nn_param_index;

/**
 * The seven weights and biases, by name (p.w1) or by position (p.value[0]),
 * in the order w1, b1, w2, b2, w3, w4, b3.
 */
typedef union nn_params {
    struct {
        double w1, b1; /**< into the top neuron */
        double w2, b2; /**< into the bottom neuron */
        double w3, w4; /**< from the top and the bottom neuron to the output */
        double b3;     /**< the output's bias: the one number the article looks for */
    };
    double value[NN_PARAM_COUNT]; /**< the same seven, by position */
} nn_params;

/** The slopes of the SSR: g.w1 is dSSR/dw1; a parameter that does not move has 0. */
typedef nn_params nn_gradient;

/** Samples as two parallel arrays, a view that owns neither. */
typedef struct nn_data {
    size_t count;           /**< number of samples */
    const double *input;    /**< the inputs x (dosages) */
    const double *observed; /**< what was observed for each */
} nn_data;

/** Everything the forward pass computes for one input, kept for the backward pass. */
typedef struct nn_trace {
    double x;         /**< the input */
    double z1;        /**< w1 * x + b1 */
    double a1;        /**< softplus(z1) */
    double s1;        /**< sigmoid(z1), the slope of softplus at z1 */
    double top;       /**< w3 * a1 */
    double z2;        /**< w2 * x + b2 */
    double a2;        /**< softplus(z2) */
    double s2;        /**< sigmoid(z2) */
    double bottom;    /**< w4 * a2 */
    double predicted; /**< top + bottom + b3 */
} nn_trace;

/* ---- Chapter 1: the forward pass and the residuals ---------------------- */

/** StatQuest's fitted weights, which the article takes as known, and b3 = 0:
    w1 = 3.34, b1 = -1.43, w2 = -3.53, b2 = 0.57, w3 = -1.22, w4 = -2.30. */
nn_params article_params(void);

/** The article's three samples: dosage 0, 0.5, 1; observed 0, 1, 0. */
nn_data article_data(void);

/** softplus(z) = log(1 + e^z), computed as max(z, 0) + log(1 + e^-|z|) so it never overflows. */
double softplus(double z);

/** sigmoid(z) = 1 / (1 + e^-z), the slope of softplus. */
double sigmoid(double z);

/** The forward pass for input x, every intermediate value kept. */
nn_trace forward(const nn_params *p, double x);

/** residual = observed - predicted */
double residual(double observed, double predicted);

/* ---- Chapter 2: the sum of squared residuals ---------------------------- */

/** SSR = sum over the samples of (observed - predicted)^2 */
double ssr(const nn_params *p, nn_data data);

/* ---- Chapter 3: the chain rule ------------------------------------------ */

/** d(observed - predicted)^2 / dpredicted = -2 * (observed - predicted) */
double dssr_dpredicted(double observed, double predicted);

/** dpredicted/db3 = 1: b3 is added to the output and nothing else depends on it. */
double dpredicted_db3(void);

/** dSSR/db3 = sum over the samples of dssr_dpredicted * dpredicted_db3 */
double dssr_db3(const nn_params *p, nn_data data);

/* ---- Chapter 4: one step of gradient descent ---------------------------- */

/** step size = slope * learning rate */
double step_size(double slope, double learning_rate);

/** new = old - step size: against the slope, downhill. */
double apply_step(double old_value, double step_size);

/* ---- Chapter 5: gradient descent until the step size is tiny ------------ */

/** A slope function: the gradient at p, 0 for every parameter it does not move. */
typedef nn_gradient (*nn_slopes)(const nn_params *p, nn_data data);

/** When descend() stops. */
typedef struct nn_settings {
    double learning_rate; /**< step size = slope * learning rate */
    double tolerance;     /**< stop once every |step size| < tolerance; 0 never stops early */
    long max_steps;       /**< the most steps, at least 1; a step computes the slopes once */
} nn_settings;

/** One step of the descent, seen before its update is applied. */
typedef struct nn_step {
    long step;           /**< 1 for the first */
    nn_params params;    /**< where the slopes were computed */
    double ssr;          /**< the SSR there */
    nn_gradient slope;   /**< the slopes there */
    nn_params step_size; /**< slope * learning rate, parameter by parameter */
} nn_step;

/** Why descend() ended. */
typedef enum nn_end {
    NN_CONVERGED,  /**< every |step size| fell below the tolerance */
    NN_STEP_LIMIT, /**< max_steps steps were taken first */
    NN_DIVERGED    /**< a number stopped being finite */
} nn_end;

/** What descend() reports. */
typedef struct nn_result {
    nn_end end;   /**< why it stopped */
    long steps;   /**< steps shown to the observer: finite rows */
    long updates; /**< updates applied to p */
} nn_result;

/** Sees each step of descend(), to print or record it. */
typedef void (*nn_observer)(const nn_step *step, void *context);

/** 1 when every |step_size->value[i]| < tolerance: where descend() stops. */
int steps_below_tolerance(const nn_params *step_size, double tolerance);

/** Chapter 5's slope function: .b3 = dssr_db3(p, data), every other slope 0. */
nn_gradient b3_gradient(const nn_params *p, nn_data data);

/**
 * Gradient descent, the one loop of every chapter. Each step: the SSR and
 * slopes(p, data) at p, step size = slope * rate for all seven; a step with
 * a number that is not finite ends NN_DIVERGED unseen; otherwise on_step
 * (may be NULL) sees it; if steps_below_tolerance() it ends NN_CONVERGED
 * without that update, else every p->value[i] = apply_step(p->value[i],
 * step size i). After max_steps: NN_DIVERGED if p or its SSR is not finite,
 * else NN_STEP_LIMIT.
 */
nn_result descend(nn_params *p, nn_data data, nn_slopes slopes, nn_settings settings,
                  nn_observer on_step, void *context);

/** The b3 where dSSR/db3 = 0: the mean over the samples of observed - top - bottom. */
double optimal_b3(const nn_params *p, nn_data data);

/* ---- Chapter 6: three parameters, each by its own chain ----------------- */

/** Chapter 6's start: StatQuest's w1, b1, w2, b2 (fixed) and w3 = 0.36, w4 = 0.63, b3 = 0. */
nn_params start_output_layer(void);

/**
 * Chapter 6's slope function. With d = dssr_dpredicted(observed, predicted)
 * for each sample: dSSR/dw3 = sum d * a1, dSSR/dw4 = sum d * a2,
 * dSSR/db3 = sum d * dpredicted_db3(); w1, b1, w2, b2 get 0.
 */
nn_gradient output_layer_gradient(const nn_params *p, nn_data data);

/**
 * The w3, w4, b3 where all three slopes are 0, w1, b1, w2, b2 kept: with
 * u = (a1, a2, 1) per sample, solves (sum u u^T) (w3, w4, b3) = sum u * observed.
 * Writes *best and returns 1, or returns 0 when there is no single solution.
 */
int optimal_output_layer(const nn_params *p, nn_data data, nn_params *best);

/* ---- Chapter 7: all seven parameters ------------------------------------ */

/** Chapter 7's start: w1 = 2.74, b1 = 0, w2 = -1.13, b2 = 0, w3 = 0.36, w4 = 0.63, b3 = 0. */
nn_params start_all(void);

/** A random start: w1, w2, w3, w4 drawn from a standard normal in that order, biases 0. */
nn_params random_start(random_state *r);

/**
 * One sample's backward pass, added to *g. With d = dssr_dpredicted():
 * b3 += d, w3 += d * a1, w4 += d * a2, b1 += d * w3 * sigmoid(z1),
 * w1 += d * w3 * sigmoid(z1) * x; b2 and w2 the same through w4 and z2.
 */
void backward(const nn_params *p, const nn_trace *t, double observed, nn_gradient *g);

/** Chapter 7's slope function: forward() and backward() for every sample, summed. */
nn_gradient gradient(const nn_params *p, nn_data data);

/** The name of parameter i as the article writes it: "w1", "b1", ... "b3". */
const char *param_name(int i);

/* ---- Chapter 8: checking the gradient by measuring it ------------------- */

/** The largest relative_error() at which a derived and a measured slope agree. */
#define GRADIENT_CHECK_TOLERANCE 1e-6

/** h = 1e-5 * max(1, |parameter i|), the step of slope_by_difference(). */
double difference_step(const nn_params *p, int i);

/** The slope along parameter i, measured: (SSR(+h) - SSR(-h)) / 2h. */
double slope_by_difference(const nn_params *p, nn_data data, int i);

/** |a - b| / max(|a|, |b|, 1e-8) */
double relative_error(double a, double b);

/**
 * How far rounding can move slope_by_difference(): 10 eps * sum s^2 / h,
 * with s = |observed| + |top| + |bottom| + |b3| per sample, eps = DBL_EPSILON.
 */
double difference_rounding(const nn_params *p, nn_data data, int i);

/** The truncation error of slope_by_difference(), three times over: |m(h) - m(2h)|. */
double difference_truncation(const nn_params *p, nn_data data, int i);

/** difference_rounding() + difference_truncation(): how far a measured slope may be off. */
double difference_allowance(const nn_params *p, nn_data data, int i);

/** 1 when relative_error(derived, measured) <= GRADIENT_CHECK_TOLERANCE,
    or |derived - measured| <= allowance. */
int slopes_agree(double derived, double measured, double allowance);

#endif /* NN_H */
