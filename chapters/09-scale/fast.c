/**
 * @file fast.c
 * @brief The gradient at scale: one pass, vector lanes, threads (chapter 9).
 *
 * Built with -fopenmp and two of the flags that make up -ffast-math, the
 * two that are safe here: -fno-math-errno (nothing reads errno after exp or
 * log1p) and -fno-trapping-math (nothing tests the floating-point exception
 * flags, so the compiler may compute both sides of a `?:` and pick one, which
 * is what lets the loop below run on vector lanes). The rest of what
 * -ffast-math would buy is asked for one piece at a time, where it is safe:
 *
 * - Reordering a sum (-fassociative-math) is granted to the reduction of one
 *   loop by `#pragma omp simd reduction`, nowhere else. The tests hold the
 *   result within 1e-12 relative of the plain loops; it is typically 1e-14.
 * - Vector exp and log1p (glibc's libmvec, which math.h only declares under
 *   -ffast-math) are declared here for that same loop. They are accurate to a
 *   few ulp rather than under one.
 * - Never -ffinite-math-only: it lets the compiler assume no value is ever
 *   infinite or NaN, so isfinite() becomes "true" and the divergence test
 *   below would never fire. Chapter 9 shows this happen.
 * - Never -ffast-math on the link line either: gcc then links crtfastmath.o,
 *   which flushes subnormal numbers to zero for the whole program.
 */
#include "fast.h"

#include <math.h>


#ifdef _OPENMP
#include <omp.h>
#endif

#if defined(_OPENMP) && defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) && \
    defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 35))
#define FAST_LIBMVEC 1
/* libmvec has had vector exp since glibc 2.22 and log1p since 2.35. These
   declarations let gcc call them from the `omp simd` loop below, two, four or
   eight samples at a time depending on the instruction set. */
#pragma omp declare simd notinbranch
double exp(double);
#pragma omp declare simd notinbranch
double log1p(double);
#endif

/* Fewer samples than this fill the vector lanes with neurons, not samples. */
enum { FAST_SHORT = 16 };

/* The sums one pass accumulates, in the order of nn_params, then the SSR. */
enum { W1, B1, W2, B2, W3, W4, B3, SSR, SUMS };

// BEGIN SOLUTION ch09 sample_terms: one sample's squared residual and seven slopes, one exponential per neuron
// HINT: This is forward() and backward() for one sample, fused. z1 = w1 x + b1 and z2 = w2 x + b2.
// HINT: Compute e = exp(-fabs(z)) once per neuron and get both functions from it: softplus(z) =
// HINT: max(z, 0) + log1p(e), and its slope sigmoid(z) = (z >= 0 ? 1 : e) / (1 + e). Then the
// HINT: residual r = y - (w3 a1 + w4 a2 + b3), its square for the SSR, and d = -2 r, the slope
// HINT: of the SSR with respect to the prediction. Every slope is d times a chain: d for b3,
// HINT: d a1 and d a2 for w3 and w4; through the top neuron d w3 s1 for b1 and d w3 s1 x for
// HINT: w1; the bottom neuron likewise with w4 and s2. Fill terms in the order of its fields.
// STUB: typedef struct terms {
// STUB:     double w1, b1, w2, b2, w3, w4, b3, ssr;
// STUB: } terms;
// STUB:
// STUB: static inline terms sample_terms(nn_params p, double x, double y)
// STUB: {
// STUB:     (void)p; (void)x; (void)y;
// STUB:     terms t = {0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0};
// STUB:     return t;
// STUB: }
// [fast_sample]
/* One sample's share of the eight sums. The same arithmetic as forward()
   followed by backward(), written without branches so that the compiler can
   run it on several samples at once. */
typedef struct terms {
    double w1, b1, w2, b2, w3, w4, b3, ssr;
} terms;

