/**
 * @file small.c
 * @brief The descent on a handful of samples, every parameter kept in vector
 *        registers (chapter 9). See small.h for what it does and why.
 */
#include "small.h"

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define SMALL_AVX512 1
#include <immintrin.h>

#include "softplus_table.h"

/* Compiled for AVX-512 whatever the command line says; called only after
   the processor has said it runs it. */
#define AVX512 __attribute__((target("avx512f,avx512dq")))

/* The lanes of every vector below: lane i is the top neuron of sample i,
   lane 4 + i its bottom neuron. A parameter of the top neuron fills lanes
   0 to 3 and the matching one of the bottom neuron lanes 4 to 7, so w1 and
   w2 make one vector, as do b1 and b2, and w3 and w4. */

_Static_assert(SOFTPLUS_DEGREE == 7, "estrin7() takes the 8 coefficients of degree 7");

/* The coefficients of the piece of the table that each lane is in. Between
   two steps of descent z moves only a little, so a lane stays in its piece
   for many steps: they are looked up when a lane leaves its piece, not on
   every step. */
typedef struct pieces {
    __m512d centre;                     /* j/32, for the piece j = round(32u) */
    __m512d value[SOFTPLUS_DEGREE + 1]; /* c[m][j]: softplus(-u) */
    __m512d slope[SOFTPLUS_DEGREE + 1]; /* -(m + 1) c[m + 1][j]: sigmoid(-u) */
} pieces;

_Static_assert(SOFTPLUS_PIECES == 256 && SOFTPLUS_PER_UNIT == 32,
               "SMALL_REACH in small.h is the last centre plus half a piece, (256 - 1/2) / 32");

/* The pieces of u = |z| < SMALL_REACH, lane by lane. Adding 1.5 * 2^47 to u
   rounds it to a multiple of 1/32 (the spacing of doubles near 2^47) and
   leaves j in the low bits of the sum, from which a gather fetches entry j
   of each row of the table for every lane. */
static AVX512 void look_up(__m512d u, pieces *p)
{
    const __m512d shift = _mm512_set1_pd(0x1.8p52 / SOFTPLUS_PER_UNIT);
    __m512d rounded = _mm512_add_pd(u, shift);
    __m512i j = _mm512_sub_epi64(_mm512_castpd_si512(rounded), _mm512_castpd_si512(shift));
    p->centre = _mm512_sub_pd(rounded, shift);
    for (int m = 0; m <= SOFTPLUS_DEGREE; m++)
        p->value[m] = _mm512_i64gather_pd(j, softplus_piece[m], sizeof(double));
    for (int m = 0; m < SOFTPLUS_DEGREE; m++)
        p->slope[m] = _mm512_mul_pd(_mm512_set1_pd(-(m + 1.0)), p->value[m + 1]);
    p->slope[SOFTPLUS_DEGREE] = _mm512_setzero_pd();
}

/* c[0] + c[1] e + ... + c[7] e^7 from e and its powers e2 = e^2 and e4,
   taken in pairs (Estrin's scheme): three multiply-adds deep, not seven. */
static inline AVX512 __m512d estrin7(const __m512d c[SOFTPLUS_DEGREE + 1], __m512d e, __m512d e2,
                                     __m512d e4)
{
    __m512d c01 = _mm512_fmadd_pd(c[1], e, c[0]), c23 = _mm512_fmadd_pd(c[3], e, c[2]);
    __m512d c45 = _mm512_fmadd_pd(c[5], e, c[4]), c67 = _mm512_fmadd_pd(c[7], e, c[6]);
    return _mm512_fmadd_pd(_mm512_fmadd_pd(c67, e2, c45), e4, _mm512_fmadd_pd(c23, e2, c01));
}

// [small_softplus]
/* softplus(-u) and sigmoid(-u) in every lane, for u = |z| in the piece of
   the table that `table` holds for that lane, so that e = u - j/32 is at
   most 1/64 either way:

       softplus(-u) = sum over m of c[m][j] e^m           (the table's polynomial)
       sigmoid(-u)  = -(sum over m of m c[m][j] e^(m-1))  (minus its derivative)

   A lane that has left its piece has its coefficients looked up afresh. */
static inline AVX512 void softplus_and_sigmoid(__m512d u, pieces *table, __m512d *softplus,
                                               __m512d *sigmoid)
{
    __m512d e = _mm512_sub_pd(u, table->centre); /* exact, as u and j/32 are that close */
    const __m512d sign = _mm512_set1_pd(-0.0);
    const __m512d half_piece = _mm512_set1_pd(0.5 / SOFTPLUS_PER_UNIT);
    if (_mm512_cmp_pd_mask(_mm512_andnot_pd(sign, e), half_piece, _CMP_GT_OQ) != 0) {
        look_up(u, table);
        e = _mm512_sub_pd(u, table->centre);
    }
    __m512d e2 = _mm512_mul_pd(e, e), e4 = _mm512_mul_pd(e2, e2);
    *softplus = estrin7(table->value, e, e2, e4);
    *sigmoid = estrin7(table->slope, e, e2, e4);
}
// [small_softplus]

