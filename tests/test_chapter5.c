/**
 * @file test_chapter5.c
 * @brief Chapter 5: the descent loop, its CSV, and the whole command-line contract.
 */
#include "support.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "golden.h"
#include "nn.h"
#include "cli_checks.h"
#include "columns.h"

static void prints_one_row_per_slope(void **state)
{
    (void)state;
    run_result r = run_program("chapter5", "", NULL);
    assert_int_equal(r.status, 0);
    for (int i = 0; i < GOLDEN_DESCENT_ROWS; i++) {
        char row[128];
        snprintf(row, sizeof row, "%6d %11.4f %11.4f %11.4f %11.4f", i + 1, golden_descent_b3[i],
                 golden_descent_ssr[i], golden_descent_dssr_db3[i],
                 golden_descent_step_size[i]);
        assert_contains(r.out, row);
    }
    /* The numbers the article and StatQuest's video print. */
    assert_contains(r.out, "-6.2620");
    assert_contains(r.out, "2.1917");
    assert_says(r.out, "b3 = 2.6085 after 9 updates");
    assert_says(r.out, "exact bottom is b3 = 2.6092");
    assert_contains(r.out, four_decimals(golden_optimal_b3));
    assert_contains(r.out, "2.21");
    run_free(&r);
}

/* Splits CSV text into rows of numbers; returns how many rows it read. */
static int read_csv(const char *text, double rows[][5], int most)
{
    const char *line = strchr(text, '\n');
    int count = 0;
    while (line != NULL && line[1] != '\0' && count < most) {
        char *end = NULL;
        const char *p = line + 1;
        for (int k = 0; k < 5; k++) {
            rows[count][k] = strtod(p, &end);
            p = end + 1;
        }
        count++;
        line = strchr(line + 1, '\n');
    }
    return count;
}

static void csv_holds_every_row_to_full_precision(void **state)
{
    (void)state;
    run_result r = run_program("chapter5", "--csv", NULL);
    assert_int_equal(r.status, 0);
    assert_true(strncmp(r.out, "step,b3,ssr,dssr_db3,step_size\n", 31) == 0);
    double rows[16][5];
    assert_int_equal(read_csv(r.out, rows, 16), GOLDEN_DESCENT_ROWS);
    for (int i = 0; i < GOLDEN_DESCENT_ROWS; i++) {
        assert_true(rows[i][0] == i + 1);
        assert_close(rows[i][1], golden_descent_b3[i], GOLDEN_TOLERANCE);
        assert_close(rows[i][2], golden_descent_ssr[i], GOLDEN_TOLERANCE);
        assert_close(rows[i][3], golden_descent_dssr_db3[i], GOLDEN_TOLERANCE);
        assert_close(rows[i][4], golden_descent_step_size[i], GOLDEN_TOLERANCE);
    }
    run_free(&r);
}

static void quiet_prints_only_the_result(void **state)
{
    (void)state;
    run_result r = run_program("chapter5", "--quiet", NULL);
    assert_int_equal(r.status, 0);
    assert_true(strncmp(r.out, "b3 = 2.6085 after 9 updates", 27) == 0);
    assert_non_null(strchr(r.out, '\n'));
    assert_string_equal(strchr(r.out, '\n'), "\n");
    run_free(&r);
}

static void stopping_rules_follow_the_options(void **state)
{
    (void)state;
    run_result r = run_program("chapter5", "--csv --max-steps 3", NULL);
    assert_int_equal(r.status, 0);
    double rows[8][5];
    assert_int_equal(read_csv(r.out, rows, 8), 3);
    run_free(&r);

    /* Tolerance 0 never stops early: every one of the allowed slopes is computed. */
    r = run_program("chapter5", "--csv --tolerance 0 --max-steps 40", NULL);
    assert_int_equal(r.status, 0);
    double many[48][5];
    assert_int_equal(read_csv(r.out, many, 48), 40);
    assert_close(many[39][1], golden_optimal_b3, 1e-9);
    run_free(&r);

    r = run_program("chapter5", "--quiet --max-steps 2", NULL);
    assert_int_equal(r.status, 0);
    assert_says(r.out, "after 2 updates");
    assert_says(r.out, "stopped at the step limit");
    run_free(&r);

    r = run_program("chapter5", "--csv --b3 2.6 --tolerance 0.01", NULL);
    assert_int_equal(r.status, 0);
    assert_int_equal(read_csv(r.out, rows, 8), 1);
    run_free(&r);
}

