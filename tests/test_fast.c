/**
 * @file test_fast.c
 * @brief Chapter 10's steps and its tuned path (tuned/fast.c, tuned/few.c):
 *        softplus and sigmoid against mpmath, every gradient against nn.c's
 *        and against NumPy's, the same bits on any thread count.
 */
#include "support.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fast.h"
#include "few.h"
#include "golden_fast.h"
#include "golden_scale.h"
#include "nn.h"
#include "steps.h"

/* The bound fast.h states for fast_softplus_sigmoid(), in units in the last
   place of the exact value. */
enum { FAST_ULP = 4 };

/* How many doubles lie between a and b, both >= 0: their bit patterns, read
   as integers, count the doubles in order. */
static uint64_t ulps_apart(double a, double b)
{
    uint64_t ia, ib;
    memcpy(&ia, &a, sizeof ia);
    memcpy(&ib, &b, sizeof ib);
    return ia > ib ? ia - ib : ib - ia;
}

/* Both functions of `evaluate` within FAST_ULP of mpmath at every golden
   point (the finite ones only, if `finite_only`). */
static void within_4_ulp_of_mpmath(fast_neuron_out (*evaluate)(double), int finite_only)
{
    uint64_t worst_softplus = 0, worst_sigmoid = 0;
    for (int i = 0; i < GOLDEN_FAST_POINTS; i++) {
        if (finite_only && !isfinite(golden_fast_z[i]))
            continue;
        fast_neuron_out n = evaluate(golden_fast_z[i]);
        uint64_t a = ulps_apart(n.softplus, golden_fast_softplus[i]);
        uint64_t s = ulps_apart(n.sigmoid, golden_fast_sigmoid[i]);
        if (a > FAST_ULP || s > FAST_ULP)
            print_error("z = %.17g: softplus %.17g (mpmath %.17g), sigmoid %.17g (mpmath "
                        "%.17g)\n", golden_fast_z[i], n.softplus, golden_fast_softplus[i],
                        n.sigmoid, golden_fast_sigmoid[i]);
        assert_true(a <= FAST_ULP);
        assert_true(s <= FAST_ULP);
        worst_softplus = a > worst_softplus ? a : worst_softplus;
        worst_sigmoid = s > worst_sigmoid ? s : worst_sigmoid;
    }
    /* Not exact everywhere, or the test would prove nothing about the bound. */
    assert_true(worst_softplus >= 1 && worst_sigmoid >= 1);
}

static void softplus_and_sigmoid_within_4_ulp_of_mpmath(void **state)
{
    (void)state;
    within_4_ulp_of_mpmath(fast_softplus_sigmoid, 0);
}

/* The same for the Taylor series of few.c, at every finite point (z = inf
   has no nearest multiple of 1/16). */
static void softplus_and_sigmoid_near_within_4_ulp_of_mpmath(void **state)
{
    (void)state;
    within_4_ulp_of_mpmath(fast_softplus_sigmoid_near, 1);
}

/* Between the golden points too: 200,001 values of z from -50 to 50, and
   the thousand doubles on each side of z = asinh(1) and of -asinh(1),
   where e^-|z| = sqrt(2) - 1 and softplus.h changes how it takes the
   logarithm, within FAST_ULP of nn.c's softplus() and sigmoid(), which
   take the C library's exp and log1p. */
static uint64_t fast_ulps_from_nn(double z)
{
    fast_neuron_out n = fast_softplus_sigmoid(z);
    uint64_t a = ulps_apart(n.softplus, softplus(z));
    uint64_t s = ulps_apart(n.sigmoid, sigmoid(z));
    return a > s ? a : s;
}

static void fast_softplus_and_sigmoid_between_the_golden_points(void **state)
{
    (void)state;
    uint64_t worst = 0, here;
    for (int i = -100000; i <= 100000; i++)
        if ((here = fast_ulps_from_nn(i / 2000.0)) > worst)
            worst = here;
    for (double sign = -1.0; sign <= 1.0; sign += 2.0) {
        double z = sign * asinh(1.0);
        for (int k = 0; k < 1000; k++)
            z = nextafter(z, -INFINITY);
        for (int k = 0; k <= 2000; k++, z = nextafter(z, INFINITY))
            if ((here = fast_ulps_from_nn(z)) > worst)
                worst = here;
    }
    assert_true(worst <= FAST_ULP);
    assert_true(worst >= 1); /* not exact everywhere, or the bound proves nothing */
}

