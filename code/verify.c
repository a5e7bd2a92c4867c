/**
 * @file verify.c
 * @brief One check per function of code/nn.c a student writes, in the
 * order the chapters meet them: the table `checks` at the end. A chapter
 * stopped over a function names it; its row there says how it was checked.
 */
#include "verify.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nn.h"
#include "random.h"

#define MESSAGE_WIDTH 79

/* The first disagreement: "F() gives GOT for WHAT, where HOW gives WANT." */
static struct fault {
    double got, want, allowed;
    const char *how;
    char what[200];
} fault;

/* 1, keeping the fault, when got is farther from want than tolerance
   (relative past 1). A want that is not finite checks nothing. */
static int differs(double got, double want, double tolerance, const char *how,
                   const char *what, ...)
{
    double allowed = tolerance * fmax(1.0, fabs(want));
    if (!isfinite(want) || fabs(got - want) <= allowed)
        return 0;
    fault = (struct fault){got, want, allowed, how, ""};
    va_list args;
    va_start(args, what);
    vsnprintf(fault.what, sizeof fault.what, what, args);
    va_end(args);
    return 1;
}

/* A student's function and how it is checked: against a formula, against
   the SSR's measured slopes, or by a check of its own. */
typedef struct check {
    const char *name; /* the function */
    int chapter;      /* the chapter that meets it: make hint<chapter> */
    int moving;       /* for against_measured(): the first parameter its slopes move */
    double stub;      /* what its stub gives (NAN: no one number) */
    /* against_formula(), when formula is set: the function of one or two numbers at four
       points; point_is formats at[k][0] and at[k][1] */
    double (*one)(double z), (*two)(double a, double b), (*formula)(const double *at);
    const char *formula_is, *point_is;
    double at[4][2];
    nn_slopes slopes;      /* against_measured(), when set: the slopes it gives */
    int (*own)(nn_data d); /* else a check of its own on the samples d: 1 when it finds a fault */
} check;

static int against_formula(const check *c)
{
    for (int k = 0; k < 4; k++) {
        const double *at = c->at[k];
        double got = c->one ? c->one(at[0]) : c->two(at[0], at[1]);
        if (differs(got, c->formula(at), 1e-9, c->formula_is, c->point_is, at[0], at[1]))
            return 1;
    }
    return 0;
}

/* Each slope against the SSR's slope measured, (SSR(+h) - SSR(-h)) / 2h:
   exact where the SSR is a parabola (in w3, w4 and b3), off by about h^2
   elsewhere; a parameter before c->moving does not move, its slope is 0. */
static int against_measured(const check *c, nn_data d)
{
    nn_params p = article_params();
    int parabola = c->moving >= NN_W3;
    nn_gradient got = c->slopes(&p, d);
    for (int i = 0; i < NN_PARAM_COUNT; i++) {
        double h = (parabola ? 1.0 : 1e-5) * fmax(1.0, fabs(p.value[i]));
        nn_params up = p, down = p;
        up.value[i] += h;
        down.value[i] -= h;
        double want = i < c->moving ? 0.0 : (ssr(&up, d) - ssr(&down, d)) / (2.0 * h);
        if (differs(got.value[i], want, parabola ? 1e-9 : 1e-6,
                    i < c->moving ? "a parameter that does not move" : "the SSR's slope measured",
                    "dSSR/d%s over %zu of the samples", param_name(i), d.count))
            return 1;
    }
    return 0;
}

/* ---- The formulas and slopes the table compares -------------------------- */

/* e^z overflows past z = 709; past 30, z alone is log(1 + e^z) to 1e-13. */
static double softplus_formula(const double *z) { return z[0] > 30 ? z[0] : log1p(exp(z[0])); }
static double sigmoid_formula(const double *z) { return 1.0 / (1.0 + exp(-z[0])); }
static double product(const double *at) { return at[0] * at[1]; }
static double downhill(const double *at) { return at[0] - at[1]; }

static double relative(const double *at)
{
    return fabs(at[0] - at[1]) / fmax(fmax(fabs(at[0]), fabs(at[1])), 1e-8);
}

/* (observed - predicted)^2 is a parabola in predicted: the difference over
   one unit each way is its slope exactly. */
static double parabola_slope(const double *at)
{
    return (pow(at[0] - (at[1] + 1.0), 2) - pow(at[0] - (at[1] - 1.0), 2)) / 2.0;
}