static inline terms sample_terms(nn_params p, double x, double y)
{
    double z1 = p.w1 * x + p.b1;
    double z2 = p.w2 * x + p.b2;
    double e1 = exp(-fabs(z1)); /* the one exponential of the top neuron */
    double e2 = exp(-fabs(z2));
    double a1 = (z1 > 0.0 ? z1 : 0.0) + log1p(e1);   /* softplus(z1) */
    double a2 = (z2 > 0.0 ? z2 : 0.0) + log1p(e2);
    double s1 = (z1 >= 0.0 ? 1.0 : e1) / (1.0 + e1); /* sigmoid(z1) */
    double s2 = (z2 >= 0.0 ? 1.0 : e2) / (1.0 + e2);
    double r = y - (p.w3 * a1 + p.w4 * a2 + p.b3);   /* the residual */
    double d = -2.0 * r;                             /* dSSR/dpredicted */
    double d_z1 = d * p.w3 * s1;
    double d_z2 = d * p.w4 * s2;
    terms t = {d_z1 * x, d_z1, d_z2 * x, d_z2, d * a1, d * a2, d, r * r};
    return t;
}
// [fast_sample]
// END SOLUTION

// BEGIN SOLUTION ch09 scalar_sums: one pass over the samples for the SSR and all seven slopes
// HINT: One loop over the n samples: call sample_terms(p, x[i], y[i]) for each and add each of its
// HINT: eight fields to a running sum of its own (start them at 0). After the loop, store the sums
// HINT: in sums[] at the indices W1, B1, W2, B2, W3, W4, B3 and SSR. Add the samples in order,
// HINT: first to last, as ssr() and gradient() do: then chapter 9 can show every digit agree.
// STUB: static void scalar_sums(nn_params p, const double *x, const double *y, size_t n,
// STUB:                         double sums[SUMS])
// STUB: {
// STUB:     (void)p; (void)x; (void)y; (void)n;
// STUB:     for (int k = 0; k < SUMS; k++)
// STUB:         sums[k] = 0.0;
// STUB: }
/* The sums over samples [0, n) of x and y, one sample after the other. */
static void scalar_sums(nn_params p, const double *x, const double *y, size_t n,
                        double sums[SUMS])
{
    double w1 = 0.0, b1 = 0.0, w2 = 0.0, b2 = 0.0, w3 = 0.0, w4 = 0.0, b3 = 0.0, ssr = 0.0;
    for (size_t i = 0; i < n; i++) {
        terms t = sample_terms(p, x[i], y[i]);
        w1 += t.w1;
        b1 += t.b1;
        w2 += t.w2;
        b2 += t.b2;
        w3 += t.w3;
        w4 += t.w4;
        b3 += t.b3;
        ssr += t.ssr;
    }
    const double out[SUMS] = {w1, b1, w2, b2, w3, w4, b3, ssr};
    for (int k = 0; k < SUMS; k++)
        sums[k] = out[k];
}
// END SOLUTION

// [fast_block]
/* The same sums, several samples at a time: each vector lane keeps its own
   partial sums, added together at the end of the loop. That reordering is
   what `reduction` permits, for these eight variables only. */
static inline __attribute__((always_inline)) void
lane_sums(nn_params p, const double *x, const double *y, size_t n, double sums[SUMS])
{
    double w1 = 0.0, b1 = 0.0, w2 = 0.0, b2 = 0.0, w3 = 0.0, w4 = 0.0, b3 = 0.0, ssr = 0.0;
#ifdef FAST_LIBMVEC
#pragma omp simd reduction(+ : w1, b1, w2, b2, w3, w4, b3, ssr)
#endif
    for (size_t i = 0; i < n; i++) {
        terms t = sample_terms(p, x[i], y[i]);
        w1 += t.w1;
        b1 += t.b1;
        w2 += t.w2;
        b2 += t.b2;
        w3 += t.w3;
        w4 += t.w4;
        b3 += t.b3;
        ssr += t.ssr;
    }
    const double out[SUMS] = {w1, b1, w2, b2, w3, w4, b3, ssr};
    for (int k = 0; k < SUMS; k++)
        sums[k] = out[k];
}
// [fast_block]

// [fast_short]
/* A handful of samples cannot fill the lanes one sample per lane. Their
   neurons can: four samples at a time, the top neurons of the four go in
   lanes 0 to 3 and their bottom neurons in lanes 4 to 7, so that the three
   samples of the article make six exponentials in one vector call (one call
   with 8 lanes, two with 4). A group of fewer than four samples fills the
   rest with x = 0, whose lanes are computed and never read. */
enum { GROUP = 4, GROUP_LANES = 2 * GROUP };