/* Between the golden points too: 200,001 values of z from -50 to 50,
   through every piece and both of its edges, within 6 ulp of nn.c's
   softplus() and sigmoid(), which take the C library's exp and log1p. A
   wrong coefficient would be off by far more. */
static void softplus_and_sigmoid_near_on_every_piece(void **state)
{
    (void)state;
    uint64_t worst = 0;
    for (int i = -100000; i <= 100000; i++) {
        double z = i / 2000.0;
        fast_neuron_out n = fast_softplus_sigmoid_near(z);
        uint64_t a = ulps_apart(n.softplus, softplus(z));
        uint64_t s = ulps_apart(n.sigmoid, sigmoid(z));
        worst = a > worst ? a : worst;
        worst = s > worst ? s : worst;
    }
    assert_true(worst <= 6);
}

static void softplus_and_sigmoid_at_infinity_and_nan(void **state)
{
    (void)state;
    fast_neuron_out up = fast_softplus_sigmoid(INFINITY);
    fast_neuron_out down = fast_softplus_sigmoid(-INFINITY);
    fast_neuron_out nan = fast_softplus_sigmoid(NAN);
    assert_true(isinf(up.softplus) && up.softplus > 0.0 && up.sigmoid == 1.0);
    assert_true(down.softplus == 0.0 && down.sigmoid == 0.0);
    assert_true(isnan(nan.softplus) && isnan(nan.sigmoid));
}

/* splitmix64: a small generator with the same numbers on every platform. */
static double uniform(uint64_t *state)
{
    uint64_t z = (*state += 0x9E3779B97F4A7C15u);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
    z ^= z >> 31;
    return (double)(z >> 11) / 9007199254740992.0; /* [0, 1) */
}

static double between(uint64_t *state, double low, double high)
{
    return low + (high - low) * uniform(state);
}

/* Random samples and parameters; `spread` scales the weights, so that a large
   spread puts z deep into both tails of softplus. */
typedef struct problem {
    double *input;
    double *observed;
    nn_data data;
    nn_params p;
} problem;

static problem make_problem(size_t n, uint64_t seed, double spread)
{
    problem pr;
    uint64_t state = seed;
    pr.input = malloc((n ? n : 1) * sizeof(double));
    pr.observed = malloc((n ? n : 1) * sizeof(double));
    assert_non_null(pr.input);
    assert_non_null(pr.observed);
    for (size_t i = 0; i < n; i++) {
        pr.input[i] = between(&state, -2.0, 3.0);
        pr.observed[i] = between(&state, -1.0, 2.0);
    }
    pr.data.count = n;
    pr.data.input = pr.input;
    pr.data.observed = pr.observed;
    pr.p.w1 = between(&state, -spread, spread);
    pr.p.b1 = between(&state, -spread, spread);
    pr.p.w2 = between(&state, -spread, spread);
    pr.p.b2 = between(&state, -spread, spread);
    pr.p.w3 = between(&state, -2.0, 2.0);
    pr.p.w4 = between(&state, -2.0, 2.0);
    pr.p.b3 = between(&state, -1.0, 1.0);
    return pr;
}

static void free_problem(problem *pr)
{
    free(pr->input);
    free(pr->observed);
}

/* The SSR and gradient of the plain loops of nn.c, which fast.c must match. */
static fast_result plain_result(const nn_params *p, nn_data data)
{
    fast_result r;
    r.ssr = ssr(p, data);
    r.slope = gradient(p, data);
    return r;
}

