/**
 * @file test_chapter7.c
 * @brief Chapter 7: the random generator, descend() on all seven, and the chapter7 program.
 *
 * Golden values come from tools/golden_descent.py (NumPy, float64, and the
 * generator rebuilt in Python from its definition). The chapter's own
 * one_sample.c and rises.c are linked in.
 */
#include "support.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_checks.h"
#include "csv_rows.h"
#include "golden_descent.h"
#include "nn.h"
#include "one_sample.h"
#include "random.h"
#include "rises.h"
#include "columns.h"

/** Trajectories are compared to this relative tolerance. */
#define TRAJECTORY_TOLERANCE 1e-10

typedef struct recorder {
    nn_step rows[100];
    int count;
} recorder;

static void record(const nn_step *point, void *context)
{
    recorder *r = context;
    if (r->count < 100)
        r->rows[r->count] = *point;
    r->count++;
}

/* Keeps the last row a descent shows. */
static void keep_last(const nn_step *step, void *context)
{
    *(nn_step *)context = *step;
}

static void the_generator_repeats_splitmix64_exactly(void **state)
{
    (void)state;
    for (int s = 0; s < 3; s++) {
        random_state bits = random_seed(golden_random_seeds[s]);
        random_state uniform = bits, normal = bits;
        for (int k = 0; k < 5; k++) {
            assert_true(random_next(&bits) == golden_random_bits[s][k]);
            double u = random_uniform(&uniform);
            assert_true(u == golden_random_uniform[s][k]);
            assert_true(u > 0.0 && u < 1.0);
            assert_close(random_normal(&normal), golden_random_normal[s][k], 1e-15);
        }
    }
    /* The published first output of splitmix64 from seed 0. */
    random_state zero = random_seed(0);
    assert_true(random_next(&zero) == 0xe220a8397b1dcdafULL);
}

static void normals_look_standard(void **state)
{
    (void)state;
    random_state r = random_seed(12345);
    double sum = 0.0, squares = 0.0;
    const int n = 100000;
    for (int k = 0; k < n; k++) {
        double v = random_normal(&r);
        assert_true(isfinite(v));
        sum += v;
        squares += v * v;
    }
    /* Mean within 4 standard errors of 0, variance within 2 % of 1. */
    assert_true(fabs(sum / n) < 4.0 / sqrt(n));
    assert_true(fabs(squares / n - 1.0) < 0.02);
}

static void a_seed_gives_random_weights_and_zero_biases(void **state)
{
    (void)state;
    random_state r = random_seed(GOLDEN_CH7_SEED);
    nn_params p = random_start(&r);
    for (int i = 0; i < NN_PARAM_COUNT; i++)
        assert_close(p.value[i], golden_ch7_seed_start[i], 1e-15);
    assert_true(p.b1 == 0.0 && p.b2 == 0.0 && p.b3 == 0.0);
    nn_params video = start_all();
    const double expected[] = {2.74, 0.0, -1.13, 0.0, 0.36, 0.63, 0.0};
    for (int i = 0; i < NN_PARAM_COUNT; i++)
        assert_true(video.value[i] == expected[i]);
}

static void check_hundred_rows(nn_params start, const double golden[100][8])
{
    recorder *r = calloc(1, sizeof *r);
    assert_non_null(r);
    nn_settings settings = {.learning_rate = 0.1, .tolerance = 0.001, .max_steps = 100};
    nn_result result = descend(&start, article_data(), gradient, settings, record, r);
    assert_int_equal(result.end, NN_STEP_LIMIT);
    assert_int_equal(r->count, 100);
    for (int k = 0; k < 100; k++) {
        for (int i = 0; i < NN_PARAM_COUNT; i++)
            assert_close(r->rows[k].params.value[i], golden[k][i], TRAJECTORY_TOLERANCE);
        assert_close(r->rows[k].ssr, golden[k][7], TRAJECTORY_TOLERANCE);
    }
    free(r);
}

static void hundred_steps_match_numpy(void **state)
{
    (void)state;
    nn_params start = start_all();
    nn_gradient g = gradient(&start, article_data());
    for (int i = 0; i < NN_PARAM_COUNT; i++)
        assert_close(g.value[i], golden_ch7_start_slope[i], GOLDEN_TOLERANCE);
    check_hundred_rows(start, golden_ch7_rows);
    random_state r = random_seed(GOLDEN_CH7_SEED);
    check_hundred_rows(random_start(&r), golden_ch7_seed_rows);
}

