/**
 * @file test_chapter2.c
 * @brief Chapter 2 prints the SSR at b3 = 0 and the bowl of the SSR against b3.
 */
#include "support.h"

#include <stdio.h>

#include "golden.h"
#include "cli_checks.h"
#include "columns.h"

static void prints_the_ssr_of_the_article(void **state)
{
    (void)state;
    run_result r = run_program("chapter2", "", NULL);
    assert_int_equal(r.status, 0);
    for (int i = 0; i < 3; i++)
        assert_contains(r.out, four_decimals(golden_squared_residual[i]));
    assert_says(r.out, "SSR = 20.4236");
    assert_contains(r.out, four_decimals(golden_ssr));
    assert_says(r.out, "SSR = 20.4236 (the article prints no SSR; StatQuest's video shows 20.4)");
    run_free(&r);
}

static void prints_the_bowl_from_minus_one_to_five(void **state)
{
    (void)state;
    run_result r = run_program("chapter2", "", NULL);
    assert_int_equal(r.status, 0);
    for (size_t k = 0; k < sizeof golden_bowl_b3 / sizeof golden_bowl_b3[0]; k++) {
        char row[64];
        snprintf(row, sizeof row, "%10.4f %11.4f\n", golden_bowl_b3[k], golden_bowl_ssr[k]);
        assert_contains(r.out, row);
    }
    assert_says(r.out, "lowest value in this table is at b3 = 2.5000");
    run_free(&r);
}

static void another_start_keeps_the_same_bowl(void **state)
{
    (void)state;
    /* Starting at b3 = 1 changes the first SSR but not where the bottom is. */
    run_result r = run_program("chapter2", "--b3 1", NULL);
    assert_int_equal(r.status, 0);
    assert_says(r.out, "SSR = 7.7685");
    assert_unsaid(r.out, "the article prints"); /* its numbers are not this start's */
    assert_says(r.out, "is at b3 = 2.5000");
    run_free(&r);
}

static void data_file_gives_its_own_ssr(void **state)
{
    (void)state;
    run_result r = run_program("chapter2", "--data " TEST_DATA("five.csv"), NULL);
    assert_int_equal(r.status, 0);
    char expected[64];
    snprintf(expected, sizeof expected, "SSR = %.4f\n", golden_five_ssr);
    assert_contains(r.out, expected);
    run_free(&r);
}

static void bad_values_are_refused(void **state)
{
    (void)state;
    run_result r = run_program("chapter2", "--b3 zero", NULL);
    assert_int_equal(r.status, 2);
    assert_string_equal(r.err, "chapter2: --b3: 'zero' is not a finite number\n");
    run_free(&r);
    r = run_program("chapter2", "--b3 1e300", NULL);
    assert_int_equal(r.status, 1);
    assert_contains(r.err, "chapter2: a squared residual is not a finite number");
    assert_lacks(r.out, "nan");
    run_free(&r);
}

static void every_line_fits_80_columns(void **state)
{
    (void)state;
    const columns_run runs[] = {
        COLUMNS_COMMON_RUNS, {"--b3 1", NULL}, {"--b3 -1e153", NULL}, {"--b3 1e300", NULL}, {"--b3 -123456.789", NULL},
        {"--plot", NULL}, {"--plot --b3 1e6", NULL}, {"--plot --b3=-2e153", NULL},
        {"--plot --data " TEST_DATA("five.csv"), NULL}, {"--plot --data -", COLUMNS_WIDE_SAMPLES},
    };
    assert_every_line_fits("chapter2", runs, sizeof runs / sizeof runs[0]);
}

/* A start whose SSR is past the largest double is refused before anything
   is printed, naming the option to change. (A start just short of it, as
   --b3=-2e153 --plot, draws its chart: test_hostile.c.) */
static void a_start_too_large_for_doubles_is_refused(void **state)
{
    (void)state;
    expect_diverged("chapter2", "--data " TEST_DATA("five.csv") " --b3 1e300",
                    "--b3 is too large\n");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(prints_the_ssr_of_the_article),
        cmocka_unit_test(prints_the_bowl_from_minus_one_to_five),
        cmocka_unit_test(another_start_keeps_the_same_bowl),
        cmocka_unit_test(data_file_gives_its_own_ssr),
        cmocka_unit_test(bad_values_are_refused),
        cmocka_unit_test(every_line_fits_80_columns),
        cmocka_unit_test(a_start_too_large_for_doubles_is_refused),
    };
    return cmocka_run_group_tests_name("chapter2", tests, NULL, NULL);
}
