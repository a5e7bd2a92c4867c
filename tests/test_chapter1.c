/**
 * @file test_chapter1.c
 * @brief Chapter 1 prints the forward pass and the residuals of the article.
 */
#include "support.h"

#include <stdio.h>
#include <string.h>

#include "golden.h"
#include "columns.h"

static void prints_every_intermediate_value_of_the_article(void **state)
{
    (void)state;
    run_result r = run_program("chapter1", "", NULL);
    assert_int_equal(r.status, 0);
    for (int i = 0; i < 3; i++) {
        const double *columns[] = {golden_z1, golden_a1, golden_top, golden_z2,
                                   golden_a2, golden_bottom, golden_predicted, golden_residual};
        for (size_t c = 0; c < sizeof columns / sizeof columns[0]; c++)
            assert_contains(r.out, four_decimals(columns[c][i]));
    }
    /* The article's rounded residuals. */
    assert_contains(r.out, "2.6037");
    assert_contains(r.out, "2.6090");
    assert_contains(r.out, "2.6149");
    assert_string_equal(r.err, "");
    run_free(&r);
}

static void draws_the_network_with_the_middle_sample_on_its_wires(void **state)
{
    (void)state;
    run_result r = run_program("chapter1", "", NULL);
    assert_int_equal(r.status, 0);
    assert_says(r.out, "no straight line goes through 0, 1, 0");
    assert_says(r.out, "The weights are StatQuest's");
    assert_says(r.out, "the article itself prints none of them");
    /* golden_*[1] is x = 0.5, the sample the drawing follows. */
    const char *formats[] = {"z1 = w1 * x + b1 = %s", "a1 = softplus(z1) = %s",
                             "top = w3 * a1 = %s", "z2 = w2 * x + b2 = %s",
                             "a2 = softplus(z2) = %s", "bottom = w4 * a2 = %s"};
    const double values[] = {golden_z1[1], golden_a1[1], golden_top[1],
                             golden_z2[1], golden_a2[1], golden_bottom[1]};
    char expected[96];
    for (int k = 0; k < 6; k++) {
        snprintf(expected, sizeof expected, formats[k], four_decimals(values[k]));
        assert_contains(r.out, expected);
    }
    snprintf(expected, sizeof expected, "predicted = top + bottom + b3 = %s",
             four_decimals(golden_predicted[1]));
    assert_says(r.out, expected);
    run_free(&r);
    /* --b3 reaches the drawing's output too. */
    r = run_program("chapter1", "--b3 1", NULL);
    snprintf(expected, sizeof expected, "predicted = top + bottom + b3 = %s",
             four_decimals(golden_predicted[1] + 1.0));
    assert_says(r.out, expected);
    assert_says(r.out, "+ b3 = 1.0000");
    run_free(&r);
}

static void b3_lifts_every_prediction(void **state)
{
    (void)state;
    run_result r = run_program("chapter1", "--b3 1", NULL);
    assert_int_equal(r.status, 0);
    for (int i = 0; i < 3; i++) {
        assert_contains(r.out, four_decimals(golden_predicted[i] + 1.0));
        assert_contains(r.out, four_decimals(golden_residual[i] - 1.0));
    }
    run_free(&r);
}

static void reads_the_same_samples_from_a_spreadsheet_file(void **state)
{
    (void)state;
    run_result r = run_program("chapter1", "--data " TEST_DATA("article-crlf.csv"), NULL);
    assert_int_equal(r.status, 0);
    for (int i = 0; i < 3; i++)
        assert_contains(r.out, four_decimals(golden_residual[i]));
    run_free(&r);
}

static void long_files_show_only_the_first_rows(void **state)
{
    (void)state;
    char input[2048] = "";
    for (int i = 0; i < 25; i++) {
        char line[32];
        snprintf(line, sizeof line, "%d,0\n", i);
        strcat(input, line);
    }
    run_result r = run_program("chapter1", "--data -", input);
    assert_int_equal(r.status, 0);
    /* Each table: the tenth sample's row, then the count of the rest. */
    assert_contains(r.out, "\n  9.0000   28.6300   28.6300  -31.2000    0.0000\n"
                           "  ... and 15 more samples, not shown\n");
    assert_lacks(r.out, " 10.0000 ");
    run_free(&r);
}

static void refuses_options_of_later_chapters(void **state)
{
    (void)state;
    run_result r = run_program("chapter1", "--rate 0.1", NULL);
    assert_int_equal(r.status, 2);
    assert_string_equal(r.err, "chapter1: unrecognized option '--rate'\n");
    assert_string_equal(r.out, "");
    run_free(&r);
    r = run_program("chapter1", "--help", NULL);
    assert_int_equal(r.status, 0);
    assert_contains(r.out, "--data FILE");
    assert_contains(r.out, "--b3 VALUE");
    assert_lacks(r.out, "--rate");
    run_free(&r);
}

static void an_overflowing_forward_pass_is_an_error_not_nan(void **state)
{
    (void)state;
    run_result r = run_program("chapter1", "--data -", "1e308,0\n");
    assert_int_equal(r.status, 1);
    assert_contains(r.err, "chapter1: a residual is not a finite number");
    assert_lacks(r.out, "nan");
    assert_lacks(r.out, "inf");
    run_free(&r);
}

static void every_line_fits_80_columns(void **state)
{
    (void)state;
    const columns_run runs[] = {COLUMNS_COMMON_RUNS, {"--b3 1", NULL}, {"--b3 -1e153", NULL}, {"--b3 1e300", NULL}, {"--b3 -123456.789", NULL}};
    assert_every_line_fits("chapter1", runs, sizeof runs / sizeof runs[0]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(prints_every_intermediate_value_of_the_article),
        cmocka_unit_test(draws_the_network_with_the_middle_sample_on_its_wires),
        cmocka_unit_test(b3_lifts_every_prediction),
        cmocka_unit_test(reads_the_same_samples_from_a_spreadsheet_file),
        cmocka_unit_test(long_files_show_only_the_first_rows),
        cmocka_unit_test(refuses_options_of_later_chapters),
        cmocka_unit_test(an_overflowing_forward_pass_is_an_error_not_nan),
        cmocka_unit_test(every_line_fits_80_columns),
    };
    return cmocka_run_group_tests_name("chapter1", tests, NULL, NULL);
}
