/**
 * @file test_chapter6.c
 * @brief Chapter 6: descend() on w3, w4 and b3, and the chapter6 program.
 *
 * Golden values come from tools/golden_descent.py (NumPy, float64).
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
#include "columns.h"

/** Trajectories are compared to this relative tolerance. */
#define TRAJECTORY_TOLERANCE 1e-10

/* Records the rows descend() reports. */
typedef struct recorder {
    nn_step rows[128];
    int count;
} recorder;

static void record(const nn_step *point, void *context)
{
    recorder *r = context;
    if (r->count < 128)
        r->rows[r->count] = *point;
    r->count++;
}

static void parameters_have_names_and_places(void **state)
{
    (void)state;
    const char *names[] = {"w1", "b1", "w2", "b2", "w3", "w4", "b3"};
    nn_params p = article_params();
    p.b3 = 2.5;
    const double values[] = {3.34, -1.43, -3.53, 0.57, -1.22, -2.30, 2.5};
    for (int i = 0; i < NN_PARAM_COUNT; i++) {
        assert_string_equal(param_name(i), names[i]);
        assert_true(p.value[i] == values[i]);
        p.value[i] = 10.0 + i;
    }
    assert_true(p.w1 == 10.0 && p.b1 == 11.0 && p.w2 == 12.0 && p.b2 == 13.0);
    assert_true(p.w3 == 14.0 && p.w4 == 15.0 && p.b3 == 16.0);
    assert_true(&p.value[NN_W3] == &p.w3 && &p.value[NN_B3] == &p.b3);
}

static void the_start_is_the_article_with_new_guesses(void **state)
{
    (void)state;
    nn_params p = start_output_layer();
    assert_true(p.w1 == 3.34 && p.b1 == -1.43 && p.w2 == -3.53 && p.b2 == 0.57);
    assert_true(p.w3 == 0.36 && p.w4 == 0.63 && p.b3 == 0.0);
    nn_gradient g = gradient(&p, article_data());
    for (int i = 0; i < NN_PARAM_COUNT; i++)
        assert_close(g.value[i], golden_ch6_start_slope[i], GOLDEN_TOLERANCE);
}

static void every_step_size_decides_when_to_stop(void **state)
{
    (void)state;
    nn_params size = {.w3 = 0.0009, .w4 = -0.0009, .b3 = 0.0005};
    assert_true(steps_below_tolerance(&size, 0.001));
    size.w1 = 5.0;
    assert_false(steps_below_tolerance(&size, 0.001));
    size.w1 = 0.0;
    size.b3 = -0.001; /* not strictly below */
    assert_false(steps_below_tolerance(&size, 0.001));
    size.b3 = 0.0;
    assert_false(steps_below_tolerance(&size, 0.0));
    size.b3 = NAN;
    assert_false(steps_below_tolerance(&size, 0.001));
}

static void output_layer_gradient_moves_three_and_leaves_four(void **state)
{
    (void)state;
    nn_params p = start_output_layer();
    nn_gradient mine = output_layer_gradient(&p, article_data());
    nn_gradient all = gradient(&p, article_data());
    for (int i = NN_W1; i <= NN_B2; i++)
        assert_true(mine.value[i] == 0.0);
    for (int i = NN_W3; i <= NN_B3; i++)
        assert_close(mine.value[i], golden_ch6_start_slope[i], GOLDEN_TOLERANCE);
    assert_true(all.w1 != 0.0);
}

static void hundred_steps_match_numpy(void **state)
{
    (void)state;
    nn_params p = start_output_layer();
    recorder *r = calloc(1, sizeof *r);
    assert_non_null(r);
    nn_settings settings = {.learning_rate = 0.1, .tolerance = 0.001, .max_steps = 100};
    nn_result result = descend(&p, article_data(), output_layer_gradient, settings, record, r);
    assert_int_equal(result.end, NN_STEP_LIMIT);
    assert_int_equal(result.steps, 100);
    assert_int_equal(result.updates, 100);
    assert_int_equal(r->count, 100);
    for (int k = 0; k < 100; k++) {
        const nn_step *row = &r->rows[k];
        assert_int_equal(row->step, k + 1);
        for (int i = 0; i < NN_PARAM_COUNT; i++)
            assert_close(row->params.value[i], golden_ch6_rows[k][i], TRAJECTORY_TOLERANCE);
        assert_close(row->ssr, golden_ch6_rows[k][7], TRAJECTORY_TOLERANCE);
        /* The fixed parameters never move, and take no step. */
        assert_true(row->params.w1 == 3.34 && row->params.b2 == 0.57);
        assert_true(row->step_size.w1 == 0.0 && row->step_size.b1 == 0.0);
        assert_close(row->step_size.w3, 0.1 * row->slope.w3, 1e-15);
    }
    free(r);
}

