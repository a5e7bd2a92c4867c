/**
 * @file test_chapter9.c
 * @brief Chapter 9: the widened network against PyTorch autograd, its passes
 *        counted, its allowance, and the chapter9 program's table.
 *
 * tests/golden_why.h comes from tools/golden_why.py (the parameters drawn by
 * a Python copy of code/random.c, the gradient by autograd in float64).
 * Nothing here asserts a time: the target "at least 100 times slower at
 * 3,001 parameters" is checked by make bench (mk/why.mk).
 */
#include "support.h"

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_checks.h"
#include "columns.h"
#include "csv_rows.h"
#include "golden_why.h"
#include "nn.h"
#include "random.h"
#include "wide.h"

/* The sizes the program times by default, as parameters 3H + 1. */
static const long default_sizes[] = {7, 16, 31, 61, 151, 301, 601, 1501, 3001};
enum { DEFAULT_SIZE_COUNT = sizeof default_sizes / sizeof default_sizes[0] };

/* Under an emulator (make test-aarch64) one gradient by finite differences at
   3,001 parameters takes longer than the program's limit for one size, so the
   whole table is asked for up to 301 parameters there: the first 6 sizes. */
static int sizes_run(void)
{
    return test_emulator()[0] != '\0' ? 6 : DEFAULT_SIZE_COUNT;
}

static const char *size_limit(void)
{
    return test_emulator()[0] != '\0' ? " --max-parameters 301" : "";
}

static double *slopes(size_t count)
{
    double *s = calloc(count, sizeof *s);
    assert_non_null(s);
    return s;
}

static void drawn_parameters_and_gradient_match_autograd(void **state)
{
    (void)state;
    for (int c = 0; c < GOLDEN_WHY_CASES; c++) {
        const golden_why_case *g = &golden_why[c];
        wide_network n;
        assert_int_equal(wide_draw(&n, (size_t)g->hidden, g->seed), 0);
        assert_int_equal(n.count, 3 * g->hidden + 1);
        for (size_t k = 0; k < n.count; k++)
            assert_close(n.param[k], g->params[k], 1e-15);
        nn_data data = {(size_t)g->samples, g->input, g->observed};
        assert_close(wide_ssr(&n, data), g->ssr, GOLDEN_TOLERANCE);
        double *derived = slopes(n.count);
        wide_gradient(&n, data, derived);
        for (size_t k = 0; k < n.count; k++)
            assert_close(derived[k], g->gradient[k], GOLDEN_TOLERANCE);
        free(derived);
        wide_free(&n);
    }
}

/* With H = 2 the widened network is the article's: the same draw as
   random_start(), and the same slopes, bit for bit, both ways. */
static void two_neurons_are_the_book_network(void **state)
{
    (void)state;
    for (uint64_t seed = 0; seed < 5; seed++) {
        wide_network n;
        assert_int_equal(wide_draw(&n, 2, seed), 0);
        random_state r = random_seed(seed);
        nn_params p = random_start(&r);
        for (int i = 0; i < NN_PARAM_COUNT; i++)
            assert_true(n.param[i] == p.value[i]);
        nn_data data = article_data();
        double derived[7], measured[7];
        wide_gradient(&n, data, derived);
        wide_gradient_by_differences(&n, data, measured);
        nn_gradient g = gradient(&p, data);
        for (int i = 0; i < NN_PARAM_COUNT; i++) {
            assert_true(derived[i] == g.value[i]);
            assert_true(measured[i] == slope_by_difference(&p, data, i));
        }
        assert_true(wide_ssr(&n, data) == ssr(&p, data));
        wide_free(&n);
    }
}

static void passes_are_counted(void **state)
{
    (void)state;
    nn_data data = article_data();
    const size_t widths[] = {2, 5, 100};
    for (size_t w = 0; w < 3; w++) {
        wide_network n;
        assert_int_equal(wide_draw(&n, widths[w], 1), 0);
        double *s = slopes(n.count);
        wide_ssr(&n, data);
        assert_int_equal(n.ssr_passes, 1);
        wide_gradient_by_differences(&n, data, s);
        assert_int_equal(n.ssr_passes, 1 + 2 * (long)n.count);
        assert_int_equal(n.forward_passes, 0);
        wide_gradient(&n, data, s);
        assert_int_equal(n.forward_passes, 1);
        assert_int_equal(n.backward_passes, 1);
        assert_int_equal(n.ssr_passes, 1 + 2 * (long)n.count); /* none by backpropagation */
        free(s);
        wide_free(&n);
    }
}

