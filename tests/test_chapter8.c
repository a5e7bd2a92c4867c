/**
 * @file test_chapter8.c
 * @brief Chapter 8: the backward pass against PyTorch autograd, the gradient
 *        check, and the chapter8 program with its planted mistake.
 *
 * tests/golden_gradient.h comes from tools/golden_torch.py (autograd, float64);
 * tests/golden_descent.h from tools/golden_descent.py (NumPy).
 */
#include "support.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_checks.h"
#include "csv_rows.h"
#include "golden_descent.h"
#include "golden_gradient.h"
#include "nn.h"
#include "random.h"
#include "columns.h"

/* The golden points reach far enough to matter: checked when the tests are
   built, since they are data, not something a run computes. */
_Static_assert(GOLDEN_GRADIENT_POINTS >= 50, "tools/golden_torch.py writes at least 50 points");

static nn_params params_from(const double values[7])
{
    nn_params p;
    for (int i = 0; i < NN_PARAM_COUNT; i++)
        p.value[i] = values[i];
    return p;
}

static void backward_pass_agrees_with_autograd(void **state)
{
    (void)state;
    int large = 0;
    double worst = 0.0;
    for (int k = 0; k < GOLDEN_GRADIENT_POINTS; k++) {
        nn_params p = params_from(golden_gradient_params[k]);
        nn_data data = {GOLDEN_GRADIENT_SAMPLES, golden_gradient_input[k],
                        golden_gradient_observed[k]};
        assert_close(ssr(&p, data), golden_gradient_ssr[k], GOLDEN_TOLERANCE);
        nn_gradient g = gradient(&p, data);
        for (int i = 0; i < NN_PARAM_COUNT; i++) {
            assert_true(isfinite(g.value[i]));
            assert_close(g.value[i], golden_gradient[k][i], GOLDEN_TOLERANCE);
            if (golden_gradient[k][i] != 0.0)
                worst = fmax(worst, fabs(g.value[i] / golden_gradient[k][i] - 1.0));
        }
        /* The largest |z1| or |z2| that forward() meets at this point. */
        double z = 0.0;
        for (size_t s = 0; s < data.count; s++) {
            nn_trace t = forward(&p, data.input[s]);
            z = fmax(z, fmax(fabs(t.z1), fabs(t.z2)));
        }
        assert_close(z, golden_gradient_max_abs_z[k], GOLDEN_TOLERANCE);
        large += z > 709.0;
    }
    print_message("worst relative difference from autograd: %.3g\n", worst);
    /* Some points reach where a naive exp(z) would overflow. */
    assert_true(large >= 3);
}

static void relative_error_is_symmetric_with_a_floor(void **state)
{
    (void)state;
    assert_true(relative_error(2.0, 2.0) == 0.0);
    assert_close(relative_error(1.0, 1.1), 0.1 / 1.1, 1e-15);
    assert_close(relative_error(1.1, 1.0), 0.1 / 1.1, 1e-15);
    assert_close(relative_error(-3.0, 3.0), 2.0, 1e-15);
    /* Two slopes that are both practically zero do not count as different. */
    assert_close(relative_error(1e-13, -1e-13), 2e-5, 1e-12);
}

static void measured_slopes_agree_everywhere_checked(void **state)
{
    (void)state;
    nn_data data = article_data();
    for (int k = 0; k < 4; k++) {
        nn_params p = params_from(golden_ch8_points[k]);
        nn_gradient g = gradient(&p, data);
        for (int i = 0; i < NN_PARAM_COUNT; i++) {
            assert_close(g.value[i], golden_ch8_slopes[k][i], GOLDEN_TOLERANCE);
            double measured = slope_by_difference(&p, data, i);
            assert_true(relative_error(g.value[i], measured) <= GRADIENT_CHECK_TOLERANCE);
        }
    }
    /* And at 50 more seeded points, and on five.csv's samples. */
    static const double five_x[] = {0.0, 0.25, 0.5, 0.75, 1.0};
    static const double five_y[] = {0.1, 0.4, 0.9, 0.5, 0.05};
    nn_data five = {5, five_x, five_y};
    double worst = 0.0;
    random_state r = random_seed(2026);
    for (int k = 0; k < 50; k++) {
        nn_params p;
        for (int i = 0; i < NN_PARAM_COUNT; i++)
            p.value[i] = random_normal(&r);
        nn_gradient g = gradient(&p, k % 2 ? five : data);
        for (int i = 0; i < NN_PARAM_COUNT; i++) {
            double e = relative_error(g.value[i], slope_by_difference(&p, k % 2 ? five : data, i));
            worst = fmax(worst, e);
        }
    }
    print_message("worst relative error at 50 seeded points: %.3g\n", worst);
    assert_true(worst <= GRADIENT_CHECK_TOLERANCE);
}