static void defaults_fit_the_three_samples(void **state)
{
    (void)state;
    nn_params p = start_all();
    nn_settings settings = {.learning_rate = 0.1, .tolerance = 0.001, .max_steps = 1000};
    nn_result result = descend(&p, article_data(), gradient, settings, NULL, NULL);
    assert_int_equal(result.end, NN_CONVERGED);
    assert_int_equal(result.steps, GOLDEN_CH7_END_ROWS);
    assert_int_equal(result.updates, GOLDEN_CH7_END_UPDATES);
    for (int i = 0; i < NN_PARAM_COUNT; i++)
        assert_close(p.value[i], golden_ch7_end_params[i], 1e-9);
    double final_ssr = ssr(&p, article_data());
    assert_close(final_ssr, golden_ch7_end_ssr, 1e-9);
    assert_true(final_ssr < 0.001);
    /* Plain descent at rate 0.1 from this start ends near
       (3.23, -1.92, -3.31, 0.53, -1.46, -2.22, 2.41). */
    const double example[] = {3.23, -1.92, -3.31, 0.53, -1.46, -2.22, 2.41};
    for (int i = 0; i < NN_PARAM_COUNT; i++)
        assert_true(fabs(p.value[i] - example[i]) < 0.005);
}

static void smaller_rates_end_where_numpy_says(void **state)
{
    (void)state;
    nn_params half = start_all(), tenth = start_all();
    nn_step last;
    nn_result h = descend(&half, article_data(), gradient, (nn_settings){0.05, 0.001, 1000},
                          NULL, NULL);
    nn_result t = descend(&tenth, article_data(), gradient, (nn_settings){0.01, 0.001, 1000},
                          keep_last, &last);
    assert_int_equal(h.end, NN_STEP_LIMIT);
    assert_int_equal(h.steps, GOLDEN_CH7_HALF_ROWS);
    assert_close(ssr(&half, article_data()), golden_ch7_half_ssr, 1e-8);
    assert_int_equal(t.end, NN_CONVERGED);
    assert_int_equal(t.steps, GOLDEN_CH7_TENTH_ROWS);
    assert_close(ssr(&tenth, article_data()), golden_ch7_tenth_ssr, TRAJECTORY_TOLERANCE);
    /* The tenth of the rate stopped where every slope is below 0.001 / 0.01,
       far from a fit. */
    assert_int_equal(last.step, GOLDEN_CH7_TENTH_ROWS);
    for (int i = 0; i < NN_PARAM_COUNT; i++) {
        assert_close(last.slope.value[i], golden_ch7_tenth_last_slope[i], 1e-8);
        assert_true(fabs(last.slope.value[i]) < 0.1);
    }
    assert_true(ssr(&tenth, article_data()) > 0.5);
}

static void program_tells_the_whole_story(void **state)
{
    (void)state;
    run_result r = run_program("chapter7", "", NULL);
    assert_int_equal(r.status, 0);
    assert_string_equal(r.err, "");
    char expected[160];
    for (int i = 0; i < NN_PARAM_COUNT; i++) {
        snprintf(expected, sizeof expected, "dSSR/d%s = %s", param_name(i),
                 four_decimals(golden_ch7_start_slope[i]));
        assert_contains(r.out, expected);
        snprintf(expected, sizeof expected, "%s = %s", param_name(i),
                 four_decimals(golden_ch7_end_params[i]));
        assert_contains(r.out, expected);
    }
    snprintf(expected, sizeof expected, "sum: dSSR/dw1 = %s", four_decimals(golden_ch7_start_slope[0]));
    assert_contains(r.out, expected);
    snprintf(expected, sizeof expected, "SSR = %.6g after %d updates", golden_ch7_end_ssr,
             GOLDEN_CH7_END_UPDATES);
    assert_contains(r.out, expected);
    snprintf(expected, sizeof expected, "there the SSR is %.6g", golden_ch7_video_ssr);
    assert_contains(r.out, expected);
    assert_says(r.out, "many exact fits");
    for (int k = 0; k < 5; k++) {
        snprintf(expected, sizeof expected, "%10.2f %13.4f %13.4f\n", 0.25 * k,
                 golden_ch7_curve_ours[k], golden_ch7_curve_video[k]);
        assert_contains(r.out, expected);
    }
    /* Between the samples the two fits part ways: at x = 0.25 by more than 0.01. */
    nn_params ours = start_all(), video = article_params();
    descend(&ours, article_data(), gradient, (nn_settings){0.1, 0.001, 1000}, NULL, NULL);
    video.b3 = 2.61;
    assert_true(fabs(forward(&ours, 0.25).predicted - forward(&video, 0.25).predicted) > 0.01);
    snprintf(expected, sizeof expected, "      0.05       %d   %.6g  hit --max-steps", GOLDEN_CH7_HALF_ROWS,
             golden_ch7_half_ssr);
    assert_contains(r.out, expected);
    snprintf(expected, sizeof expected,
             "      0.01         %d     %.6g  every |slope| < 0.1 (tolerance / rate)",
             GOLDEN_CH7_TENTH_ROWS, golden_ch7_tenth_ssr);
    assert_contains(r.out, expected);
    run_free(&r);
}