static void reads_samples_from_standard_input(void **state)
{
    (void)state;
    run_result r = run_program("chapter5", "--quiet --rate 0.05 --tolerance 1e-6 --data -",
                               "# five samples\n0,0.1\n0.25,0.4\n0.5,0.9\n0.75,0.5\n1,0.05");
    assert_int_equal(r.status, 0);
    char expected[96];
    snprintf(expected, sizeof expected, "b3 = %.4f after %d updates", golden_five_converged_b3_slow,
             GOLDEN_FIVE_UPDATES_SLOW);
    assert_contains(r.out, expected);
    run_free(&r);
}

static void divergence_stops_with_advice(void **state)
{
    (void)state;
    run_result r = run_program("chapter5", "--rate 10", NULL);
    assert_int_equal(r.status, 1);
    assert_contains(r.err, "chapter5: diverged after");
    assert_contains(r.err, "try a --rate smaller than 10");
    assert_lacks(r.out, "nan");
    assert_lacks(r.out, "inf");
    run_free(&r);
    r = run_program("chapter5", "--rate 10 --csv", NULL);
    assert_int_equal(r.status, 1);
    assert_lacks(r.out, "nan");
    assert_lacks(r.out, "inf");
    run_free(&r);
}

/* One bad command line and the exact line it must print. */
typedef struct bad_case {
    const char *args;
    const char *input;
    const char *message;
} bad_case;

static const bad_case bad_cases[] = {
    {"--frobnicate", NULL, "chapter5: unrecognized option '--frobnicate'\n"},
    {"extra", NULL, "chapter5: unexpected argument 'extra'\n"},
    {"--rate", NULL, "chapter5: option '--rate' requires an argument\n"},
    {"--data", NULL, "chapter5: option '--data' requires an argument\n"},
    {"--csv=yes", NULL, "chapter5: option '--csv' doesn't allow an argument\n"},
    {"--rate 0.1x", NULL, "chapter5: --rate: '0.1x' is not a finite number\n"},
    {"--rate ''", NULL, "chapter5: --rate: '' is not a finite number\n"},
    {"--rate nan", NULL, "chapter5: --rate: 'nan' is not a finite number\n"},
    {"--b3 inf", NULL, "chapter5: --b3: 'inf' is not a finite number\n"},
    {"--b3 1e999", NULL, "chapter5: --b3: '1e999' is not a finite number\n"},
    {"--tolerance 0x10", NULL, "chapter5: --tolerance: '0x10' is not a finite number\n"},
    {"--rate 0", NULL, "chapter5: --rate: '0' is not greater than 0\n"},
    {"--rate -0.5", NULL, "chapter5: --rate: '-0.5' is not greater than 0\n"},
    {"--tolerance -1", NULL, "chapter5: --tolerance: '-1' is not 0 or more\n"},
    {"--max-steps 0", NULL,
     "chapter5: --max-steps: '0' is not a whole number from 1 to 999999\n"},
    {"--max-steps 1000000", NULL,
     "chapter5: --max-steps: '1000000' is not a whole number from 1 to 999999\n"},
    {"--max-steps 2.5", NULL,
     "chapter5: --max-steps: '2.5' is not a whole number from 1 to 999999\n"},
    {"--max-steps -3", NULL,
     "chapter5: --max-steps: '-3' is not a whole number from 1 to 999999\n"},
    {"--max-steps 99999999999999999999", NULL,
     "chapter5: --max-steps: '99999999999999999999' is not a whole number from 1 to 999999\n"},
    {"--data tests/data/no-such-file.csv", NULL,
     "tests/data/no-such-file.csv: cannot open: No such file or directory\n"},
    {"--data -", "", "stdin: no samples (expected lines of input,observed)\n"},
    {"--data -", "# only a comment\n\nx,y\n", "stdin: no samples (expected lines of input,observed)\n"},
    {"--data -", "0,0\n0.5\n", "stdin:2: expected 2 fields separated by a comma (input,observed), found 1\n"},
    {"--data -", "0,0\n1,2,3\n", "stdin:2: expected 2 fields separated by a comma (input,observed), found 3\n"},
    {"--data -", "0,0\n0.5,one\n", "stdin:2: the observed value 'one' is not a finite number\n"},
    {"--data -", "0,0\nnan,1\n", "stdin:2: the input value 'nan' is not a finite number\n"},
    {"--data -", "0,0\n,1\n", "stdin:2: the input value is missing\n"},
    {"--data -", "1,1e999\n", "stdin:1: the observed value '1e999' is not a finite number\n"},
};