/* Every measured slope lies within its allowance of the derived one, on
   several sets of samples, sizes and seeds; a forgotten factor x is not. */
static void the_allowance_holds_and_catches_a_mistake(void **state)
{
    (void)state;
    static const double five_x[] = {0.0, 0.25, 0.5, 0.75, 1.0};
    static const double five_y[] = {0.1, 0.4, 0.9, 0.5, 0.05};
    static const double far_x[] = {-30.0, 2.0, 40.0}, far_y[] = {0.0, 1.0, 0.0};
    static const double big_y[] = {1e4, 1.0, 0.0};
    nn_data sets[] = {article_data(), {5, five_x, five_y}, {3, far_x, far_y},
                      {3, article_data().input, big_y}};
    const size_t widths[] = {2, 5, 20, 200};
    double worst = 0.0;
    int mistakes_tried = 0;
    for (size_t d = 0; d < 4; d++)
        for (uint64_t seed = 1; seed <= 3; seed++)
            for (size_t w = 0; w < 4; w++) {
                wide_network n;
                assert_int_equal(wide_draw(&n, widths[w], seed), 0);
                double *derived = slopes(n.count), *measured = slopes(n.count);
                double *allowance = slopes(n.count);
                wide_gradient(&n, sets[d], derived);
                wide_gradient_by_differences(&n, sets[d], measured);
                wide_allowances(&n, sets[d], allowance);
                for (size_t k = 0; k < n.count; k++) {
                    assert_true(allowance[k] > 0.0 && isfinite(allowance[k]));
                    worst = fmax(worst, fabs(derived[k] - measured[k]) / allowance[k]);
                    /* The slope of w_j with its factor x forgotten is b_j's: the
                       check sees that mistake wherever it moves the slope by
                       more than the allowance. */
                    if (k < 2 * n.hidden && k % 2 == 0 &&
                        fabs(derived[k + 1] - derived[k]) > 2.0 * allowance[k]) {
                        mistakes_tried++;
                        assert_true(fabs(derived[k + 1] - measured[k]) > allowance[k]);
                    }
                }
                free(derived);
                free(measured);
                free(allowance);
                wide_free(&n);
            }
    print_message("largest difference as a fraction of its allowance: %.3g\n", worst);
    assert_true(worst <= 1.0);
    /* The mistake was put to the check, many times over. */
    assert_true(mistakes_tried > 100);
    /* Along v_j and c the SSR is a parabola: only rounding is allowed for,
       2 * (H + 3) * eps * S / h. */
    wide_network n;
    assert_int_equal(wide_draw(&n, 3, 1), 0);
    double a[10], size = 0.0;
    wide_allowances(&n, sets[2], a);
    for (size_t i = 0; i < 3; i++) {
        double s = fabs(far_y[i]) + fabs(n.param[9]);
        for (size_t j = 0; j < 3; j++)
            s += fabs(n.param[6 + j] * softplus(n.param[2 * j] * far_x[i] + n.param[2 * j + 1]));
        size += s * s;
    }
    for (size_t k = 6; k < 10; k++) {
        double h = 1e-5 * fmax(1.0, fabs(n.param[k]));
        assert_close(a[k], 2.0 * 6.0 * DBL_EPSILON * size / h, 1e-14);
    }
    /* Along w_j, with inputs as large as 40, truncation dominates. */
    for (size_t k = 0; k < 6; k += 2) {
        double h = 1e-5 * fmax(1.0, fabs(n.param[k]));
        assert_true(a[k] > 2.0 * 2.0 * 6.0 * DBL_EPSILON * size / h);
    }
    wide_free(&n);
}