/* Eight doubles as one value (a GNU C extension gcc and clang share), so that
   z is computed in registers. Written to memory a double at a time and read
   back as one vector, it would have to wait for every write to reach the
   cache (a store-forwarding stall): that wait was the largest single cost of
   the 3-sample step. */
typedef double lanes8 __attribute__((vector_size(GROUP_LANES * sizeof(double))));

static inline __attribute__((always_inline)) void neuron_lane_sums(
    nn_params p, const double *x, const double *y, size_t n, double sums[SUMS])
{
    const lanes8 w = {p.w1, p.w1, p.w1, p.w1, p.w2, p.w2, p.w2, p.w2};
    const lanes8 b = {p.b1, p.b1, p.b1, p.b1, p.b2, p.b2, p.b2, p.b2};
    double w1 = 0.0, b1 = 0.0, w2 = 0.0, b2 = 0.0, w3 = 0.0, w4 = 0.0, b3 = 0.0, ssr = 0.0;
    for (size_t first = 0; first < n; first += GROUP) {
        size_t count = n - first < GROUP ? n - first : GROUP;
        const double *xg = x + first, *yg = y + first;
        double x0 = xg[0], x1 = count > 1 ? xg[1] : 0.0, x2 = count > 2 ? xg[2] : 0.0,
               x3 = count > 3 ? xg[3] : 0.0;
        const lanes8 xs = {x0, x1, x2, x3, x0, x1, x2, x3};
        union {
            lanes8 v;
            double lane[GROUP_LANES];
        } z = {w * xs + b};
        double a[GROUP_LANES], s[GROUP_LANES];
#ifdef FAST_LIBMVEC
#pragma omp simd
#endif
        for (size_t k = 0; k < GROUP_LANES; k++) {
            double e = exp(-fabs(z.lane[k]));
            a[k] = (z.lane[k] > 0.0 ? z.lane[k] : 0.0) + log1p(e);
            s[k] = (z.lane[k] >= 0.0 ? 1.0 : e) / (1.0 + e);
        }
        /* Each step of the descent waits for the one before, so what counts
           here is the length of the chain from log1p to the sums: the
           factors that do not need d (the sigmoids, the inputs) are
           multiplied together first, while log1p is still running. */
        for (size_t i = 0; i < count; i++) {
            double r = yg[i] - (p.w3 * a[i] + p.w4 * a[GROUP + i] + p.b3);
            double d = -2.0 * r;
            double dpredicted_dz1 = p.w3 * s[i], dpredicted_dz2 = p.w4 * s[GROUP + i];
            w1 += d * (dpredicted_dz1 * xg[i]);
            b1 += d * dpredicted_dz1;
            w2 += d * (dpredicted_dz2 * xg[i]);
            b2 += d * dpredicted_dz2;
            w3 += d * a[i];
            w4 += d * a[GROUP + i];
            b3 += d;
            ssr += r * r;
        }
    }
    const double out[SUMS] = {w1, b1, w2, b2, w3, w4, b3, ssr};
    for (int k = 0; k < SUMS; k++)
        sums[k] = out[k];
}
// [fast_short]

/* Lanes filled by samples when there are enough of them, by neurons when not. */
static inline __attribute__((always_inline)) void block_body(
    nn_params p, const double *x, const double *y, size_t n, double sums[SUMS])
{
    if (n < FAST_SHORT)
        neuron_lane_sums(p, x, y, n, sums);
    else
        lane_sums(p, x, y, n, sums);
}

typedef void (*sums_fn)(nn_params p, const double *x, const double *y, size_t n,
                        double sums[SUMS]);

/* The loop compiled for the baseline instruction set: 2 lanes on x86-64. */
static void vector_sums(nn_params p, const double *x, const double *y, size_t n,
                        double sums[SUMS])
{
    block_body(p, x, y, n, sums);
}

/* The loop for `lanes` lanes; the compiler picks the vector width. */
static sums_fn sums_for(int lanes)
{
    (void)lanes;
    return vector_sums;
}

int fast_lanes(void)
{
#ifdef FAST_LIBMVEC
    return 2;
#else
    return 1;
#endif
}

void fast_curve(size_t n, double *input, double *observed)
{
    nn_params fitted = nn_article_params();
    fitted.b3 = 2.61;
    for (size_t i = 0; i < n; i++) {
        input[i] = n > 1 ? (double)i / (double)(n - 1) : 0.5;
        observed[i] = forward(&fitted, input[i]).predicted;
    }
}