static void every_bad_input_gets_its_one_line(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof bad_cases / sizeof bad_cases[0]; i++) {
        run_result r = run_program("chapter5", bad_cases[i].args, bad_cases[i].input);
        if (r.status != 2 || strcmp(r.err, bad_cases[i].message) != 0)
            print_error("case: chapter5 %s\n", bad_cases[i].args);
        assert_int_equal(r.status, 2);
        assert_string_equal(r.err, bad_cases[i].message);
        assert_string_equal(r.out, "");
        run_free(&r);
    }
}

static void help_lists_every_option_and_exits_zero(void **state)
{
    (void)state;
    const char *spellings[] = {"-h", "--help", "--rate 0.2 --help"};
    for (size_t i = 0; i < 3; i++) {
        run_result r = run_program("chapter5", spellings[i], NULL);
        assert_int_equal(r.status, 0);
        assert_contains(r.out, "usage: chapter5 [options]");
        const char *options[] = {"--data FILE", "--b3 VALUE", "--rate R", "--tolerance T",
                                 "--max-steps N", "--csv", "--quiet", "-h, --help"};
        for (size_t k = 0; k < sizeof options / sizeof options[0]; k++)
            assert_contains(r.out, options[k]);
        /* What --max-steps counts, said where the option is. */
        assert_says(r.out, "A step computes the slopes once, then updates unless every step "
                           "size is below the tolerance");
        assert_string_equal(r.err, "");
        run_free(&r);
    }
}

static void equals_form_and_defaults_agree(void **state)
{
    (void)state;
    run_result a = run_program("chapter5", "--csv", NULL);
    run_result b = run_program("chapter5", "--csv --rate=0.1 --tolerance=0.001 --b3=0 "
                                           "--max-steps=1000", NULL);
    assert_int_equal(a.status, 0);
    assert_int_equal(b.status, 0);
    assert_string_equal(a.out, b.out);
    run_free(&a);
    run_free(&b);
}

/* A rate so small that even the first step is below the tolerance stops
   the loop at once: said so, with the distance to the bottom, never called
   converged, and with nothing infinite in what it explains. */
static void a_rate_too_small_to_start_is_named(void **state)
{
    (void)state;
    run_result r = run_program("chapter5", "--rate 1e-320", NULL);
    assert_int_equal(r.status, 0);
    assert_contains(r.out, "b3 = 0.0000 after 0 updates, SSR = 20.4236: "
                           "stopped before the first step\n");
    assert_says(r.out, "The loop stopped 2.6 from it.");
    assert_says(r.out, "even the first step is below the tolerance, 0.001");
    assert_lacks(r.out, "converged");
    assert_all_finite(r.out);
    run_free(&r);
    r = run_program("chapter5", "--tolerance 1e308 --quiet", NULL);
    assert_string_equal(r.out, "b3 = 0.0000 after 0 updates, SSR = 20.4236: "
                               "stopped before the first step\n");
    run_free(&r);
    /* Starting within 0.01 of the bottom, stopping at once is converging. */
    r = run_program("chapter5", "--b3 2.6091 --quiet", NULL);
    assert_contains(r.out, "after 0 updates, SSR = 0.0001: converged\n");
    run_free(&r);
}

/* With no tolerance the steps shrink to rounding noise, whose sign is
   anyone's: only a real overshoot (1 - 2 * 3 * rate below 0) is reported. */
