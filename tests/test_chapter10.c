/**
 * @file test_chapter10.c
 * @brief build/chapter10 against tools/golden_scale.py, and its command line.
 *
 * Only the numbers that do not depend on the machine are checked: the
 * values, the descent, the sums. The timings it prints are not.
 */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "golden_scale.h"

/* This file is built with OpenMP exactly when chapter 10 is (mk/speed.mk), so
   it knows which of its lines about threads chapter 10 must print. */
#ifdef _OPENMP
static const int has_openmp = 1;
#else
static const int has_openmp = 0;
#endif

/* Reads the CSV rows after the header into `values` (8 per row); returns rows read. */
static int read_csv(const char *text, double *values, int max_rows)
{
    const char *line = strchr(text, '\n');
    int rows = 0;
    while (line != NULL && line[1] != '\0' && rows < max_rows) {
        char *end = NULL;
        long step = strtol(line + 1, &end, 10);
        assert_int_equal(step, rows + 1);
        for (int k = 0; k < 8; k++) {
            assert_true(*end == ',');
            values[rows * 8 + k] = strtod(end + 1, &end);
        }
        assert_true(*end == '\n');
        line = end;
        rows++;
    }
    return rows;
}

static void assert_rows(const char *args, const double *golden, int count)
{
    run_result r = run_program("chapter10", args, NULL);
    assert_int_equal(r.status, 0);
    assert_true(strncmp(r.out, "step,w1,b1,w2,b2,w3,w4,b3,ssr\n", 30) == 0);
    double *values = malloc((size_t)(count + 1) * 8 * sizeof(double));
    assert_non_null(values);
    assert_int_equal(read_csv(r.out, values, count + 1), count);
    for (int i = 0; i < count * 8; i++)
        assert_close(values[i], golden[i], 1e-10);
    free(values);
    run_free(&r);
}

static void descent_on_the_article_samples(void **state)
{
    (void)state;
    assert_rows("--samples 0 --tolerance 0 --max-steps 100 --csv", golden_scale_article,
                GOLDEN_SCALE_ARTICLE_ROWS);
}

static void descent_on_a_thousand_samples(void **state)
{
    (void)state;
    assert_rows("--samples 1000 --tolerance 0 --max-steps 50 --csv --threads 2",
                golden_scale_thousand, GOLDEN_SCALE_THOUSAND_ROWS);
}

static void converges_where_the_article_data_allows(void **state)
{
    (void)state;
    run_result r = run_program("chapter10", "--samples 0 --quiet", NULL);
    assert_int_equal(r.status, 0);
    char expected[128];
    snprintf(expected, sizeof expected, "after %d updates: SSR = %.4g",
             GOLDEN_SCALE_ARTICLE_UPDATES, golden_scale_article_final_ssr);
    assert_contains(r.out, expected);
    assert_contains(r.out, "converged");
    /* The part-2 descent at rate 0.1 ends near (3.23, -1.92, -3.31, 0.53, -1.46, -2.22, 2.41). */
    assert_says(r.out, "w1 = 3.2344, b1 = -1.9171, w2 = -3.3059, b2 = 0.5298");
    run_free(&r);
}

static void thread_count_changes_no_digit(void **state)
{
    (void)state;
    /* 20000 samples make 5 blocks, so the threads really share them. */
    run_result one = run_program("chapter10", "--samples 20000 --max-steps 30 --csv --threads 1",
                                 NULL);
    run_result three = run_program("chapter10",
                                   "--samples 20000 --max-steps 30 --csv --threads 3", NULL);
    assert_int_equal(one.status, 0);
    assert_int_equal(three.status, 0);
    assert_true(strlen(one.out) > 30 * 40);
    assert_string_equal(one.out, three.out);
    run_free(&one);
    run_free(&three);
}

/* The value printed after `label` (and spaces) in `text`. */
static double value_after(const char *text, const char *label)
{
    const char *at = strstr(text, label);
    assert_non_null(at);
    return strtod(at + strlen(label), NULL);
}

/* The row of step `step` in the table of steps: its ns per sample-step, and
   its largest relative difference from nn.c (0 for "same bits"). */
static void step_row(const char *out, int step, const char *idea, double *ns, double *difference)
{
    char label[64];
    snprintf(label, sizeof label, "\n%4d  %s", step, idea);
    const char *at = strstr(out, label);
    assert_non_null(at);
    char *end = NULL;
    *ns = strtod(at + strlen(label), &end);
    assert_true(end != at + strlen(label));
    const char *line_end = strchr(end, '\n');
    assert_non_null(line_end);
    const char *last = line_end;
    while (last > end && last[-1] != ' ')
        last--;
    *difference = strncmp(last - 5, "same bits", 9) == 0 ? 0.0 : strtod(last, NULL);
    if (strncmp(last - 5, "same bits", 9) != 0)
        assert_true(*difference > 0.0);
}

