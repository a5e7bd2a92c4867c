/**
 * @file test_plot.c
 * @brief The text chart of the SSR bowl (code/support/plot.c), and `--plot` in
 *        chapters 2 and 5: at most 80 columns, the bowl in place, the
 *        descent's steps marked.
 */
#include "support.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "columns.h"
#include "golden.h"
#include "nn.h"
#include "plot.h"

/* What plot_print() prints for `chart`, in a string to free(). */
static char *printed(const plot_chart *chart)
{
    char *text = NULL;
    size_t size = 0;
    FILE *out = open_memstream(&text, &size), *terminal = stdout;
    assert_non_null(out);
    stdout = out;
    plot_print(chart);
    stdout = terminal;
    assert_int_equal(fclose(out), 0);
    return text;
}

/* The column holding the value of b3 on a chart from low to high. */
static int column_of(double b3, double low, double high)
{
    return (int)lround((b3 - low) / (high - low) * (PLOT_COLUMNS - 1));
}

/* Every column holds the curve, and its cells touch the column before's: the
   curve has no gaps, not even where it is steep. */
static void check_curve_is_whole(const plot_chart *chart)
{
    int first[PLOT_COLUMNS], last[PLOT_COLUMNS];
    for (int c = 0; c < PLOT_COLUMNS; c++) {
        first[c] = PLOT_ROWS;
        last[c] = -1;
        for (int r = 0; r < PLOT_ROWS; r++)
            if (chart->cells[r][c] == '*') {
                first[c] = r < first[c] ? r : first[c];
                last[c] = r;
            }
        assert_true(last[c] >= 0);
        if (c > 0) {
            assert_true(first[c] <= last[c - 1] + 1);
            assert_true(first[c - 1] <= last[c] + 1);
        }
    }
}

static void bowl_spans_the_range_with_the_article_values(void **state)
{
    (void)state;
    nn_params p = article_params();
    plot_chart chart;
    assert_int_equal(plot_bowl(&chart, &p, article_data(), -1.0, 5.0), 0);
    /* The highest point of the bowl on -1..5 is at b3 = -1. */
    assert_close(chart.top, golden_bowl_ssr[0], GOLDEN_TOLERANCE);
    assert_true(chart.bottom >= 0.0 && chart.bottom < golden_bowl_ssr[7]);
    /* The curve is whole, through the top-left and bottom-middle cells. */
    check_curve_is_whole(&chart);
    assert_true(chart.cells[0][0] == '*');
    assert_true(chart.cells[PLOT_ROWS - 1][column_of(golden_optimal_b3, -1.0, 5.0)] == '*');
    assert_true(chart.cells[PLOT_ROWS - 1][0] == ' ');
    /* Its sides are steepest where the bottom is near one end. */
    assert_int_equal(plot_bowl(&chart, &p, article_data(), -1008.0, 5.0), 0);
    check_curve_is_whole(&chart);
    assert_int_equal(plot_bowl(&chart, &p, article_data(), 1.0, 4.0), 0);
    check_curve_is_whole(&chart);
}

static void marks_land_where_their_point_is(void **state)
{
    (void)state;
    nn_params p = article_params();
    plot_chart chart;
    assert_int_equal(plot_bowl(&chart, &p, article_data(), -1.0, 5.0), 0);
    int column = column_of(0.0, -1.0, 5.0);
    int row = (int)lround((chart.top - golden_ssr) / (chart.top - chart.bottom) * (PLOT_ROWS - 1));
    plot_mark(&chart, 0.0, golden_ssr, 'A');
    assert_true(chart.cells[row][column] == 'A');
    /* The first mark in a cell stays; a later one in the same cell does not cover it. */
    plot_mark(&chart, 0.0, golden_ssr, 'B');
    assert_true(chart.cells[row][column] == 'A');
    assert_int_equal(chart.outside, 0);
    plot_mark(&chart, 9.0, 1.0, 'C');
    plot_mark(&chart, -1.5, 1.0, 'C');
    assert_int_equal(chart.outside, 2);
}

