/**
 * @file fast.c
 * @brief The tuned path: one pass, vector lanes, a softplus the compiler
 *        can vectorise, threads, each pushed as far as this machine allows
 *        (chapter 10).
 *
 * Steps 3 to 5 of the chapter, each made faster: the exponential and the
 * logarithm of step 4 with shorter polynomials (softplus.h), the loop over
 * the samples cut into four, so that more of its work overlaps, and
 * lanes.h's selects. Plain C11: no intrinsics, no library call in the loop over the samples,
 * nothing that asks for -ffast-math. The loop over the lanes of a group is
 * written so that gcc and clang turn it into vector instructions on their
 * own: SSE2, AVX2 or AVX-512 on x86-64, NEON on ARM. `#pragma omp simd`
 * insists, where OpenMP is there; without it the optimiser vectorises the
 * same loop by itself, since it holds no sum that would have to be
 * reordered.
 */
#include "fast.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

#ifdef _OPENMP
#include <omp.h>
#endif

#include "few.h"
#include "lanes.h"
#include "softplus.h"

int fast_lanes(void)
{
    return FAST_LANES;
}

fast_neuron_out fast_softplus_sigmoid(double z)
{
    lanes a, s;
    neurons(all(z), &a, &s);
    return (fast_neuron_out){.softplus = a[0], .sigmoid = s[0]};
}

/* ---- One pass over the samples, FAST_LANES at a time --------------------- */

/* The partial sums of one pass, one per lane: lane k adds samples k,
   k + FAST_LANES, k + 2 FAST_LANES, ... The factors that every sample shares
   wait until the end: with r the residual and d = -2 r the slope of the SSR
   in the prediction, dSSR/dw1 = sum of d w3 s1 x = -2 w3 * (sum of r s1 x),
   and so on, so the lanes add up r s1 x, r s1, r s2 x, r s2, r a1, r a2, r
   and r^2. */
typedef struct lane_sums {
    lanes r_s1_x, r_s1, r_s2_x, r_s2, r_a1, r_a2, r, r_r;
} lane_sums;

// [fast_group]
/* forward() and backward() of nn.c for FAST_LANES samples at once, each
   added to the partial sums of its lane. In a short group (see padded())
   the empty lanes are computed too, and add nothing: their residual is set
   to 0, and so is every term they add. */
LANE_FUNCTION void add_neurons(lane_sums *sums, nn_params p, lanes x, lanes y, lane_mask used,
                               lanes a1, lanes s1, lanes a2, lanes s2)
{
    lanes r = select(used, y - (p.w3 * a1 + p.w4 * a2 + p.b3), all(0.0)); /* residual */
    lanes r_s1 = r * s1, r_s2 = r * s2;
    sums->r_s1_x += r_s1 * x;
    sums->r_s1 += r_s1;
    sums->r_s2_x += r_s2 * x;
    sums->r_s2 += r_s2;
    sums->r_a1 += r * a1;
    sums->r_a2 += r * a2;
    sums->r += r;
    sums->r_r += r * r;
}

LANE_FUNCTION void add_group(lane_sums *sums, nn_params p, lanes x, lanes y, lane_mask used)
{
    lanes a1, s1, a2, s2;
    neurons(p.w1 * x + p.b1, &a1, &s1);
    neurons(p.w2 * x + p.b2, &a2, &s2);
    add_neurons(sums, p, x, y, used, a1, s1, a2, s2);
}
// [fast_group]

/* The eight sums, in the order of nn_params, then the SSR. */
enum { W1, B1, W2, B2, W3, W4, B3, SSR, SUMS };

/* A group of up to FAST_LANES samples, and which lanes hold one. Lanes past
   the samples repeat the first, so that they are finite wherever it is;
   their residual is set to 0, so they add nothing. */
typedef struct padded_group {
    lanes x, y;
    lane_mask used;
} padded_group;

static padded_group padded(const double *x, const double *y, size_t count)
{
    padded_group g;
    for (int k = 0; k < FAST_LANES; k++) {
        size_t i = (size_t)k < count ? (size_t)k : 0;
        g.x[k] = count > 0 ? x[i] : 0.0;
        g.y[k] = count > 0 ? y[i] : 0.0;
        g.used[k] = (size_t)k < count ? -1 : 0;
    }
    return g;
}

/* The lanes added in order (the first `used` of them: past the samples they
   hold +0.0 and would add nothing), times the factors every sample shares:
   d = -2 r, and w3 or w4 on the way to z1 or z2. */
LANE_FUNCTION void add_lanes(const lane_sums *sums, nn_params p, int used, double out[SUMS])
{
    const lanes each[SUMS] = {sums->r_s1_x, sums->r_s1, sums->r_s2_x, sums->r_s2,
                              sums->r_a1,   sums->r_a2, sums->r,      sums->r_r};
    const double factor[SUMS] = {-2.0 * p.w3, -2.0 * p.w3, -2.0 * p.w4, -2.0 * p.w4,
                                 -2.0,        -2.0,        -2.0,        1.0};
    for (int k = 0; k < SUMS; k++) {
        double total = each[k][0];
        for (int l = 1; l < used; l++)
            total += each[k][l];
        out[k] = factor[k] * total;
    }
}