static void the_check_would_catch_a_missing_factor(void **state)
{
    (void)state;
    /* The planted mistake, rebuilt here: dSSR/dw1 without dz1/dw1 = x. */
    nn_params p = article_params();
    nn_gradient g = gradient(&p, article_data());
    assert_close(g.b1, golden_ch8_mistake_dw1, GOLDEN_TOLERANCE);
    double e = relative_error(g.b1, slope_by_difference(&p, article_data(), NN_W1));
    assert_close(e, golden_ch8_mistake_error, 1e-6);
    assert_true(e > 1000.0 * GRADIENT_CHECK_TOLERANCE);
}

static void program_csv_table(void **state)
{
    (void)state;
    run_result r = run_program("chapter8", "--csv", NULL);
    assert_int_equal(r.status, 0);
    assert_string_equal(r.err, "");
    static csv_row rows[64];
    assert_int_equal(csv_split(r.out, rows, 64), 1 + 5 * NN_PARAM_COUNT);
    assert_int_equal(rows[0].columns, 5);
    const char *header[] = {"point", "parameter", "analytic", "finite_difference",
                            "relative_error"};
    for (int c = 0; c < 5; c++)
        assert_string_equal(rows[0].field[c], header[c]);
    const char *points[] = {"article", "random1", "random2", "random3", "mistake"};
    for (int k = 0; k < 5; k++) {
        const double *slopes = golden_ch8_slopes[k < 4 ? k : 0];
        for (int i = 0; i < NN_PARAM_COUNT; i++) {
            const csv_row *row = &rows[1 + k * NN_PARAM_COUNT + i];
            assert_string_equal(row->field[0], points[k]);
            assert_string_equal(row->field[1], param_name(i));
            double analytic = csv_number(row, 2), measured = csv_number(row, 3);
            double error = csv_number(row, 4);
            assert_close(measured, slopes[i], 1e-8);
            assert_close(error, relative_error(analytic, measured), 1e-15);
            if (k == 4 && i == NN_W1) {
                assert_close(analytic, golden_ch8_mistake_dw1, GOLDEN_TOLERANCE);
                assert_close(error, golden_ch8_mistake_error, 1e-6);
            } else {
                assert_close(analytic, slopes[i], GOLDEN_TOLERANCE);
                assert_true(error <= GRADIENT_CHECK_TOLERANCE);
            }
        }
    }
    run_free(&r);
}

static void program_text_and_quiet(void **state)
{
    (void)state;
    run_result r = run_program("chapter8", "", NULL);
    assert_int_equal(r.status, 0);
    assert_says(r.out, "28 of 28 slopes agree");
    assert_says(r.out, "(--seed 1)");
    const char *wrong = strstr(r.out, "WRONG");
    assert_non_null(wrong);
    assert_null(strstr(wrong + 1, "WRONG")); /* only one row flagged */
    char expected[160];
    snprintf(expected, sizeof expected, "%s", four_decimals(golden_ch8_mistake_dw1));
    assert_contains(r.out, expected);
    assert_contains(r.out, "  w1           3.3400      10.3472             7.3389");
    for (int i = 0; i < NN_PARAM_COUNT; i++)
        assert_contains(r.out, four_decimals(golden_ch8_slopes[0][i]));
    assert_contains(r.out, "dSSR/db1");
    /* The idea comes before the formulas, and each random point is one line. */
    const char *idea = strstr(r.out, "The idea:");
    assert_non_null(idea);
    assert_true(idea < strstr(r.out, "(SSR(parameter + h)"));
    assert_says(idea, "planting such a mistake: dSSR/dw1 with its last link, dz1/dw1 = x, "
                      "left out");
    for (int k = 1; k <= 3; k++) {
        snprintf(expected, sizeof expected, "point %d: all 7 slopes agree; the largest "
                 "relative error is ", k);
        assert_contains(r.out, expected);
    }
    assert_int_equal(count_lines(strstr(r.out, "point 1:")) - count_lines(strstr(r.out, "point 3:")),
                     2);
    run_free(&r);

    r = run_program("chapter8", "--quiet", NULL);
    assert_int_equal(r.status, 0);
    assert_string_equal(r.out, "28 of 28 slopes agree; the planted mistake is caught "
                               "(1 slope flagged)\n");
    run_free(&r);

    /* Where every input is 1, forgetting x changes nothing: the check cannot see it. */
    r = run_program("chapter8", "--quiet --data -", "1,0\n1,2\n");
    assert_int_equal(r.status, 0);
    assert_says(r.out, "NOT caught (0 slopes flagged)");
    run_free(&r);

    run_result a = run_program("chapter8", "--csv --seed 7", NULL);
    run_result b = run_program("chapter8", "--csv", NULL);
    assert_true(strcmp(a.out, b.out) != 0);
    assert_int_equal(a.status, 0);
    run_free(&a);
    run_free(&b);
}