static void program_csv_table(void **state)
{
    (void)state;
    char args[64];
    snprintf(args, sizeof args, "--csv%s", size_limit());
    run_result r = run_program("chapter9", args, NULL);
    assert_int_equal(r.status, 0);
    assert_string_equal(r.err, "");
    static csv_row rows[32];
    assert_int_equal(csv_split(r.out, rows, 32), 1 + sizes_run());
    const char *header[] = {"parameters", "finite_differences_ns", "backpropagation_ns", "ratio",
                            "max_rel_diff"};
    assert_int_equal(rows[0].columns, 5);
    for (int c = 0; c < 5; c++)
        assert_string_equal(rows[0].field[c], header[c]);
    for (int i = 0; i < sizes_run(); i++) {
        const csv_row *row = &rows[1 + i];
        assert_int_equal(row->columns, 5);
        long parameters = (long)csv_number(row, 0);
        assert_int_equal(parameters, default_sizes[i]);
        assert_int_equal((parameters - 1) % 3, 0); /* 3H + 1 */
        double fd = csv_number(row, 1), bp = csv_number(row, 2);
        assert_true(fd > 0.0 && bp > 0.0);
        assert_close(csv_number(row, 3), fd / bp, 1e-15);
        double rel = csv_number(row, 4);
        assert_true(rel >= 0.0 && rel < 1e-5);
    }
    run_free(&r);

    r = run_program("chapter9", "--csv --max-parameters 100 --seed 3 --data " TEST_DATA("five.csv"),
                    NULL);
    assert_int_equal(r.status, 0);
    assert_int_equal(csv_split(r.out, rows, 32), 1 + 4);
    for (int i = 0; i < 4; i++)
        assert_int_equal((long)csv_number(&rows[1 + i], 0), default_sizes[i]);
    run_free(&r);
}

static void program_text_counts_the_passes(void **state)
{
    (void)state;
    run_result r = run_program("chapter9", size_limit(), NULL);
    assert_int_equal(r.status, 0);
    assert_string_equal(r.err, "");
    assert_says(r.out, "past the article");
    assert_contains(r.out, "parameters   SSR passes");
    /* Each row: parameters, then the SSR passes counted, 2 per parameter. */
    for (int i = 0; i < sizes_run(); i++) {
        char row[64];
        snprintf(row, sizeof row, "\n%10ld %12ld ", default_sizes[i], 2 * default_sizes[i]);
        assert_contains(r.out, row);
    }
    assert_says(r.out, "finite differences made 2 SSR passes per parameter at every "
                       "size, backpropagation 1 forward and 1 backward pass.");
    assert_says(r.out, "The two gradients agree at every size");
    assert_says(r.out, sizes_run() == DEFAULT_SIZE_COUNT
                               ? "Through the last 4 sizes (301 to 3,001 parameters)"
                               : "Through the last 4 sizes (31 to 301 parameters)");
    assert_says(r.out, "2,000,000 SSR passes");
    assert_lacks(r.out, "nan");
    assert_true(widest_line(r.out) <= COLUMNS);
    run_free(&r);

    r = run_program("chapter9", "--max-parameters 7", NULL);
    assert_int_equal(r.status, 0);
    assert_contains(r.out, "\n         7           14 ");
    assert_says(r.out, "One size alone draws no line");
    assert_lacks(r.out, "\n        16 ");
    run_free(&r);

    r = run_program("chapter9", "--quiet --max-parameters 61", NULL);
    assert_int_equal(r.status, 0);
    assert_says(r.out, "61 parameters: finite differences ");
    assert_says(r.out, "the gradients agree (largest relative difference ");
    int lines = 0;
    for (const char *c = r.out; *c != '\0'; c++)
        lines += *c == '\n';
    assert_int_equal(lines, 2);
    run_free(&r);
}

#define HEADER "parameters,finite_differences_ns,backpropagation_ns,ratio,max_rel_diff\n"

/* chapter9 --timings on `kept` must refuse it: status 2, `message` on stderr. */
static void refuse_timings(const char *kept, const char *message)
{
    run_result r = run_program("chapter9", "--timings /dev/stdin", kept);
    assert_int_equal(r.status, 2);
    assert_string_equal(r.err, message);
    assert_string_equal(r.out, "");
    run_free(&r);
}

/* --timings: the times of an earlier --csv, shown as if measured now; the
   passes and the gradients are still the program's own. */