static void the_steps_print_the_right_numbers(void **state)
{
    (void)state;
    static const char *const ideas[8] = {
        "nn.c: ssr(), then gradient()",  "one exponential per neuron",
        "one pass: the SSR and 7 slopes", "vector lanes, C library's exp",
        "a softplus that vectorises",     "threads, a fixed sum order",
        "step 2 built with -ffast-math",  "tuned/, pushed to the limit",
    };
    run_result r = run_program("chapter10", "--samples 1000 --threads 2 --max-steps 5", NULL);
    assert_int_equal(r.status, 0);
    for (int step = 0; step < 8; step++) {
        double ns, difference;
        step_row(r.out, step, ideas[step], &ns, &difference);
        assert_true(ns > 0.0 && ns < 1e6);
        /* Steps 1 and 2 add the same terms in the same order as nn.c; the
           others reorder them, and steps 4, 6 and 7 have their own softplus. */
        if (step <= 2)
            assert_true(difference == 0.0);
        else
            assert_true(difference < 1e-12);
    }
    assert_says(r.out, "run's noise: the second fastest burst of a step was at most ");
    /* One block, so one thread, whatever --threads asks; without OpenMP,
       one thread for every count. */
    if (has_openmp) {
        assert_says(r.out, "1000 samples make one block of step 5, so one thread does it all.");
        assert_unsaid(r.out, "This build has no OpenMP");
    } else {
        assert_says(r.out, "This build has no OpenMP, so steps 5 and 7 run on one thread.");
        assert_unsaid(r.out, "make one block");
    }

    /* The plain build gets both lines right; -ffast-math may not. */
    assert_contains(r.out, "is an infinite SSR finite?      plain: no ");
    assert_contains(r.out, "(0.1 + 1e16) - 1e16             plain: 0 ");

    /* The first row is the start, and the run ends at the limit. */
    assert_contains(r.out, "      1      193.4   2.740   0.000  -1.130   0.000   0.360");
    assert_says(r.out, "after 5 updates");
    const char *descent = strstr(r.out, "The descent:");
    assert_non_null(descent);
    assert_lacks(descent, "nan");
    run_free(&r);

    /* 20000 samples make 5 blocks: on two threads, the same bits. */
    r = run_program("chapter10", "--samples 20000 --threads 2 --max-steps 1", NULL);
    assert_int_equal(r.status, 0);
    if (has_openmp)
        assert_says(r.out, "on 1 thread and on 2 its SSR and slopes are the same bits.");
    else
        assert_says(r.out, "This build has no OpenMP, so steps 5 and 7 run on one thread.");
    assert_unsaid(r.out, "NOT the same bits");
    run_free(&r);

    /* On the article's samples, tuned/few.c ends where descend() does, to a
       few ulp, and the descent is descend()'s. */
    r = run_program("chapter10", "--samples 0 --max-steps 5", NULL);
    assert_int_equal(r.status, 0);
    double few = value_after(r.out, "largest relative difference of a parameter after them: ");
    assert_true(few >= 0.0 && few < 1e-12);
    assert_says(r.out, "so it repeats chapter 7 bit for bit");
    run_free(&r);
}

/* Chapter 7 with --seed N, and this chapter with --samples 0 --seed N: the
   same rows, digit for digit, to the last of 17. */
static void the_article_samples_repeat_chapter_7(void **state)
{
    (void)state;
    for (int seed = 1; seed <= 20; seed++) {
        char args[64];
        snprintf(args, sizeof args, "--seed %d --csv", seed);
        run_result seven = run_program("chapter7", args, NULL);
        snprintf(args, sizeof args, "--samples 0 --seed %d --csv", seed);
        run_result ten = run_program("chapter10", args, NULL);
        assert_int_equal(seven.status, ten.status);
        assert_true(strlen(ten.out) > 100);
        assert_string_equal(seven.out, ten.out);
        run_free(&seven);
        run_free(&ten);
    }
}

