/**
 * @file test_chapter3.c
 * @brief Chapter 3 prints both links of the chain and the slope -15.6551.
 */
#include "support.h"

#include <stdio.h>

#include "golden.h"
#include "columns.h"

static void prints_both_links_for_every_sample(void **state)
{
    (void)state;
    run_result r = run_program("chapter3", "", NULL);
    assert_int_equal(r.status, 0);
    for (int i = 0; i < 3; i++) {
        char row[128];
        /* dSSR/dpredicted, dpredicted/db3 = 1, and their product. */
        snprintf(row, sizeof row, "%17.4f %15.4f %10.4f\n", golden_dssr_dpredicted[i], 1.0,
                 golden_dssr_dpredicted[i]);
        assert_contains(r.out, row);
    }
    run_free(&r);
}

static void sums_them_to_the_slope(void **state)
{
    (void)state;
    run_result r = run_program("chapter3", "", NULL);
    assert_int_equal(r.status, 0);
    assert_contains(r.out, "dSSR/db3 = sum of the products = -15.6551\n");
    assert_contains(r.out, four_decimals(golden_dssr_db3));
    assert_says(r.out, "rounds it to -15.7");
    /* The finite difference agrees to the digits shown. */
    assert_says(r.out, "h = 1e-05: -15.6551, which differs");
    assert_says(r.out, "The slope is negative");
    assert_says(r.out, "Where the article slips");
    run_free(&r);
}

static void at_the_bottom_the_slope_turns(void **state)
{
    (void)state;
    run_result r = run_program("chapter3", "--b3 3", NULL);
    assert_int_equal(r.status, 0);
    /* dSSR/db3 = -2 x sum(residual) = -2 x (sum at b3 = 0 - 3 x 3). */
    assert_contains(r.out, four_decimals(golden_dssr_db3 + 18.0));
    assert_says(r.out, "The slope is positive");
    run_free(&r);
}

static void data_file_gives_its_own_slope(void **state)
{
    (void)state;
    run_result r = run_program("chapter3", "--data " TEST_DATA("five.csv"), NULL);
    assert_int_equal(r.status, 0);
    assert_contains(r.out, four_decimals(golden_five_dssr_db3));
    assert_lacks(r.out, "-15.7");
    run_free(&r);
}

static void a_bad_file_names_its_line(void **state)
{
    (void)state;
    run_result r = run_program("chapter3", "--data -", "0,0\n0.5,1,2\n");
    assert_int_equal(r.status, 2);
    assert_string_equal(r.err, "stdin:2: expected 2 fields separated by a comma "
                               "(input,observed), found 3\n");
    assert_string_equal(r.out, "");
    run_free(&r);
}

static void every_line_fits_80_columns(void **state)
{
    (void)state;
    const columns_run runs[] = {COLUMNS_COMMON_RUNS, {"--b3 1", NULL}, {"--b3 -1e153", NULL}, {"--b3 1e300", NULL}, {"--b3 -123456.789", NULL}};
    assert_every_line_fits("chapter3", runs, sizeof runs / sizeof runs[0]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(prints_both_links_for_every_sample),
        cmocka_unit_test(sums_them_to_the_slope),
        cmocka_unit_test(at_the_bottom_the_slope_turns),
        cmocka_unit_test(data_file_gives_its_own_slope),
        cmocka_unit_test(a_bad_file_names_its_line),
        cmocka_unit_test(every_line_fits_80_columns),
    };
    return cmocka_run_group_tests_name("chapter3", tests, NULL, NULL);
}
