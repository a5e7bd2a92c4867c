/**
 * @file test_csv_options.c
 * @brief The `--csv` data of chapters 1 to 4, which the guide's pictures are
 *        drawn from, against the golden values of tools/golden.py.
 */
#include "support.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "golden.h"

enum { MAX_ROWS = 200, MAX_FIELDS = 4 };

/* A CSV table as a chapter printed it: its header, the text of each row's
   first field, and every field read as a number. */
typedef struct table {
    char header[128];
    int rows;
    int fields;
    char label[MAX_ROWS][16];
    double value[MAX_ROWS][MAX_FIELDS];
} table;

/* Reads `text` into t; every row must have as many fields as the header. */
static void read_table(const char *text, table *t)
{
    memset(t, 0, sizeof *t);
    const char *line = text;
    const char *end = strchr(line, '\n');
    assert_non_null(end);
    assert_true((size_t)(end - line) < sizeof t->header);
    memcpy(t->header, line, (size_t)(end - line));
    t->fields = 1;
    for (const char *c = t->header; *c; c++)
        t->fields += *c == ',';
    assert_true(t->fields <= MAX_FIELDS);
    for (line = end + 1; *line != '\0'; line = end + 1) {
        end = strchr(line, '\n');
        assert_non_null(end);
        assert_true(t->rows < MAX_ROWS);
        const char *field = line;
        for (int f = 0; f < t->fields; f++) {
            const char *stop = f + 1 < t->fields ? strchr(field, ',') : end;
            assert_non_null(stop);
            assert_true(stop <= end);
            size_t length = (size_t)(stop - field);
            assert_true(length > 0 && length < 40);
            char text_field[40];
            memcpy(text_field, field, length);
            text_field[length] = '\0';
            if (f == 0 && length < sizeof t->label[0])
                memcpy(t->label[t->rows], text_field, length + 1);
            char *after = NULL;
            t->value[t->rows][f] = strtod(text_field, &after);
            /* A label column is text; every other field is a finite number. */
            if (!(f == 0 && *after != '\0')) {
                assert_true(*after == '\0');
                assert_true(isfinite(t->value[t->rows][f]));
            }
            field = stop + 1;
        }
        t->rows++;
    }
}

/* The row whose label is `label` and whose column `column` equals `key`. */
static int find_row(const table *t, const char *label, int column, double key)
{
    for (int r = 0; r < t->rows; r++)
        if ((label == NULL || strcmp(t->label[r], label) == 0) && t->value[r][column] == key)
            return r;
    print_error("no row %s with column %d = %.17g\n", label ? label : "", column, key);
    fail();
    return -1;
}

static table *run_csv(const char *program, const char *args)
{
    static table t;
    run_result run = run_program(program, args, NULL);
    assert_int_equal(run.status, 0);
    assert_string_equal(run.err, "");
    assert_lacks(run.out, "nan");
    assert_lacks(run.out, "inf");
    read_table(run.out, &t);
    run_free(&run);
    return &t;
}

static void chapter1_csv_has_the_samples_and_both_curves(void **state)
{
    (void)state;
    table *t = run_csv("chapter1", "--csv");
    assert_string_equal(t->header, "series,x,y");
    assert_int_equal(t->rows, 3 + 2 * 61);
    const double observed[] = {0.0, 1.0, 0.0}, input[] = {0.0, 0.5, 1.0};
    for (int i = 0; i < 3; i++) {
        int r = find_row(t, "sample", 1, input[i]);
        assert_true(t->value[r][2] == observed[i]);
        /* The curves pass over every sample's x: at b3 = 0 they give the
           article's predictions, and the fitted curve is lifted by the
           optimal b3. */
        assert_close(t->value[find_row(t, "start", 1, input[i])][2], golden_predicted[i],
                     GOLDEN_TOLERANCE);
        assert_close(t->value[find_row(t, "fitted", 1, input[i])][2],
                     golden_predicted[i] + golden_optimal_b3, GOLDEN_TOLERANCE);
    }
}

static void chapter1_csv_follows_the_data_file(void **state)
{
    (void)state;
    table *t = run_csv("chapter1", "--csv --data " TEST_DATA("five.csv"));
    int samples = 0;
    for (int r = 0; r < t->rows; r++)
        samples += strcmp(t->label[r], "sample") == 0;
    assert_int_equal(samples, GOLDEN_FIVE_COUNT);
    for (int i = 0; i < GOLDEN_FIVE_COUNT; i++) {
        int r = find_row(t, "sample", 1, golden_five_input[i]);
        assert_close(t->value[r][2], golden_five_observed[i], GOLDEN_TOLERANCE);
    }
    double lift = t->value[find_row(t, "fitted", 1, 0.0)][2] -
                  t->value[find_row(t, "start", 1, 0.0)][2];
    assert_close(lift, golden_five_optimal_b3, 1e-12);
}