static void times_kept_from_an_earlier_run(void **state)
{
    (void)state;
    const char *kept = HEADER "7,1400,200,7,0\n16,32000,400,80,0\n";
    run_result r = run_program("chapter9", "--csv --timings /dev/stdin", kept);
    assert_int_equal(r.status, 0);
    static csv_row rows[8];
    assert_int_equal(csv_split(r.out, rows, 8), 3);
    assert_close(csv_number(&rows[1], 1), 1400.0, 0.0);
    assert_close(csv_number(&rows[1], 2), 200.0, 0.0);
    assert_close(csv_number(&rows[1], 3), 7.0, 0.0);
    assert_close(csv_number(&rows[2], 3), 80.0, 0.0);
    /* The relative differences are computed again, the same as when timed. */
    run_result timed = run_program("chapter9", "--csv --max-parameters 16", NULL);
    static csv_row again[8];
    assert_int_equal(csv_split(timed.out, again, 8), 3);
    for (int i = 1; i <= 2; i++)
        assert_string_equal(rows[i].field[4], again[i].field[4]);
    run_free(&timed);
    run_free(&r);

    r = run_program("chapter9", "--timings /dev/stdin", kept);
    assert_int_equal(r.status, 0);
    /* 1400 ns over 14 passes is 100 ns a pass: backpropagation took 2. */
    assert_contains(r.out, "\n         7           14      1.4 us      200 ns        2.0              7\n");
    assert_contains(r.out, "\n        16           32       32 us      400 ns        0.4             80\n");
    assert_says(r.out, "took its times from --timings");
    assert_says(r.out, "grow as parameters^3.79, backpropagation as parameters^0.84.");
    run_free(&r);

    refuse_timings("x,y\n", "/dev/stdin:1: expected the header line that --csv writes\n");
    refuse_timings(HEADER "7,1,1,1,0\n31,1,1,1,0\n",
                   "/dev/stdin:3: not the next size this chapter times (7, 16, 31, 61, ...)\n");
    refuse_timings(HEADER "7,-1,1,1,0\n", "/dev/stdin:2: expected two times in ns, both "
                   "positive numbers, after the parameters\n");
    expect_bad_input("chapter9", "--timings /no/such/file", "/no/such/file: cannot read:");
    expect_bad_input("chapter9", "--timings ''", "--timings: '' is not a file name");
}

static void bad_input_and_overflow(void **state)
{
    (void)state;
    expect_bad_input("chapter9", "--rate 0.1", "chapter9: unrecognized option '--rate'\n");
    expect_bad_input("chapter9", "--max-parameters 6", "--max-parameters: must be 7 to 30001, not 6");
    expect_bad_input("chapter9", "--max-parameters 30002", "must be 7 to 30001, not 30002");
    expect_bad_input("chapter9", "--max-parameters x", "not a whole number");
    expect_bad_input("chapter9", "--max-parameters 0", "'0' is not 1 or more");
    expect_bad_input("chapter9", "--seed -1", "not a whole number");
    expect_bad_input("chapter9", "--data ''", "--data: '' is not a file name");
    run_result r = run_program("chapter9", "--data -", "0,1\n0.5,x\n");
    assert_int_equal(r.status, 2);
    assert_contains(r.err, "stdin:2:");
    assert_string_equal(r.out, "");
    run_free(&r);
    r = run_program("chapter9", "--help", NULL);
    assert_int_equal(r.status, 0);
    assert_contains(r.out, "usage: chapter9");
    assert_contains(r.out, "--max-parameters N");
    run_free(&r);
    /* Samples so large that the SSR overflows: one line, exit 1, no nan. */
    r = run_program("chapter9", "--csv --data -", "1e300,0\n");
    assert_int_equal(r.status, 1);
    assert_string_equal(r.err, "chapter9: the SSR is not a finite number: the samples are too large\n");
    assert_string_equal(r.out, "");
    run_free(&r);
}

static void every_line_fits_80_columns(void **state)
{
    (void)state;
    const columns_run runs[] = {
        {"--help", NULL},
        {"--max-parameters 16 --data " TEST_DATA("five.csv"), NULL},
        {"--max-parameters 16 --data -", COLUMNS_WIDE_SAMPLES},
        {"--max-parameters 16 --data -", COLUMNS_MANY_SAMPLES},
        {"--max-parameters 16 --data -", "1e300,0\n"},
        {"--max-parameters 31 --seed 9223372036854775807", NULL},
        {"--quiet --max-parameters 16 --seed 123456789", NULL},
    };
    assert_every_line_fits("chapter9", runs, sizeof runs / sizeof runs[0]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(drawn_parameters_and_gradient_match_autograd),
        cmocka_unit_test(two_neurons_are_the_book_network),
        cmocka_unit_test(passes_are_counted),
        cmocka_unit_test(the_allowance_holds_and_catches_a_mistake),
        cmocka_unit_test(program_csv_table),
        cmocka_unit_test(program_text_counts_the_passes),
        cmocka_unit_test(times_kept_from_an_earlier_run),
        cmocka_unit_test(bad_input_and_overflow),
        cmocka_unit_test(every_line_fits_80_columns),
    };
    return cmocka_run_group_tests_name("chapter9", tests, NULL, NULL);
}