/* Every field of `fast` within 1e-12 relative of the plain loops' value. */
static void assert_same_as(fast_result fast, fast_result plain)
{
    nn_gradient g = plain.slope;
    assert_close(fast.ssr, plain.ssr, GOLDEN_TOLERANCE);
    assert_close(fast.slope.w1, g.w1, GOLDEN_TOLERANCE);
    assert_close(fast.slope.b1, g.b1, GOLDEN_TOLERANCE);
    assert_close(fast.slope.w2, g.w2, GOLDEN_TOLERANCE);
    assert_close(fast.slope.b2, g.b2, GOLDEN_TOLERANCE);
    assert_close(fast.slope.w3, g.w3, GOLDEN_TOLERANCE);
    assert_close(fast.slope.w4, g.w4, GOLDEN_TOLERANCE);
    assert_close(fast.slope.b3, g.b3, GOLDEN_TOLERANCE);
    /* A comparison of zeros would prove nothing. */
    assert_true(fast.ssr > 0.0);
    assert_true(fast.slope.b3 != 0.0 && fast.slope.w1 != 0.0);
}

static void assert_same_as_plain(fast_result fast, const nn_params *p, nn_data data)
{
    assert_same_as(fast, plain_result(p, data));
}

static void bit_equal(fast_result a, fast_result b)
{
    assert_true(a.ssr == b.ssr);
    assert_true(a.slope.w1 == b.slope.w1 && a.slope.b1 == b.slope.b1);
    assert_true(a.slope.w2 == b.slope.w2 && a.slope.b2 == b.slope.b2);
    assert_true(a.slope.w3 == b.slope.w3 && a.slope.w4 == b.slope.w4);
    assert_true(a.slope.b3 == b.slope.b3);
}

static ssr_slopes from_tuned(fast_result f)
{
    ssr_slopes s = {f.ssr, f.slope};
    return s;
}

static fast_result from_step(ssr_slopes s)
{
    fast_result r = {s.slope, s.ssr};
    return r;
}

/* Chapter 10's steps 1 to 6, each within 1e-12 of the plain loops; steps 1
   and 2 add the same terms in the same order, so to the bit. */
static void each_step_same_as(const nn_params *p, nn_data data, fast_result plain)
{
    bit_equal(from_step(step1_one_exponential(p, data)), plain);
    bit_equal(from_step(step2_one_pass(p, data)), plain);
    assert_same_as(from_step(step3_lanes(p, data)), plain);
    assert_same_as(from_step(step4_softplus(p, data)), plain);
    assert_same_as(from_step(step5_threads(p, data, 2)), plain);
    assert_same_as(from_step(step6_fast_math(p, data)), plain);
}

/* Every step, and the tuned path, on 1000 samples of chapter 10's curve from
   chapter 7's start, against the SSR and slopes NumPy computes
   (tools/golden_scale.py). */
static void every_step_matches_numpy(void **state)
{
    (void)state;
    double input[1000], observed[1000];
    fast_curve(1000, input, observed);
    nn_data data = {1000, input, observed};
    nn_params p = start_all();
    ssr_slopes s[8] = {step0_nn(&p, data),       step1_one_exponential(&p, data),
                       step2_one_pass(&p, data), step3_lanes(&p, data),
                       step4_softplus(&p, data), step5_threads(&p, data, 2),
                       step6_fast_math(&p, data), from_tuned(fast_gradient(&p, data, 2))};
    for (int k = 0; k < 8; k++) {
        assert_close(s[k].ssr, golden_scale_start[0], GOLDEN_TOLERANCE);
        for (int i = 0; i < NN_PARAM_COUNT; i++)
            assert_close(s[k].slope.value[i], golden_scale_start[1 + i], GOLDEN_TOLERANCE);
    }
}

/* Counts below, at and above a group of lanes, around the block size, and
   past FAST_MAX_BLOCKS full blocks. */
static const size_t counts[] = {
    1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 1000, FAST_BLOCK - 1, FAST_BLOCK, FAST_BLOCK + 1,
    3 * FAST_BLOCK + 5, 100003, (size_t)FAST_BLOCK * FAST_MAX_BLOCKS + 12345,
};
enum { COUNTS = sizeof counts / sizeof counts[0] };

/* Under valgrind and qemu, which run this some fifty and twenty times slower,
   TEST_MAX_SAMPLES leaves out the largest counts (test_max_samples()):
   memcheck is looking for bad memory accesses, qemu for what another
   processor computes differently, and the sanitizers and the plain run still
   cover every count. */
static int count_is_checked(size_t n)
{
    return test_max_samples(n) == n;
}

