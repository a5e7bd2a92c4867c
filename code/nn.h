/**
 * @file nn.h
 * @brief The article's network: one input, two softplus neurons, one output.
 *
 * Every function here is introduced by one chapter and documented once, with
 * the formula it computes. The network is
 *
 * \f[
 *   z_1 = w_1 x + b_1,\quad a_1 = \mathrm{softplus}(z_1),\qquad
 *   z_2 = w_2 x + b_2,\quad a_2 = \mathrm{softplus}(z_2),
 * \f]
 * \f[
 *   \mathrm{predicted} = w_3 a_1 + w_4 a_2 + b_3 .
 * \f]
 *
 * All arithmetic is in `double`. Nothing here allocates, prints or keeps
 * state between calls.
 */
#ifndef NN_H
#define NN_H

#include <stddef.h>

/** The seven weights and biases of the network. */
typedef struct nn_params {
    double w1; /**< weight from the input to the top neuron */
    double b1; /**< bias of the top neuron */
    double w2; /**< weight from the input to the bottom neuron */
    double b2; /**< bias of the bottom neuron */
    double w3; /**< weight from the top neuron to the output */
    double w4; /**< weight from the bottom neuron to the output */
    double b3; /**< bias of the output: the one number the article looks for */
} nn_params;

/**
 * A set of samples, held as two parallel arrays: `input[i]` is the dosage
 * of sample i and `observed[i]` what was measured for it. A view only: it
 * never owns the arrays it points at.
 */
typedef struct nn_data {
    size_t count;           /**< number of samples */
    const double *input;    /**< the inputs x, `count` of them */
    const double *observed; /**< the observed outputs, `count` of them */
} nn_data;

/**
 * Everything the forward pass computes for one input. The chain rule reuses
 * these values on the way back, so the forward pass keeps them all.
 */
typedef struct nn_trace {
    double x;         /**< the input */
    double z1;        /**< \f$ w_1 x + b_1 \f$ */
    double a1;        /**< \f$ \mathrm{softplus}(z_1) \f$ */
    double s1;        /**< the slope of softplus at z1, \f$ \sigma(z_1) \f$, kept for the backward pass */
    double top;       /**< the top path, \f$ w_3 a_1 \f$ */
    double z2;        /**< \f$ w_2 x + b_2 \f$ */
    double a2;        /**< \f$ \mathrm{softplus}(z_2) \f$ */
    double s2;        /**< the slope of softplus at z2, \f$ \sigma(z_2) \f$ */
    double bottom;    /**< the bottom path, \f$ w_4 a_2 \f$ */
    double predicted; /**< \f$ \mathrm{top} + \mathrm{bottom} + b_3 \f$ */
} nn_trace;

/* ---- Chapter 1: the forward pass and the residuals ---------------------- */

/**
 * The article's parameters: \f$ w_1 = 3.34,\ b_1 = -1.43,\ w_2 = -3.53,\
 * b_2 = 0.57,\ w_3 = -1.22,\ w_4 = -2.30 \f$, and \f$ b_3 = 0 \f$, the
 * starting guess for the one unknown.
 */
nn_params nn_article_params(void);

/**
 * The article's three samples: dosages 0, 0.5 and 1 with observed
 * effectiveness 0, 1 and 0.
 */
nn_data nn_article_data(void);

/**
 * The softplus activation,
 * \f$ \mathrm{softplus}(z) = \log(1 + e^{z}) \f$,
 * computed as \f$ \max(z, 0) + \log(1 + e^{-|z|}) \f$ so that it stays exact
 * and finite for every finite z (the naive form overflows past z = 709).
 */
double softplus(double z);

/**
 * The forward pass for one input x: both hidden neurons, both paths and the
 * prediction \f$ w_3 a_1 + w_4 a_2 + b_3 \f$, every intermediate value kept.
 * Each neuron's softplus and its slope share one exponential.
 */
nn_trace forward(const nn_params *p, double x);

/**
 * The slope of softplus, which is the logistic sigmoid:
 * \f$ \frac{d}{dz}\log(1 + e^{z}) = \frac{e^{z}}{1 + e^{z}} = \frac{1}{1 + e^{-z}} \f$,
 * computed from \f$ e^{-|z|} \f$ so that it never overflows. The chain rule
 * needs it once the weights inside the hidden neurons move (chapter 7).
 */
double sigmoid(double z);

/** The residual, \f$ \mathrm{observed} - \mathrm{predicted} \f$. */
double residual(double observed, double predicted);

/* ---- Chapter 2: the sum of squared residuals ---------------------------- */

/**
 * The sum of squared residuals over the samples,
 * \f$ \mathrm{SSR} = \sum_i (\mathrm{observed}_i - \mathrm{predicted}_i)^2 \f$.
 */
double ssr(const nn_params *p, nn_data data);

/* ---- Chapter 3: the chain rule ------------------------------------------ */

/**
 * How one sample's squared residual changes with its prediction:
 * \f$ \frac{d}{d\,\mathrm{predicted}} (\mathrm{observed} - \mathrm{predicted})^2
 *     = -2\,(\mathrm{observed} - \mathrm{predicted}) \f$.
 */
double dssr_dpredicted(double observed, double predicted);

/**
 * How the prediction changes with b3:
 * \f$ \frac{d\,\mathrm{predicted}}{d b_3} = 1 \f$, because b3 is added to the
 * output and nothing else depends on it.
 */
double dpredicted_db3(void);