/* Marks one point on a copy of `chart` and checks where it went: into the
   one cell nearest to it (within half a column and half a row), or, when
   it is more than half a column beside the chart, nowhere but `outside`. */
static void check_one_mark(const plot_chart *chart, double b3, double ssr)
{
    plot_chart marked = *chart;
    plot_mark(&marked, b3, ssr, '#');
    int changed = 0, row = -1, column = -1;
    for (int r = 0; r < PLOT_ROWS; r++)
        for (int c = 0; c < PLOT_COLUMNS; c++)
            if (marked.cells[r][c] != chart->cells[r][c]) {
                changed++;
                row = r;
                column = c;
            }
    double width = (chart->high - chart->low) / (PLOT_COLUMNS - 1);
    double position = (b3 - chart->low) / width;
    /* A hair of rounding either way is allowed at exactly half a column. */
    double hair = 1e-9;
    if (changed == 0) {
        assert_int_equal(marked.outside, chart->outside + 1);
        assert_true(position < -0.5 + hair || position > PLOT_COLUMNS - 0.5 - hair);
        return;
    }
    assert_int_equal(changed, 1);
    assert_int_equal(marked.outside, chart->outside);
    assert_true(fabs(position - column) <= 0.5 + hair);
    double clamped = fmax(chart->bottom, fmin(chart->top, ssr));
    double height = (chart->top - chart->bottom) / (PLOT_ROWS - 1);
    assert_true(fabs((chart->top - clamped) / height - row) <= 0.5 + hair);
}

static void marks_at_the_edges_stay_inside(void **state)
{
    (void)state;
    nn_params p = article_params();
    plot_chart chart;
    /* The range chapter 5 drew for --b3 -1007 --rate 0.16838853719626415,
       whose third step fell half a column right of the chart and was
       written one cell past its end. */
    assert_int_equal(plot_bowl(&chart, &p, article_data(), -1008.0, 5.0), 0);
    double width = 1013.0 / (PLOT_COLUMNS - 1);
    double edges[] = {-1008.0 - width / 2, 5.0 + width / 2, -1008.0, 5.0};
    for (size_t e = 0; e < sizeof edges / sizeof edges[0]; e++) {
        /* The edge itself and the 200 doubles on either side of it. */
        double b3 = edges[e];
        for (int k = 0; k < 200; k++)
            b3 = nextafter(b3, -INFINITY);
        for (int k = 0; k <= 400; k++, b3 = nextafter(b3, INFINITY)) {
            check_one_mark(&chart, b3, chart.bottom);
            check_one_mark(&chart, b3, chart.top);
        }
    }
    /* A sweep across the chart and a little beyond, at every height. */
    for (int k = -200; k <= 6600; k++) {
        double b3 = -1008.0 + 1013.0 * k / 6400.0;
        check_one_mark(&chart, b3, chart.bottom + (chart.top - chart.bottom) * (k % 23) / 20.0);
    }
}

static void marks_that_are_not_points_are_left_out(void **state)
{
    (void)state;
    nn_params p = article_params();
    plot_chart chart;
    assert_int_equal(plot_bowl(&chart, &p, article_data(), 1.0, 64.0), 0);
    double values[] = {NAN, INFINITY, -INFINITY, 1e308, -1e308};
    for (size_t i = 0; i < sizeof values / sizeof values[0]; i++) {
        plot_chart marked = chart;
        plot_mark(&marked, values[i], chart.bottom, '#');
        assert_memory_equal(marked.cells, chart.cells, sizeof chart.cells);
        assert_int_equal(marked.outside, 1);
    }
    /* An SSR that is no number is nowhere; one off the scale is at its edge. */
    plot_chart marked = chart;
    plot_mark(&marked, 30.0, NAN, '#');
    assert_memory_equal(marked.cells, chart.cells, sizeof chart.cells);
    assert_int_equal(marked.outside, 1);
    check_one_mark(&chart, 30.0, INFINITY);
    check_one_mark(&chart, 30.0, -INFINITY);
    /* A flat chart (every SSR the same) puts its marks on the bottom row. */
    plot_chart flat = chart;
    flat.top = flat.bottom = 2.0;
    plot_mark(&flat, 30.0, 2.0, '#');
    assert_true(flat.cells[PLOT_ROWS - 1][lround(29.0)] == '#');
}