static void equals_the_plain_gradient_on_one_thread(void **state)
{
    (void)state;
    for (int c = 0; c < COUNTS; c++) {
        if (!count_is_checked(counts[c]))
            continue;
        /* Three draws where they are cheap; the million-sample count, which
           costs more than all the others together (forty seconds under
           qemu), is drawn once. */
        uint64_t draws = counts[c] > 100003 ? 1 : 3;
        for (uint64_t seed = 1; seed <= draws; seed++) {
            problem pr = make_problem(counts[c], seed * 7919 + (uint64_t)c, 3.0);
            /* Once per problem: the plain loops take longer than all the fast ones. */
            fast_result plain = plain_result(&pr.p, pr.data);
            assert_same_as(fast_gradient(&pr.p, pr.data, 1), plain);
            each_step_same_as(&pr.p, pr.data, plain);
            free_problem(&pr);
        }
    }
}

static void equals_the_plain_gradient_on_several_threads(void **state)
{
    (void)state;
    for (int c = 0; c < COUNTS; c++) {
        if (!count_is_checked(counts[c]))
            continue;
        problem pr = make_problem(counts[c], 4242 + (uint64_t)c, 3.0);
        fast_result one = fast_gradient(&pr.p, pr.data, 1);
        fast_result plain = plain_result(&pr.p, pr.data);
        for (int threads = 2; threads <= 4; threads++) {
            fast_result many = fast_gradient(&pr.p, pr.data, threads);
            assert_same_as(many, plain);
            /* The blocks do not depend on the threads, so neither does the sum. */
            bit_equal(many, one);
            bit_equal(from_step(step5_threads(&pr.p, pr.data, threads)),
                      from_step(step5_threads(&pr.p, pr.data, 1)));
        }
        bit_equal(fast_gradient(&pr.p, pr.data, FAST_MAX_BLOCKS), one);
        free_problem(&pr);
    }
}

static void holds_deep_in_both_tails_of_softplus(void **state)
{
    (void)state;
    /* Weights up to 300 put |z| past 700, where e^|z| would overflow: on
       3, 5 and 5000 samples, so on the few-sample path and the groups of
       lanes with 4 or 8 lanes, and past both with 2. */
    static const size_t sizes[] = {3, 5, 5000};
    for (uint64_t seed = 1; seed <= 21; seed++) {
        problem pr = make_problem(sizes[seed % 3], seed, 300.0);
        assert_same_as_plain(fast_gradient(&pr.p, pr.data, 2), &pr.p, pr.data);
        each_step_same_as(&pr.p, pr.data, plain_result(&pr.p, pr.data));
        free_problem(&pr);
    }
}

static void at_the_article_point(void **state)
{
    (void)state;
    nn_params p = article_params();
    nn_data data = article_data();
    fast_result f = fast_gradient(&p, data, 2);
    assert_same_as_plain(f, &p, data);
    /* The article's own numbers: SSR 20.4236 and dSSR/db3 -15.6551 at b3 = 0. */
    assert_close(f.ssr, 20.4236, 5e-6);
    assert_close(f.slope.b3, -15.6551, 5e-6);
}

/* The plain descent written again with gradient(), to compare rows with. */
typedef struct recorder {
    long rows;
    nn_step last;
    nn_params expected;
    int all_finite;
    int compare; /* follow `expected` at rate 0.1 and compare every row with it */
} recorder;

static void check_row(const nn_step *row, void *context)
{
    recorder *r = context;
    r->rows++;
    r->last = *row;
    if (!isfinite(row->ssr) || !isfinite(row->slope.w1))
        r->all_finite = 0;
    if (!r->compare)
        return;
    nn_data data = article_data();
    nn_params q = r->expected;
    assert_close(row->params.w1, q.w1, 1e-10);
    assert_close(row->params.b3, q.b3, 1e-10);
    assert_close(row->params.w4, q.w4, 1e-10);
    assert_close(row->ssr, ssr(&q, data), 1e-10);
    nn_gradient g = gradient(&q, data);
    r->expected.w1 -= 0.1 * g.w1;
    r->expected.b1 -= 0.1 * g.b1;
    r->expected.w2 -= 0.1 * g.w2;
    r->expected.b2 -= 0.1 * g.b2;
    r->expected.w3 -= 0.1 * g.w3;
    r->expected.w4 -= 0.1 * g.w4;
    r->expected.b3 -= 0.1 * g.b3;
}

