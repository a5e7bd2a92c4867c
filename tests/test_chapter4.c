/**
 * @file test_chapter4.c
 * @brief Chapter 4 takes one step downhill and shows the article's step uphill.
 */
#include "support.h"

#include <stdio.h>

#include "golden.h"
#include "cli_checks.h"
#include "columns.h"

static void takes_one_step_downhill(void **state)
{
    (void)state;
    run_result r = run_program("chapter4", "", NULL);
    assert_int_equal(r.status, 0);
    assert_contains(r.out, "step size = -15.6551 * 0.1 = -1.5655\n");
    assert_contains(r.out, four_decimals(golden_step_size));
    assert_says(r.out, "rounds it to -1.57");
    assert_contains(r.out, "b3 = 0.0000 - (-1.5655) = 1.5655\n");
    assert_contains(r.out, four_decimals(golden_b3_after_step));
    char fell[64];
    snprintf(fell, sizeof fell, "SSR: %.4f -> %.4f   it fell", golden_ssr, golden_ssr_after_step);
    assert_contains(r.out, fell);
    assert_says(r.out, "20.4236 -> 3.2678");
    run_free(&r);
}

static void shows_the_article_step_going_uphill(void **state)
{
    (void)state;
    run_result r = run_program("chapter4", "", NULL);
    assert_int_equal(r.status, 0);
    assert_contains(r.out, "b3 = 0.0000 + (-1.5655) = -1.5655\n");
    char rose[64];
    snprintf(rose, sizeof rose, "SSR: %.4f -> %.4f   it rose", golden_ssr, golden_ssr_wrong_way);
    assert_contains(r.out, rose);
    run_free(&r);
}

static void the_rate_scales_the_step(void **state)
{
    (void)state;
    run_result r = run_program("chapter4", "--rate 0.05", NULL);
    assert_int_equal(r.status, 0);
    assert_contains(r.out, four_decimals(golden_dssr_db3 * 0.05));
    assert_contains(r.out, four_decimals(-golden_dssr_db3 * 0.05));
    assert_lacks(r.out, "-1.57)");
    run_free(&r);
}

static void a_rate_that_overshoots_is_named(void **state)
{
    (void)state;
    /* At rate 0.5 the step overshoots the bottom by more than it started. */
    run_result r = run_program("chapter4", "--rate 0.5", NULL);
    assert_int_equal(r.status, 0);
    assert_says(r.out, "it rose: the rate is too large");
    run_free(&r);
}

/* A rate so small that b3 barely moves leaves the SSR as it was: the
   verdict blames the small rate, in both directions, never a large one. */
static void a_rate_too_small_to_matter_is_named(void **state)
{
    (void)state;
    run_result r = run_program("chapter4", "--rate 1e-20", NULL);
    assert_int_equal(r.status, 0);
    assert_contains(r.out, "SSR: 20.4236 -> 20.4236   unchanged: the rate is too small\n");
    assert_says(r.out, "unchanged: the rate is too small The article instead writes");
    assert_contains(r.out, "(-0.0000) = -0.0000\n"
                           "  SSR: 20.4236 -> 20.4236   unchanged: the rate is too small\n");
    assert_unsaid(r.out, "too large");
    run_free(&r);
    /* At 1 / 3 rounded up the step lands past the bottom exactly as high as
       it started: that is the rate being too large. */
    r = run_program("chapter4", "--rate 0.33333333333333337", NULL);
    assert_int_equal(r.status, 0);
    assert_says(r.out, "it did not fall: the rate is too large");
    run_free(&r);
}

static void rates_must_be_positive(void **state)
{
    (void)state;
    const char *bad[] = {"--rate 0", "--rate -0.1", "--rate=-1"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        run_result r = run_program("chapter4", bad[i], NULL);
        assert_int_equal(r.status, 2);
        assert_contains(r.err, "' is not greater than 0\n");
        assert_contains(r.err, "chapter4: --rate: '");
        assert_string_equal(r.out, "");
        run_free(&r);
    }
}

static void every_line_fits_80_columns(void **state)
{
    (void)state;
    const columns_run runs[] = {
        COLUMNS_COMMON_RUNS, {"--b3 1", NULL}, {"--b3 -1e153", NULL}, {"--b3 1e300", NULL}, {"--b3 -123456.789", NULL},
        {"--rate 1e-320", NULL}, {"--rate 1e-20", NULL}, {"--rate 1.7976931348623157e308", NULL},
        {"--rate 0.5", NULL}, {"--rate 1e-9", NULL}, {"--rate 1e150", NULL},
        {"--rate 1e300", NULL}, {"--rate 0.3 --b3 1e6", NULL},
    };
    assert_every_line_fits("chapter4", runs, sizeof runs / sizeof runs[0]);
}

/* An overflow that a large rate causes names the rate, not the samples. */
static void an_overflow_from_the_rate_names_the_rate(void **state)
{
    (void)state;
    expect_diverged("chapter4", "--rate 1e300", "chapter4: the SSR after the step is not a "
                    "finite number: --rate is too large\n");
    expect_diverged("chapter4", "--csv --rate 1e300", "--rate is too large\n");
    expect_diverged("chapter4", "--b3 1e300", "chapter4: the SSR is not a finite number: "
                    "--b3 is too large\n");
    /* At the bottom the step is 0 and the SSR stays: not blamed on the rate. */
    run_result r = run_program("chapter4", "--b3 2.6091771886921823", NULL);
    assert_int_equal(r.status, 0);
    assert_unsaid(r.out, "the rate is too large");
    run_free(&r);
}

static void the_ssr_at_the_articles_own_b3_is_stated_with_its_precision(void **state)
{
    (void)state;
    run_result r = run_program("chapter4", "", NULL);
    char expected[160];
    snprintf(expected, sizeof expected, "at the article's b3, -1.57 exactly, the SSR is %s",
             four_decimals(golden_ssr_at_article_b3));
    assert_says(r.out, expected);
    assert_says(r.out, "b3 = -1.5655 is the step in double precision, shown to 4 decimals");
    snprintf(expected, sizeof expected, "-> %s", four_decimals(golden_ssr_wrong_way));
    assert_contains(r.out, expected);
    run_free(&r);
    /* Another start is not the article's: no note about its b3. */
    r = run_program("chapter4", "--b3 1", NULL);
    assert_unsaid(r.out, "-1.57 exactly");
    run_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(takes_one_step_downhill),
        cmocka_unit_test(the_ssr_at_the_articles_own_b3_is_stated_with_its_precision),
        cmocka_unit_test(shows_the_article_step_going_uphill),
        cmocka_unit_test(the_rate_scales_the_step),
        cmocka_unit_test(a_rate_that_overshoots_is_named),
        cmocka_unit_test(rates_must_be_positive),
        cmocka_unit_test(a_rate_too_small_to_matter_is_named),
        cmocka_unit_test(every_line_fits_80_columns),
        cmocka_unit_test(an_overflow_from_the_rate_names_the_rate),
    };
    return cmocka_run_group_tests_name("chapter4", tests, NULL, NULL);
}
