/**
 * @file ssr.c
 * @brief Chapter 2: one number for how bad the fit is, and how it moves with b3.
 *
 * Squaring each residual makes every miss count as a cost, whatever its sign;
 * summing the squares gives the SSR. Moving b3 and watching the SSR traces a
 * bowl, and the b3 we want sits at its bottom.
 */
#include <math.h>
#include <stdio.h>

#include "chapter.h"
#include "nn.h"
#include "plot.h"

static const cli_program program = {
    .name = "chapter2",
    .summary = "Chapter 2: the sum of squared residuals (SSR), and how it changes with b3.",
    .options = CLI_DATA | CLI_B3 | CLI_CSV | CLI_PLOT,
};

/* How many pieces chapter 2's table cuts the range of b3 into. */
#define BOWL_ROWS 12

// [ch02_squared_residual]
/* One sample's share of the SSR: its residual, squared, so that a miss above
   and a miss below cost the same. ssr() in code/nn.c sums these. */
static double squared_residual(const nn_params *p, nn_data data, size_t i)
{
    double r = residual(data.observed[i], forward(p, data.input[i]).predicted);
    return r * r;
}
// [ch02_squared_residual]

/* The tables' columns: each as wide as its heading, with the space before it. */
enum { X_COLUMN = 8, VALUE_COLUMN = 10, PREDICTED_COLUMN = 11, SQUARE_COLUMN = 12 };

/* A row of the table: one sample's residual and its square (main() has
   checked that every square is finite). */
static void print_square(const chapter_run *run, const nn_params *p, size_t i)
{
    double square = squared_residual(p, run->data, i);
    double predicted = forward(p, run->data.input[i]).predicted;
    report_number(run->data.input[i], X_COLUMN);
    report_number(run->data.observed[i], VALUE_COLUMN);
    report_number(predicted, PREDICTED_COLUMN);
    report_number(residual(run->data.observed[i], predicted), VALUE_COLUMN);
    report_number_line(square, SQUARE_COLUMN);
}

/* The SSR at BOWL_ROWS + 1 values of b3 from low to high; returns the b3 of
   the lowest. */
static double print_bowl(const chapter_run *run, nn_params p, double low, double high)
{
    printf("\nNow move b3 and keep everything else fixed. The SSR as b3 moves:\n\n"
           "        b3         SSR\n");
    double best_b3 = low, best_ssr = INFINITY;
    for (int k = 0; k <= BOWL_ROWS; k++) {
        // [ch02_bowl]
        p.b3 = low + (high - low) / BOWL_ROWS * k;
        double value = ssr(&p, run->data);
        // [ch02_bowl]
        chapter_require_finite(run, value, "the SSR", CAUSE_NUMBERS);
        report_number(p.b3, VALUE_COLUMN);
        report_number_line(value, SQUARE_COLUMN);
        if (value < best_ssr) {
            best_ssr = value;
            best_b3 = p.b3;
        }
    }
    return best_b3;
}

/* Rows of the CSV's bowl: four per row of the table. */
#define CSV_INTERVALS (4 * BOWL_ROWS)

/* --csv, for the guide's picture: `b3,ssr` across the table's range, every
   row computed and checked before the first is printed, so the CSV is whole
   or not written; %.17g reads back as the same double. */
static void write_csv(const chapter_run *run)
{
    nn_params p = run->start;
    chapter_bowl bowl = chapter_bowl_of(run, &p.b3, 1);
    double b3[CSV_INTERVALS + 1], value[CSV_INTERVALS + 1];
    for (int k = 0; k <= CSV_INTERVALS; k++) {
        p.b3 = b3[k] = bowl.low + (bowl.high - bowl.low) * k / CSV_INTERVALS;
        value[k] = ssr(&p, run->data);
        chapter_require_finite(run, b3[k], "a value of b3", CAUSE_NUMBERS);
        chapter_require_finite(run, value[k], "the SSR", CAUSE_NUMBERS);
    }
    printf("b3,ssr\n");
    for (int k = 0; k <= CSV_INTERVALS; k++)
        printf("%.17g,%.17g\n", b3[k], value[k]);
}

int main(int argc, char **argv)
{
    chapter_run run = chapter_open(&program, argc, argv);
    if (run.options.csv) {
        write_csv(&run);
        return chapter_close(&run, 0);
    }
    nn_params p = run.start;

    /* Everything the chapter shows, checked before any of it is printed. The
       SSR is a sum of squares, finite only when each of them is; the bowl
       is highest at one end of its table. */
    for (size_t i = 0; i < run.data.count; i++)
        chapter_require_finite(&run, squared_residual(&p, run.data, i), "a squared residual",
                               CAUSE_NUMBERS);
    double total = ssr(&p, run.data);
    chapter_require_finite(&run, total, "the SSR", CAUSE_NUMBERS);
    chapter_bowl bowl = chapter_bowl_of(&run, &p.b3, 1);
    nn_params end = p;
    end.b3 = bowl.low;
    chapter_require_finite(&run, ssr(&end, run.data), "the SSR", CAUSE_NUMBERS);
    end.b3 = bowl.high;
    chapter_require_finite(&run, ssr(&end, run.data), "the SSR", CAUSE_NUMBERS);
    plot_chart chart;
    if (run.options.plot && plot_bowl(&chart, &p, run.data, bowl.low, bowl.high) != 0)
        chapter_require_finite(&run, NAN, "the SSR", CAUSE_NUMBERS);

    printf("Chapter 2: the sum of squared residuals\n"
           "=======================================\n\n"
           "Beside the article: the residuals and the SSR in \"Calculating Last Bias In the\n"
           "last layer\".\n\n");
    printf("Squaring a residual makes a miss above and a miss below cost the same,\n"
           "and big misses cost more than small ones. Their sum is the SSR:\n"
           "  SSR = sum over samples of (observed - predicted)^2\n\n"
           "At b3 = ");
    report_number_line(p.b3, 0);
    printf("       x  observed  predicted  residual  residual^2\n");
    for (size_t i = 0; i < run.rows_shown; i++)
        print_square(&run, &p, i);
    chapter_rows_left_out(&run);
    printf("\n  SSR = ");
    report_number(total, 0);
    printf("%s\n", run.article ? "   (the article prints no SSR; StatQuest's video shows 20.4)"
                               : "");

    double best_b3 = print_bowl(&run, p, bowl.low, bowl.high);
    printf("\nThe SSR falls, then rises again: as a function of b3 it is a bowl\n"
           "(a parabola, since predicted grows one for one with b3). The lowest\n"
           "value in this table is at b3 = ");
    report_number(best_b3, 0);
    printf(",\nso the bottom lies within ");
    report_number((bowl.high - bowl.low) / BOWL_ROWS, 0);
    printf(" of it.\nChapter 3 finds the slope of the bowl, which points the way down.\n");
    if (run.options.plot) {
        printf("\nThe same bowl drawn as a chart:\n\n");
        plot_print(&chart);
    }
    return chapter_close(&run, 0);
}