static void defaults_converge_where_numpy_does(void **state)
{
    (void)state;
    nn_params p = start_output_layer();
    nn_settings settings = {.learning_rate = 0.1, .tolerance = 0.001, .max_steps = 1000};
    nn_result result = descend(&p, article_data(), output_layer_gradient, settings, NULL, NULL);
    assert_int_equal(result.end, NN_CONVERGED);
    assert_int_equal(result.steps, GOLDEN_CH6_END_ROWS);
    assert_int_equal(result.updates, GOLDEN_CH6_END_UPDATES);
    for (int i = 0; i < NN_PARAM_COUNT; i++)
        assert_close(p.value[i], golden_ch6_end_params[i], TRAJECTORY_TOLERANCE);
    double final_ssr = ssr(&p, article_data());
    assert_close(final_ssr, golden_ch6_end_ssr, TRAJECTORY_TOLERANCE);
    /* The step-size rule stops just short of SSR 0.001 here, not below it. */
    assert_true(final_ssr > 0.001 && final_ssr < 0.00102);
}

static void a_fine_tolerance_reaches_the_exact_fit(void **state)
{
    (void)state;
    nn_params p = start_output_layer();
    nn_settings settings = {.learning_rate = 0.1, .tolerance = 1e-6, .max_steps = 100000};
    nn_result result = descend(&p, article_data(), output_layer_gradient, settings, NULL, NULL);
    assert_int_equal(result.end, NN_CONVERGED);
    assert_int_equal(result.updates, GOLDEN_CH6_FINE_UPDATES);
    assert_close(ssr(&p, article_data()), golden_ch6_fine_ssr, 1e-8);
    assert_true(fabs(p.w3 - golden_ch6_exact[0]) < 1e-4);
    assert_true(fabs(p.w4 - golden_ch6_exact[1]) < 1e-3);
    assert_true(fabs(p.b3 - golden_ch6_exact[2]) < 1e-3);
    /* The fit it reached rounds to the article's values. */
    assert_true(fabs(p.w3 - -1.22) < 0.005);
    assert_true(fabs(p.w4 - -2.30) < 0.005);
    assert_true(fabs(p.b3 - 2.61) < 0.005);
}

static void the_bottom_of_the_bowl_is_solved_exactly(void **state)
{
    (void)state;
    nn_params start = start_output_layer(), best;
    assert_int_equal(optimal_output_layer(&start, article_data(), &best), 1);
    assert_close(best.w3, golden_ch6_exact[0], GOLDEN_TOLERANCE);
    assert_close(best.w4, golden_ch6_exact[1], GOLDEN_TOLERANCE);
    assert_close(best.b3, golden_ch6_exact[2], GOLDEN_TOLERANCE);
    assert_string_equal(four_decimals(best.w3), "-1.2159");
    assert_true(best.w1 == start.w1 && best.b2 == start.b2);
    nn_gradient g = gradient(&best, article_data());
    assert_true(fabs(g.w3) < 1e-12 && fabs(g.w4) < 1e-12 && fabs(g.b3) < 1e-12);

    static const double five_x[] = {0.0, 0.25, 0.5, 0.75, 1.0};
    static const double five_y[] = {0.1, 0.4, 0.9, 0.5, 0.05};
    nn_data five = {5, five_x, five_y};
    assert_int_equal(optimal_output_layer(&start, five, &best), 1);
    assert_close(best.w3, golden_ch6_five_best[0], GOLDEN_TOLERANCE);
    assert_close(best.w4, golden_ch6_five_best[1], GOLDEN_TOLERANCE);
    assert_close(best.b3, golden_ch6_five_best[2], GOLDEN_TOLERANCE);
    assert_close(ssr(&best, five), golden_ch6_five_best_ssr, 1e-10);

    /* Two different inputs cannot pin down three unknowns. */
    static const double two_x[] = {0.0, 1.0, 1.0}, two_y[] = {1.0, 2.0, 3.0};
    nn_data two = {3, two_x, two_y};
    best.w3 = 42.0;
    assert_int_equal(optimal_output_layer(&start, two, &best), 0);
    assert_true(best.w3 == 42.0);
}

