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

#include "random.h"

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
 * The parameters of the article's network, StatQuest's (the article takes
 * them as known and prints none): \f$ w_1 = 3.34,\ b_1 = -1.43,\ w_2 = -3.53,\
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
 * The slope of softplus, which is the logistic sigmoid:
 * \f$ \frac{d}{dz}\log(1 + e^{z}) = \frac{e^{z}}{1 + e^{z}} = \frac{1}{1 + e^{-z}} \f$,
 * computed from \f$ e^{-|z|} \f$ so that it never overflows. The chain rule
 * needs it once the weights inside the hidden neurons move (chapter 7).
 */
double sigmoid(double z);

/**
 * The forward pass for one input x: both hidden neurons, both paths and the
 * prediction \f$ w_3 a_1 + w_4 a_2 + b_3 \f$, every intermediate value kept.
 * Each neuron applies softplus() and keeps sigmoid(), its slope, for the
 * backward pass.
 */
nn_trace forward(const nn_params *p, double x);

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

/* ---- Chapter 5: gradient descent until the step size is tiny ------------ */

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
 * Gradient descent on b3 alone, the article's loop: compute the slope
 * dssr_db3(), the step size (slope times rate), and
 * \f$ b_3 \leftarrow b_3 - \mathrm{step\ size} \f$; repeat until
 * \f$ |\mathrm{step\ size}| < \mathrm{tolerance} \f$ (that last step is not
 * applied) or max_steps slopes have been computed. `p->b3` is updated in
 * place. `on_row` (may be NULL) sees every row before its step is applied.
 * The loop reports DESCENT_DIVERGED at the first row whose b3, SSR or step
 * is not finite, so no row ever holds an infinity or a NaN; when it stops at
 * the step limit it checks the point the last step reached the same way.
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

/* ---- Chapter 6: three parameters, each by its own chain ----------------- */

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

/** How many weights and biases the network has. */
#define NN_PARAM_COUNT 7

/** The parameters by position, in the order of nn_params and of the CSV columns. */
typedef enum nn_param_index {
    NN_W1, NN_B1, NN_W2, NN_B2, NN_W3, NN_W4, NN_B3
} nn_param_index;

/** The bit of parameter i in a set of moving parameters. */
#define NN_BIT(i) (1u << (i))
/** The output layer's three parameters, w3, w4 and b3: what chapter 6 moves. */
#define NN_OUTPUT_LAYER (NN_BIT(NN_W3) | NN_BIT(NN_W4) | NN_BIT(NN_B3))
/** All seven parameters: what chapter 7 moves. */
#define NN_ALL_PARAMS ((1u << NN_PARAM_COUNT) - 1u)

/** The name of parameter i as the article writes it: "w1", "b1", ... "b3". */
const char *nn_param_name(int i);

/** Parameter i of p (0 <= i < NN_PARAM_COUNT); works on an nn_gradient too. */
double nn_param(const nn_params *p, int i);

/** Where parameter i of p is stored, to change it. */
double *nn_param_at(nn_params *p, int i);

/**
 * Chapter 6's start: StatQuest's w1, b1, w2, b2, kept fixed, and
 * \f$ w_3 = 0.36,\ w_4 = 0.63,\ b_3 = 0 \f$, the values StatQuest drew once
 * from a standard normal for its "Backpropagation Details" part 1.
 */
nn_params nn_start_output_layer(void);

/** One row of a descent on several parameters, before its step is applied. */
typedef struct descent_point {
    long step;           /**< 1 for the first gradient computed */
    nn_params params;    /**< all seven parameters where the gradient was computed */
    double ssr;          /**< the SSR there */
    nn_gradient slope;   /**< the slopes of the moving parameters (a fixed one's may be 0) */
    nn_params step_size; /**< slope times learning rate for a moving parameter, 0 for a fixed one */
} descent_point;

/** Called once per row of descend(), for printing or recording it. */
typedef void (*descent_point_observer)(const descent_point *point, void *context);

/**
 * True when every moving parameter's \f$ |\mathrm{step\ size}| \f$ is below
 * the tolerance: where descend() stops.
 */
int steps_below_tolerance(const descent_point *point, unsigned moving, double tolerance);

/**
 * Gradient descent on the parameters whose bits are set in `moving`: compute
 * their slopes (for w3, w4 and b3 alone, by their chains through the
 * prediction, as chapter 6 shows; otherwise the full gradient()), and for
 * each moving parameter
 * \f$ \theta \leftarrow \theta - \mathrm{rate} \cdot \partial\,\mathrm{SSR}/\partial\theta \f$
 * while the others stay put. Stops when steps_below_tolerance() (that last
 * step is not applied) or after max_steps gradients. `p` is updated in place;
 * `on_point` (may be NULL) sees every row before its step. As descend_b3(),
 * it stops with DESCENT_DIVERGED at the first row holding a parameter, SSR,
 * slope or step that is not finite, and checks the point it ends on.
 */