static void chapter2_csv_is_the_bowl_of_the_table(void **state)
{
    (void)state;
    table *t = run_csv("chapter2", "--csv");
    assert_string_equal(t->header, "b3,ssr");
    /* Four rows per row of the table, -1 to 5, the table's own rows among them. */
    assert_int_equal(t->rows, 49);
    assert_true(t->value[0][0] == -1.0 && t->value[48][0] == 5.0);
    for (int k = 0; k < 13; k++) {
        assert_true(t->value[4 * k][0] == golden_bowl_b3[k]);
        assert_close(t->value[4 * k][1], golden_bowl_ssr[k], GOLDEN_TOLERANCE);
    }
    /* A bowl: down to its lowest row, then up. */
    int lowest = 0;
    for (int r = 1; r < t->rows; r++)
        if (t->value[r][1] < t->value[lowest][1])
            lowest = r;
    for (int r = 1; r < t->rows; r++)
        assert_true(r <= lowest ? t->value[r][1] < t->value[r - 1][1]
                                : t->value[r][1] > t->value[r - 1][1]);
    assert_true(fabs(t->value[lowest][0] - golden_optimal_b3) <= 0.0625);
}

static void chapter2_csv_follows_the_data_file(void **state)
{
    (void)state;
    table *t = run_csv("chapter2", "--csv --data " TEST_DATA("five.csv"));
    assert_close(t->value[find_row(t, NULL, 0, 0.0)][1], golden_five_ssr, GOLDEN_TOLERANCE);
}

static void chapter3_csv_has_the_tangent_at_b3_0(void **state)
{
    (void)state;
    table *t = run_csv("chapter3", "--csv");
    assert_string_equal(t->header, "b3,ssr,dssr_db3,tangent");
    assert_int_equal(t->rows, 49);
    int at0 = find_row(t, NULL, 0, 0.0);
    assert_close(t->value[at0][1], golden_ssr, GOLDEN_TOLERANCE);
    assert_close(t->value[at0][2], golden_dssr_db3, GOLDEN_TOLERANCE);
    assert_close(t->value[at0][3], golden_ssr, GOLDEN_TOLERANCE);
    /* The tangent is the straight line through (0, SSR) with slope -15.6551. */
    for (int k = 0; k < 13; k++) {
        int r = find_row(t, NULL, 0, golden_bowl_b3[k]);
        assert_close(t->value[r][1], golden_bowl_ssr[k], GOLDEN_TOLERANCE);
        assert_close(t->value[r][3], golden_ssr + golden_dssr_db3 * golden_bowl_b3[k], 1e-12);
        /* It touches the bowl at b3 = 0 and lies below it everywhere else. */
        if (golden_bowl_b3[k] != 0.0)
            assert_true(t->value[r][3] < t->value[r][1]);
    }
    /* The slope column is the slope of the SSR column. */
    for (int r = 1; r + 1 < t->rows; r++) {
        double measured = (t->value[r + 1][1] - t->value[r - 1][1]) /
                          (t->value[r + 1][0] - t->value[r - 1][0]);
        assert_close(t->value[r][2], measured, 1e-9);
    }
}

static void chapter3_csv_follows_the_data_file(void **state)
{
    (void)state;
    table *t = run_csv("chapter3", "--csv --data " TEST_DATA("five.csv"));
    assert_close(t->value[find_row(t, NULL, 0, 0.0)][2], golden_five_dssr_db3,
                 GOLDEN_TOLERANCE);
}

static void chapter4_csv_has_both_steps_on_the_bowl(void **state)
{
    (void)state;
    table *t = run_csv("chapter4", "--csv");
    assert_string_equal(t->header, "series,b3,ssr");
    assert_int_equal(t->rows, 49 + 3);
    int start = find_row(t, "start", 1, 0.0);
    assert_close(t->value[start][2], golden_ssr, GOLDEN_TOLERANCE);
    int step = t->rows - 2, wrong = t->rows - 1;
    assert_string_equal(t->label[step], "step");
    assert_close(t->value[step][1], golden_b3_after_step, GOLDEN_TOLERANCE);
    assert_close(t->value[step][2], golden_ssr_after_step, GOLDEN_TOLERANCE);
    assert_string_equal(t->label[wrong], "wrong_way");
    assert_close(t->value[wrong][1], golden_b3_wrong_way, GOLDEN_TOLERANCE);
    assert_close(t->value[wrong][2], golden_ssr_wrong_way, GOLDEN_TOLERANCE);
    /* The bowl reaches past the wrong-way step on the left. */
    assert_string_equal(t->label[0], "bowl");
    assert_true(t->value[0][1] <= golden_b3_wrong_way);
    for (int k = 0; k < 13; k++)
        assert_close(t->value[find_row(t, "bowl", 1, golden_bowl_b3[k])][2],
                     golden_bowl_ssr[k], GOLDEN_TOLERANCE);
}