static void a_large_rate_diverges_without_infinite_rows(void **state)
{
    (void)state;
    nn_params p = start_output_layer();
    recorder *r = calloc(1, sizeof *r);
    assert_non_null(r);
    nn_settings settings = {.learning_rate = 10.0, .tolerance = 0.001, .max_steps = 1000};
    nn_result result = descend(&p, article_data(), output_layer_gradient, settings, record, r);
    assert_int_equal(result.end, NN_DIVERGED);
    assert_true(result.steps > 1 && result.steps < 1000);
    assert_int_equal(r->count, result.steps);
    for (int k = 0; k < r->count && k < 128; k++) {
        assert_true(isfinite(r->rows[k].ssr));
        for (int i = 0; i < NN_PARAM_COUNT; i++)
            assert_true(isfinite(r->rows[k].params.value[i]));
    }
    free(r);
}

static void program_shows_the_chains_and_the_result(void **state)
{
    (void)state;
    run_result r = run_program("chapter6", "", NULL);
    assert_int_equal(r.status, 0);
    assert_string_equal(r.err, "");
    assert_says(r.out, "dSSR/dw3 = sum of -2 * (observed - predicted) * a1");
    char expected[128];
    snprintf(expected, sizeof expected, "dSSR/dw3 = %s", four_decimals(golden_ch6_start_slope[4]));
    assert_contains(r.out, expected);
    snprintf(expected, sizeof expected, "dSSR/dw4 = %s", four_decimals(golden_ch6_start_slope[5]));
    assert_contains(r.out, expected);
    snprintf(expected, sizeof expected, "dSSR/db3 = %s", four_decimals(golden_ch6_start_slope[6]));
    assert_contains(r.out, expected);
    snprintf(expected, sizeof expected, "w3 = %s", four_decimals(golden_ch6_end_params[4]));
    assert_contains(r.out, expected);
    snprintf(expected, sizeof expected, "w4 = %s", four_decimals(golden_ch6_end_params[5]));
    assert_contains(r.out, expected);
    snprintf(expected, sizeof expected, "b3 = %s", four_decimals(golden_ch6_end_params[6]));
    assert_contains(r.out, expected);
    snprintf(expected, sizeof expected, "SSR = %.6g after %d updates", golden_ch6_end_ssr,
             GOLDEN_CH6_END_UPDATES);
    assert_contains(r.out, expected);
    /* The exact bottom the text solves for (the chapter prints 4 decimals). */
    snprintf(expected, sizeof expected, "w3 = %.4f, w4 = %.4f, b3 = %.4f, SSR = 0 (to rounding)",
             golden_ch6_exact[0], golden_ch6_exact[1], golden_ch6_exact[2]);
    assert_contains(r.out, expected);
    assert_says(r.out, "StatQuest's w3 = -1.22, w4 = -2.30, b3 = 2.61 to two decimals");
    assert_contains(r.out, "   310  -1.1687  -2.2140   2.5166     0.0010     0.0052     0.0099    -0.0100\n        every |step size| is now below 0.001: the loop stops here\n");
    run_free(&r);
}

