/**
 * @file few.c
 * @brief A descent on a few samples: the parameters kept in vector lanes,
 *        softplus from its Taylor series near where it was (chapter 10).
 *
 * On the article's three samples a step of descent is one long chain of
 * waits: the parameters, z, softplus, the residual, the sums over the
 * samples, the update, and the next step waits for all of it. Nothing can
 * run ahead, so the length of that chain, not the number of operations,
 * sets the time of a step. Everything here shortens it.
 */
#include "few.h"

#include <float.h>
#include <math.h>
#include <string.h>

/* Four lanes, whatever the target. With AVX2 or AVX-512 that is one
   register: a sum over eight lanes would take one more round of adds (on a
   Zen 4, a step took 25.5 ns with eight lanes, 22.8 with four). With SSE2
   or NEON the compiler keeps each group in a pair of registers, and three
   samples still fit one group: built for SSE2, a step takes 76 ns, against
   162 ns by the groups of fast.c. */
#define FAST_LANES 4
#include "lanes.h"
#include "softplus.h"

int few_lanes(void)
{
    return FAST_LANES;
}

/* ---- Softplus near where it was ------------------------------------------- */

// [few_taylor]
/* From one step to the next z moves a little. Near a point c, softplus is
   a polynomial in h = z - c whose coefficients are its derivatives at c,
   Taylor's series:

       softplus(c + h) = sum over k of softplus^(k)(c) h^k / k!

   and sigmoid, its derivative, is the same sum differentiated. With c the
   multiple of 1/16 nearest z, |h| <= 1/32, and eight terms of each are
   within 4 ulp (tested against mpmath): three multiply-adds deep, where the
   exponential and the logarithm of softplus.h take some twenty. The lanes
   keep the coefficients of their pieces from one step to the next, and
   work out new ones only when a z leaves its piece. */
#define PIECES_PER_UNIT 16.0
#define TERMS 8

typedef struct piece {
    lanes centre;          /* c, the multiple of 1 / PIECES_PER_UNIT nearest z */
    lanes softplus[TERMS]; /* softplus^(k)(c) / k! */
    lanes sigmoid[TERMS];  /* sigmoid^(k)(c) / k! */
} piece;

/* Every derivative of sigmoid is a polynomial in p = sigmoid(c) and
   q = 1 - p, since sigmoid' = p q. Its coefficients are the Eulerian
   numbers A(n, k):

       sigmoid^(n)(c) = sum over k < n of (-1)^k A(n, k) p^(k + 1) q^(n - k)

   Each row follows from the one above: A(n, k) = (k + 1) A(n - 1, k)
   + (n - k) A(n - 1, k - 1). */
static const double eulerian[TERMS][TERMS] = {
    {0},
    {1},
    {1, 1},
    {1, 4, 1},
    {1, 11, 11, 1},
    {1, 26, 66, 26, 1},
    {1, 57, 302, 302, 57, 1},
    {1, 120, 1191, 2416, 1191, 120, 1},
};

/* The pieces of z, in every lane of the group: c = round(16 z) / 16, or z
   itself past 2^47, where every double is a multiple of 1/16 already.
   softplus(c), p and q come from softplus.h, q as sigmoid(-c), not as
   1 - p, which would lose the digits of a q near 0. Kept out of line (a
   GNU C attribute that clang shares): the article's whole descent needs it
   81 times, and inlined it would crowd the step that runs millions. */
static __attribute__((noinline)) void piece_follow(piece *near, lanes z)
{
    lanes rounded = ((z * PIECES_PER_UNIT + ROUNDER) - ROUNDER) / PIECES_PER_UNIT;
    lanes c = select(abs_of(z) < 0x1p47, rounded, z);
    lanes e = exp_minus_abs(c);
    near->centre = c;
    near->softplus[0] = softplus_from(c, e);
    lanes p = sigmoid_from(sigmoid_numerator(c, e), e);
    lanes q = sigmoid_from(select(c >= 0.0, e, all(1.0)), e);
    lanes p_to[TERMS + 1], q_to[TERMS + 1]; /* p^k and q^k */
    p_to[0] = q_to[0] = all(1.0);
    for (int k = 1; k <= TERMS; k++) {
        p_to[k] = p_to[k - 1] * p;
        q_to[k] = q_to[k - 1] * q;
    }
    lanes derivative = p; /* sigmoid^(n)(c), from n = 0 */
    double factorial = 1.0; /* n! */
    near->sigmoid[0] = p;
    for (int n = 1; n < TERMS; n++) {
        factorial *= n;
        near->softplus[n] = derivative / factorial;
        derivative = all(0.0);
        for (int k = 0; k < n; k++)
            derivative += (k % 2 ? -eulerian[n][k] : eulerian[n][k]) * p_to[k + 1] * q_to[n - k];
        near->sigmoid[n] = derivative / factorial;
    }
}
// [few_taylor]