descent_result descend(nn_params *p, nn_data data, unsigned moving, descent_settings settings,
                       descent_point_observer on_point, void *context);

/**
 * The w3, w4 and b3 at the very bottom of the SSR while w1, b1, w2 and b2
 * stay as in `p`. The prediction is linear in these three, so the SSR is a
 * bowl with one lowest point, where all three slopes are zero: with
 * \f$ u_i = (a_{1,i}, a_{2,i}, 1) \f$ the normal equations
 * \f$ \left(\sum_i u_i u_i^{T}\right) \theta = \sum_i u_i\,\mathrm{observed}_i \f$,
 * solved by Gaussian elimination. Writes `*best` (`p` with the three
 * replaced) and returns 1; returns 0 without writing when the equations
 * have no single solution, as with fewer than three different inputs.
 */
int optimal_output_layer(const nn_params *p, nn_data data, nn_params *best);

/* ---- Chapter 7: all seven parameters ------------------------------------ */

/**
 * Chapter 7's start, from "Backpropagation Details" part 2:
 * \f$ w_1 = 2.74,\ b_1 = 0,\ w_2 = -1.13,\ b_2 = 0,\ w_3 = 0.36,\ w_4 = 0.63,\ b_3 = 0 \f$.
 */
nn_params nn_start_all(void);

/**
 * A random start as StatQuest makes one: each weight drawn from a standard
 * normal (in the order w1, w2, w3, w4), every bias 0.
 */
nn_params nn_random_start(random_state *r);

/* ---- Chapter 8: checking the gradient by measuring it ------------------- */

/**
 * The largest relative_error() at which a derived slope counts as agreeing
 * with its measured one, on samples of moderate size. Central differences are
 * good to about 1e-10 there, so a real mistake stands out by many orders of
 * magnitude; on larger samples slopes_agree() also allows for rounding.
 */
#define GRADIENT_CHECK_TOLERANCE 1e-6

/**
 * The small step h by which slope_by_difference() moves parameter i each way:
 * \f$ h = 10^{-5} \max(1, |\theta_i|) \f$.
 */
double difference_step(const nn_params *p, int i);

/**
 * The slope of the SSR along parameter i, measured instead of derived: the
 * central difference
 * \f$ \frac{\mathrm{SSR}(\theta_i + h) - \mathrm{SSR}(\theta_i - h)}{2h} \f$
 * with h from difference_step(). Its error is about \f$ h^2 \f$ times the
 * third derivative (difference_truncation() estimates it) plus rounding
 * (difference_rounding() bounds it).
 */
double slope_by_difference(const nn_params *p, nn_data data, int i);

/**
 * How far apart two slopes are, relative to their size:
 * \f$ |a - b| / \max(|a|, |b|, 10^{-8}) \f$. The floor keeps two slopes that
 * are both practically zero from being called different because of rounding.
 */
double relative_error(double a, double b);

/**
 * How far rounding alone can move slope_by_difference() along parameter i.
 * Each SSR is computed from numbers as large as
 * \f$ s_k = |\mathrm{observed}_k| + |\mathrm{top}_k| + |\mathrm{bottom}_k| + |b_3| \f$,
 * so it is off by a few \f$ \varepsilon\, s_k^2 \f$ (\f$ \varepsilon \f$ =
 * DBL_EPSILON); the difference of two is divided by 2h. With room to spare:
 * \f$ 10 \varepsilon \sum_k s_k^2 / h \f$. It grows with the size of the
 * SSR and shrinks as h grows.
 */
double difference_rounding(const nn_params *p, nn_data data, int i);

/**
 * How far slope_by_difference() along parameter i may be off because the SSR
 * is not a parabola across [-h, h], its truncation error: about h^2 / 6 times
 * the SSR's third derivative along i. The central differences with h and
 * with 2h differ by about three times that error (Richardson), and that
 * whole difference is returned, so the estimate has a margin of three; it
 * also carries the rounding of both measurements.
 */
double difference_truncation(const nn_params *p, nn_data data, int i);

/**
 * What a measured slope along parameter i is allowed to be off by:
 * difference_rounding() plus difference_truncation(), the two ways a central
 * difference misses the true slope.
 */
double difference_allowance(const nn_params *p, nn_data data, int i);

/**
 * True when a derived slope agrees with its measured one: their
 * relative_error() is at most GRADIENT_CHECK_TOLERANCE, or they are no
 * further apart than `allowance` (from difference_allowance()), the most
 * that the measurement itself can be off.
 */
int slopes_agree(double derived, double measured, double allowance);

#endif /* NN_H */