static void bad_input_and_overflow(void **state)
{
    (void)state;
    expect_bad_input("chapter8", "--seed x", "not a whole number");
    expect_bad_input("chapter8", "--rate 0.1", "chapter8: unrecognized option '--rate'\n");
    expect_bad_input("chapter8", "--data", "chapter8: option '--data' requires an argument\n");
    expect_bad_input("chapter8", "--data ''", "--data: '' is not a file name");
    run_result r = run_program("chapter8", "--data -", "0,1\n0.5,x\n");
    assert_int_equal(r.status, 2);
    assert_contains(r.err, "stdin:2:");
    run_free(&r);
    r = run_program("chapter8", "--help", NULL);
    assert_int_equal(r.status, 0);
    assert_contains(r.out, "usage: chapter8");
    run_free(&r);
    /* Inputs so large that the SSR overflows: one line, exit 1, no nan. */
    r = run_program("chapter8", "--csv --data -", "1e300,0\n");
    assert_int_equal(r.status, 1);
    assert_contains(r.err, "not a finite number");
    assert_lacks(r.out, "nan");
    assert_lacks(r.out, "inf");
    run_free(&r);
}

/* Samples on which the measurement's truncation error, not a wrong slope,
   once exceeded the tolerance: an input of 300 puts h * x near 3e-3. */
static const char *const rough_samples[] = {
    "300,0\n",
    "337.11375426285719,-0.0015207906982844129\n",
    ("-43.46650245976933,0.10577859010673829\n-78.110322877407143,0.042300936308131018\n"
     "-88.983484256812986,-0.11622692308600965\n89.951843400441618,0.080122288283178814\n"),
};

/* The data of rough_samples[k], parsed. */
static nn_data rough_data(int k, double x[4], double y[4])
{
    size_t n = 0;
    const char *line = rough_samples[k];
    while (*line != '\0' && n < 4) {
        char *end;
        x[n] = strtod(line, &end);
        y[n] = strtod(end + 1, &end);
        n++;
        line = end + 1;
    }
    nn_data data = {n, x, y};
    return data;
}

static void truncation_is_allowed_for(void **state)
{
    (void)state;
    int truncation_dominates = 0;
    for (int k = 0; k < 3; k++) {
        double x[4], y[4];
        nn_data data = rough_data(k, x, y);
        random_state r = random_seed(1);
        int flagged_by_rounding_alone = 0;
        for (int point = 0; point < 4; point++) {
            nn_params p = article_params();
            if (point > 0)
                for (int i = 0; i < NN_PARAM_COUNT; i++)
                    p.value[i] = random_normal(&r);
            nn_gradient g = gradient(&p, data);
            for (int i = 0; i < NN_PARAM_COUNT; i++) {
                double exact = g.value[i], measured = slope_by_difference(&p, data, i);
                flagged_by_rounding_alone +=
                    !slopes_agree(exact, measured, difference_rounding(&p, data, i));
                assert_true(slopes_agree(exact, measured, difference_allowance(&p, data, i)));
                double off = fabs(measured - exact);
                double truncation = difference_truncation(&p, data, i);
                assert_close(difference_allowance(&p, data, i),
                             difference_rounding(&p, data, i) + truncation, 1e-15);
                /* Where truncation dominates, the estimate is about three times
                   the true error of the measurement, never below it. */
                if (off > 100.0 * difference_rounding(&p, data, i)) {
                    truncation_dominates++;
                    assert_true(truncation >= off);
                    assert_true(truncation <= 5.0 * off);
                }
            }
        }
        /* Each of these used to flag a right slope of code/nn.c. */
        assert_true(flagged_by_rounding_alone > 0);

        run_result run = run_program("chapter8", "--quiet --data -", rough_samples[k]);
        assert_int_equal(run.status, 0);
        assert_says(run.out, "28 of 28 slopes agree; the planted mistake is caught");
        assert_string_equal(run.err, "");
        run_free(&run);
    }
    /* The estimate of truncation was put to the test: the last samples have
       a slope whose measurement truncation dominates. */
    assert_true(truncation_dominates > 0);
    /* The help explains the allowance. */
    run_result help = run_program("chapter8", "--help", NULL);
    assert_says(help.out, "plus its truncation, the difference between the slopes measured "
                          "with h and with 2h");
    assert_says(help.out, "10 * 2.2e-16 * S / h");
    run_free(&help);
}

