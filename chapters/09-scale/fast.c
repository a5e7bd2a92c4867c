/**
 * @file fast.c
 * @brief The gradient at scale: one pass, vector lanes, a softplus the
 *        compiler can vectorise, threads (chapter 9).
 *
 * Plain C11: no intrinsics, no library call in the loop over the samples,
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


/* ---- Vector lanes ---------------------------------------------------------- */

/* The doubles of one vector register of the target. A group wider than the
   registers is legal GNU C, split by the compiler into several registers,
   but gcc then keeps the pieces in memory between steps: built for AVX2
   with 8 lanes, the fast path ran at less than half its speed. */
#if defined(__AVX512F__)
#define FAST_LANES 8
#elif defined(__AVX__)
#define FAST_LANES 4
#else
#define FAST_LANES 2
#endif

int fast_lanes(void)
{
    return FAST_LANES;
}

/* FAST_LANES doubles as one value, and as many 64-bit integers: GNU C vector
   types, which gcc and clang share. + - * / work lane by lane; a comparison
   gives -1 in the lanes where it holds and 0 elsewhere. */
typedef double lanes __attribute__((vector_size(FAST_LANES * sizeof(double))));
typedef int64_t lane_mask __attribute__((vector_size(FAST_LANES * sizeof(int64_t))));
typedef uint64_t lane_bits __attribute__((vector_size(FAST_LANES * sizeof(uint64_t))));

/* Every function that takes or returns lanes is inlined where it is called
   (a GNU C attribute that clang shares), so that the lanes stay in
   registers and never cross a call. */
#define LANE_FUNCTION static inline __attribute__((always_inline))

/* The lanes of `yes` where `mask` holds, those of `no` elsewhere: the `?:` of
   a vector, which C (unlike C++) does not have for them. */
LANE_FUNCTION lanes select(lane_mask mask, lanes yes, lanes no)
{
    return (lanes)((mask & (lane_mask)yes) | (~mask & (lane_mask)no));
}

LANE_FUNCTION lanes all(double v)
{
    return v - (lanes){0.0}; /* v - 0 is v, -0 included */
}

/* FAST_LANES doubles from memory, wherever they are aligned. */
LANE_FUNCTION lanes load(const double *from)
{
    lanes v;
    memcpy(&v, from, sizeof v);
    return v;
}

/* ---- A softplus and a sigmoid the compiler can vectorise ----------------- */

/* ln 2 in two parts: LN2_HI has its last 11 bits zero, so n * LN2_HI is exact
   for every |n| < 2048, and LN2_LO is the rest. */
#define LN2_HI 0x1.62e42fefa3800p-1
#define LN2_LO 0x1.ef35793c7673p-45
/* Adding 1.5 * 2^52 rounds a double below 2^51 to a whole number, which then
   sits in the low bits of the sum. */
#define ROUNDER 0x1.8p52

/* The two polynomials, fitted by tools/fast_polynomials.py (mpmath):
   e^r = 1 + r + r^2 Q(r) for |r| <= ln(2) / 2, within 1.6e-17, and
   2 atanh(s) = 2 s + s w P(w) for w = s^2 <= 1/9, within 7.1e-18. */
static const double exp_q[10] = {
    0x1.0000000000001p-1, 0x1.5555555555556p-3, 0x1.5555555553d68p-5, 0x1.11111111109b5p-7,
    0x1.6c16c17889ef1p-10, 0x1.a01a01a7c2efep-13, 0x1.a019b9149a41cp-16,
    0x1.71de0db2f6b19p-19, 0x1.28917c89a43a7p-22, 0x1.af389ecfc4b9cp-26,
};
static const double log_p[10] = {
    0x1.5555555555555p-1, 0x1.999999999a3ddp-2, 0x1.24924923d44c6p-2, 0x1.c71c727143318p-3,
    0x1.745cf0b0e03bdp-3, 0x1.3b18b294bebf9p-3, 0x1.10ac75dc602b1p-3, 0x1.eb905e8575054p-4,
    0x1.687a6e7c95176p-4, 0x1.4b0a26c5f2aefp-3,
};