static void csv_rows_match_numpy(void **state)
{
    (void)state;
    static csv_row rows[128];
    run_result r = run_program("chapter7", "--csv --max-steps 100", NULL);
    assert_int_equal(r.status, 0);
    assert_int_equal(strncmp(r.out, "step,w1,b1,w2,b2,w3,w4,b3,ssr\n", 30), 0);
    assert_int_equal(csv_split(r.out, rows, 128), 101);
    for (int k = 0; k < 100; k++) {
        assert_int_equal(rows[k + 1].columns, 9);
        assert_true(csv_number(&rows[k + 1], 0) == k + 1);
        for (int i = 0; i < 8; i++)
            assert_close(csv_number(&rows[k + 1], i + 1), golden_ch7_rows[k][i],
                         TRAJECTORY_TOLERANCE);
    }
    run_free(&r);

    char args[64];
    snprintf(args, sizeof args, "--csv --max-steps 100 --seed %d", GOLDEN_CH7_SEED);
    r = run_program("chapter7", args, NULL);
    assert_int_equal(r.status, 0);
    assert_int_equal(csv_split(r.out, rows, 128), 101);
    for (int k = 0; k < 100; k++)
        for (int i = 0; i < 8; i++)
            assert_close(csv_number(&rows[k + 1], i + 1), golden_ch7_seed_rows[k][i],
                         TRAJECTORY_TOLERANCE);
    run_free(&r);
}

static void seed_and_quiet(void **state)
{
    (void)state;
    run_result r = run_program("chapter7", "--quiet", NULL);
    assert_int_equal(r.status, 0);
    assert_int_equal(count_lines(r.out), 3);
    assert_says(r.out, "w1 = 3.2344, b1 = -1.9171");
    assert_says(r.out, "SSR = 0.000648992 after 471 updates (every |step size| < 0.001)");
    run_free(&r);

    r = run_program("chapter7", "--seed 5 --max-steps 3", NULL);
    assert_int_equal(r.status, 0);
    assert_says(r.out, "(--seed 5)");
    char expected[64];
    snprintf(expected, sizeof expected, "w2 = %s", four_decimals(golden_ch7_seed_start[2]));
    assert_contains(r.out, expected);
    assert_contains(r.out, "stopped at the limit of 3 steps");
    run_free(&r);

    /* A random start that stalls on a plateau is not passed off as a fit. */
    r = run_program("chapter7", "--seed 2", NULL);
    assert_int_equal(r.status, 0);
    assert_says(r.out, "not near any fit");
    assert_unsaid(r.out, "by eye just as close");
    run_free(&r);
    r = run_program("chapter7", "", NULL);
    assert_says(r.out, "by eye just as close");
    assert_unsaid(r.out, "not near any fit");
    run_free(&r);

    /* The same seed gives the same run; another seed another. */
    run_result a = run_program("chapter7", "--seed 9 --quiet", NULL);
    run_result b = run_program("chapter7", "--seed 9 --quiet", NULL);
    run_result c = run_program("chapter7", "--seed 10 --quiet", NULL);
    assert_string_equal(a.out, b.out);
    assert_true(strcmp(a.out, c.out) != 0);
    run_free(&a);
    run_free(&b);
    run_free(&c);
}

