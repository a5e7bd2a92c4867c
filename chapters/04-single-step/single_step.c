/**
 * @file single_step.c
 * @brief Chapter 4: one step of gradient descent, and the article's wrong-way step.
 *
 * The slope says which way is uphill; the step size is the slope times the
 * learning rate; and the new b3 is the old one minus the step size, so that
 * b3 moves downhill.
 */
#include <math.h>
#include <stdio.h>

#include "chapter.h"
#include "nn.h"

static const cli_program program = {
    .name = "chapter4",
    .summary = "Chapter 4: one gradient-descent step on b3, and why it subtracts.",
    .options = CLI_DATA | CLI_B3 | CLI_RATE | CLI_CSV,
};

/* Where one step starts and where it lands. */
typedef struct one_step {
    double slope;  /* dSSR/db3 where b3 is */
    double size;   /* the step size, slope * learning rate */
    double new_b3; /* old b3 - step size */
} one_step;

// [ch04_step]
/* The article's step: step size = slope * learning rate, and the new b3 is
   the old one minus the step size. */
static one_step take_one_step(const nn_params *p, nn_data data, double learning_rate)
{
    one_step s;
    s.slope = dssr_db3(p, data);
    s.size = step_size(s.slope, learning_rate);
    s.new_b3 = apply_step(p->b3, s.size);
    return s;
}
// [ch04_step]

// [ch04_wrong_way]
/* The article's own update, new b3 = old b3 + step size, kept to show where
   it leads. */
static double step_the_articles_way(double old_b3, double size)
{
    return old_b3 + size;
}
// [ch04_wrong_way]

/* The SSR with b3 moved to `b3`, everything else as in p. */
static double ssr_at(const nn_params *p, nn_data data, double b3)
{
    nn_params moved = *p;
    moved.b3 = b3;
    return ssr(&moved, data);
}

/* Prints "  b3 = old - (step size) = new" (or with +), and how the SSR moved.
   An SSR that did not move was either stepped over, the step landing as high
   on the far side of the bottom, or barely stepped at all: a step shorter
   than the way to the bottom that changes no digit of the SSR. */
static void print_update(double old_b3, char sign, double size, double new_b3, double old_ssr,
                         double new_ssr, double bottom)
{
    printf("  b3 = ");
    report_number(old_b3, 0);
    printf(" %c (", sign);
    report_number(size, 0);
    printf(") = ");
    report_number_line(new_b3, 0);
    printf("  SSR: ");
    report_number(old_ssr, 0);
    printf(" -> ");
    report_number(new_ssr, 0);
    if (new_ssr < old_ssr)
        printf("   it fell\n");
    else if (new_ssr > old_ssr)
        printf("   it rose%s\n", sign == '-' ? ": the rate is too large" : "");
    else if (size == 0.0)
        printf("   unchanged: the slope is 0 here\n");
    else if (fabs(new_b3 - old_b3) < fabs(old_b3 - bottom))
        printf("   unchanged: the rate is too small\n");
    else
        printf("   it did not fall: the rate is too large\n");
}

/* Rows of the CSV's bowl: four per row of chapter 2's table. */
#define CSV_INTERVALS 48

/* --csv, for the guide's picture: `bowl` rows over a range of b3 that holds
   every point, then a row each for the `start`, the `step` and the
   article's `wrong_way` step (b3[] and their SSR[]). Every row is computed
   and checked before the first is printed, so the CSV is whole or not
   written; %.17g reads back as the same double. */
