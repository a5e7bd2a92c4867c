/**
 * @file test_printing.c
 * @brief What chapter.h prints: prose broken within 80 columns at its last
 *        space, numbers in their columns, and the end of a per-sample table
 *        (test_chapter1.c sees the table's ten rows).
 */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chapter.h"

/* Twelve words of nine letters: 119 columns. */
#define WORDS "abcdefgh1 abcdefgh2 abcdefgh3 abcdefgh4 abcdefgh5 abcdefgh6 " \
              "abcdefgh7 abcdefgh8 abcdefgh9 abcdefghA abcdefghB abcdefghC"

/* What `print` writes on stdout, in a string to free(). */
static char *captured(void (*print)(void))
{
    char *text = NULL;
    size_t size = 0;
    FILE *out = open_memstream(&text, &size);
    assert_non_null(out);
    FILE *terminal = stdout;
    stdout = out;
    print();
    stdout = terminal;
    assert_int_equal(fclose(out), 0);
    return text;
}

static void long_lines(void)
{
    report_text("%s\n  %s\n%s\n", WORDS, WORDS, "the next line stays apart");
}

static void a_long_word(void)
{
    report_text("%080d%020d\n%080d\n", 1, 2, 3);
}

static void prose_breaks_at_its_last_space_that_fits(void **state)
{
    (void)state;
    char *text = captured(long_lines);
    assert_string_equal(text,
                        "abcdefgh1 abcdefgh2 abcdefgh3 abcdefgh4 abcdefgh5 abcdefgh6 abcdefgh7 "
                        "abcdefgh8\n"
                        "abcdefgh9 abcdefghA abcdefghB abcdefghC\n"
                        "  abcdefgh1 abcdefgh2 abcdefgh3 abcdefgh4 abcdefgh5 abcdefgh6 abcdefgh7\n"
                        "  abcdefgh8 abcdefgh9 abcdefghA abcdefghB abcdefghC\n"
                        "the next line stays apart\n");
    free(text);
    /* A word longer than a line is cut at the 80th column; one of 80 stays whole. */
    text = captured(a_long_word);
    char expected[3 * 81 + 1];
    snprintf(expected, sizeof expected, "%080d\n%020d\n%080d\n", 1, 2, 3);
    assert_string_equal(text, expected);
    free(text);
}

static void numbers(void)
{
    report_number(-1.5, 10);
    report_number(1e150, 7);
    report_number(-123456.789, 8);
    report_number_line(1234567.0, 0);
    char a[REPORT_NUMBER_SIZE], b[REPORT_NUMBER_SIZE];
    printf("%s %s\n", report_numeral(2.5, a), report_numeral(-1e-300, b));
}

static void numbers_keep_to_their_columns(void **state)
{
    (void)state;
    char *text = captured(numbers);
    /* Four decimals; past a million, or past the column, fewer digits of
       scientific notation; a space always before a column's number. */
    assert_string_equal(text, "   -1.5000 1e+150  -1e+05"
                              "1.235e+06\n"
                              "2.5000 -0.0000\n");
    free(text);
}

static void twelve_samples(void)
{
    double x[12] = {0};
    chapter_run run = {.data = {.count = 12, .input = x, .observed = x}};
    chapter_rows_left_out(&run);
    run.data.count = 10;
    chapter_rows_left_out(&run);
}

static void tables_count_the_samples_past_ten(void **state)
{
    (void)state;
    char *text = captured(twelve_samples);
    assert_string_equal(text, "  ... and 2 more samples, not shown\n");
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(prose_breaks_at_its_last_space_that_fits),
        cmocka_unit_test(numbers_keep_to_their_columns),
        cmocka_unit_test(tables_count_the_samples_past_ten),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