/* A piece that every z has left, since its centre is NaN. */
static piece no_piece(void)
{
    piece none;
    memset(&none, 0, sizeof none);
    none.centre = all(NAN);
    return none;
}

/* c[0] + c[1] h + ... + c[7] h^7 by Estrin's scheme: pairs c[k] + c[k+1] h,
   then pairs of pairs with h^2, then h^4. Three multiply-adds deep. */
LANE_FUNCTION lanes taylor_sum(const lanes c[TERMS], lanes h, lanes h2, lanes h4)
{
    lanes p01 = c[0] + h * c[1], p23 = c[2] + h * c[3];
    lanes p45 = c[4] + h * c[5], p67 = c[6] + h * c[7];
    return (p01 + h2 * p23) + h4 * (p45 + h2 * p67);
}

// [few_piece]
/* softplus(z) and sigmoid(z) from the pieces the lanes hold. If any lane's
   z has left its piece (or has none yet: a NaN centre is no piece), the
   group takes the pieces of its z first. */
LANE_FUNCTION void piece_neurons(piece *near, lanes z, lanes *softplus, lanes *sigmoid)
{
    lanes h = z - near->centre;
    if (!every_lane(abs_of(h) <= 0.5 / PIECES_PER_UNIT)) {
        piece_follow(near, z);
        h = z - near->centre;
    }
    lanes h2 = h * h, h4 = h2 * h2;
    *softplus = taylor_sum(near->softplus, h, h2, h4);
    *sigmoid = taylor_sum(near->sigmoid, h, h2, h4);
}
// [few_piece]

fast_neuron_out fast_softplus_sigmoid_near(double z)
{
    piece near = no_piece();
    lanes a, s;
    piece_neurons(&near, all(z), &a, &s);
    return (fast_neuron_out){.softplus = a[0], .sigmoid = s[0]};
}

/* ---- The samples and the parameters in lanes ------------------------------ */

/* Where the samples fill at most half a group (one or two samples in four
   lanes), both neurons share one group: lane i holds sample i for neuron 1
   and lane HALF + i the same sample for neuron 2. Otherwise each neuron has
   a group of its own. */
#define HALF (FAST_LANES / 2)

typedef struct few_samples {
    lanes x, y;
    lane_mask used; /* lanes past the samples repeat sample 0, and add nothing */
} few_samples;

static few_samples few_samples_of(nn_data data, int groups)
{
    few_samples s;
    int per_neuron = groups == 1 ? HALF : FAST_LANES;
    for (int k = 0; k < FAST_LANES; k++) {
        size_t i = (size_t)(k % per_neuron);
        int real = i < data.count;
        s.x[k] = data.count > 0 ? data.input[real ? i : 0] : 0.0;
        s.y[k] = data.count > 0 ? data.observed[real ? i : 0] : 0.0;
        s.used[k] = real ? -1 : 0;
    }
    return s;
}

/* The parameters laid out like the neurons: the w, b and output weight (w3
   or w4) of the neuron in each lane, and b3 in every lane. With both
   neurons in one group, first.w holds w1 in its lower half and w2 in its
   upper; with a group each, first.w holds w1 and second.w holds w2. */
typedef struct few_group {
    lanes w, b, out;
} few_group;

typedef struct few_params {
    few_group first, second;
    lanes b3;
} few_params;

static lanes halves(double lower, double upper)
{
    lanes v = all(upper);
    for (int k = 0; k < HALF; k++)
        v[k] = lower;
    return v;
}

static few_params few_params_of(const nn_params *p, int groups)
{
    few_params q;
    if (groups == 1) {
        q.first = (few_group){.w = halves(p->w1, p->w2), .b = halves(p->b1, p->b2),
                             .out = halves(p->w3, p->w4)};
        q.second = (few_group){.w = all(0.0), .b = all(0.0), .out = all(0.0)};
    } else {
        q.first = (few_group){.w = all(p->w1), .b = all(p->b1), .out = all(p->w3)};
        q.second = (few_group){.w = all(p->w2), .b = all(p->b2), .out = all(p->w4)};
    }
    q.b3 = all(p->b3);
    return q;
}