/* c[0] + c[1] x + ... + c[9] x^9 by Estrin's scheme: pairs c[k] + c[k+1] x,
   then pairs of pairs with x^2, then x^4, x^8. Horner's rule is one long
   chain of nine multiply-adds, each waiting for the one before; here the
   longest chain is four, which is what a descent on three samples waits
   for at every step. */
LANE_FUNCTION lanes polynomial(const double c[10], lanes x)
{
    lanes x2 = x * x, x4 = x2 * x2, x8 = x4 * x4;
    lanes p01 = c[0] + x * c[1], p23 = c[2] + x * c[3], p45 = c[4] + x * c[5];
    lanes p67 = c[6] + x * c[7], p89 = c[8] + x * c[9];
    lanes p03 = p01 + x2 * p23, p47 = p45 + x2 * p67;
    return (p03 + x4 * p47) + x8 * p89;
}

// [fast_exp]
/* e^-t for t >= 0, within 1 ulp: e^-t = 2^-n * e^r with n the whole number
   nearest t / ln 2 and r = n ln 2 - t in [-ln 2 / 2, ln 2 / 2]. 2^-n is made
   from its bits, in two halves so that 2^-1074 (the smallest double) is
   reached; past t = 746, e^-t rounds to 0. */
/* r, and 1.5 * 2^52 - n, which holds n in its low bits. */
typedef struct reduced {
    lanes r, rounded;
} reduced;

LANE_FUNCTION reduced reduce(lanes t)
{
    lanes tc = select(t > 746.0, all(746.0), t); /* a NaN goes through as NaN */
    lanes rounded = ROUNDER - tc * 0x1.71547652b82fep0; /* 1.5 * 2^52 - t / ln 2 */
    lanes n = ROUNDER - rounded;
    reduced out = {(n * LN2_HI - tc) + n * LN2_LO, rounded};
    return out;
}

/* e^-t = 2^-n * e^r from the reduced argument, as 2^-n + 2^-n (e^r - 1):
   one multiply-add, rounded once, at the end of the chain, where 2^-n is
   ready long before the polynomial is. */
LANE_FUNCTION lanes exp_reduced(reduced red)
{
    lanes r = red.r;
    lanes e_r_minus_1 = r + r * r * polynomial(exp_q, r);
    /* n = m1 + m2, and 2^-m is the double whose exponent field is 1023 - m.
       Their product 2^-n is exact, down to 2^-1074. */
    lane_bits m = (lane_bits)all(ROUNDER) - (lane_bits)red.rounded;
    lane_bits m1 = m >> 1, m2 = m - m1;
    lanes scale = (lanes)((1023 - m1) << 52) * (lanes)((1023 - m2) << 52);
    return scale + scale * e_r_minus_1;
}

LANE_FUNCTION lanes exp_minus(lanes t)
{
    return exp_reduced(reduce(t));
}
// [fast_exp]

// [fast_neuron]
/* e^-|z|: the first half of a neuron. */
LANE_FUNCTION lanes abs_of(lanes z)
{
    return (lanes)((lane_bits)z & 0x7fffffffffffffff);
}

LANE_FUNCTION lanes exp_minus_abs(lanes z)
{
    return exp_minus(abs_of(z));
}

/* 1 / ((1 + e)(2 + e)): one division gives both 1 / (2 + e) and
   sigmoid's 1 / (1 + e). */
LANE_FUNCTION lanes inverse_of(lanes e)
{
    return 1.0 / ((1.0 + e) * (2.0 + e));
}

/* softplus(z) and sigmoid(z) from e = e^-|z| and that inverse, without a
   library call: log(1 + e) = 2 atanh(s) with s = e / (2 + e) in [0, 1/3],
   where a polynomial in s^2 converges fast. */
LANE_FUNCTION void neurons_from(lanes z, lanes e, lanes inverse, lanes *softplus, lanes *sigmoid)
{
    lane_mask positive = z >= 0.0;
    lanes u = 1.0 + e, v = 2.0 + e;
    lanes s = e * (u * inverse); /* e / (2 + e) */
    lanes w = s * s;
    lanes log1p_e = 2.0 * s + s * w * polynomial(log_p, w);
    *softplus = select(positive, z, all(0.0)) + log1p_e;
    *sigmoid = select(positive, all(1.0), e) * (v * inverse); /* over 1 + e */
}

