/**
 * @file single_step.c
 * @brief Chapter 4: one step of gradient descent, and the article's wrong-way step.
 *
 * The slope says which way is uphill; the step size is the slope times the
 * learning rate; and the new b3 is the old one minus the step size, so that
 * b3 moves downhill.
 */
#include <stdio.h>

#include "cli.h"
#include "nn.h"
#include "report.h"
#include "series.h"

static const cli_program program = {
    "chapter4", "Chapter 4: one gradient-descent step on b3, and why it subtracts.",
    CLI_DATA | CLI_B3 | CLI_RATE | CLI_CSV,
};

/* Prints "old + or - step size = new" with every number in place. */
static void print_update(double old_b3, char sign, double step, double new_b3)
{
    printf("  b3 = ");
    report_number(old_b3, 0);
    printf(" %c (", sign);
    report_number(step, 0);
    printf(") = ");
    report_number_line(new_b3, 0);
}

int main(int argc, char **argv)
{
    cli_options options = cli_parse_or_exit(&program, argc, argv);
    data_set storage;
    nn_data data = report_samples(&options, &storage);
    nn_params p = nn_article_params();
    p.b3 = options.b3;
    if (options.csv) {
        series_step(&program, &p, data, options.rate);
        data_free(&storage);
        return 0;
    }
    int article = report_is_article(&options) && options.rate == 0.1;

    report_title("Chapter 4: one step of gradient descent");
    // [ch04_step]
    double old_b3 = p.b3;
    double old_ssr = ssr(&p, data);
    double slope = dssr_db3(&p, data);
    double step = step_size(slope, options.rate);
    double new_b3 = apply_step(old_b3, step);
    // [ch04_step]
    report_require_finite(&program, old_ssr, "the SSR");
    report_require_finite(&program, step, "the step size");
    report_require_finite(&program, new_b3, "the new b3");

    printf("At b3 = ");
    report_number(old_b3, 0);
    printf(" the SSR is ");
    report_number(old_ssr, 0);
    printf(" and its slope dSSR/db3 is ");
    report_number(slope, 0);
    printf(".\n\nThe step size is the slope times the learning rate (%g):\n"
           "  step size = ", options.rate);
    report_number(slope, 0);
    printf(" x %g = ", options.rate);
    report_number_line(step, 0);
    if (article)
        printf("  (the article rounds it to -1.57)\n");

    printf("\nGradient descent subtracts the step size:  new b3 = old b3 - step size\n");
    print_update(old_b3, '-', step, new_b3);

    p.b3 = new_b3;
    double new_ssr = ssr(&p, data);
    report_require_finite(&program, new_ssr, "the SSR after the step");
    printf("  SSR: ");
    report_number(old_ssr, 0);
    printf(" -> ");
    report_number(new_ssr, 0);
    printf(new_ssr < old_ssr ? "   it fell\n" : "   it did not fall: the rate is too large\n");

    /* The article's version of the update, kept to show where it leads. */
    // [ch04_wrong_way]
    double wrong_b3 = old_b3 + step;
    p.b3 = wrong_b3;
    double wrong_ssr = ssr(&p, data);
    // [ch04_wrong_way]
    report_require_finite(&program, wrong_ssr, "the SSR after the wrong-way step");
    printf("\nThe article instead writes  new b3 = old b3 + step size:\n");
    print_update(old_b3, '+', step, wrong_b3);
    printf("  SSR: ");
    report_number(old_ssr, 0);
    printf(" -> ");
    report_number(wrong_ssr, 0);
    printf(wrong_ssr > old_ssr ? "   it rose\n" : "\n");

    printf("\nWhy subtract: the slope points uphill. Where it is negative the SSR falls\n"
           "as b3 grows, so b3 must grow, and b3 - (negative step) does that. Adding\n"
           "the step walks up the side of the bowl instead, further from the bottom.\n"
           "The step is large where the bowl is steep and shrinks near the bottom,\n"
           "where the slope flattens out; chapter 5 repeats it until it is tiny.\n");
    data_free(&storage);
    return 0;
}
