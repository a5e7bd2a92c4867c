/**
 * @file descent.c
 * @brief Chapter 5: repeat the step until it is tiny, and compare with the exact bottom.
 *
 * Each pass computes the slope where b3 now is, turns it into a step size and
 * subtracts it. Near the bottom of the bowl the slope flattens, the steps
 * shrink, and once a step is smaller than the tolerance the loop stops.
 */
#include <float.h>
#include <math.h>
#include <stdio.h>

#include "chapter.h"
#include "nn.h"
#include "plot.h"

static const cli_program program = {
    .name = "chapter5",
    .summary = "Chapter 5: gradient descent on b3 until the step size is tiny.",
    .options = CLI_DATA | CLI_B3 | CLI_RATE | CLI_TOLERANCE | CLI_MAX_STEPS | CLI_CSV |
               CLI_QUIET | CLI_PLOT,
};

/* What the loop shows as it runs, and what it saw on the way. */
typedef struct row_printer {
    const cli_options *options;
    plot_chart *chart;  /* marks each row under --plot, else NULL */
    double last_step;   /* the step size of the row before */
    double rounding;    /* a step size no larger is rounding noise */
    long turns;         /* how often the step changed direction */
} row_printer;

static void show_row(const nn_step *step, void *context);

// [ch05_loop]
/* The article's loop: descend() in code/nn.c computes the slope where b3 is
   (b3_gradient(), chapter 3's dssr_db3()), the step size and the new b3,
   again and again until the step size is below the tolerance. Each row goes
   to show_row() before its update is made. */
static nn_result descend_until_tiny(nn_params *p, nn_data data, row_printer *printer)
{
    const cli_options *o = printer->options;
    nn_settings settings = {
        .learning_rate = o->rate, .tolerance = o->tolerance, .max_steps = o->max_steps,
    };
    return descend(p, data, b3_gradient, settings, show_row, printer);
}
// [ch05_loop]

static void show_row(const nn_step *step, void *context)
{
    row_printer *printer = context;
    const cli_options *options = printer->options;
    /* b3 alone moves: its column of the step is the article's row. */
    double b3 = step->params.b3, dssr_db3 = step->slope.b3, size = step->step_size.b3;
    /* Near the bottom the slope is rounding noise of either sign: only a
       change of sign by more than that is an overshoot. */
    if (step->step > 1 && size * printer->last_step < 0.0 &&
        fmin(fabs(size), fabs(printer->last_step)) > printer->rounding)
        printer->turns++;
    printer->last_step = size;
    if (printer->chart != NULL)
        plot_mark(printer->chart, b3, step->ssr, (char)(step->step <= 9 ? '0' + step->step : '+'));
    if (options->quiet)
        return;
    if (options->csv) {
        printf("%ld,%.17g,%.17g,%.17g,%.17g\n", step->step, b3, step->ssr,
               dssr_db3, size);
        return;
    }
    enum { COLUMN = 12 }; /* the width of each column of the table's header */
    printf("%6ld", step->step);
    report_number(b3, COLUMN);
    report_number(step->ssr, COLUMN);
    report_number(dssr_db3, COLUMN);
    report_number_line(size, COLUMN);
    if (fabs(size) < options->tolerance)
        printf("        |step size| < %g: the loop stops here\n", options->tolerance);
}

/* How far rounding alone can move a step size: the slope sums one term
   -2 * (observed - top - bottom - b3) per sample, each rounded within a few
   parts in 2^52 of its largest part, with b3 between the start and the
   bottom. */
static double step_rounding(const nn_params *p, nn_data data, double bottom, double rate)
{
    double scale = 0.0;
    for (size_t i = 0; i < data.count; i++) {
        nn_trace t = forward(p, data.input[i]);
        scale += fabs(data.observed[i]) + fabs(t.top) + fabs(t.bottom) +
                 fmax(fabs(p->b3), fabs(bottom));
    }
    return 2.0 * rate * 16.0 * DBL_EPSILON * scale;
}