/* The student's backward() for every sample, added up. */
static nn_gradient backward_sum(const nn_params *p, nn_data d)
{
    nn_gradient g = {.value = {0}};
    for (size_t i = 0; i < d.count; i++) {
        nn_trace t = forward(p, d.input[i]);
        backward(p, &t, d.observed[i], &g);
    }
    return g;
}

/* The student's measured slopes, one slope_by_difference() each. */
static nn_gradient slopes_by_difference(const nn_params *p, nn_data d)
{
    nn_gradient g;
    for (int i = 0; i < NN_PARAM_COUNT; i++)
        g.value[i] = slope_by_difference(p, d, i);
    return g;
}

/* ---- The checks of their own ---------------------------------------------- */

/* Each value of the trace from the ones before it. */
static int check_forward(nn_data d)
{
    static const char *const value[][2] = {{"x", "the input"}, {"z1", "w1*x + b1"},
        {"a1", "softplus(z1)"}, {"s1", "sigmoid(z1)"}, {"top", "w3*a1"}, {"z2", "w2*x + b2"},
        {"a2", "softplus(z2)"}, {"s2", "sigmoid(z2)"}, {"bottom", "w4*a2"},
        {"predicted", "top + bottom + b3"}};
    nn_params p = article_params();
    for (size_t i = 0; i < d.count; i++) {
        double x = d.input[i];
        nn_trace t = forward(&p, x);
        const double got[] = {t.x, t.z1, t.a1, t.s1, t.top, t.z2, t.a2, t.s2, t.bottom,
                              t.predicted};
        const double want[] = {x, p.w1 * x + p.b1, softplus(t.z1), sigmoid(t.z1), p.w3 * t.a1,
                               p.w2 * x + p.b2, softplus(t.z2), sigmoid(t.z2), p.w4 * t.a2,
                               t.top + t.bottom + p.b3};
        for (int k = 0; k < 10; k++)
            if (differs(got[k], want[k], 1e-9, value[k][1], "%s at x = %g", value[k][0], x))
                return 1;
    }
    return 0;
}

static int check_ssr(nn_data d)
{
    nn_params p = article_params();
    double sum = 0.0;
    for (size_t i = 0; i < d.count; i++)
        sum += pow(residual(d.observed[i], forward(&p, d.input[i]).predicted), 2);
    return differs(ssr(&p, d), sum, 1e-9, "adding their squared residuals here",
                   "%zu of the samples", d.count);
}

static int check_dpredicted_db3(nn_data d)
{
    nn_params p = article_params(), up = p;
    up.b3 += 1.0;
    return differs(dpredicted_db3(), forward(&up, d.input[0]).predicted -
                   forward(&p, d.input[0]).predicted, 1e-9, "measuring it",
                   "how far the prediction moves per unit of b3");
}

/* The SSR is a parabola in b3 of curvature 2n: its bottom lies dSSR/db3 / 2n
   below any b3, the answer itself included. */
static int check_optimal_b3(nn_data d)
{
    nn_params at = article_params();
    double got = optimal_b3(&at, d);
    at.b3 = isfinite(got) ? got : at.b3;
    return differs(got, at.b3 - dssr_db3(&at, d) / (2.0 * (double)d.count), 1e-9,
                   "b3 - dSSR/db3 / 2n there", "the bottom of the bowl");
}

/* Every step size 0.0005 but one, at -0.001 (the tolerance), or none. */
static int check_steps_below_tolerance(nn_data d)
{
    (void)d;
    for (int i = -1; i < NN_PARAM_COUNT; i++) {
        nn_params size = {.value = {5e-4, 5e-4, 5e-4, 5e-4, 5e-4, 5e-4, 5e-4}};
        if (i >= 0)
            size.value[i] = -0.001;
        if (differs(steps_below_tolerance(&size, 0.001), i < 0, 0, "every |step size| < tolerance",
                    "step sizes of 0.0005%s%s, tolerance 0.001 (1 stops, 0 goes on)",
                    i < 0 ? "" : " but -0.001 for ", i < 0 ? "" : param_name(i)))
            return 1;
    }
    return 0;
}