static void rounding_noise_is_no_overshoot(void **state)
{
    (void)state;
    run_result r = run_program("chapter5", "--tolerance 0 --rate 0.15", NULL);
    assert_int_equal(r.status, 0);
    assert_unsaid(r.out, "changed direction");
    assert_says(r.out, "With --tolerance 0 the loop only stops at its limit of steps.");
    run_free(&r);
    r = run_program("chapter5", "--tolerance 0 --rate 0.25 --max-steps 20", NULL);
    assert_says(r.out, "The update changed direction 19 times");
    run_free(&r);
}

static void every_line_fits_80_columns(void **state)
{
    (void)state;
    const columns_run runs[] = {
        COLUMNS_COMMON_RUNS, {"--b3 1", NULL}, {"--b3 -1e153", NULL}, {"--b3 1e300", NULL}, {"--b3 -123456.789", NULL},
        {"--quiet", NULL}, {"--plot", NULL}, {"--plot --quiet", NULL}, {"--max-steps 3", NULL},
        {"--rate 0.001", NULL}, {"--rate 0.2", NULL}, {"--rate 0.4 --max-steps 6", NULL},
        {"--tolerance 0 --max-steps 50", NULL}, {"--tolerance 1e-9", NULL},
        {"--rate 10 --max-steps 87 --quiet", NULL}, {"--rate 10", NULL},
        {"--plot --b3 -1007 --rate 0.15", NULL}, {"--plot --b3 1e6", NULL},
        {"--b3 -1e150 --rate 1e-300 --max-steps 5", NULL},
        {"--plot --data -", COLUMNS_WIDE_SAMPLES}, {"--quiet --data -", COLUMNS_MANY_SAMPLES},
        {"--rate 1e-320", NULL}, {"--tolerance 1e308", NULL}, {"--tolerance 0 --rate 0.15", NULL},
        {"--rate 1e-320 --tolerance 1.2345678901234e-300", NULL}, {"--rate 2.2250738585072014e-308 --tolerance 1.2345678901234567e-123", NULL},
        {"--max-steps 999999 --quiet", NULL},
    };
    assert_every_line_fits("chapter5", runs, sizeof runs / sizeof runs[0]);
}

/* Where the loop ends is checked too: a last step into overflow is not a result. */
static void a_run_that_ends_on_overflow_fails(void **state)
{
    (void)state;
    expect_diverged("chapter5", "--rate 10 --max-steps 87 --quiet",
                    "chapter5: diverged after 87 steps: try a --rate smaller than 10\n");
    expect_diverged("chapter5", "--b3 1e300 --quiet",
                    "chapter5: diverged after 0 steps: --b3 is too large\n");
    run_result r = run_program("chapter5", "--quiet --data -", "1e300,0\n");
    assert_int_equal(r.status, 1);
    assert_string_equal(r.err, "chapter5: diverged after 0 steps: the samples are too large\n");
    run_free(&r);
}