static void write_csv(const chapter_run *run, const double b3[3], const double point_ssr[3],
                     chapter_bowl bowl)
{
    static const char *const label[] = {"start", "step", "wrong_way"};
    double bowl_b3[CSV_INTERVALS + 1], bowl_ssr[CSV_INTERVALS + 1];
    nn_params q = run->start;
    for (int k = 0; k <= CSV_INTERVALS; k++) {
        q.b3 = bowl_b3[k] = bowl.low + (bowl.high - bowl.low) * k / CSV_INTERVALS;
        bowl_ssr[k] = ssr(&q, run->data);
        chapter_require_finite(run, bowl_b3[k], "a value of b3", CAUSE_NUMBERS);
        chapter_require_finite(run, bowl_ssr[k], "the SSR", CAUSE_NUMBERS);
    }
    printf("series,b3,ssr\n");
    for (int k = 0; k <= CSV_INTERVALS; k++)
        printf("bowl,%.17g,%.17g\n", bowl_b3[k], bowl_ssr[k]);
    for (int k = 0; k < 3; k++)
        printf("%s,%.17g,%.17g\n", label[k], b3[k], point_ssr[k]);
}

int main(int argc, char **argv)
{
    chapter_run run = chapter_open(&program, argc, argv);
    nn_params p = run.start;
    double rate = run.options.rate;
    double old_ssr = ssr(&p, run.data);
    chapter_require_finite(&run, old_ssr, "the SSR", CAUSE_NUMBERS);
    one_step s = take_one_step(&p, run.data, rate);
    chapter_require_finite(&run, s.slope, "the slope", CAUSE_NUMBERS);
    chapter_require_finite(&run, s.size, "the step size", CAUSE_RATE);
    double wrong_b3 = step_the_articles_way(p.b3, s.size);
    double new_ssr = ssr_at(&p, run.data, s.new_b3);
    double wrong_ssr = ssr_at(&p, run.data, wrong_b3);
    chapter_require_finite(&run, s.new_b3, "the new b3", CAUSE_RATE);
    chapter_require_finite(&run, wrong_b3, "the wrong-way b3", CAUSE_RATE);
    chapter_require_finite(&run, new_ssr, "the SSR after the step", CAUSE_RATE);
    chapter_require_finite(&run, wrong_ssr, "the wrong-way SSR", CAUSE_RATE);
    double b3[] = {p.b3, s.new_b3, wrong_b3};
    chapter_bowl bowl = chapter_bowl_of(&run, b3, 3);
    if (run.options.csv) {
        double at[] = {old_ssr, new_ssr, wrong_ssr};
        write_csv(&run, b3, at, bowl);
        return chapter_close(&run, 0);
    }

    printf("Chapter 4: one step of gradient descent\n"
           "=======================================\n\n"
           "Beside the article: \"Slop Calculation and Learning\", up to the first new b3.\n\n");
    printf("At b3 = ");
    report_number(p.b3, 0);
    printf(" the SSR is ");
    report_number(old_ssr, 0);
    printf(",\nand its slope dSSR/db3 is ");
    report_number(s.slope, 0);
    printf(".\n\nThe step size is the slope times the learning rate (%g):\n"
           "  step size = ", rate);
    report_number(s.slope, 0);
    printf(" * %g = ", rate);
    report_number_line(s.size, 0);
    if (run.article)
        printf("  (the article rounds it to -1.57)\n");

    printf("\nGradient descent subtracts the step size:  new b3 = old b3 - step size\n");
    print_update(p.b3, '-', s.size, s.new_b3, old_ssr, new_ssr, bowl.bottom);

    printf("\nThe article instead writes  new b3 = old b3 + step size:\n");
    print_update(p.b3, '+', s.size, wrong_b3, old_ssr, wrong_ssr, bowl.bottom);
    if (run.article) {
        nn_params rounded = p;
        rounded.b3 = -1.57;
        printf("  (b3 = -1.5655 is the step in double precision, shown to 4 decimals;\n"
               "  at the article's b3, -1.57 exactly, the SSR is ");
        report_number(ssr(&rounded, run.data), 0);
        printf(")\n");
    }

    printf("\nWhy subtract: the slope points uphill. Where it is negative the SSR falls\n"
           "as b3 grows, so b3 must grow, and b3 - (negative step size) does that.\n"
           "Adding the step size walks up the side of the bowl instead, further from\n"
           "the bottom. The step size is large where the bowl is steep and shrinks\n"
           "near the bottom, where the slope flattens out; chapter 5 repeats the step\n"
           "until its step size is tiny.\n");
    return chapter_close(&run, 0);
}