static void every_line_fits_80_columns(void **state)
{
    (void)state;
    const columns_run runs[] = {
        COLUMNS_COMMON_RUNS,
        {"--quiet", NULL}, {"--seed 2", NULL}, {"--seed 123456789", NULL}, {"--data -", "300,0\n"},
        {"--data -", "0,1e10\n0.5,1\n1,0\n"}, {"--data -", "1,0\n1,2\n"},
    };
    assert_every_line_fits("chapter8", runs, sizeof runs / sizeof runs[0]);
}

/* Right slopes on samples of any size are not failed for the rounding of a
   large SSR, and the planted mistake is still caught. */
static void large_samples_keep_right_slopes_right(void **state)
{
    (void)state;
    const char *samples[] = {"0,100\n0.5,1\n1,0\n", "0,1e4\n0.5,1\n1,0\n",
                             "0,1e6\n0.5,1\n1,0\n", "0,1e8\n0.5,1\n1,0\n"};
    for (size_t i = 0; i < sizeof samples / sizeof samples[0]; i++) {
        run_result r = run_program("chapter8", "--quiet --data -", samples[i]);
        assert_int_equal(r.status, 0);
        assert_string_equal(r.out, "28 of 28 slopes agree; the planted mistake is caught "
                                   "(1 slope flagged)\n");
        assert_string_equal(r.err, "");
        run_free(&r);
    }
    /* At 1e10 the right slopes still pass; rounding may hide the mistake. */
    run_result r = run_program("chapter8", "--quiet --data -", "0,1e10\n0.5,1\n1,0\n");
    assert_int_equal(r.status, 0);
    assert_says(r.out, "28 of 28 slopes agree");
    run_free(&r);
}

static void the_allowance_grows_with_the_ssr_and_shrinks_with_h(void **state)
{
    (void)state;
    static const double input[] = {0.0, 0.5, 1.0};
    static const double small[] = {0.0, 1.0, 0.0}, large[] = {100.0, 1.0, 0.0};
    nn_data a = {3, input, small}, b = {3, input, large};
    nn_params p = article_params();
    /* The SSR grows about 500 times; its rounding with it. */
    assert_true(difference_rounding(&p, b, NN_B3) > 100.0 * difference_rounding(&p, a, NN_B3));
    /* b3 = 1e3 makes h 1000 times larger, the allowance smaller per unit of SSR. */
    nn_params far = p;
    far.b3 = 1e3;
    assert_close(difference_step(&far, NN_B3), 1e-2, 1e-15);
    assert_close(difference_step(&p, NN_B3), 1e-5, 1e-15);
    assert_true(slopes_agree(1.0, 1.0 + 1e-7, 0.0));
    assert_false(slopes_agree(1.0, 1.01, 0.0));
    assert_true(slopes_agree(1.0, 1.01, 0.02));
    assert_false(slopes_agree(1.0, 1.03, 0.02));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(backward_pass_agrees_with_autograd),
        cmocka_unit_test(relative_error_is_symmetric_with_a_floor),
        cmocka_unit_test(measured_slopes_agree_everywhere_checked),
        cmocka_unit_test(the_check_would_catch_a_missing_factor),
        cmocka_unit_test(program_csv_table),
        cmocka_unit_test(program_text_and_quiet),
        cmocka_unit_test(bad_input_and_overflow),
        cmocka_unit_test(every_line_fits_80_columns),
        cmocka_unit_test(large_samples_keep_right_slopes_right),
        cmocka_unit_test(the_allowance_grows_with_the_ssr_and_shrinks_with_h),
        cmocka_unit_test(truncation_is_allowed_for),
    };
    return cmocka_run_group_tests_name("chapter8", tests, NULL, NULL);
}