static void huge_values_label_the_axes_in_numbers(void **state)
{
    (void)state;
    nn_params p = article_params();
    plot_chart chart;
    /* Chapter 2's range for --b3=-2e153: an SSR near 1.2e307 at the top,
       which times 17 (the rows) would overflow. */
    assert_int_equal(plot_bowl(&chart, &p, article_data(), -2e153, 5.0), 0);
    char *text = printed(&chart);
    assert_lacks(text, "inf");
    assert_lacks(text, "nan");
    assert_contains(text, "-1e+153");
    assert_true(widest_line(text) <= COLUMNS);
    free(text);
    /* Ends near the largest double: their middle is 0, not inf. */
    chart.low = -1.7e308;
    chart.high = 1.7e308;
    text = printed(&chart);
    assert_lacks(text, "inf");
    assert_contains(text, "\n            -1.7e+308                       0                       "
                    "1.7e+308  b3\n");
    free(text);
}

static void bowl_refuses_an_ssr_that_overflows(void **state)
{
    (void)state;
    nn_params p = article_params();
    plot_chart chart;
    assert_int_equal(plot_bowl(&chart, &p, article_data(), 0.0, 1e300), -1);
}

static void printed_chart_fits_in_80_columns(void **state)
{
    (void)state;
    nn_params p = article_params();
    plot_chart chart;
    /* Long axis labels are the widest case. */
    assert_int_equal(plot_bowl(&chart, &p, article_data(), -123456.5, 123456.5), 0);
    char *text = printed(&chart);
    assert_true(widest_line(text) <= COLUMNS);
    assert_contains(text, "-1.235e+05");
    assert_contains(text, "b3");
    assert_contains(text, "SSR");
    free(text);
}

static void chapter2_plots_the_bowl(void **state)
{
    (void)state;
    run_result run = run_program("chapter2", "--plot", NULL);
    assert_int_equal(run.status, 0);
    assert_true(widest_line(run.out) <= 80);
    /* The table is still there, and the chart follows it. */
    assert_contains(run.out, "20.4236");
    const char *chart = strstr(run.out, "The same bowl drawn as a chart");
    assert_non_null(chart);
    /* The steep left side, one cell of the curve per row, and the flat bottom. */
    assert_contains(chart, "     39.08 |*\n           | *\n           |  **\n");
    assert_contains(chart, "\n 0.0003159 |                                *************\n");
    assert_contains(chart, "-1");
    assert_contains(chart, "5  b3");
    run_free(&run);

    run = run_program("chapter2", "", NULL);
    assert_lacks(run.out, "drawn as a chart");
    run_free(&run);
}

static void chapter2_plots_a_data_file(void **state)
{
    (void)state;
    run_result run = run_program("chapter2", "--plot --data " TEST_DATA("five.csv"), NULL);
    assert_int_equal(run.status, 0);
    assert_true(widest_line(run.out) <= 80);
    assert_contains(run.out, "drawn as a chart");
    run_free(&run);
}