int fast_max_threads(void)
{
#ifdef _OPENMP
    return omp_get_num_procs();
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
fast_result fast_gradient_with(const nn_params *p, nn_data data, int threads, int lanes)
{
    double sums[SUMS];
    if (lanes <= 1) {
        scalar_sums(*p, data.input, data.observed, data.count, sums);
        return result_of(sums);
    }
    /* The blocks depend on the count alone, never on the threads, so every
       thread count adds the same numbers in the same order. */
    size_t n = data.count;
    size_t blocks = (n + FAST_BLOCK - 1) / FAST_BLOCK;
    if (blocks > FAST_MAX_BLOCKS)
        blocks = FAST_MAX_BLOCKS;
    if (blocks == 0)
        blocks = 1;
    sums_fn block_sums_of = sums_for(lanes);
    if (blocks == 1) {
        block_sums_of(*p, data.input, data.observed, n, sums); /* no thread to start */
        return result_of(sums);
    }
    size_t size = (n + blocks - 1) / blocks;
    double block_sums[FAST_MAX_BLOCKS][SUMS];
    nn_params q = *p;
    long count = (long)blocks;
    /* More threads than blocks would have nothing to do. */
    int team = threads > 0 ? threads : fast_max_threads();
    if ((size_t)team > blocks)
        team = (int)blocks;
    (void)team;
#ifdef _OPENMP
#pragma omp parallel for schedule(static) num_threads(team)
#endif
    for (long b = 0; b < count; b++) {
        size_t start = (size_t)b * size;
        size_t end = start + size < n ? start + size : n;
        block_sums_of(q, data.input + start, data.observed + start, end - start, block_sums[b]);
    }
    for (int k = 0; k < SUMS; k++) {
        sums[k] = 0.0;
        for (size_t b = 0; b < blocks; b++)
            sums[k] += block_sums[b][k];
    }
    return result_of(sums);
}
// [fast_threads]

fast_result fast_gradient(const nn_params *p, nn_data data, int threads)
{
    return fast_gradient_with(p, data, threads, 8); /* the widest there is */
}

static int all_finite(const nn_params *p)
{
    return isfinite(p->w1) && isfinite(p->b1) && isfinite(p->w2) && isfinite(p->b2) &&
           isfinite(p->w3) && isfinite(p->w4) && isfinite(p->b3);
}

/* One parameter's update; returns 1 while its step is still >= tolerance. */
static int move(double *value, double slope, double rate, double tolerance)
{
    double step = step_size(slope, rate);
    *value = apply_step(*value, step);
    return !(fabs(step) < tolerance);
}

// [fast_descend]
descent_result fast_descend(nn_params *p, nn_data data, descent_settings settings, int threads,
                            fast_observer on_row, void *context)
{
    descent_result result = {DESCENT_STEP_LIMIT, 0, 0};
    double rate = settings.learning_rate, tol = settings.tolerance;
    while (result.slopes < settings.max_steps) {
        fast_row row;
        row.step = result.slopes + 1;
        row.params = *p;
        fast_result f = fast_gradient(p, data, threads);
        row.ssr = f.ssr;
        row.slope = f.slope;
        nn_params next = *p;
        int moving = 0;
        moving |= move(&next.w1, f.slope.w1, rate, tol);
        moving |= move(&next.b1, f.slope.b1, rate, tol);
        moving |= move(&next.w2, f.slope.w2, rate, tol);
        moving |= move(&next.b2, f.slope.b2, rate, tol);
        moving |= move(&next.w3, f.slope.w3, rate, tol);
        moving |= move(&next.w4, f.slope.w4, rate, tol);
        moving |= move(&next.b3, f.slope.b3, rate, tol);
        /* A finite slope times the rate may still overflow: check the steps
           taken (next), not only the gradient. */
        if (!isfinite(f.ssr) || !all_finite(&f.slope) || !all_finite(&next)) {
            result.end = DESCENT_DIVERGED;
            return result;
        }
        result.slopes++;
        if (on_row != NULL)
            on_row(&row, context);
        if (!moving) {
            result.end = DESCENT_CONVERGED;
            return result;
        }
        *p = next;
        result.updates++;
    }
    return result;
}
// [fast_descend]