static void bad_input_and_divergence(void **state)
{
    (void)state;
    expect_bad_input("chapter7", "--seed -1", "not a whole number");
    expect_bad_input("chapter7", "--seed 1.5", "not a whole number");
    expect_bad_input("chapter7", "--seed", "chapter7: option '--seed' requires an argument\n");
    expect_bad_input("chapter7", "--seed 99999999999999999999", "not a whole number");
    expect_bad_input("chapter7", "--rate inf", "not a finite number");
    expect_bad_input("chapter7", "--tolerance x", "not a finite number");
    expect_bad_input("chapter7", "--max-steps -3", "not a whole number");
    expect_bad_input("chapter7", "--csv=1", "option '--csv' doesn't allow an argument\n");
    expect_bad_input("chapter7", "extra", "unexpected argument");
    expect_bad_input("chapter7", "--data tests/data/missing.csv", "missing.csv");
    run_result r = run_program("chapter7", "--data -", "# only comments\n\n");
    assert_int_equal(r.status, 2);
    run_free(&r);
    r = run_program("chapter7", "-h", NULL);
    assert_int_equal(r.status, 0);
    assert_contains(r.out, "--seed N");
    run_free(&r);
    expect_diverged("chapter7", "--rate 10", "chapter7: diverged after");
    expect_diverged("chapter7", "--rate 10 --csv", "smaller than 10");
    expect_diverged("chapter7", "--rate 10 --quiet", "diverged");
}

/* A tolerance no step can reach stops the loop before it moves: said so,
   with no quotient tolerance / rate that overflows to infinity. */
static void a_tolerance_too_large_to_start_is_named(void **state)
{
    (void)state;
    run_result r = run_program("chapter7", "--tolerance 1e308", NULL);
    assert_int_equal(r.status, 0);
    assert_all_finite(r.out);
    assert_contains(r.out, "SSR = 1.89588 after 0 updates (the first steps were all below "
                           "1e+308)\n");
    assert_says(r.out, "It stopped before its first step: at rate 0.1 every step size was "
                       "already below 1e+308.");
    run_free(&r);
}

/* --max-steps has at most six digits, as many as the step column holds, so
   the table keeps its widths; a seventh digit is refused. */
static void the_most_steps_fit_the_table(void **state)
{
    (void)state;
    run_result r = run_program("chapter7", "--max-steps 999999", NULL);
    assert_int_equal(r.status, 0);
    assert_contains(r.out, "\n  step       w1       b1       w2       b2       w3       w4"
                           "       b3        SSR\n     1   2.7400   0.0000  -1.1300");
    run_free(&r);
    expect_bad_input("chapter7", "--max-steps 1000000",
                     "'1000000' is not a whole number from 1 to 999999");
}

static void every_line_fits_80_columns(void **state)
{
    (void)state;
    const columns_run runs[] = {
        COLUMNS_COMMON_RUNS,
        {"--quiet", NULL}, {"--seed 2", NULL}, {"--seed 5 --max-steps 3", NULL},
        {"--seed 123456789", NULL}, {"--max-steps 1", NULL}, {"--rate 0.5", NULL},
        {"--rate 0.001", NULL}, {"--rate 10", NULL}, {"--rate 10 --max-steps 88 --quiet", NULL},
        {"--tolerance 1e-6 --max-steps 100000", NULL}, {"--seed 9 --data -", COLUMNS_MANY_SAMPLES},
        {"--tolerance 0 --max-steps 100000", NULL}, {"--seed 9223372036854775807", NULL},
        {"--rate 2.2250738585072014e-308 --tolerance 1.2345678901234567e-123", NULL}, {"--tolerance 1e308", NULL}, {"--tolerance 4.9e-324", NULL},
        {"--max-steps 999999", NULL}, {"--rate 1e-320", NULL},
    };
    assert_every_line_fits("chapter7", runs, sizeof runs / sizeof runs[0]);
}