static void csv_has_every_parameter_to_full_precision(void **state)
{
    (void)state;
    run_result r = run_program("chapter6", "--csv --max-steps 100", NULL);
    assert_int_equal(r.status, 0);
    assert_string_equal(r.err, "");
    assert_int_equal(strncmp(r.out, "step,w1,b1,w2,b2,w3,w4,b3,ssr\n", 30), 0);
    static csv_row rows[128];
    int lines = csv_split(r.out, rows, 128);
    assert_int_equal(lines, 101);
    for (int k = 0; k < 100; k++) {
        const csv_row *row = &rows[k + 1];
        assert_int_equal(row->columns, 9);
        assert_true(csv_number(row, 0) == k + 1);
        for (int i = 0; i < 8; i++)
            assert_close(csv_number(row, i + 1), golden_ch6_rows[k][i], TRAJECTORY_TOLERANCE);
    }
    run_free(&r);

    /* At the defaults: one row per gradient, the last one where the loop stopped. */
    r = run_program("chapter6", "--csv", NULL);
    assert_int_equal(r.status, 0);
    static csv_row all[400];
    lines = csv_split(r.out, all, 400);
    assert_int_equal(lines, GOLDEN_CH6_END_ROWS + 1);
    const csv_row *last = &all[GOLDEN_CH6_END_ROWS];
    for (int i = 0; i < 7; i++)
        assert_close(csv_number(last, i + 1), golden_ch6_end_params[i], TRAJECTORY_TOLERANCE);
    assert_close(csv_number(last, 8), golden_ch6_end_ssr, TRAJECTORY_TOLERANCE);
    /* %.17g: the printed text reads back as the very same double. */
    assert_string_equal(all[1].field[5], "0.35999999999999999");
    run_free(&r);
}

static void quiet_prints_one_line(void **state)
{
    (void)state;
    run_result r = run_program("chapter6", "--quiet", NULL);
    assert_int_equal(r.status, 0);
    assert_int_equal(count_lines(r.out), 2);
    assert_says(r.out, "w3 = -1.1687, w4 = -2.2140, b3 = 2.5166 SSR = 0.00101809");
    assert_says(r.out, "(every |step size| < 0.001)");
    run_free(&r);
}

static void data_from_a_file_or_standard_input(void **state)
{
    (void)state;
    char expected[128];
    run_result a = run_program("chapter6", "--quiet", NULL);
    run_result b = run_program("chapter6", "--quiet --data -", "x,y\n0,0\n0.5,1\n1,0\n");
    run_result c = run_program("chapter6", "--quiet --data " TEST_DATA("article-crlf.csv"), NULL);
    assert_int_equal(b.status, 0);
    assert_int_equal(c.status, 0);
    assert_string_equal(a.out, b.out);
    assert_string_equal(a.out, c.out);
    run_free(&a);
    run_free(&b);
    run_free(&c);
    run_result five = run_program("chapter6", "--data " TEST_DATA("five.csv"), NULL);
    assert_int_equal(five.status, 0);
    assert_contains(five.out, "0.2500"); /* one of the five inputs in the chain table */
    assert_unsaid(five.out, "StatQuest's w3"); /* that remark is for the article's data */
    /* Five samples make the bowl steeper: rate 0.1 overshoots, and the chapter says so. */
    assert_says(five.out, "The SSR grew from");
    assert_says(five.out, "Try a smaller --rate");
    run_free(&five);
    five = run_program("chapter6", "--rate 0.01 --data " TEST_DATA("five.csv"), NULL);
    assert_int_equal(five.status, 0);
    assert_unsaid(five.out, "The SSR grew");
    snprintf(expected, sizeof expected, "b3 = %s, SSR = %.6g", four_decimals(golden_ch6_five_best[2]),
             golden_ch6_five_best_ssr);
    assert_contains(five.out, expected);
    run_free(&five);
    five = run_program("chapter6", "--data -", "0,1\n1,2\n1,3\n");
    assert_says(five.out, "fewer than three different inputs");
    run_free(&five);
}