/* The groups of lanes that one run of the four loops below takes. On a
   Zen 4 EPYC with 8 lanes a group, runs of 16 were as fast as runs of 8,
   runs of 4 and of 32 slower (32 by 15%); with 4 lanes, runs of 32 were 3%
   faster than runs of 8. */
#define FAST_RUN 8

/* The four loops over a run of `groups` groups, each a function of its own
   (a GNU C attribute that clang shares): there gcc holds each loop's
   constants in registers, where inlined side by side it read some of them
   from memory at every group; and sums_in_lanes() keeps no lanes in
   registers across the calls, which would have to be saved around each. */
#define OUT_OF_LINE static __attribute__((noinline))

OUT_OF_LINE void run_reduce(nn_params p, const double *x, size_t groups, reduced *t1,
                            reduced *t2)
{
    for (size_t g = 0; g < groups; g++) {
        lanes xg = load(x + g * FAST_LANES);
        t1[g] = reduce(abs_of(p.w1 * xg + p.b1));
        t2[g] = reduce(abs_of(p.w2 * xg + p.b2));
    }
}

OUT_OF_LINE void run_exp(size_t groups, const reduced *t1, const reduced *t2, lanes *e1,
                         lanes *e2)
{
    for (size_t g = 0; g < groups; g++) {
        e1[g] = exp_reduced(t1[g]);
        e2[g] = exp_reduced(t2[g]);
    }
}

/* softplus, and the numerator of sigmoid: the division of sigmoid waits
   for the next loop. The divider takes several cycles for each division,
   beside the multiply-add units; this loop keeps it busy with the
   logarithm's, the next one would leave it idle. */
OUT_OF_LINE void run_neurons(nn_params p, const double *x, size_t groups, const lanes *e1,
                             const lanes *e2, lanes *a1, lanes *n1, lanes *a2, lanes *n2)
{
    for (size_t g = 0; g < groups; g++) {
        lanes xg = load(x + g * FAST_LANES);
        lanes z1 = p.w1 * xg + p.b1, z2 = p.w2 * xg + p.b2;
        a1[g] = softplus_from(z1, e1[g]);
        n1[g] = sigmoid_numerator(z1, e1[g]);
        a2[g] = softplus_from(z2, e2[g]);
        n2[g] = sigmoid_numerator(z2, e2[g]);
    }
}

/* The sums live in registers for the run and go back to memory after it. */
OUT_OF_LINE void run_sums(lane_sums *sums, nn_params p, const double *x, const double *y,
                          size_t groups, const lanes *e1, const lanes *e2, const lanes *a1,
                          const lanes *n1, const lanes *a2, const lanes *n2)
{
    lane_mask every = (lane_mask)(all(0.0) == 0.0);
    lane_sums held = *sums;
    for (size_t g = 0; g < groups; g++)
        add_neurons(&held, p, load(x + g * FAST_LANES), load(y + g * FAST_LANES), every, a1[g],
                    sigmoid_from(n1[g], e1[g]), a2[g], sigmoid_from(n2[g], e2[g]));
    *sums = held;
}

/* The samples [0, n) in groups of FAST_LANES, then the lanes added in order. */
static void sums_in_lanes(nn_params p, const double *x, const double *y, size_t n,
                          double out[SUMS])
{
    lane_sums sums;
    memset(&sums, 0, sizeof sums);
    lane_mask every = (lane_mask)(all(0.0) == 0.0);
    size_t i = 0;
    for (size_t groups; (groups = (n - i) / FAST_LANES) > 0; i += groups * FAST_LANES) {
            /* Each group is one long chain of dependent operations, and the
               processor overlaps only as many groups as its window of
               waiting instructions holds. Cut into four shorter chains,
               each in its own loop over a run of groups, more of them
               overlap: the range reduction of every exponential, then its
               polynomial, then the logarithm, then sigmoid, the residual
               and the sums. The same operations as add_group(), so the
               same bits. */
            if (groups > FAST_RUN)
                groups = FAST_RUN;
            reduced t1[FAST_RUN], t2[FAST_RUN];
            lanes e1[FAST_RUN], e2[FAST_RUN];
            lanes a1[FAST_RUN], n1[FAST_RUN], a2[FAST_RUN], n2[FAST_RUN];
            run_reduce(p, x + i, groups, t1, t2);
            run_exp(groups, t1, t2, e1, e2);
            run_neurons(p, x + i, groups, e1, e2, a1, n1, a2, n2);
            run_sums(&sums, p, x + i, y + i, groups, e1, e2, a1, n1, a2, n2);
        }
    for (; i + FAST_LANES <= n; i += FAST_LANES)
        add_group(&sums, p, load(x + i), load(y + i), every);
    if (i < n) {
        padded_group last = padded(x + i, y + i, n - i);
        add_group(&sums, p, last.x, last.y, last.used);
    }
    add_lanes(&sums, p, n < FAST_LANES ? (int)n : FAST_LANES, out);
}