/* The weights drawn in the order w1, w2, w3, w4: the order of nn_params. */
static int check_random_start(nn_data d)
{
    random_state mine = random_seed(1), theirs = random_seed(1);
    nn_params got = random_start(&theirs);
    (void)d;
    for (int i = 0; i < NN_PARAM_COUNT; i++)
        if (differs(got.value[i], i == NN_B1 || i == NN_B2 || i == NN_B3 ? 0 : random_normal(&mine),
                    0, "drawing w1, w2, w3, w4 in that order, each bias 0", "%s from seed 1",
                    param_name(i)))
            return 1;
    return 0;
}

/* The bowl (w1^2 + b1^2 + ... + b3^2) / 2, whose slopes are the parameters:
   each step of descend() on it multiplies every parameter by 1 - rate. */
static nn_gradient bowl(const nn_params *p, nn_data d)
{
    (void)d;
    return *p;
}

/* Where descend()'s next row must be, the rows it showed, and the wrong ones. */
static struct seen {
    nn_params at;
    double rate;
    long rows, wrong;
} seen;

// cppcheck-suppress constParameter ; an nn_observer, compared with the context given
static void see_row(const nn_step *row, void *context)
{
    seen.rows++;
    int right = context == &seen && row->step == seen.rows &&
                row->ssr == ssr(&seen.at, article_data());
    for (int i = 0; i < NN_PARAM_COUNT; i++) {
        double at = seen.at.value[i];
        right &= row->params.value[i] == at && row->slope.value[i] == at &&
                 row->step_size.value[i] == at * seen.rate;
        seen.at.value[i] = at - at * seen.rate;
    }
    seen.wrong += !right;
}

/* At rate 0.5 it converges at step 8 or stops at the limit; the others
   diverge at once, or as the last update overflows. */
static int check_descend(nn_data d)
{
    static const struct { nn_params start; nn_settings s; long steps, updates; nn_end end; }
    cases[] = {{{.w1 = 1, .b3 = -2}, {0.5, 0.01, 100}, 8, 7, NN_CONVERGED},
               {{.w1 = 1, .b3 = -2}, {0.5, 0.01, 3}, 3, 3, NN_STEP_LIMIT},
               {{.b3 = 1e308}, {3, 0.01, 100}, 0, 0, NN_DIVERGED},
               {{.b3 = 1e150}, {1e10, 0.01, 1}, 1, 1, NN_DIVERGED}};
    static const char *const what[] = {
        "the steps", "the rows it showed",
        "the rows with a wrong step number, parameter, SSR, slope, step size or context",
        "the updates", "how it ends (0 converged, 1 at the step limit, 2 diverged)",
        "w1 at the end", "b3 at the end"};
    (void)d;
    for (int k = 0; k < 4; k++) {
        nn_params q = cases[k].start;
        nn_settings s = cases[k].s;
        seen = (struct seen){q, s.learning_rate, 0, 0};
        nn_result r = descend(&q, article_data(), bowl, s, see_row, &seen);
        double shrink = pow(1 - s.learning_rate, (double)r.updates);
        const double got[] = {(double)r.steps, (double)seen.rows, (double)seen.wrong,
                              (double)r.updates, r.end, q.w1, q.b3};
        const double want[] = {(double)cases[k].steps, (double)cases[k].steps, 0,
                               (double)cases[k].updates, cases[k].end, cases[k].start.w1 * shrink,
                               cases[k].start.b3 * shrink};
        for (int i = 0; i < 7; i++)
            if (differs(got[i], want[i], 1e-12, "a bowl whose slopes are the parameters",
                        "%s, from w1 = %g, b3 = %g at rate %g, tolerance %g, max_steps %ld",
                        what[i], cases[k].start.w1, cases[k].start.b3, s.learning_rate,
                        s.tolerance, s.max_steps))
                return 1;
    }
    return 0;
}

