/**
 * @file one_sample.c
 * @brief Chapter 7: one sample's backward pass, printed and drawn.
 */
#include "one_sample.h"

#include <math.h>
#include <stdio.h>

#include "drawing.h"

// [ch07_backpropagate]
/* From the SSR back to the weights, each slope from the one before it. */
backward_steps backpropagate(const nn_params *p, const nn_trace *t, double observed)
{
    backward_steps s;
    /* 1: how this sample's squared residual moves with its prediction. */
    s.dssr_dpredicted = dssr_dpredicted(observed, t->predicted);
    /* 2: predicted = w3 * a1 + w4 * a2 + b3, so its slopes are 1, a1 and a2. */
    s.dssr_db3 = s.dssr_dpredicted * 1.0;
    s.dssr_dw3 = s.dssr_dpredicted * t->a1;
    s.dssr_dw4 = s.dssr_dpredicted * t->a2;
    /* 3: back through w3 (dpredicted/da1 = w3), then through softplus. */
    s.dssr_da1 = s.dssr_dpredicted * p->w3;
    s.dssr_dz1 = s.dssr_da1 * sigmoid(t->z1);
    s.dssr_da2 = s.dssr_dpredicted * p->w4;
    s.dssr_dz2 = s.dssr_da2 * sigmoid(t->z2);
    /* 4: z1 = w1*x + b1, so dz1/dw1 = x and dz1/db1 = 1; the same for z2. */
    s.dssr_dw1 = s.dssr_dz1 * t->x;
    s.dssr_db1 = s.dssr_dz1 * 1.0;
    s.dssr_dw2 = s.dssr_dz2 * t->x;
    s.dssr_db2 = s.dssr_dz2 * 1.0;
    return s;
}
// [ch07_backpropagate]

/* One line of the walk: its number (or none), the formula, the value, and
   the value it multiplied by, if any. */
static void walk_line(const char *number, const char *formula, double value,
                      const char *factor, double factor_value)
{
    enum { NUMBER = 3, FORMULA = 35, VALUE = 11 }; /* the walk's columns */
    printf("  %-*s%-*s", NUMBER, number, FORMULA, formula);
    report_number(value, VALUE);
    if (factor != NULL) {
        char text[REPORT_NUMBER_SIZE];
        printf("   %s = %s", factor, report_numeral(factor_value, text));
    }
    printf("\n");
}

/* The walk, step by step, as backpropagate() takes it. */
static void print_walk(const nn_params *p, const nn_trace *t, const backward_steps *s)
{
    walk_line("1", "dSSR/dpredicted = -2 * (obs - pred)", s->dssr_dpredicted, "pred",
              t->predicted);
    walk_line("2", "dSSR/db3 = dSSR/dpredicted * 1", s->dssr_db3, NULL, 0.0);
    walk_line("", "dSSR/dw3 = dSSR/dpredicted * a1", s->dssr_dw3, "a1", t->a1);
    walk_line("", "dSSR/dw4 = dSSR/dpredicted * a2", s->dssr_dw4, "a2", t->a2);
    walk_line("3", "dSSR/da1 = dSSR/dpredicted * w3", s->dssr_da1, "w3", p->w3);
    walk_line("", "dSSR/dz1 = dSSR/da1 * sigmoid(z1)", s->dssr_dz1, "sigmoid(z1)",
              sigmoid(t->z1));
    walk_line("", "dSSR/da2 = dSSR/dpredicted * w4", s->dssr_da2, "w4", p->w4);
    walk_line("", "dSSR/dz2 = dSSR/da2 * sigmoid(z2)", s->dssr_dz2, "sigmoid(z2)",
              sigmoid(t->z2));
    walk_line("4", "dSSR/dw1 = dSSR/dz1 * x", s->dssr_dw1, "x", t->x);
    walk_line("", "dSSR/db1 = dSSR/dz1 * 1", s->dssr_db1, NULL, 0.0);
    walk_line("", "dSSR/dw2 = dSSR/dz2 * x", s->dssr_dw2, "x", t->x);
    walk_line("", "dSSR/db2 = dSSR/dz2 * 1", s->dssr_db2, NULL, 0.0);
}