static nn_params part_two_start(void)
{
    nn_params p = {.value = {2.74, 0.0, -1.13, 0.0, 0.36, 0.63, 0.0}};
    return p;
}

static void descent_follows_the_plain_gradient(void **state)
{
    (void)state;
    nn_params p = part_two_start();
    recorder r = {.expected = part_two_start(), .all_finite = 1, .compare = 1};
    nn_settings settings = {.learning_rate = 0.1, .tolerance = 0.0, .max_steps = 100};
    nn_result result = fast_descend(&p, article_data(), settings, 2, check_row, &r);
    assert_int_equal(result.end, NN_STEP_LIMIT);
    assert_int_equal(result.steps, 100);
    assert_int_equal(result.updates, 100);
    assert_int_equal(r.rows, 100);
    assert_close(p.w1, r.expected.w1, 1e-10);
    assert_close(p.b3, r.expected.b3, 1e-10);
    /* The part-2 start descends: the SSR after 100 steps is far below the start. */
    nn_params start = part_two_start();
    assert_true(r.last.ssr < 0.5 * ssr(&start, article_data()));
}

static void descent_stops_when_every_step_is_small(void **state)
{
    (void)state;
    nn_params p = part_two_start();
    recorder r = {.expected = part_two_start(), .all_finite = 1, .compare = 1};
    nn_settings settings = {.learning_rate = 0.1, .tolerance = 0.001, .max_steps = 100000};
    nn_result result = fast_descend(&p, article_data(), settings, 1, check_row, &r);
    assert_int_equal(result.end, NN_CONVERGED);
    assert_int_equal(result.updates, result.steps - 1);
    /* Every one of the seven last steps is below the tolerance. */
    double worst = fmax(fmax(fabs(r.last.slope.w1), fabs(r.last.slope.b1)),
                        fmax(fabs(r.last.slope.w2), fabs(r.last.slope.b2)));
    worst = fmax(worst, fmax(fmax(fabs(r.last.slope.w3), fabs(r.last.slope.w4)),
                             fabs(r.last.slope.b3)));
    assert_true(0.1 * worst < 0.001);
    assert_true(r.last.ssr < 0.001);
}

static void no_row_past_divergence(void **state)
{
    (void)state;
    nn_params p = part_two_start();
    recorder r = {.expected = part_two_start(), .all_finite = 1};
    nn_settings settings = {.learning_rate = 10.0, .tolerance = 0.001, .max_steps = 1000};
    nn_result result = fast_descend(&p, article_data(), settings, 2, check_row, &r);
    assert_int_equal(result.end, NN_DIVERGED);
    assert_true(r.all_finite);
    assert_int_equal(r.rows, result.steps);
    assert_true(result.steps < 1000);
}

/* The last update allowed may land where the SSR overflows: that is a
   divergence too, not a finished run (at rate 10 the article's descent
   overflows after some 80 updates). */
static void the_point_after_the_last_update_is_checked(void **state)
{
    (void)state;
    nn_params p = part_two_start();
    recorder r = {.expected = part_two_start(), .all_finite = 1};
    nn_settings settings = {.learning_rate = 10.0, .tolerance = 0.0, .max_steps = 1000};
    nn_result free_run = fast_descend(&p, article_data(), settings, 1, check_row, &r);
    assert_int_equal(free_run.end, NN_DIVERGED);
    assert_true(free_run.updates > 2);
    for (long limit = free_run.updates - 2; limit <= free_run.updates + 1; limit++) {
        p = part_two_start();
        settings.max_steps = limit;
        nn_result limited = fast_descend(&p, article_data(), settings, 1, NULL, NULL);
        if (limit < free_run.updates) {
            assert_int_equal(limited.end, NN_STEP_LIMIT);
            fast_result end = fast_gradient(&p, article_data(), 1);
            assert_true(isfinite(end.ssr));
        } else {
            assert_int_equal(limited.end, NN_DIVERGED);
        }
    }
}