static void bad_input_exits_2_with_one_line(void **state)
{
    (void)state;
    static const struct {
        const char *args;
        const char *message;
    } cases[] = {
        {"--samples 10 --data tests/data/five.csv", "give --data or --samples, not both"},
        {"--threads 0", "--threads: '0' is not a whole number from 1 to 256"},
        {"--samples ten", "--samples: 'ten' is not a whole number"},
        {"--samples 9000000000000000000", "not enough memory"},
        {"--rate 0", "--rate: '0' is not greater than 0"},
        {"--data tests/data/missing.csv", "tests/data/missing.csv"},
        {"--bogus", "chapter10: unrecognized option '--bogus'\n"},
        {"--threads 100000", "--threads: '100000' is not a whole number from 1 to 256"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        run_result r = run_program("chapter10", cases[i].args, NULL);
        assert_int_equal(r.status, 2);
        assert_contains(r.err, cases[i].message);
        assert_non_null(strchr(r.err, '\n'));
        assert_true(strchr(r.err, '\n')[1] == '\0'); /* one line */
        run_free(&r);
    }
}

static void divergence_exits_1_without_nan_rows(void **state)
{
    (void)state;
    run_result r = run_program("chapter10", "--samples 0 --rate 10 --csv", NULL);
    assert_int_equal(r.status, 1);
    assert_contains(r.err, "diverged");
    assert_contains(r.err, "--rate 10 is too large");
    assert_lacks(r.out, "nan");
    assert_lacks(r.out, "inf");
    assert_contains(r.out, "step,w1,b1,w2,b2,w3,w4,b3,ssr\n1,");
    run_free(&r);
}

/* Where a run would end on inf or NaN, it exits 1 naming the cause, and
   prints no row of inf. */
static void overflow_exits_1_naming_its_cause(void **state)
{
    (void)state;
    static const struct {
        const char *args;
        const char *input;
        const char *cause;
    } cases[] = {
        {"--samples 0 --rate 10 --max-steps 88", NULL, "--rate 10 is too large"},
        {"--samples 0 --rate 10 --max-steps 88 --quiet", NULL, "--rate 10 is too large"},
        {"--samples 0 --rate 1e300 --max-steps 1", NULL, "--rate 1e+300 is too large"},
        {"--rate 1e300 --max-steps 1 --samples 100", NULL, "--rate 1e+300 is too large"},
        {"--data -", "1e300,0\n0.5,1\n", "the data holds values too large"},
        {"--data - --csv", "1e300,0\n", "the data holds values too large"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        run_result r = run_program("chapter10", cases[i].args, cases[i].input);
        assert_int_equal(r.status, 1);
        assert_contains(r.err, cases[i].cause);
        assert_true(strchr(r.err, '\n')[1] == '\0'); /* one line */
        /* The lessons' text speaks of infinities; the rows must hold none. */
        const char *rows = strstr(r.out, "The descent:");
        assert_lacks(rows != NULL ? rows : r.out, "inf");
        assert_lacks(rows != NULL ? rows : r.out, "nan");
        run_free(&r);
    }
}

/* Every line fits 80 columns, with the options that change what is printed. */
static void every_line_fits_80_columns(void **state)
{
    (void)state;
    static const char *const runs[] = {
        "--samples 1000 --max-steps 30",
        "--samples 0 --max-steps 999999",
        "--samples 20000 --threads 256 --max-steps 3",
        "--samples 20000 --max-steps 3", /* the thread count picked by a trial */
        "--samples 0 --rate 3 --max-steps 60",
        "--samples 0 --seed 12345 --quiet",
        "--data tests/data/five.csv --rate 0.5",
    };
    for (size_t i = 0; i < sizeof runs / sizeof runs[0]; i++) {
        run_result r = run_program("chapter10", runs[i], NULL);
        assert_true(r.status == 0 || r.status == 1);
        size_t column = 0;
        for (const char *c = r.out; *c != '\0'; c++) {
            column = *c == '\n' ? 0 : column + 1;
            if (column > 80)
                print_error("%s: a line longer than 80 columns\n", runs[i]);
            assert_true(column <= 80);
        }
        assert_true(strlen(r.err) < 81);
        run_free(&r);
    }
}

static void reads_a_data_file_and_helps(void **state)
{
    (void)state;
    run_result r = run_program("chapter10", "--data tests/data/five.csv --quiet", NULL);
    assert_int_equal(r.status, 0);
    assert_says(r.out, "after ");
    assert_says(r.out, "SSR = ");
    run_free(&r);
    r = run_program("chapter10", "--help", NULL);
    assert_int_equal(r.status, 0);
    assert_contains(r.out, "--threads N");
    assert_contains(r.out, "--samples N");
    assert_contains(r.out, "--seed N");
    run_free(&r);
}

static void seed_draws_a_repeatable_start(void **state)
{
    (void)state;
    run_result a = run_program("chapter10", "--samples 0 --seed 7 --max-steps 3 --csv", NULL);
    run_result b = run_program("chapter10", "--samples 0 --seed 7 --max-steps 3 --csv", NULL);
    run_result c = run_program("chapter10", "--samples 0 --seed 8 --max-steps 3 --csv", NULL);
    assert_int_equal(a.status, 0);
    assert_string_equal(a.out, b.out);
    assert_string_not_equal(a.out, c.out);
    /* Biases start at 0. */
    double values[8];
    assert_int_equal(read_csv(a.out, values, 1), 1);
    assert_true(values[1] == 0.0 && values[3] == 0.0 && values[6] == 0.0);
    assert_true(values[0] != 2.74);
    run_free(&a);
    run_free(&b);
    run_free(&c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(descent_on_the_article_samples),
        cmocka_unit_test(descent_on_a_thousand_samples),
        cmocka_unit_test(converges_where_the_article_data_allows),
        cmocka_unit_test(thread_count_changes_no_digit),
        cmocka_unit_test(the_steps_print_the_right_numbers),
        cmocka_unit_test(the_article_samples_repeat_chapter_7),
        cmocka_unit_test(bad_input_exits_2_with_one_line),
        cmocka_unit_test(divergence_exits_1_without_nan_rows),
        cmocka_unit_test(overflow_exits_1_naming_its_cause),
        cmocka_unit_test(every_line_fits_80_columns),
        cmocka_unit_test(reads_a_data_file_and_helps),
        cmocka_unit_test(seed_draws_a_repeatable_start),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