/* The drawing of chapter 1, the slopes on its wires, flowing up. */
static void draw_walk(const nn_trace *t, double observed, const backward_steps *s)
{
    const double dw[2] = {s->dssr_dw1, s->dssr_dw2}, db[2] = {s->dssr_db1, s->dssr_db2};
    const double dz[2] = {s->dssr_dz1, s->dssr_dz2}, z[2] = {t->z1, t->z2};
    const double dw_out[2] = {s->dssr_dw3, s->dssr_dw4}, da[2] = {s->dssr_da1, s->dssr_da2};
    char a[REPORT_NUMBER_SIZE], b[REPORT_NUMBER_SIZE];
    drawing d = {0};
    drawing_add(&d, "x = %s, observed %s", report_numeral(t->x, a), report_numeral(observed, b));
    for (int k = 0; k < 2; k++) {
        int n = k + 1;
        drawing_add(&d, "dSSR/dw%d = %s", n, report_numeral(dw[k], a));
        drawing_add(&d, "dSSR/db%d = %s", n, report_numeral(db[k], a));
        drawing_add(&d, "dSSR/dz%d = %s", n, report_numeral(dz[k], a));
        drawing_add(&d, "sigmoid(z%d) = %s", n, report_numeral(sigmoid(z[k]), a));
        drawing_add(&d, "dSSR/dw%d = %s", k + 3, report_numeral(dw_out[k], a));
        drawing_add(&d, "dSSR/da%d = %s", n, report_numeral(da[k], a));
    }
    drawing_add(&d, "dSSR/db3 = %s", report_numeral(s->dssr_db3, a));
    drawing_add(&d, "dSSR/dpredicted = -2 * (obs - pred)");
    drawing_add(&d, "= %s", report_numeral(s->dssr_dpredicted, a));
    drawing_print(&d, "^");
}

/* The largest relative difference between the walk and backward()'s share. */
static double difference_from_backward(const nn_params *p, const nn_trace *t, double observed,
                                       const backward_steps *s)
{
    nn_gradient g = {.value = {0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0}};
    backward(p, t, observed, &g);
    const double walk[NN_PARAM_COUNT] = {s->dssr_dw1, s->dssr_db1, s->dssr_dw2, s->dssr_db2,
                                         s->dssr_dw3, s->dssr_dw4, s->dssr_db3};
    double worst = 0.0;
    for (int i = 0; i < NN_PARAM_COUNT; i++) {
        double e = relative_error(walk[i], g.value[i]);
        worst = isnan(e) ? INFINITY : fmax(worst, e);
    }
    return worst;
}

void one_sample_print(const chapter_run *run, const nn_params *p, size_t i)
{
    double observed = run->data.observed[i];
    nn_trace t = forward(p, run->data.input[i]);
    backward_steps s = backpropagate(p, &t, observed);
    const double all[] = {s.dssr_dpredicted, s.dssr_db3, s.dssr_dw3, s.dssr_dw4,
                          s.dssr_da1, s.dssr_dz1, s.dssr_da2, s.dssr_dz2,
                          s.dssr_dw1, s.dssr_db1, s.dssr_dw2, s.dssr_db2};
    for (size_t k = 0; k < sizeof all / sizeof all[0]; k++)
        chapter_require_finite(run, all[k], "a slope", CAUSE_NUMBERS);

    char x_text[REPORT_NUMBER_SIZE], observed_text[REPORT_NUMBER_SIZE];
    report_text("Backpropagation, for one sample (x = %s, observed %s): its forward pass\n"
                "kept z1, a1, z2, a2 and the prediction; the backward pass starts at the SSR\n"
                "and works back one link at a time, in four parts, each slope made from the\n"
                "one before:\n",
                report_numeral(t.x, x_text), report_numeral(observed, observed_text));
    print_walk(p, &t, &s);
    printf("\nThe same numbers on the wires of chapter 1's drawing, flowing up:\n\n");
    draw_walk(&t, observed, &s);
    printf("\nStatQuest's videos write x1,i for z1 and y1,i for a1 (sample i), so its\n"
           "  dSSR/dw1 = dSSR/dpredicted * dpredicted/dy1 * dy1/dx1 * dx1/dw1\n"
           "is this book's\n"
           "  dSSR/dw1 = dSSR/dpredicted * dpredicted/da1 * da1/dz1 * dz1/dw1,\n"
           "the same four links, which parts 1, 3 and 4 above multiplied together:\n"
           "dSSR/dpredicted * w3 * sigmoid(z1) * x.\n");
    double difference = difference_from_backward(p, &t, observed, &s);
    if (!(difference <= 1e-9))
        printf("backward() in code/nn.c gives other slopes for this sample (relative\n"
               "difference %.3g): it does not yet compute these four parts.\n", difference);
}