/**
 * The slope of the SSR with respect to b3, by the chain rule:
 * \f$ \frac{d\,\mathrm{SSR}}{d b_3}
 *     = \sum_i \frac{d\,\mathrm{SSR}}{d\,\mathrm{predicted}_i}
 *              \cdot \frac{d\,\mathrm{predicted}_i}{d b_3}
 *     = \sum_i -2\,(\mathrm{observed}_i - \mathrm{predicted}_i) \f$.
 */
double dssr_db3(const nn_params *p, nn_data data);

/* ---- Chapter 4: one step of gradient descent ---------------------------- */

/** The step size, \f$ \mathrm{slope} \times \mathrm{learning\ rate} \f$. */
double step_size(double slope, double learning_rate);

/**
 * One step downhill, \f$ \mathrm{new} = \mathrm{old} - \mathrm{step\ size} \f$.
 * Subtracting moves against the slope, which is the direction in which the
 * SSR falls.
 */
double apply_step(double old_value, double step_size);

/* ---- Chapter 5: gradient descent until the step is tiny ----------------- */

/** When the descent loop stops. */
typedef struct descent_settings {
    double learning_rate; /**< multiplies each slope into a step size */
    double tolerance;     /**< stop once \f$ |\mathrm{step\ size}| < \f$ this; 0 never stops early */
    long max_steps;       /**< the most slopes computed, at least 1 */
} descent_settings;

/** One row of the descent: where a slope was computed and the step it gave. */
typedef struct descent_row {
    long step;        /**< 1 for the first slope computed */
    double b3;        /**< b3 where the slope was computed, before the step */
    double ssr;       /**< the SSR at that b3 */
    double dssr_db3;  /**< the slope at that b3 */
    double step_size; /**< slope times learning rate */
} descent_row;

/** Why the descent loop ended. */
typedef enum descent_end {
    DESCENT_CONVERGED,  /**< a step size fell below the tolerance */
    DESCENT_STEP_LIMIT, /**< max_steps slopes were computed first */
    DESCENT_DIVERGED    /**< the SSR or b3 stopped being a finite number */
} descent_end;

/** What the descent loop reports when it ends. */
typedef struct descent_result {
    descent_end end; /**< why it stopped */
    long slopes;     /**< rows produced: slopes computed with finite values */
    long updates;    /**< steps actually applied to b3 */
} descent_result;

/** Called once per row of the descent, for printing or recording it. */
typedef void (*descent_observer)(const descent_row *row, void *context);

/**
 * Gradient descent on b3 alone: compute the slope, the step size, and
 * \f$ b_3 \leftarrow b_3 - \mathrm{step\ size} \f$; repeat until
 * \f$ |\mathrm{step\ size}| < \mathrm{tolerance} \f$ (that last step is not
 * applied) or max_steps slopes have been computed. `p->b3` is updated in
 * place. `on_row` (may be NULL) sees every row before its step is applied.
 * The loop stops, reporting DESCENT_DIVERGED, at the first SSR, slope or b3
 * that is not finite, so no row ever holds an infinity or a NaN.
 */
descent_result descend_b3(nn_params *p, nn_data data, descent_settings settings,
                          descent_observer on_row, void *context);

/**
 * The b3 that minimises the SSR exactly. The SSR is a parabola in b3, and its
 * slope \f$ -2 \sum_i (\mathrm{observed}_i - \mathrm{top}_i - \mathrm{bottom}_i - b_3) \f$
 * is zero where b3 is the mean of \f$ \mathrm{observed}_i - \mathrm{top}_i -
 * \mathrm{bottom}_i \f$: the mean residual at \f$ b_3 = 0 \f$.
 */
double optimal_b3(const nn_params *p, nn_data data);

/* ---- Chapters 6 and 7: the slope of every weight and bias -------------- */

/**
 * The slope of the SSR with respect to each parameter, in the same fields as
 * nn_params: `g.w1` holds \f$ \partial\,\mathrm{SSR} / \partial w_1 \f$.
 */
typedef nn_params nn_gradient;

/**
 * The backward pass for one sample: adds its share of every slope to `g`,
 * reusing the values its forward pass kept. With
 * \f$ d = \frac{d\,\mathrm{SSR}}{d\,\mathrm{predicted}} = -2(\mathrm{observed} - \mathrm{predicted}) \f$
 * arriving from above, each parameter's slope is d times the local slope of
 * the path from that parameter to the prediction:
 * \f[
 *   \frac{\partial\,\mathrm{SSR}}{\partial b_3} \mathrel{+}= d,\quad
 *   \frac{\partial\,\mathrm{SSR}}{\partial w_3} \mathrel{+}= d\,a_1,\quad
 *   \frac{\partial\,\mathrm{SSR}}{\partial w_4} \mathrel{+}= d\,a_2,
 * \f]
 * \f[
 *   \frac{\partial\,\mathrm{SSR}}{\partial b_1} \mathrel{+}= d\,w_3\,\sigma(z_1),\quad
 *   \frac{\partial\,\mathrm{SSR}}{\partial w_1} \mathrel{+}= d\,w_3\,\sigma(z_1)\,x,
 * \f]
 * and the same for \f$ b_2, w_2 \f$ through \f$ w_4 \f$ and \f$ z_2 \f$.
 */
void backward(const nn_params *p, const nn_trace *t, double observed, nn_gradient *g);

/**
 * The full gradient of the SSR over all samples: one forward and one
 * backward pass per sample, the slopes summed.
 */
nn_gradient gradient(const nn_params *p, nn_data data);

#endif /* NN_H */