static void print_introduction(const cli_options *options)
{
    printf("Chapter 5: gradient descent until the step size is tiny\n"
           "=======================================================\n\n"
           "Beside the article: the repeated steps at the end of \"Slop Calculation and\n"
           "Learning\", and \"Final Result\".\n\n");
    printf("Start at b3 = ");
    report_number(options->b3, 0);
    printf(" with learning rate %g.\n", options->rate);
    report_text("Each step, one row below, computes the slope where b3 is and the step "
                "size = slope * rate; its update makes b3 - step size the next b3. The loop "
                "stops when |step size| < %g (that step makes no update), or after %ld "
                "step%s.\n\n",
                options->tolerance, options->max_steps, options->max_steps == 1 ? "" : "s");
    printf("  step          b3         SSR    dSSR/db3   step size\n");
}

/* Whether the loop stopped on its very first step with b3 still away from
   the bottom: the rate is too small, or the tolerance too large, for even
   one step. */
static int stopped_at_once(const chapter_run *run, const nn_params *p, nn_result result)
{
    return result.end == NN_CONVERGED && result.updates == 0 &&
           !(fabs(p->b3 - optimal_b3(p, run->data)) <= 0.01);
}

/* The closing line, alone under --quiet: where b3 ended and why. */
static void print_result(const chapter_run *run, const nn_params *p, nn_result result)
{
    char b3[REPORT_NUMBER_SIZE], ssr_text[REPORT_NUMBER_SIZE];
    report_text("%sb3 = %s after %ld update%s, SSR = %s: %s\n", run->options.quiet ? "" : "\n",
                report_numeral(p->b3, b3), result.updates, result.updates == 1 ? "" : "s",
                report_numeral(ssr(p, run->data), ssr_text),
                stopped_at_once(run, p, result)   ? "stopped before the first step"
                : result.end == NN_CONVERGED ? "converged"
                                                  : "stopped at the step limit");
}

/* How this run went, against the exact bottom of the bowl. */
static void explain_result(const chapter_run *run, const nn_params *p, nn_result result,
                           long turns)
{
    const cli_options *o = &run->options;
    double n = (double)run->data.count;
    double bottom = optimal_b3(p, run->data);
    double away = fabs(p->b3 - bottom);
    char bottom_text[REPORT_NUMBER_SIZE];
    report_text("\nThe SSR is a parabola in b3, so its bottom can also be found exactly: the\n"
                "slope -2 * (sum of residuals) is zero where b3 equals the mean residual\n"
                "at b3 = 0. That exact bottom is b3 = %s.\nThe loop stopped %.2g from it.\n",
                report_numeral(bottom, bottom_text), away);
    if (stopped_at_once(run, p, result)) {
        report_text("At rate %g even the first step is below the tolerance, %g, so the\n"
                    "loop stopped before b3 moved. A larger --rate or a smaller --tolerance\n"
                    "lets it go.\n", o->rate, o->tolerance);
        return;
    }
    /* The slope is 2n (b3 - bottom), so each step multiplies the distance by
       1 - 2n rate: towards the bottom when that lies between -1 and 1. */
    double factor = 1.0 - 2.0 * n * o->rate;
    if (turns > 0)
        printf("The update changed direction %ld time%s: each overshot the bottom, and\n"
               "the next came back.", turns, turns == 1 ? "" : "s");
    if (turns > 0 && factor <= -1.0)
        report_text(" At this rate the overshoot is as large as the distance\n"
                    "it started from, or larger, so b3 never settles: any --rate below\n"
                    "1 / %g = %.4g brings it in.\n", n, 1.0 / n);
    else if (turns > 0)
        printf(" Each swing is smaller than the one before.\n");
    if (result.end == NN_CONVERGED) {
        double within = o->tolerance / (o->rate * 2.0 * n);
        report_text("That distance is what the tolerance allows: the slope is\n"
                    "2 * %g * (b3 - bottom), so a step size below %g at rate %g puts\n"
                    "b3 within %g / (%g * 2 * %g) = %.2g of the bottom.\n", n, o->tolerance,
                    o->rate, o->tolerance, o->rate, n, within);
        printf(within > 0.01 ? "A smaller --tolerance gets closer.\n" : "");
    } else if (o->tolerance == 0.0) {
        printf("With --tolerance 0 the loop only stops at its limit of steps.\n");
    } else {
        report_text("The loop used up its %ld step%s before a step size fell below %g%s\n",
                    o->max_steps, o->max_steps == 1 ? "" : "s", o->tolerance,
                    factor > -1.0 ? ";\nmore --max-steps lets it go on." : ".");
    }
}