LANE_FUNCTION void neurons(lanes z, lanes *softplus, lanes *sigmoid)
{
    lanes e = exp_minus_abs(z);
    neurons_from(z, e, inverse_of(e), softplus, sigmoid);
}
// [fast_neuron]

fast_neuron_out fast_softplus_sigmoid(double z)
{
    lanes a, s;
    neurons(all(z), &a, &s);
    fast_neuron_out out = {a[0], s[0]};
    return out;
}

/* The same two from the C library's exp and log1p, one lane at a time. */
static inline fast_neuron_out libm_neuron(double z)
{
    double e = exp(-fabs(z));
    fast_neuron_out out;
    out.softplus = (z > 0.0 ? z : 0.0) + log1p(e);
    out.sigmoid = (z >= 0.0 ? 1.0 : e) / (1.0 + e);
    return out;
}

LANE_FUNCTION void libm_neurons(lanes z, lanes *softplus, lanes *sigmoid)
{
    lanes a = all(0.0), s = all(0.0);
    for (int k = 0; k < FAST_LANES; k++) {
        fast_neuron_out n = libm_neuron(z[k]);
        a[k] = n.softplus;
        s[k] = n.sigmoid;
    }
    *softplus = a;
    *sigmoid = s;
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

LANE_FUNCTION void add_group(lane_sums *sums, nn_params p, lanes x, lanes y, lane_mask used,
                             fast_method method)
{
    lanes a1, s1, a2, s2;
    lanes z1 = p.w1 * x + p.b1, z2 = p.w2 * x + p.b2;
    if (method == FAST_OWN_SOFTPLUS) {
        neurons(z1, &a1, &s1);
        neurons(z2, &a2, &s2);
    } else {
        libm_neurons(z1, &a1, &s1);
        libm_neurons(z2, &a2, &s2);
    }
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

/* The groups of lanes that one run of the four loops below takes: 8 was
   the fastest of 4, 8, 16 and 32 on a Zen 4 EPYC, with 8 lanes a group and
   with 4, by 3 to 5% over 16. */
#define FAST_RUN 8

/* The samples [0, n) in groups of FAST_LANES, then the lanes added in order. */
static void sums_in_lanes(nn_params p, const double *x, const double *y, size_t n,
                          fast_method method, double out[SUMS])
{
    lane_sums sums;
    memset(&sums, 0, sizeof sums);
    lane_mask every = (lane_mask)(all(0.0) == 0.0);
    size_t i = 0;
    if (method == FAST_OWN_SOFTPLUS)
        for (size_t groups; (groups = (n - i) / FAST_LANES) > 0; i += groups * FAST_LANES) {
            /* Each group is one long chain of dependent operations, and the
               processor overlaps only as many groups as its window of
               waiting instructions holds. Cut into four shorter chains,
               each in its own loop over a run of groups, more of them
               overlap: the range reduction of every exponential, then its
               polynomial, then every division, then the rest. The same
               operations, so the same bits. */
            if (groups > FAST_RUN)
                groups = FAST_RUN;
            reduced t1[FAST_RUN], t2[FAST_RUN];
            for (size_t g = 0; g < groups; g++) {
                lanes xg = load(x + i + g * FAST_LANES);
                t1[g] = reduce(abs_of(p.w1 * xg + p.b1));
                t2[g] = reduce(abs_of(p.w2 * xg + p.b2));
            }
            lanes e1[FAST_RUN], e2[FAST_RUN];
            for (size_t g = 0; g < groups; g++) {
                e1[g] = exp_reduced(t1[g]);
                e2[g] = exp_reduced(t2[g]);
            }
            lanes i1[FAST_RUN], i2[FAST_RUN];
            for (size_t g = 0; g < groups; g++) {
                i1[g] = inverse_of(e1[g]);
                i2[g] = inverse_of(e2[g]);
            }
            for (size_t g = 0; g < groups; g++) {
                lanes xg = load(x + i + g * FAST_LANES), a1, s1, a2, s2;
                neurons_from(p.w1 * xg + p.b1, e1[g], i1[g], &a1, &s1);
                neurons_from(p.w2 * xg + p.b2, e2[g], i2[g], &a2, &s2);
                add_neurons(&sums, p, xg, load(y + i + g * FAST_LANES), every, a1, s1, a2, s2);
            }
        }
    for (; i + FAST_LANES <= n; i += FAST_LANES)
        add_group(&sums, p, load(x + i), load(y + i), every, method);
    if (i < n) {
        padded_group last = padded(x + i, y + i, n - i);
        add_group(&sums, p, last.x, last.y, last.used, method);
    }
    add_lanes(&sums, p, n < FAST_LANES ? (int)n : FAST_LANES, out);
}

/* ---- A few samples: one group, the parameters in lanes too --------------- */

/* Up to FAST_LANES samples, as the article's three, fit in one group of
   lanes. A descent on them is one long chain of waits, from the parameters
   through the neurons and the sums back to the parameters, so here nothing
   on that chain leaves the registers: each parameter is held in a whole
   group of lanes, the same value in every lane, and each sum ends in every
   lane too, ready for the update. */

/* The seven parameters, or seven slopes, each in every lane. */
typedef struct lane_params {
    lanes w1, b1, w2, b2, w3, w4, b3;
} lane_params;

static lane_params lane_params_of(const nn_params *p)
{
    lane_params q = {all(p->w1), all(p->b1), all(p->w2), all(p->b2),
                     all(p->w3), all(p->w4), all(p->b3)};
    return q;
}

static nn_params nn_params_of(lane_params q)
{
    nn_params p = {q.w1[0], q.b1[0], q.w2[0], q.b2[0], q.w3[0], q.w4[0], q.b3[0]};
    return p;
}

/* Lane k ^ d of v in lane k: the lanes swapped in pairs (d = 1), in pairs
   of pairs (d = 2) or in halves of 8 (d = 4). Written out lane by lane,
   which gcc and clang both turn into one shuffle instruction. */
#if FAST_LANES == 8
#define SWAPPED(v, d) \
    ((lanes){(v)[0 ^ (d)], (v)[1 ^ (d)], (v)[2 ^ (d)], (v)[3 ^ (d)], \
             (v)[4 ^ (d)], (v)[5 ^ (d)], (v)[6 ^ (d)], (v)[7 ^ (d)]})
#elif FAST_LANES == 4
#define SWAPPED(v, d) ((lanes){(v)[0 ^ (d)], (v)[1 ^ (d)], (v)[2 ^ (d)], (v)[3 ^ (d)]})
#else
#define SWAPPED(v, d) ((lanes){(v)[0 ^ (d)], (v)[1 ^ (d)]})
#endif

/* The sum of all lanes, in every lane: lane k adds lane k ^ 1, then lane
   k ^ 2, then k ^ 4. Every lane adds the same pairs, and a + b rounds as
   b + a does, so every lane holds the same bits. */
LANE_FUNCTION lanes sum_in_every_lane(lanes v)
{
    v = v + SWAPPED(v, 1);
#if FAST_LANES >= 4
    v = v + SWAPPED(v, 2);
#endif
#if FAST_LANES >= 8
    v = v + SWAPPED(v, 4);
#endif
    return v;
}

/* Both neurons of a few samples. Where the samples fill at most half a
   group, one exponential, one division and one logarithm serve both:
   neuron 1 in the lower half of the lanes, neuron 2 in the upper. The
   other half of each result then holds the other neuron's values, finite
   and unused, since the residual there is 0. */
LANE_FUNCTION void few_neurons(lanes z1, lanes z2, int one_group, lanes *a1, lanes *s1,
                               lanes *a2, lanes *s2)
{
    if (!one_group) {
        neurons(z1, a1, s1);
        neurons(z2, a2, s2);
        return;
    }
    lane_mask lower = {0};
    for (int k = 0; k < FAST_LANES / 2; k++)
        lower[k] = -1;
    lanes a, s;
    neurons(select(lower, z1, SWAPPED(z2, FAST_LANES / 2)), &a, &s);
    *a1 = a;
    *s1 = s;
    *a2 = SWAPPED(a, FAST_LANES / 2);
    *s2 = SWAPPED(s, FAST_LANES / 2);
}

// [fast_few]
/* The SSR (in every lane) and the seven slopes, as add_neurons() and
   add_lanes() compute them: d = -2 r, and w3 or w4 on the way to z1 or z2. */
LANE_FUNCTION lane_params few_gradient(lane_params q, padded_group s, int one_group,
                                       lanes *ssr)
{
    lanes a1, s1, a2, s2;
    few_neurons(q.w1 * s.x + q.b1, q.w2 * s.x + q.b2, one_group, &a1, &s1, &a2, &s2);
    lanes r = select(s.used, s.y - (q.w3 * a1 + q.w4 * a2 + q.b3), all(0.0));
    lanes r_s1 = r * s1, r_s2 = r * s2;
    lane_params slope = {(-2.0 * q.w3) * sum_in_every_lane(r_s1 * s.x),
                         (-2.0 * q.w3) * sum_in_every_lane(r_s1),
                         (-2.0 * q.w4) * sum_in_every_lane(r_s2 * s.x),
                         (-2.0 * q.w4) * sum_in_every_lane(r_s2),
                         -2.0 * sum_in_every_lane(r * a1),
                         -2.0 * sum_in_every_lane(r * a2),
                         -2.0 * sum_in_every_lane(r)};
    *ssr = sum_in_every_lane(r * r);
    return slope;
}
// [fast_few]

/* True when all seven are finite. Every lane holds the same bits, so lane 0
   speaks for all of them. */
LANE_FUNCTION int few_finite(lane_params q)
{
    return isfinite(q.w1[0]) && isfinite(q.b1[0]) && isfinite(q.w2[0]) && isfinite(q.b2[0]) &&
           isfinite(q.w3[0]) && isfinite(q.w4[0]) && isfinite(q.b3[0]);
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
fast_result fast_gradient_with(const nn_params *p, nn_data data, int threads,
                               fast_method method)
{
    double sums[SUMS];
    size_t n = data.count, blocks = fast_blocks(n);
    if (n <= FAST_LANES && method == FAST_OWN_SOFTPLUS) {
        lanes ssr;
        lane_params slope = few_gradient(lane_params_of(p), padded(data.input, data.observed, n),
                                         n <= FAST_LANES / 2, &ssr);
        fast_result r = {nn_params_of(slope), ssr[0]};
        return r;
    }
    if (blocks == 1) { /* no thread to start */
        sums_in_lanes(*p, data.input, data.observed, n, method, sums);
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
        sums_in_lanes(q, data.input + start, data.observed + start, end - start, method,
                      block_sum[b]);
    }
    for (int k = 0; k < SUMS; k++) {
        sums[k] = 0.0;
        for (size_t b = 0; b < blocks; b++)
            sums[k] += block_sum[b][k];
    }
    return result_of(sums);
}
// [fast_threads]

fast_result fast_gradient(const nn_params *p, nn_data data, int threads)
{
    return fast_gradient_with(p, data, threads, FAST_OWN_SOFTPLUS);
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

/* ---- The descent ----------------------------------------------------------- */

/* True when every step is below the tolerance (a NaN step is not); lane 0
   speaks for every lane, as in few_finite(). */
LANE_FUNCTION int few_all_below(lane_params step, double tolerance)
{
    return fabs(step.w1[0]) < tolerance && fabs(step.b1[0]) < tolerance &&
           fabs(step.w2[0]) < tolerance && fabs(step.b2[0]) < tolerance &&
           fabs(step.w3[0]) < tolerance && fabs(step.w4[0]) < tolerance &&
           fabs(step.b3[0]) < tolerance;
}

/* step_size() and apply_step() of nn.c, for all seven, lane by lane. */
LANE_FUNCTION lane_params few_steps(lane_params slope, lanes rate)
{
    lane_params step = {slope.w1 * rate, slope.b1 * rate, slope.w2 * rate, slope.b2 * rate,
                        slope.w3 * rate, slope.w4 * rate, slope.b3 * rate};
    return step;
}

LANE_FUNCTION lane_params few_applied(lane_params q, lane_params step)
{
    lane_params next = {q.w1 - step.w1, q.b1 - step.b1, q.w2 - step.w2, q.b2 - step.b2,
                        q.w3 - step.w3, q.w4 - step.w4, q.b3 - step.b3};
    return next;
}

/* fast_descend() on at most FAST_LANES samples: the same steps, rows and
   checks, with the parameters kept in lanes from one step to the next. */
static descent_result few_descend(nn_params *p, nn_data data, descent_settings settings,
                                  fast_observer on_row, void *context)
{
    descent_result result = {DESCENT_STEP_LIMIT, 0, 0};
    padded_group samples = padded(data.input, data.observed, data.count);
    int one_group = data.count <= FAST_LANES / 2;
    lane_params q = lane_params_of(p);
    lanes rate = all(settings.learning_rate);
    for (;;) {
        lanes ssr;
        lane_params slope = few_gradient(q, samples, one_group, &ssr);
        if (!isfinite(ssr[0]) || !few_finite(slope)) {
            result.end = DESCENT_DIVERGED;
            break;
        }
        if (result.slopes == settings.max_steps)
            break;
        lane_params step = few_steps(slope, rate);
        lane_params next = few_applied(q, step);
        /* A finite slope times the rate may still overflow. */
        if (!few_finite(next)) {
            result.end = DESCENT_DIVERGED;
            break;
        }
        result.slopes++;
        if (on_row != NULL) {
            fast_row row = {result.slopes, nn_params_of(q), ssr[0], nn_params_of(slope)};
            on_row(&row, context);
        }
        if (few_all_below(step, settings.tolerance)) {
            result.end = DESCENT_CONVERGED;
            break;
        }
        q = next;
        result.updates++;
    }
    *p = nn_params_of(q);
    return result;
}

static inline int all_finite(const nn_params *p)
{
    return isfinite(p->w1) && isfinite(p->b1) && isfinite(p->w2) && isfinite(p->b2) &&
           isfinite(p->w3) && isfinite(p->w4) && isfinite(p->b3);
}

/* One parameter's update, step_size() and apply_step() of nn.c written out.
   Returns 1 while the step is still >= tolerance. */
static inline int move(double *value, double slope, double rate, double tolerance)
{
    double step = slope * rate;
    *value = *value - step;
    return !(fabs(step) < tolerance);
}

// [fast_descend]
descent_result fast_descend(nn_params *p, nn_data data, descent_settings settings, int threads,
                            fast_observer on_row, void *context)
{
    if (data.count <= FAST_LANES)
        return few_descend(p, data, settings, on_row, context);
    descent_result result = {DESCENT_STEP_LIMIT, 0, 0};
    double rate = settings.learning_rate, tol = settings.tolerance;
    for (;;) {
        fast_row row;
        row.step = result.slopes + 1;
        row.params = *p;
        fast_result f = fast_gradient(p, data, threads);
        row.ssr = f.ssr;
        row.slope = f.slope;
        /* Where the last allowed update led must be finite too. */
        if (!isfinite(f.ssr) || !all_finite(&f.slope)) {
            result.end = DESCENT_DIVERGED;
            return result;
        }
        if (result.slopes == settings.max_steps)
            return result;
        nn_params next = *p;
        int moving = 0;
        moving |= move(&next.w1, f.slope.w1, rate, tol);
        moving |= move(&next.b1, f.slope.b1, rate, tol);
        moving |= move(&next.w2, f.slope.w2, rate, tol);
        moving |= move(&next.b2, f.slope.b2, rate, tol);
        moving |= move(&next.w3, f.slope.w3, rate, tol);
        moving |= move(&next.w4, f.slope.w4, rate, tol);
        moving |= move(&next.b3, f.slope.b3, rate, tol);
        /* A finite slope times the rate may still overflow. */
        if (!all_finite(&next)) {
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
}
// [fast_descend]