/* Each lane summed with the other three lanes of its half: the sum over the
   samples of the top neuron in lanes 0 to 3, of the bottom one in 4 to 7. */
static inline AVX512 __m512d half_sums(__m512d v)
{
    __m512d pairs = _mm512_add_pd(v, _mm512_permute_pd(v, 0x55));        /* swap neighbours */
    return _mm512_add_pd(pairs, _mm512_shuffle_f64x2(pairs, pairs, 0xB1)); /* swap pairs */
}

/* Lanes 4 to 7 and 0 to 3 exchanged: each neuron's value beside the other's. */
static inline AVX512 __m512d swap_halves(__m512d v)
{
    return _mm512_shuffle_f64x2(v, v, 0x4E);
}

static inline AVX512 double lane(__m512d v, int i)
{
    double all[8];
    _mm512_storeu_pd(all, v);
    return all[i];
}

/* The seven parameters, two to a vector where the neurons pair up. */
typedef struct small_params {
    __m512d w, b;  /* w1 | w2 and b1 | b2 */
    __m512d out;   /* w3 | w4 */
    __m512d b3;    /* b3 in every lane */
} small_params;

static inline AVX512 __m512d halves_of(double top, double bottom)
{
    return _mm512_setr_pd(top, top, top, top, bottom, bottom, bottom, bottom);
}

static AVX512 void report(const small_params *q, __m512d sum_w, __m512d sum_b, __m512d sum_out,
                          __m512d sum_rest, long step, fast_observer on_row, void *context)
{
    fast_row row;
    row.step = step;
    row.params.w1 = lane(q->w, 0);
    row.params.b1 = lane(q->b, 0);
    row.params.w2 = lane(q->w, 4);
    row.params.b2 = lane(q->b, 4);
    row.params.w3 = lane(q->out, 0);
    row.params.w4 = lane(q->out, 4);
    row.params.b3 = lane(q->b3, 0);
    /* Each slope is -2 times its sum: dSSR/dpredicted = -2 r. */
    row.slope.w1 = -2.0 * lane(sum_w, 0);
    row.slope.b1 = -2.0 * lane(sum_b, 0);
    row.slope.w2 = -2.0 * lane(sum_w, 4);
    row.slope.b2 = -2.0 * lane(sum_b, 4);
    row.slope.w3 = -2.0 * lane(sum_out, 0);
    row.slope.w4 = -2.0 * lane(sum_out, 4);
    row.slope.b3 = -2.0 * lane(sum_rest, 0);
    row.ssr = lane(sum_rest, 4);
    on_row(&row, context);
}