/* In the order the chapters meet them and their tasks files list them. */
static const check checks[] = {
    {.chapter = 1, .name = "forward", .own = check_forward},
    {.chapter = 1, .name = "softplus", .one = softplus, .formula = softplus_formula,
     .formula_is = "log(1 + e^z)", .point_is = "z = %g", .at = {{0}, {3}, {-3}, {800}}},
    {.chapter = 1, .name = "sigmoid", .one = sigmoid, .formula = sigmoid_formula,
     .formula_is = "1 / (1 + e^-z)", .point_is = "z = %g", .at = {{0}, {3}, {-3}, {800}}},
    {.chapter = 2, .name = "ssr", .own = check_ssr},
    {.chapter = 3, .name = "dssr_dpredicted", .two = dssr_dpredicted, .formula = parabola_slope,
     .formula_is = "the measured slope of (observed - predicted)^2",
     .point_is = "observed %g, predicted %g", .at = {{0, -2.5}, {1, 0.25}, {0, 1}, {2, 2}}},
    {.chapter = 3, .name = "dpredicted_db3", .own = check_dpredicted_db3},
    {.chapter = 3, .name = "dssr_db3", .slopes = b3_gradient, .moving = NN_B3},
    {.chapter = 4, .name = "step_size", .two = step_size, .formula = product,
     .formula_is = "slope * rate", .point_is = "slope %g, rate %g",
     .at = {{-15.66, 0.05}, {3, 0.1}, {0.5, 2}, {-8, 1e-3}}},
    {.chapter = 4, .name = "apply_step", .two = apply_step, .formula = downhill,
     .formula_is = "a step downhill, old - step", .point_is = "old %g, step %g",
     .at = {{0, -1.5}, {1, 0.25}, {-2, 3}, {0.5, 0.5}}},
    {.chapter = 5, .name = "optimal_b3", .own = check_optimal_b3},
    {.chapter = 5, .name = "steps_below_tolerance", .own = check_steps_below_tolerance},
    {.chapter = 5, .name = "descend", .stub = NAN, .own = check_descend},
    {.chapter = 6, .name = "output_layer_gradient", .slopes = output_layer_gradient,
     .moving = NN_W3},
    {.chapter = 7, .name = "random_start", .own = check_random_start},
    {.chapter = 7, .name = "backward", .slopes = backward_sum, .moving = NN_W1},
    {.chapter = 7, .name = "gradient", .slopes = gradient, .moving = NN_W1},
    {.chapter = 8, .name = "relative_error", .stub = 1, .two = relative_error,
     .formula = relative, .formula_is = "|a - b| / max(|a|, |b|, 1e-8)",
     .point_is = "a = %g, b = %g", .at = {{1, 1.25}, {1.25, 1}, {-3, 3}, {1e-13, -1e-13}}},
    {.chapter = 8, .name = "slope_by_difference", .slopes = slopes_by_difference,
     .moving = NN_W1},
};

/* `text` on stderr in lines of at most MESSAGE_WIDTH columns, each after
   the first indented by two. */
static void print_wrapped(const char *text)
{
    for (int width = MESSAGE_WIDTH; (int)strlen(text) > width; width = MESSAGE_WIDTH - 2) {
        int cut = width;
        while (cut > 0 && text[cut] != ' ')
            cut--;
        cut = cut > 0 ? cut : width; /* a word too long for a line is cut */
        fprintf(stderr, "%.*s\n  ", cut, text);
        text += cut + (text[cut] == ' ');
    }
    fprintf(stderr, "%s\n", text);
}

/* Each check at the article's parameters on its three samples, its first
   two and its first one: a loop that stops early or runs over three is caught. */
void verify_chapters(const char *program, int chapter)
{
    nn_data d = article_data();
    for (size_t k = 0; k < sizeof checks / sizeof checks[0] && checks[k].chapter <= chapter; k++) {
        const check *c = &checks[k];
        int found = 0;
        for (size_t n = d.count; n > 0 && !found; n--) {
            nn_data first = {.count = n, .input = d.input, .observed = d.observed};
            found = c->formula ? against_formula(c) : c->slopes ? against_measured(c, first)
                                                                : c->own(first);
        }
        if (!found)
            continue;
        char text[512];
        snprintf(text, sizeof text, "%s: %s() gives %.6g%s for %s, where %s gives %.6g.%s",
                 program, c->name, fault.got, fault.got == c->stub ?
                 ", as its stub does," : "", fault.what, fault.how, fault.want,
                 fabs(fault.got + fault.want) <= fault.allowed ? " Look at its sign." : "");
        print_wrapped(text);
        fprintf(stderr, "  The chapter stops here: what it prints rests on %s().\n", c->name);
        fprintf(stderr, "  A hint: make hint%d TASK=%s\n", c->chapter, c->name);
        exit(EXIT_UNFINISHED);
    }
}