static void bad_input_gets_one_line_and_status_2(void **state)
{
    (void)state;
    expect_bad_input("chapter6", "--rate 0", "--rate");
    expect_bad_input("chapter6", "--rate -0.1", "greater than 0");
    expect_bad_input("chapter6", "--rate nan", "not a finite number");
    expect_bad_input("chapter6", "--rate 1e999", "not a finite number");
    expect_bad_input("chapter6", "--rate 0.1x", "not a finite number");
    expect_bad_input("chapter6", "--rate ''", "not a finite number");
    expect_bad_input("chapter6", "--rate", "chapter6: option '--rate' requires an argument\n");
    expect_bad_input("chapter6", "--tolerance -1", "'-1' is not 0 or more");
    expect_bad_input("chapter6", "--max-steps 0", "'0' is not a whole number from 1 to 999999");
    expect_bad_input("chapter6", "--max-steps 2.5", "not a whole number");
    expect_bad_input("chapter6", "--seed 3", "chapter6: unrecognized option '--seed'\n");
    expect_bad_input("chapter6", "--b3 1", "chapter6: unrecognized option '--b3'\n");
    expect_bad_input("chapter6", "--wat", "chapter6: unrecognized option '--wat'\n");
    expect_bad_input("chapter6", "--data tests/data/no-such-file.csv", "no-such-file.csv");
    expect_bad_input("chapter6", "--data /dev/null", "/dev/null");
    run_result r = run_program("chapter6", "--data -", "0,0\n1,2,3\n");
    assert_int_equal(r.status, 2);
    assert_contains(r.err, ":2:");
    run_free(&r);
}

static void help_and_divergence(void **state)
{
    (void)state;
    run_result r = run_program("chapter6", "--help", NULL);
    assert_int_equal(r.status, 0);
    assert_contains(r.out, "usage: chapter6");
    assert_contains(r.out, "--tolerance");
    assert_lacks(r.out, "--seed");
    run_free(&r);
    expect_diverged("chapter6", "--rate 10", "diverged");
    expect_diverged("chapter6", "--rate 10 --csv", "try a --rate smaller than 10");
    r = run_program("chapter6", "--rate 10 --csv", NULL);
    assert_true(count_lines(r.out) > 2); /* finite rows up to the divergence */
    run_free(&r);
}

/* A forward pass that overflows stops the program before the table that
   would show it: no row of infinities first. */
static void an_overflow_stops_before_the_table(void **state)
{
    (void)state;
    run_result r = run_program("chapter6", "--data -", "1e308,0\n0,0\n");
    assert_int_equal(r.status, 1);
    assert_all_finite(r.out);
    assert_unsaid(r.out, "sample by sample");
    assert_string_equal(r.err, "chapter6: a slope is not a finite number: the samples are too "
                               "large\n");
    run_free(&r);
}

/* A rate so small that no first step reaches the tolerance stops the loop
   before it moves, and the ending says so, not that it converged. */
static void a_rate_too_small_to_start_is_named(void **state)
{
    (void)state;
    run_result r = run_program("chapter6", "--rate 1e-320", NULL);
    assert_int_equal(r.status, 0);
    assert_contains(r.out, "SSR = 1.39767 after 0 updates (the first steps were all below "
                           "0.001)\n");
    assert_says(r.out, "The loop stopped before its first step: at rate 9.99989e-321 every"
                       " step size was already below 0.001, with a parameter still 2.9 "
                       "from the bottom.");
    run_free(&r);
}

static void every_line_fits_80_columns(void **state)
{
    (void)state;
    const columns_run runs[] = {
        COLUMNS_COMMON_RUNS,
        {"--quiet", NULL}, {"--max-steps 1", NULL}, {"--rate 0.5", NULL}, {"--rate 0.001", NULL},
        {"--tolerance 1e-9 --max-steps 999999", NULL}, {"--rate 10", NULL},
        {"--rate 10 --max-steps 72 --quiet", NULL}, {"--quiet --data -", COLUMNS_MANY_SAMPLES},
        {"--tolerance 0 --max-steps 100000", NULL}, {"--rate 1e-320", NULL},
        {"--rate 1.7976931348623157e308", NULL}, {"--rate 2.2250738585072014e-308 --tolerance 1.2345678901234567e-123", NULL},
        {"--max-steps 999999", NULL}, {"--tolerance 1e308", NULL},
    };
    assert_every_line_fits("chapter6", runs, sizeof runs / sizeof runs[0]);
}