// [small_step]
static AVX512 long descend_avx512(nn_params *p, nn_data data, double rate, double tolerance,
                                  long max_steps, fast_observer on_row, void *context)
{
    /* Samples past the last repeat sample 0, so that their z is in range when
       the others are; the mask `real` zeroes their residuals. */
    double x[4], y[4];
    for (size_t i = 0; i < 4; i++) {
        x[i] = data.input[i < data.count ? i : 0];
        y[i] = data.observed[i < data.count ? i : 0];
    }
    const __m512d input = _mm512_setr_pd(x[0], x[1], x[2], x[3], x[0], x[1], x[2], x[3]);
    const __m512d observed = _mm512_setr_pd(y[0], y[1], y[2], y[3], y[0], y[1], y[2], y[3]);
    const __mmask8 real = (__mmask8)(((1u << data.count) - 1) * 0x11u);
    const __m512d zero = _mm512_setzero_pd(), one = _mm512_set1_pd(1.0);
    const __m512d sign = _mm512_set1_pd(-0.0), reach = _mm512_set1_pd(SMALL_REACH);
    /* new = old - rate * slope = old + 2 rate * sum, as slope = -2 sum */
    const __m512d twice_rate = _mm512_set1_pd(2.0 * rate), tol = _mm512_set1_pd(tolerance);

    small_params q = {halves_of(p->w1, p->w2), halves_of(p->b1, p->b2), halves_of(p->w3, p->w4),
                      _mm512_set1_pd(p->b3)};
    __m512d z = _mm512_fmadd_pd(q.w, input, q.b);
    if (_mm512_cmp_pd_mask(_mm512_andnot_pd(sign, z), reach, _CMP_LT_OQ) != 0xFF)
        return 0;
    pieces table;
    look_up(_mm512_andnot_pd(sign, z), &table);
    long steps = 0;
    while (steps < max_steps) {
        __m512d tail, s; /* softplus(-|z|) and sigmoid(-|z|) */
        softplus_and_sigmoid(_mm512_andnot_pd(sign, z), &table, &tail, &s);
        __m512d ramp = _mm512_max_pd(z, zero);
        __m512d a = _mm512_add_pd(ramp, tail); /* softplus(z) = max(z, 0) + softplus(-|z|) */
        __mmask8 right = _mm512_cmp_pd_mask(z, zero, _CMP_GE_OQ);
        s = _mm512_mask_sub_pd(s, right, one, s); /* sigmoid(z) = 1 - sigmoid(-z) */

        /* r = observed - b3 - w3 a1 - w4 a2, with the bottom neuron's a2
           brought beside the top neuron's a1 (and a1 beside a2) by swapping
           the halves of the register. As a = max(z, 0) + softplus(-|z|),
           everything but the table's part is subtracted while the table
           works, and two multiply-adds finish r once it answers. */
        __m512d out_swapped = swap_halves(q.out);
        __m512d known = _mm512_fnmadd_pd(q.out, ramp, _mm512_sub_pd(observed, q.b3));
        known = _mm512_fnmadd_pd(out_swapped, swap_halves(ramp), known);
        __m512d r = _mm512_maskz_fnmadd_pd(real, out_swapped, swap_halves(tail),
                                           _mm512_fnmadd_pd(q.out, tail, known));

        /* The sums over samples of r times each chain of the chain rule;
           sum_rest holds the sum of r in lanes 0 to 3 and the SSR in 4 to 7. */
        __m512d out_s = _mm512_mul_pd(q.out, s);
        __m512d sum_w = half_sums(_mm512_mul_pd(r, _mm512_mul_pd(out_s, input)));
        __m512d sum_b = half_sums(_mm512_mul_pd(r, out_s));
        __m512d sum_out = half_sums(_mm512_mul_pd(r, a));
        __m512d sum_rest = half_sums(_mm512_mask_mul_pd(r, 0xF0, r, r));
        __m512d sum_b3 = _mm512_permutexvar_pd(_mm512_setzero_si512(), sum_rest);

        small_params next = {_mm512_fmadd_pd(sum_w, twice_rate, q.w),
                             _mm512_fmadd_pd(sum_b, twice_rate, q.b),
                             _mm512_fmadd_pd(sum_out, twice_rate, q.out),
                             _mm512_fmadd_pd(sum_b3, twice_rate, q.b3)};
        __m512d next_z = _mm512_fmadd_pd(next.w, input, next.b);

        /* An ordinary step: the next z within the table's reach, every other
           value finite, and some step at least the tolerance. Anything else
           is left to fast_descend(). A slope or parameter of the hidden
           neurons that is not finite makes z so; 0 x (the rest) is 0 unless
           one of the rest is not finite, and then it is NaN, so one
           comparison checks both. Each step is 2 rate |sum|, and vrangepd
           with 0x0B gives the larger absolute value of two sums. */
        __m512d rest = _mm512_add_pd(_mm512_add_pd(next.out, next.b3), sum_rest);
        __m512d checked_z = _mm512_fmadd_pd(rest, zero, next_z);
        int ordinary =
            _mm512_cmp_pd_mask(_mm512_andnot_pd(sign, checked_z), reach, _CMP_LT_OQ) == 0xFF;
        __m512d largest = _mm512_range_pd(_mm512_range_pd(sum_w, sum_b, 0x0B),
                                          _mm512_range_pd(sum_out, sum_b3, 0x0B), 0x0B);
        int moving = _mm512_cmp_pd_mask(_mm512_mul_pd(largest, twice_rate), tol, _CMP_NLT_UQ) != 0;
        if (!(ordinary && moving))
            break;
        steps++;
        if (on_row != NULL)
            report(&q, sum_w, sum_b, sum_out, sum_rest, steps, on_row, context);
        q = next;
        z = next_z;
    }
    p->w1 = lane(q.w, 0);
    p->b1 = lane(q.b, 0);
    p->w2 = lane(q.w, 4);
    p->b2 = lane(q.b, 4);
    p->w3 = lane(q.out, 0);
    p->w4 = lane(q.out, 4);
    p->b3 = lane(q.b3, 0);
    return steps;
}
// [small_step]
#endif

long small_descend(nn_params *p, nn_data data, double rate, double tolerance, long max_steps,
                   fast_observer on_row, void *context)
{
#ifdef SMALL_AVX512
    if (data.count >= 1 && data.count <= SMALL_MAX_SAMPLES && max_steps > 0 &&
        __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512dq"))
        return descend_avx512(p, data, rate, tolerance, max_steps, on_row, context);
#else
    (void)p, (void)data, (void)rate, (void)tolerance, (void)max_steps, (void)on_row, (void)context;
#endif
    return 0;
}