/* Neuron 2's value of a parameter: lane HALF where the neurons share a
   group, else lane 0 of the second group. */
static double of_neuron_two(lanes first, lanes second, int groups)
{
    return groups == 1 ? first[HALF] : second[0];
}

static nn_params nn_params_of(const few_params *q, int groups)
{
    nn_params p = {.value = {q->first.w[0],   q->first.b[0],
                   of_neuron_two(q->first.w, q->second.w, groups),
                   of_neuron_two(q->first.b, q->second.b, groups),
                   q->first.out[0], of_neuron_two(q->first.out, q->second.out, groups),
                   q->b3[0]}};
    return p;
}

/* ---- One step ------------------------------------------------------------ */

/* The sum of the lanes of each neuron, in each of its lanes: within each
   half of the group where both neurons share it, over the whole group
   otherwise. Lane k adds lane k ^ 1, then lane k ^ 2, ...: every lane adds
   the same pairs, and a + b rounds as b + a does, so every lane of a
   neuron holds the same bits. */
LANE_FUNCTION lanes neuron_sum(lanes v, int groups)
{
    int width = groups == 1 ? HALF : FAST_LANES;
    if (width >= 2)
        v = v + SWAPPED(v, 1);
#if FAST_LANES >= 4
    if (width >= 4)
        v = v + SWAPPED(v, 2);
#endif
    return v;
}

/* Sums over the samples, laid out as few_params: each slope is -2 times
   its sum (dSSR/dpredicted = -2 r), with w3 or w4 already in the sums of
   w1, b1, w2 and b2. */
typedef struct few_sums {
    few_params of;
    lanes ssr;
} few_sums;

/* One group's neurons: softplus a and its slope, from the group's pieces. */
typedef struct few_neurons {
    lanes a, slope;
} few_neurons;

LANE_FUNCTION few_neurons group_neurons(piece *near, few_group g, const few_samples *s)
{
    few_neurons n;
    piece_neurons(near, g.w * s->x + g.b, &n.a, &n.slope);
    return n;
}

/* The sums of one group: r times the chain of each parameter. The lanes
   past the samples add nothing, as their chains are set to 0: r itself is
   left as it is, which keeps a step off the chain of waits. */
LANE_FUNCTION few_group group_sums(few_group g, few_neurons n, lanes r, const few_samples *s,
                                   int groups)
{
    lanes chain = select(s->used, g.out * n.slope, all(0.0)); /* dpredicted/db */
    lanes a = select(s->used, n.a, all(0.0));                  /* dpredicted/dout */
    return (few_group){.w = neuron_sum(r * (chain * s->x), groups),
                       .b = neuron_sum(r * chain, groups),
                       .out = neuron_sum(r * a, groups)};
}

// [few_step]
LANE_FUNCTION few_sums few_sums_at(piece near[2], const few_params *q, const few_samples *s,
                                   int groups)
{
    /* r = y - b3 - w3 a1 - w4 a2, with y - b3 ready long before the
       neurons are, so that two multiply-adds finish r once they answer. */
    lanes r = s->y - q->b3;
    few_neurons one = group_neurons(&near[0], q->first, s), two = one;
    if (groups == 1) {
        /* Where the neurons share the lanes, each half adds the other
           half's output, and both halves get the same bits: a + b rounds
           as b + a does. */
        lanes outputs = q->first.out * one.a;
        r = r - (outputs + SWAPPED(outputs, HALF));
    } else {
        two = group_neurons(&near[1], q->second, s);
        r = (r - q->first.out * one.a) - q->second.out * two.a;
    }
    few_sums sum;
    sum.of.first = group_sums(q->first, one, r, s, groups);
    if (groups == 1) {
        sum.of.second = (few_group){.w = all(0.0), .b = all(0.0), .out = all(0.0)};
    } else {
        sum.of.second = group_sums(q->second, two, r, s, groups);
    }
    lanes used_r = select(s->used, r, all(0.0));
    sum.of.b3 = neuron_sum(used_r, groups);
    sum.ssr = neuron_sum(used_r * used_r, groups);
    return sum;
}

/* The update, theta - rate * slope = theta + 2 rate * sum, as one
   multiply-add: the same step as nn.c's apply_step() but for its last
   rounding, and a few cycles shorter. */