/* What the article says about the end of the loop, and what this run shows. */
static void compare_with_the_article(const nn_params *p, nn_data data, nn_result result)
{
    if (result.steps >= 2) {
        nn_params there = *p;
        there.b3 = -1.57; /* where the article's update, b3 + step size, leads */
        double slope_there = dssr_db3(&there, data);
        printf("\nRow 2 holds the article's second slope, -6.26: it is the slope at\n"
               "b3 = +1.5655, where the first update, subtracting, leads. At b3 = -1.57,\n"
               "where the article's own update leads, the slope is ");
        report_number(slope_there, 0);
        printf(". So -6.26 comes\n"
               "from a descent that subtracts, StatQuest's; the article's step size, -1.57,\n"
               "has the right sign as well. The slip is in its update rule and in both\n"
               "values of b3 it prints: -1.57, and -1.57 + (-0.626) = -2.196.\n");
    }
    printf("\nThe article ends with b3 = 2.21. That cannot follow from adding the step\n"
           "sizes, which carries b3 away from the bottom, towards minus infinity: 2.21 is\n"
           "most likely a typo for 2.61, the value StatQuest's video reaches.");
    if (result.end == NN_CONVERGED && fabs(p->b3 - 2.61) < 0.005)
        printf(" This\nloop reaches it too: ");
    else
        printf(" This\nrun stopped before reaching it, at ");
    report_number(p->b3, 0);
    printf(".\n");
}

static void print_chart(const plot_chart *chart)
{
    printf("\nThe descent on the SSR bowl: digit k marks where step k computed its\n"
           "slope, + the steps after the ninth; where steps share a place, the first\n"
           "shows.\n\n");
    plot_print(chart);
    if (chart->outside > 0)
        printf("%ld step%s landed outside the chart.\n", chart->outside,
               chart->outside == 1 ? "" : "s");
}

int main(int argc, char **argv)
{
    chapter_run run = chapter_open(&program, argc, argv);
    nn_params p = run.start;

    /* Under --plot: the bowl from the starting b3 to past its bottom. */
    plot_chart chart = {0};
    if (run.options.plot) {
        chapter_bowl bowl = chapter_bowl_of(&run, &p.b3, 1);
        if (plot_bowl(&chart, &p, run.data, bowl.low, bowl.high) != 0)
            chapter_require_finite(&run, NAN, "the SSR", CAUSE_NUMBERS);
    }
    if (run.options.csv)
        printf("step,b3,ssr,dssr_db3,step_size\n");
    else if (!run.options.quiet)
        print_introduction(&run.options);

    row_printer printer = {.options = &run.options, .chart = run.options.plot ? &chart : NULL};
    if (!run.options.csv) {
        double bottom = optimal_b3(&p, run.data);
        printer.rounding = step_rounding(&p, run.data, bottom, run.options.rate);
    }
    nn_result result = descend_until_tiny(&p, run.data, &printer);

    if (result.end == NN_DIVERGED)
        return chapter_close(&run, chapter_diverged(&run, result));
    if (run.options.csv)
        return chapter_close(&run, 0);
    print_result(&run, &p, result);
    if (!run.options.quiet) {
        explain_result(&run, &p, result, printer.turns);
        if (run.article)
            compare_with_the_article(&p, run.data, result);
    }
    if (run.options.plot)
        print_chart(&chart);
    return chapter_close(&run, 0);
}