static void the_ending_tells_what_this_run_did(void **state)
{
    (void)state;
    expect_diverged("chapter7", "--rate 10 --max-steps 88 --quiet",
                    "chapter7: diverged after 88 steps: try a --rate smaller than 10\n");

    /* Small steps are not a fit, and the fixed start is not a random one. */
    run_result r = run_program("chapter7", "--rate 0.001", NULL);
    assert_int_equal(r.status, 0);
    assert_lacks(r.out, "converged");
    assert_says(r.out, "not near any fit");
    assert_says(r.out, "It stopped because every step size was below 0.001");
    assert_says(r.out, "from this start");
    assert_lacks(r.out, "random");
    run_free(&r);
    r = run_program("chapter7", "--seed 2", NULL);
    assert_says(r.out, "from a random start");
    run_free(&r);

    r = run_program("chapter7", "--max-steps 1", NULL);
    assert_contains(r.out, "(stopped at the limit of 1 step)");
    assert_contains(r.out, "or 1 step has been taken");
    assert_lacks(r.out, "1 steps");
    run_free(&r);
}


static void backpropagation_walks_back_link_by_link(void **state)
{
    (void)state;
    nn_params p = start_all();
    nn_trace t = forward(&p, 0.5);
    backward_steps s = backpropagate(&p, &t, 1.0);
    const double walk[12] = {s.dssr_dpredicted, s.dssr_db3, s.dssr_dw3, s.dssr_dw4,
                             s.dssr_da1, s.dssr_dz1, s.dssr_da2, s.dssr_dz2,
                             s.dssr_dw1, s.dssr_db1, s.dssr_dw2, s.dssr_db2};
    for (int k = 0; k < 12; k++)
        assert_close(walk[k], golden_ch7_walk[k], GOLDEN_TOLERANCE);
    /* backward() in code/nn.c adds the same share to a gradient. */
    nn_gradient g = {.value = {0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0}};
    backward(&p, &t, 1.0, &g);
    const double share[NN_PARAM_COUNT] = {s.dssr_dw1, s.dssr_db1, s.dssr_dw2, s.dssr_db2,
                                          s.dssr_dw3, s.dssr_dw4, s.dssr_db3};
    for (int i = 0; i < NN_PARAM_COUNT; i++)
        assert_close(g.value[i], share[i], GOLDEN_TOLERANCE);
}

static void program_shows_backpropagation_in_order(void **state)
{
    (void)state;
    run_result r = run_program("chapter7", "", NULL);
    assert_int_equal(r.status, 0);
    const char *formulas[12] = {
        "dSSR/dpredicted = -2 * (obs - pred)", "dSSR/db3 = dSSR/dpredicted * 1",
        "dSSR/dw3 = dSSR/dpredicted * a1", "dSSR/dw4 = dSSR/dpredicted * a2",
        "dSSR/da1 = dSSR/dpredicted * w3", "dSSR/dz1 = dSSR/da1 * sigmoid(z1)",
        "dSSR/da2 = dSSR/dpredicted * w4", "dSSR/dz2 = dSSR/da2 * sigmoid(z2)",
        "dSSR/dw1 = dSSR/dz1 * x", "dSSR/db1 = dSSR/dz1 * 1",
        "dSSR/dw2 = dSSR/dz2 * x", "dSSR/db2 = dSSR/dz2 * 1"};
    const char *previous = r.out;
    char expected[160];
    for (int k = 0; k < 12; k++) {
        /* Each line in the order computed, with its value. */
        snprintf(expected, sizeof expected, "%s %s", formulas[k], four_decimals(golden_ch7_walk[k]));
        assert_says(previous, expected);
        const char *at = strstr(previous, formulas[k]);
        assert_non_null(at);
        previous = at;
    }
    snprintf(expected, sizeof expected, "sigmoid(z1) = %s", four_decimals(golden_ch7_walk_factors[3]));
    assert_contains(r.out, expected);
    snprintf(expected, sizeof expected, "a1 = %s", four_decimals(golden_ch7_walk_factors[1]));
    assert_contains(r.out, expected);
    /* The drawing carries the same numbers on its wires. */
    const char *names[12] = {NULL, NULL, "dSSR/dw3", "dSSR/dw4", "dSSR/da1", "dSSR/dz1",
                             "dSSR/da2", "dSSR/dz2", "dSSR/dw1", "dSSR/db1", "dSSR/dw2",
                             "dSSR/db2"};
    for (int k = 2; k < 12; k++) {
        snprintf(expected, sizeof expected, "%s = %s", names[k], four_decimals(golden_ch7_walk[k]));
        assert_contains(r.out, expected);
    }
    assert_says(r.out, "That is backpropagation.");
    assert_says(r.out, "x1,i for z1 and y1,i for a1");
    assert_says(r.out, "dSSR/dw1 = dSSR/dpredicted * dpredicted/dy1 * dy1/dx1 * dx1/dw1");
    assert_says(r.out, "dSSR/dw1 = dSSR/dpredicted * dpredicted/da1 * da1/dz1 * dz1/dw1");
    assert_says(r.out, "= e^z / (1 + e^z)");
    assert_says(r.out, "= 1 / (1 + e^-z)");
    assert_unsaid(r.out, "does not yet compute these four parts");
    run_free(&r);
}