/* The closing paragraphs say what this run did. */
static void the_ending_tells_what_this_run_did(void **state)
{
    (void)state;
    run_result r = run_program("chapter5", "", NULL);
    assert_contains(r.out, "b3 = 2.6085 after 9 updates, SSR = 0.0001: converged\n");
    assert_says(r.out, "The loop stopped 0.00068 from it. That distance is what the "
                       "tolerance allows");
    assert_says(r.out, "0.001 / (0.1 * 2 * 3) = 0.0017 of the bottom.");
    assert_says(r.out, "This loop reaches it too: 2.6085.");
    assert_unsaid(r.out, "changed direction");
    run_free(&r);

    r = run_program("chapter5", "--max-steps 3", NULL);
    assert_says(r.out, "b3 = 2.4422 after 3 updates, SSR = 0.0837: stopped at the step limit");
    assert_says(r.out, "The loop stopped 0.17 from it. The loop used up its 3 steps before a "
                       "step size fell below 0.001; more --max-steps lets it go on.");
    assert_unsaid(r.out, "tolerance allows");
    assert_says(r.out, "This run stopped before reaching it, at 2.4422.");
    assert_unsaid(r.out, "reaches it too");
    run_free(&r);

    r = run_program("chapter5", "--rate 0.2", NULL);
    assert_says(r.out, "The update changed direction 6 times");
    assert_says(r.out, "Each swing is smaller than the one before.");
    assert_unsaid(r.out, "The article ends"); /* not the article's rate */
    run_free(&r);

    r = run_program("chapter5", "--rate 0.4 --max-steps 6", NULL);
    assert_says(r.out, "The update changed direction 5 times");
    assert_says(r.out, "b3 never settles: any --rate below 1 / 3 = 0.3333 brings it in.");
    assert_unsaid(r.out, "more --max-steps lets it go on");
    run_free(&r);

    r = run_program("chapter5", "--rate 0.001", NULL);
    assert_says(r.out, "= 0.17 of the bottom. A smaller --tolerance gets closer.");
    run_free(&r);

    r = run_program("chapter5", "--quiet --max-steps 1", NULL);
    assert_string_equal(r.out, "b3 = 1.5655 after 1 update, SSR = 3.2678: stopped at the step "
                               "limit\n");
    run_free(&r);
}

/* The article's notes depend on the rate being 0.1, compared with a tolerance
   so that a build that keeps doubles wider (x87) still shows them. */
static void the_articles_notes_follow_its_rate(void **state)
{
    (void)state;
    const char *same[] = {"--rate 0.1", "--rate=0.10", "--rate 1e-1"};
    for (size_t i = 0; i < 3; i++) {
        run_result r = run_program("chapter5", same[i], NULL);
        assert_says(r.out, "The article ends with b3 = 2.21.");
        assert_says(r.out, "most likely a typo for 2.61");
        assert_says(r.out, "Row 2 holds the article's second slope, -6.26");
        char expected[160];
        snprintf(expected, sizeof expected, "where the article's own update leads, the slope "
                 "is %s.", four_decimals(golden_slope_at_article_b3));
        assert_says(r.out, expected);
        assert_says(r.out, "the article's step size, -1.57, has the right sign");
        assert_says(r.out, "both values of b3 it prints: -1.57, and -1.57 + (-0.626) = -2.196.");
        assert_unsaid(r.out, "only wrote the sign");
        run_free(&r);
    }
    /* The slopes where the article's update leads: at -1.57 exactly, and at
       the step in double precision, -1.5655... (README and the errata). */
    nn_params p = article_params();
    p.b3 = -1.57;
    assert_close(dssr_db3(&p, article_data()), golden_slope_at_article_b3, GOLDEN_TOLERANCE);
    p.b3 = golden_b3_wrong_way;
    assert_close(dssr_db3(&p, article_data()), golden_slope_wrong_way, GOLDEN_TOLERANCE);
    run_result r = run_program("chapter5", "--max-steps 1", NULL);
    assert_unsaid(r.out, "Row 2");
    assert_says(r.out, "or after 1 step.");
    assert_unsaid(r.out, "1 steps");
    run_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(prints_one_row_per_slope),
        cmocka_unit_test(csv_holds_every_row_to_full_precision),
        cmocka_unit_test(quiet_prints_only_the_result),
        cmocka_unit_test(stopping_rules_follow_the_options),
        cmocka_unit_test(reads_samples_from_standard_input),
        cmocka_unit_test(divergence_stops_with_advice),
        cmocka_unit_test(every_bad_input_gets_its_one_line),
        cmocka_unit_test(help_lists_every_option_and_exits_zero),
        cmocka_unit_test(equals_form_and_defaults_agree),
        cmocka_unit_test(every_line_fits_80_columns),
        cmocka_unit_test(a_rate_too_small_to_start_is_named),
        cmocka_unit_test(rounding_noise_is_no_overshoot),
        cmocka_unit_test(a_run_that_ends_on_overflow_fails),
        cmocka_unit_test(the_ending_tells_what_this_run_did),
        cmocka_unit_test(the_articles_notes_follow_its_rate),
    };
    return cmocka_run_group_tests_name("chapter5", tests, NULL, NULL);
}