static void chapter5_marks_each_step(void **state)
{
    (void)state;
    run_result run = run_program("chapter5", "--plot", NULL);
    assert_int_equal(run.status, 0);
    const char *chart = strstr(run.out, "The descent on the SSR bowl");
    assert_non_null(chart);
    assert_true(widest_line(chart) <= 80);
    /* Steps 1 to 4 are far enough apart to each have a cell of their own;
       marks sit on the chart's lines, right of the axis. */
    for (char mark = '1'; mark <= '4'; mark++) {
        int found = 0;
        for (const char *line = chart; *line; line = strchr(line, '\n') + 1) {
            const char *axis = strchr(line, '|');
            const char *end = strchr(line, '\n');
            if (axis != NULL && axis < end && memchr(axis, mark, (size_t)(end - axis)))
                found = 1;
            if (end == NULL || end[1] == '\0')
                break;
        }
        if (!found)
            print_error("step %c is not marked in:\n%s\n", mark, chart);
        assert_true(found);
    }
    /* Step 1 is at b3 = 0 on the SSR row of 20.42, in the chart's middle row. */
    assert_contains(chart, "\n     20.69 |          *1\n");
    assert_lacks(run.out, "outside the chart");
    run_free(&run);
}

static void chapter5_counts_steps_off_the_chart(void **state)
{
    (void)state;
    /* At rate 0.4 each step overshoots the bottom by more than it gains. */
    run_result run = run_program("chapter5", "--plot --rate 0.4 --max-steps 5", NULL);
    assert_int_equal(run.status, 0);
    const char *chart = strstr(run.out, "The descent on the SSR bowl");
    assert_non_null(chart);
    assert_true(widest_line(chart) <= 80);
    assert_contains(chart, "landed outside the chart");
    run_free(&run);
}

static void chapter5_plot_with_quiet_and_not_with_csv(void **state)
{
    (void)state;
    run_result run = run_program("chapter5", "--plot --quiet", NULL);
    assert_int_equal(run.status, 0);
    assert_contains(run.out, "b3 = 2.6085 after 9 updates");
    assert_contains(run.out, "The descent on the SSR bowl");
    run_free(&run);

    run = run_program("chapter5", "--plot --csv", NULL);
    assert_int_equal(run.status, 2);
    assert_string_equal(run.out, "");
    assert_contains(run.err, "--plot and --csv cannot be used together");
    run_free(&run);

    run = run_program("chapter5", "--plot --rate 10", NULL);
    assert_int_equal(run.status, 1);
    assert_contains(run.err, "diverged");
    assert_lacks(run.out, "nan");
    run_free(&run);
}

static void plot_is_offered_by_chapters_2_and_5_only(void **state)
{
    (void)state;
    const char *programs[] = {"chapter1", "chapter2", "chapter3", "chapter4", "chapter5"};
    for (int i = 0; i < 5; i++) {
        run_result run = run_program(programs[i], "--help", NULL);
        assert_int_equal(run.status, 0);
        if (i == 1 || i == 4)
            assert_contains(run.out, "--plot");
        else
            assert_lacks(run.out, "--plot");
        run_free(&run);
    }
    run_result run = run_program("chapter3", "--plot", NULL);
    assert_int_equal(run.status, 2);
    assert_string_equal(run.err, "chapter3: unrecognized option '--plot'\n");
    run_free(&run);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(bowl_spans_the_range_with_the_article_values),
        cmocka_unit_test(marks_land_where_their_point_is),
        cmocka_unit_test(marks_at_the_edges_stay_inside),
        cmocka_unit_test(marks_that_are_not_points_are_left_out),
        cmocka_unit_test(huge_values_label_the_axes_in_numbers),
        cmocka_unit_test(bowl_refuses_an_ssr_that_overflows),
        cmocka_unit_test(printed_chart_fits_in_80_columns),
        cmocka_unit_test(chapter2_plots_the_bowl),
        cmocka_unit_test(chapter2_plots_a_data_file),
        cmocka_unit_test(chapter5_marks_each_step),
        cmocka_unit_test(chapter5_counts_steps_off_the_chart),
        cmocka_unit_test(chapter5_plot_with_quiet_and_not_with_csv),
        cmocka_unit_test(plot_is_offered_by_chapters_2_and_5_only),
    };
    return cmocka_run_group_tests_name("plot", tests, NULL, NULL);
}