LANE_FUNCTION few_group group_moved(few_group g, few_group sum, lanes twice_rate)
{
    return (few_group){.w = g.w + twice_rate * sum.w, .b = g.b + twice_rate * sum.b,
                       .out = g.out + twice_rate * sum.out};
}

LANE_FUNCTION few_params few_moved(const few_params *q, const few_sums *sum, lanes twice_rate)
{
    few_params next = {group_moved(q->first, sum->of.first, twice_rate),
                       group_moved(q->second, sum->of.second, twice_rate),
                       q->b3 + twice_rate * sum->of.b3};
    return next;
}
// [few_step]

/* ---- The checks, lane by lane -------------------------------------------- */

/* Every lane of every field, times `scale`, below `bound` in size (a NaN
   is not). */
LANE_FUNCTION lane_mask group_within(few_group g, lanes scale, double bound)
{
    return (abs_of(scale * g.w) < bound) & (abs_of(scale * g.b) < bound) &
           (abs_of(scale * g.out) < bound);
}

/* The lanes of a neuron all hold the same parameters and sums, so lane 0
   speaks for the neuron of the lower half (or of the first group) and lane
   HALF for the other. */
LANE_FUNCTION int few_within(const few_params *q, lanes scale, double bound)
{
    lane_mask inside = group_within(q->first, scale, bound) &
                       group_within(q->second, scale, bound) & (abs_of(scale * q->b3) < bound);
    return inside[0] != 0 && inside[HALF] != 0;
}

static nn_params slopes_from_sums(const few_sums *sum, int groups)
{
    nn_params s = nn_params_of(&sum->of, groups);
    nn_params slope = {.value = {-2.0 * s.w1, -2.0 * s.b1, -2.0 * s.w2, -2.0 * s.b2,
                       -2.0 * s.w3, -2.0 * s.w4, -2.0 * s.b3}};
    return slope;
}
/* ---- The descent ---------------------------------------------------------- */

/* descend()'s loop and its rules for the end: a step is shown only when its
   parameters, SSR, slopes and step sizes are all finite; it converges when
   every step size is below the tolerance, without that update; past the
   last step the point reached and its SSR must be finite. */
LANE_FUNCTION nn_result few_loop(nn_params *p, nn_data data, nn_settings settings,
                                 nn_observer on_step, void *context, int groups)
{
    nn_result result = {.end = NN_STEP_LIMIT, .steps = 0, .updates = 0};
    few_samples s = few_samples_of(data, groups);
    few_params q = few_params_of(p, groups);
    lanes twice_rate = all(2.0 * settings.learning_rate);
    piece near[2] = {no_piece(), no_piece()};
    for (long step = 1; step <= settings.max_steps; step++) {
        few_sums sum = few_sums_at(near, &q, &s, groups);
        /* The slopes are -2 times the sums, the step sizes 2 rate times. */
        if (!(fabs(sum.ssr[0]) <= DBL_MAX) || !few_within(&q, all(1.0), INFINITY) ||
            !few_within(&sum.of, all(-2.0), INFINITY) ||
            !few_within(&sum.of, twice_rate, INFINITY)) {
            result.end = NN_DIVERGED;
            *p = nn_params_of(&q, groups);
            return result;
        }
        result.steps = step;
        if (on_step != NULL) {
            nn_step row = {.step = step, .params = nn_params_of(&q, groups), .ssr = sum.ssr[0],
                           .slope = slopes_from_sums(&sum, groups)};
            for (int i = 0; i < NN_PARAM_COUNT; i++)
                row.step_size.value[i] = step_size(row.slope.value[i], settings.learning_rate);
            on_step(&row, context);
        }
        if (few_within(&sum.of, twice_rate, settings.tolerance)) {
            result.end = NN_CONVERGED;
            *p = nn_params_of(&q, groups);
            return result;
        }
        q = few_moved(&q, &sum, twice_rate);
        result.updates = step;
    }
    few_sums sum = few_sums_at(near, &q, &s, groups);
    if (!(fabs(sum.ssr[0]) <= DBL_MAX) || !few_within(&q, all(1.0), INFINITY))
        result.end = NN_DIVERGED;
    *p = nn_params_of(&q, groups);
    return result;
}

nn_result few_descend(nn_params *p, nn_data data, nn_settings settings,
                      nn_observer on_step, void *context)
{
    if (data.count <= HALF)
        return few_loop(p, data, settings, on_step, context, 1);
    return few_loop(p, data, settings, on_step, context, 2);
}