/* Up to fast_lanes() samples keep the parameters in lanes (with both
   neurons in one group up to half as many), more take the groups of lanes.
   From 1 to 9 samples every path is taken with 2, 4 or 8 lanes, and each
   descends as nn.c's descend() does. */
static void descent_on_every_path_by_sample_count(void **state)
{
    (void)state;
    for (size_t n = 1; n <= 9; n++) {
        problem pr = make_problem(n, 100 + n, 2.0);
        nn_settings settings = {.learning_rate = 0.01, .tolerance = 0.0, .max_steps = 200};
        nn_params fast = pr.p, plain = pr.p;
        nn_result f = fast_descend(&fast, pr.data, settings, 1, NULL, NULL);
        nn_result d = descend(&plain, pr.data, gradient, settings, NULL, NULL);
        assert_int_equal(f.end, NN_STEP_LIMIT);
        assert_int_equal(d.end, NN_STEP_LIMIT);
        assert_int_equal(f.updates, 200);
        assert_int_equal(d.updates, 200);
        for (int i = 0; i < NN_PARAM_COUNT; i++)
            assert_close(fast.value[i], plain.value[i], 1e-10);
        /* The descent moved every parameter: a comparison of the start would
           prove nothing. */
        for (int i = 0; i < NN_PARAM_COUNT; i++)
            assert_true(fast.value[i] != pr.p.value[i]);
        free_problem(&pr);
    }
}

/* The article's descent on three samples for 3,000 steps, as nn.c's
   descend() takes it. On the way each z crosses dozens of pieces of
   few.c's Taylor series, and its lanes take new ones as they go. */
static void few_samples_descend_across_pieces(void **state)
{
    (void)state;
    nn_params fast = start_all(), plain = start_all();
    nn_settings settings = {.learning_rate = 0.1, .tolerance = 0.0, .max_steps = 3000};
    fast_descend(&fast, article_data(), settings, 1, NULL, NULL);
    descend(&plain, article_data(), gradient, settings, NULL, NULL);
    for (int i = 0; i < NN_PARAM_COUNT; i++)
        assert_close(fast.value[i], plain.value[i], 1e-10);
    /* How far z moved, for the first sample's first neuron: pieces are
       1/16 wide. */
    nn_params start = start_all();
    double x = article_data().input[2];
    double moved = fabs((fast.w1 * x + fast.b1) - (start.w1 * x + start.b1));
    assert_true(moved > 1.0);
}

static void blocks_depend_on_the_count_alone(void **state)
{
    (void)state;
    assert_int_equal(fast_blocks(0), 1);
    assert_int_equal(fast_blocks(3), 1);
    assert_int_equal(fast_blocks(FAST_BLOCK), 1);
    assert_int_equal(fast_blocks(FAST_BLOCK + 1), 2);
    assert_int_equal(fast_blocks((size_t)FAST_BLOCK * FAST_MAX_BLOCKS * 4), FAST_MAX_BLOCKS);
    assert_true(fast_cores() >= 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_step_matches_numpy),
        cmocka_unit_test(softplus_and_sigmoid_within_4_ulp_of_mpmath),
        cmocka_unit_test(softplus_and_sigmoid_near_within_4_ulp_of_mpmath),
        cmocka_unit_test(fast_softplus_and_sigmoid_between_the_golden_points),
        cmocka_unit_test(softplus_and_sigmoid_near_on_every_piece),
        cmocka_unit_test(softplus_and_sigmoid_at_infinity_and_nan),
        cmocka_unit_test(the_point_after_the_last_update_is_checked),
        cmocka_unit_test(descent_on_every_path_by_sample_count),
        cmocka_unit_test(few_samples_descend_across_pieces),
        cmocka_unit_test(blocks_depend_on_the_count_alone),
        cmocka_unit_test(equals_the_plain_gradient_on_one_thread),
        cmocka_unit_test(equals_the_plain_gradient_on_several_threads),
        cmocka_unit_test(holds_deep_in_both_tails_of_softplus),
        cmocka_unit_test(at_the_article_point),
        cmocka_unit_test(descent_follows_the_plain_gradient),
        cmocka_unit_test(descent_stops_when_every_step_is_small),
        cmocka_unit_test(no_row_past_divergence),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