/* ---- Threads, each sum in a fixed order ----------------------------------- */

size_t fast_blocks(size_t n)
{
    size_t blocks = (n + FAST_BLOCK - 1) / FAST_BLOCK;
    if (blocks > FAST_MAX_BLOCKS)
        blocks = FAST_MAX_BLOCKS;
    return blocks > 0 ? blocks : 1;
}

int fast_cores(void)
{
#ifdef _OPENMP
    return omp_get_num_procs();
#else
    return 1;
#endif
}

int fast_most_threads(void)
{
#ifdef _OPENMP
    return FAST_MAX_BLOCKS;
#else
    return 1;
#endif
}

static fast_result result_of(const double sums[SUMS])
{
    fast_result r;
    r.ssr = sums[SSR];
    r.slope.w1 = sums[W1];
    r.slope.b1 = sums[B1];
    r.slope.w2 = sums[W2];
    r.slope.b2 = sums[B2];
    r.slope.w3 = sums[W3];
    r.slope.w4 = sums[W4];
    r.slope.b3 = sums[B3];
    return r;
}

// [fast_threads]
fast_result fast_gradient(const nn_params *p, nn_data data, int threads)
{
    double sums[SUMS];
    size_t n = data.count, blocks = fast_blocks(n);
    if (blocks == 1) { /* no thread to start */
        sums_in_lanes(*p, data.input, data.observed, n, sums);
        return result_of(sums);
    }
    /* The blocks depend on the count alone, never on the threads, and each
       block starts on a whole group of lanes: every thread count adds the
       same numbers in the same order. */
    size_t size = (n + blocks - 1) / blocks;
    size = (size + FAST_LANES - 1) / FAST_LANES * FAST_LANES;
    double block_sum[FAST_MAX_BLOCKS][SUMS];
    nn_params q = *p;
    long count = (long)blocks;
    int team = threads < count ? threads : (int)count;
    (void)team;
#ifdef _OPENMP
#pragma omp parallel for schedule(static) num_threads(team)
#endif
    for (long b = 0; b < count; b++) {
        size_t start = (size_t)b * size;
        size_t end = start + size < n ? start + size : n;
        if (start > n)
            start = n;
        sums_in_lanes(q, data.input + start, data.observed + start, end - start, block_sum[b]);
    }
    for (int k = 0; k < SUMS; k++) {
        sums[k] = 0.0;
        for (size_t b = 0; b < blocks; b++)
            sums[k] += block_sum[b][k];
    }
    return result_of(sums);
}
// [fast_threads]

void fast_curve(size_t n, double *input, double *observed)
{
    nn_params fitted = article_params();
    fitted.b3 = 2.61;
    for (size_t i = 0; i < n; i++) {
        input[i] = n > 1 ? (double)i / (double)(n - 1) : 0.5;
        observed[i] = forward(&fitted, input[i]).predicted;
    }
}

/* ---- The descent ----------------------------------------------------------- */

static inline int all_finite(const nn_params *p)
{
    return isfinite(p->w1) && isfinite(p->b1) && isfinite(p->w2) && isfinite(p->b2) &&
           isfinite(p->w3) && isfinite(p->w4) && isfinite(p->b3);
}

// [fast_descend]
/* descend()'s loop, each step's slopes from fast_gradient(): the same rows,
   and the same end (converged, stopped at the limit, diverged) on the same
   step. */
nn_result fast_descend(nn_params *p, nn_data data, nn_settings settings, int threads,
                       nn_observer on_step, void *context)
{
    if (data.count <= (size_t)few_lanes())
        return few_descend(p, data, settings, on_step, context);
    nn_result result = {.end = NN_STEP_LIMIT, .steps = 0, .updates = 0};
    for (long step = 1; step <= settings.max_steps; step++) {
        fast_result f = fast_gradient(p, data, threads);
        nn_step row = {.step = step, .params = *p, .ssr = f.ssr, .slope = f.slope};
        for (int i = 0; i < NN_PARAM_COUNT; i++)
            row.step_size.value[i] = step_size(row.slope.value[i], settings.learning_rate);
        if (!isfinite(row.ssr) || !all_finite(&row.params) || !all_finite(&row.slope) ||
            !all_finite(&row.step_size)) {
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
    if (!all_finite(p) || !isfinite(fast_gradient(p, data, threads).ssr))
        result.end = NN_DIVERGED;
    return result;
}
// [fast_descend]