static void the_rise_of_the_ssr_is_explained(void **state)
{
    (void)state;
    nn_params p = start_all();
    rise_watch watch = {.data = article_data()};
    descend(&p, article_data(), gradient, (nn_settings){0.1, 0.001, 1000},
            rise_watch_row, &watch);
    assert_int_equal(watch.rises, GOLDEN_CH7_RISES);
    for (int k = 0; k < GOLDEN_CH7_RISES && k < RISES_LISTED; k++)
        assert_int_equal(watch.listed[k], golden_ch7_rise_steps[k]);
    assert_close(watch.before.ssr, golden_ch7_rise_from, GOLDEN_TOLERANCE);
    assert_close(watch.after, golden_ch7_rise_to, GOLDEN_TOLERANCE);
    double alone;
    assert_int_equal(rise_largest_slope(&watch.before, article_data(), &alone),
                     GOLDEN_CH7_RISE_STEEPEST);
    assert_close(alone, golden_ch7_rise_alone, GOLDEN_TOLERANCE);

    run_result r = run_program("chapter7", "", NULL);
    char expected[160];
    snprintf(expected, sizeof expected, "it rose %d times, at steps %ld and %ld.",
             GOLDEN_CH7_RISES, golden_ch7_rise_steps[0], golden_ch7_rise_steps[1]);
    assert_says(r.out, expected);
    snprintf(expected, sizeof expected, "from %.6g to %.6g.", golden_ch7_rise_from,
             golden_ch7_rise_to);
    assert_says(r.out, expected);
    snprintf(expected, sizeof expected, "dSSR/d%s = %s, so at rate 0.1 %s took the largest update",
             param_name(GOLDEN_CH7_RISE_STEEPEST), four_decimals(golden_ch7_rise_slope),
             param_name(GOLDEN_CH7_RISE_STEEPEST));
    assert_says(r.out, expected);
    snprintf(expected, sizeof expected, "already raises the SSR, to %.6g: it overshot along %s",
             golden_ch7_rise_alone, param_name(GOLDEN_CH7_RISE_STEEPEST));
    assert_says(r.out, expected);
    run_free(&r);

    /* A descent whose SSR falls every time says so, and nothing of a rise. */
    r = run_program("chapter7", "--rate 0.001", NULL);
    assert_says(r.out, "The SSR fell from each row to the next");
    assert_lacks(r.out, "overshot");
    run_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_generator_repeats_splitmix64_exactly),
        cmocka_unit_test(normals_look_standard),
        cmocka_unit_test(a_seed_gives_random_weights_and_zero_biases),
        cmocka_unit_test(hundred_steps_match_numpy),
        cmocka_unit_test(defaults_fit_the_three_samples),
        cmocka_unit_test(smaller_rates_end_where_numpy_says),
        cmocka_unit_test(program_tells_the_whole_story),
        cmocka_unit_test(csv_rows_match_numpy),
        cmocka_unit_test(seed_and_quiet),
        cmocka_unit_test(bad_input_and_divergence),
        cmocka_unit_test(every_line_fits_80_columns),
        cmocka_unit_test(a_tolerance_too_large_to_start_is_named),
        cmocka_unit_test(the_most_steps_fit_the_table),
        cmocka_unit_test(the_ending_tells_what_this_run_did),
        cmocka_unit_test(backpropagation_walks_back_link_by_link),
        cmocka_unit_test(program_shows_backpropagation_in_order),
        cmocka_unit_test(the_rise_of_the_ssr_is_explained),
    };
    return cmocka_run_group_tests_name("chapter7", tests, NULL, NULL);
}