static void the_ending_tells_what_this_run_did(void **state)
{
    (void)state;
    expect_diverged("chapter6", "--rate 10 --max-steps 72 --quiet",
                    "chapter6: diverged after 72 steps: try a --rate smaller than 10\n");

    run_result r = run_program("chapter6", "--max-steps 1", NULL);
    assert_contains(r.out, "or after 1 step.\n");
    assert_contains(r.out, "(stopped at the limit of 1 step)");
    assert_contains(r.out, "The loop used up its 1 step on the way");
    assert_lacks(r.out, "1 steps");
    run_free(&r);

    r = run_program("chapter6", "--tolerance 1e-9 --max-steps 999999", NULL);
    assert_says(r.out, "The loop reached it: every parameter is within");
    assert_unsaid(r.out, "stopped short");
    run_free(&r);

    r = run_program("chapter6", "", NULL);
    assert_says(r.out, "The loop stopped 0.09 short of it");
    run_free(&r);
}

static void works_one_product_by_hand_and_names_the_gradient(void **state)
{
    (void)state;
    run_result r = run_program("chapter6", "", NULL);
    assert_int_equal(r.status, 0);
    const double *h = golden_ch6_by_hand; /* predicted, d, a1, d * a1 */
    char expected[200];
    snprintf(expected, sizeof expected, "+ 0.0000 = %s", four_decimals(h[0]));
    assert_says(r.out, expected);
    snprintf(expected, sizeof expected, "= -2 * (0.0000 - %s)", four_decimals(h[0]));
    assert_says(r.out, expected);
    snprintf(expected, sizeof expected, "%s) = %s", four_decimals(h[0]), "");
    snprintf(expected + strlen(expected), sizeof expected - strlen(expected), "%s",
             four_decimals(h[1]));
    assert_says(r.out, expected);
    snprintf(expected, sizeof expected, "d * a1 = %s * ", four_decimals(h[1]));
    assert_says(r.out, expected);
    snprintf(expected, sizeof expected, "* %s = ", four_decimals(h[2]));
    snprintf(expected + strlen(expected), sizeof expected - strlen(expected), "%s",
             four_decimals(h[3]));
    assert_says(r.out, expected);
    assert_says(r.out, "That is the first sample's share of dSSR/dw3, the first entry below.");
    /* The share is the first entry of the products' table. */
    snprintf(expected, sizeof expected, "%13s", four_decimals(h[3]));
    assert_contains(r.out, expected);
    assert_says(r.out, "only the term w3 * a1 changes");
    assert_says(r.out, "w3 * a1 grows a1 times as fast as w3 does");
    assert_says(r.out, "All the slopes together, one for each parameter that moves, are called "
                       "the gradient.");
    run_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(works_one_product_by_hand_and_names_the_gradient),
        cmocka_unit_test(parameters_have_names_and_places),
        cmocka_unit_test(the_start_is_the_article_with_new_guesses),
        cmocka_unit_test(every_step_size_decides_when_to_stop),
        cmocka_unit_test(output_layer_gradient_moves_three_and_leaves_four),
        cmocka_unit_test(hundred_steps_match_numpy),
        cmocka_unit_test(defaults_converge_where_numpy_does),
        cmocka_unit_test(a_fine_tolerance_reaches_the_exact_fit),
        cmocka_unit_test(the_bottom_of_the_bowl_is_solved_exactly),
        cmocka_unit_test(a_large_rate_diverges_without_infinite_rows),
        cmocka_unit_test(program_shows_the_chains_and_the_result),
        cmocka_unit_test(csv_has_every_parameter_to_full_precision),
        cmocka_unit_test(quiet_prints_one_line),
        cmocka_unit_test(data_from_a_file_or_standard_input),
        cmocka_unit_test(bad_input_gets_one_line_and_status_2),
        cmocka_unit_test(help_and_divergence),
        cmocka_unit_test(every_line_fits_80_columns),
        cmocka_unit_test(an_overflow_stops_before_the_table),
        cmocka_unit_test(a_rate_too_small_to_start_is_named),
        cmocka_unit_test(the_ending_tells_what_this_run_did),
    };
    return cmocka_run_group_tests_name("chapter6", tests, NULL, NULL);
}