static void chapter4_csv_follows_the_rate(void **state)
{
    (void)state;
    table *t = run_csv("chapter4", "--csv --rate 0.05");
    assert_close(t->value[t->rows - 2][1], golden_b3_after_step / 2.0, 1e-12);
}

static void csv_is_offered_where_it_exists(void **state)
{
    (void)state;
    const char *with_csv[] = {"chapter1", "chapter2", "chapter3", "chapter4", "chapter5"};
    for (size_t i = 0; i < sizeof with_csv / sizeof with_csv[0]; i++) {
        run_result run = run_program(with_csv[i], "--help", NULL);
        assert_int_equal(run.status, 0);
        assert_contains(run.out, "--csv");
        run_free(&run);
    }
    run_result run = run_program("chapter2", "--csv=yes", NULL);
    assert_int_equal(run.status, 2);
    assert_string_equal(run.err, "chapter2: option '--csv' doesn't allow an argument\n");
    run_free(&run);
}

/* --csv means CSV and nothing else: every chapter that also takes --quiet
   (or --plot) refuses the pair, status 2, one line, whichever comes first,
   with nothing on stdout. Chapters are found by their --help, so that a new
   one is held to the same rule. */
static void csv_beside_quiet_or_plot_is_refused_everywhere(void **state)
{
    (void)state;
    int checked = 0;
    for (int n = 1; n <= 20; n++) {
        char chapter[32], path[64];
        snprintf(chapter, sizeof chapter, "chapter%d", n);
        snprintf(path, sizeof path, "%s/%s", BUILD_DIR, chapter);
        if (access(path, X_OK) != 0)
            continue;
        run_result help = run_program(chapter, "--help", NULL);
        const char *other[] = {"--quiet", "--plot"};
        for (int k = 0; k < 2; k++) {
            if (strstr(help.out, "  --csv ") == NULL || strstr(help.out, other[k]) == NULL)
                continue;
            char args[64], message[128];
            snprintf(message, sizeof message, "%s: %s and --csv cannot be used together\n",
                     chapter, other[k]);
            for (int order = 0; order < 2; order++) {
                snprintf(args, sizeof args, order ? "%s --csv" : "--csv %s", other[k]);
                run_result r = run_program(chapter, args, NULL);
                assert_int_equal(r.status, 2);
                assert_string_equal(r.out, "");
                assert_string_equal(r.err, message);
                run_free(&r);
            }
            checked++;
        }
        run_free(&help);
    }
    /* Chapters 5 to 8 and 10 take --quiet, chapters 2 and 5 --plot. */
    assert_true(checked >= 7);
}

/* A b3 of 1e300 keeps every prediction finite (chapter 1 prints them), but
   squares it past the range of double: the SSR overflows. */
static void csv_stops_cleanly_on_overflow(void **state)
{
    (void)state;
    table *t = run_csv("chapter1", "--csv --b3 1e300");
    assert_close(t->value[find_row(t, "start", 1, 0.0)][2], 1e300, 1e-12);
    const char *programs[] = {"chapter2", "chapter3", "chapter4"};
    for (size_t i = 0; i < sizeof programs / sizeof programs[0]; i++) {
        run_result run = run_program(programs[i], "--csv --b3 1e300", NULL);
        assert_int_equal(run.status, 1);
        assert_contains(run.err, "not a finite number");
        assert_lacks(run.out, "nan");
        assert_lacks(run.out, "inf");
        run_free(&run);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(chapter1_csv_has_the_samples_and_both_curves),
        cmocka_unit_test(chapter1_csv_follows_the_data_file),
        cmocka_unit_test(chapter2_csv_is_the_bowl_of_the_table),
        cmocka_unit_test(chapter2_csv_follows_the_data_file),
        cmocka_unit_test(chapter3_csv_has_the_tangent_at_b3_0),
        cmocka_unit_test(chapter3_csv_follows_the_data_file),
        cmocka_unit_test(chapter4_csv_has_both_steps_on_the_bowl),
        cmocka_unit_test(chapter4_csv_follows_the_rate),
        cmocka_unit_test(csv_is_offered_where_it_exists),
        cmocka_unit_test(csv_stops_cleanly_on_overflow),
        cmocka_unit_test(csv_beside_quiet_or_plot_is_refused_everywhere),
    };
    return cmocka_run_group_tests_name("csv options", tests, NULL, NULL);
}
