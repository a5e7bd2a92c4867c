/**
 * @file verify.c
 * @brief One check per function of code/nn.c a student writes, in the
 * order the chapters meet them (the table `checks`).
 */
#include "verify.h"

#include <float.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define VERIFY_SAMPLES 1000 /* every kind of sample is met long before */
#define VERIFY_LARGEST 1e6  /* past this a small step measures nothing */
#define MESSAGE_WIDTH 79

/* The first disagreement: "F() gives GOT for WHAT, where HOW gives WANT. ADVICE" */
static struct fault {
    double got, want;
    char what[160], how[160];
    const char *advice;
} fault;

/* 1, keeping the fault, when got is not within tolerance of want (relative
   past 1). A want that is not finite cannot be checked here: the chapter's
   own checks name what overflowed. */
static int differs(double got, double want, double tolerance, const char *how,
                   const char *advice, const char *what, ...)
{
    if (!isfinite(want) || fabs(got - want) <= tolerance * fmax(1.0, fabs(want)))
        return 0;
    va_list args;
    va_start(args, what);
    vsnprintf(fault.what, sizeof fault.what, what, args);
    va_end(args);
    snprintf(fault.how, sizeof fault.how, "%s", how);
    fault.got = got;
    fault.want = want;
    fault.advice = advice;
    return 1;
}

/* The SSR's slope along parameter i measured, (SSR(+h) - SSR(-h)) / 2h:
   exact on a parabola, off by about h^2 elsewhere. Its tolerance adds to
   `relative` what rounding the two SSRs can do. */
typedef struct measure {
    double slope, tolerance;
} measure;

static measure measured(const nn_params *p, nn_data d, int i, double h, double relative)
{
    nn_params up = *p, down = *p;
    up.value[i] += h;
    down.value[i] -= h;
    double high = ssr(&up, d), low = ssr(&down, d);
    measure m = {(high - low) / (2.0 * h), 0.0};
    m.tolerance = relative + 1e3 * DBL_EPSILON * fmax(1.0, fmax(fabs(high), fabs(low))) /
                                 (h * fmax(1.0, fabs(m.slope)));
    return m;
}

/* ---- The checks, each run at p on all the samples d, the first, and the
   first two (a loop that stops early or runs over three is caught) ------- */

static double softplus_formula(double z) { return z > 30.0 ? z + exp(-z) : log1p(exp(z)); }
static double sigmoid_formula(double z) { return 1.0 / (1.0 + exp(-z)); }

/* Each value of the trace from the ones before it; a1, s1, a2 and s2 may
   also be the student's softplus() and sigmoid(), checked next. */
static int check_forward(const nn_params *p, nn_data d)
{
    static const char *const name[] = {"x", "z1", "a1", "s1", "top", "z2", "a2", "s2", "bottom",
                                       "predicted"};
    static const char *const formula[] = {"the input", "w1*x + b1", "softplus(z1)", "sigmoid(z1)",
                                          "w3*a1", "w2*x + b2", "softplus(z2)", "sigmoid(z2)",
                                          "w4*a2", "top + bottom + b3"};
    for (size_t i = 0; i < d.count; i++) {
        double x = d.input[i];
        nn_trace t = forward(p, x);
        const double got[] = {t.x, t.z1, t.a1, t.s1, t.top, t.z2, t.a2, t.s2, t.bottom, t.predicted};
        const double want[] = {x, p->w1 * x + p->b1, softplus_formula(t.z1), sigmoid_formula(t.z1),
                               p->w3 * t.a1, p->w2 * x + p->b2, softplus_formula(t.z2),
                               sigmoid_formula(t.z2), p->w4 * t.a2, t.top + t.bottom + p->b3};
        const double theirs[] = {x, want[1], softplus(t.z1), sigmoid(t.z1), want[4], want[5],
                                 softplus(t.z2), sigmoid(t.z2), want[8], want[9]};
        for (int k = 0; k < 10; k++)
            if (differs(got[k], theirs[k], 1e-9, formula[k], "", "%s at x = %g", name[k], x) &&
                differs(got[k], want[k], 1e-9, formula[k], "", "%s at x = %g", name[k], x))
                return 1;
    }
    return 0;
}

/* At 0, 30 and -30, and at every z1 and z2 the samples meet. */
static int curve(const nn_params *p, nn_data d, double (*f)(double), double (*formula)(double),
                 const char *written)
{
    static const double probe[] = {0.0, 30.0, -30.0};
    for (size_t k = 0; k < 3 + 2 * d.count; k++) {
        nn_trace t = forward(p, k < 3 ? 0.0 : d.input[(k - 3) / 2]);
        double z = k < 3 ? probe[k] : k % 2 ? t.z1 : t.z2;
        if (differs(f(z), formula(z), 1e-9, written, "", "z = %g", z))
            return 1;
    }
    return 0;
}

static int check_softplus(const nn_params *p, nn_data d)
{
    return curve(p, d, softplus, softplus_formula, "log(1 + e^z)");
}

static int check_sigmoid(const nn_params *p, nn_data d)
{
    return curve(p, d, sigmoid, sigmoid_formula, "1 / (1 + e^-z)");
}

static int check_ssr(const nn_params *p, nn_data d)
{
    double got = ssr(p, d), want = 0.0;
    for (size_t i = 0; i < d.count; i++)
        want += pow(residual(d.observed[i], forward(p, d.input[i]).predicted), 2);
    return differs(got, want, 1e-9, "adding their squared residuals here", got == 0.0 ? "" :
                   " Does it visit every sample, data.count of them?", "%zu of the samples",
                   d.count);
}

/* (observed - predicted)^2 is a parabola in predicted: the difference over
   one unit each way is its slope exactly. */
static int check_dssr_dpredicted(const nn_params *p, nn_data d)
{
    for (size_t i = 0; i < d.count; i++) {
        double o = d.observed[i], at = forward(p, d.input[i]).predicted;
        double got = dssr_dpredicted(o, at);
        double want = (pow(o - (at + 1.0), 2) - pow(o - (at - 1.0), 2)) / 2.0;
        if (differs(got, want, 1e-9, "the measured slope of (observed - predicted)^2",
                    fabs(got + want) <= 1e-9 * fabs(want) ? " Look at its sign." : "",
                    "observed %g, predicted %g", o, at))
            return 1;
    }
    return 0;
}

static int check_dpredicted_db3(const nn_params *p, nn_data d)
{
    nn_params up = *p;
    up.b3 += 1.0;
    return differs(dpredicted_db3(), forward(&up, d.input[0]).predicted -
                   forward(p, d.input[0]).predicted, 1e-9, "measuring it", "",
                   "how far the prediction moves per unit of b3");
}

/* Each slope f gives against the one measured, from parameter `moving` on
   (steps of h); those before it do not move and have 0. */
static int slopes(nn_slopes f, const nn_params *p, nn_data d, int moving, double h,
                  double relative, const char *advice)
{
    nn_gradient g = f(p, d);
    for (int i = 0; i < NN_PARAM_COUNT; i++) {
        measure m = i < moving ? (measure){0.0, 0.0}
                               : measured(p, d, i, h * fmax(1.0, fabs(p->value[i])), relative);
        if (differs(g.value[i], m.slope, m.tolerance, i < moving ? "a parameter that does not "
                    "move" : "the SSR's slope measured", fabs(g.value[i] + m.slope) <= m.tolerance *
                    fmax(1.0, fabs(m.slope)) ? " Look at its sign." : advice, "dSSR/d%s over %zu of the "
                    "samples", param_name(i), d.count))
            return 1;
    }
    return 0;
}

static nn_gradient slope_in_b3(const nn_params *p, nn_data d)
{
    nn_gradient g = {.value = {0}};
    g.b3 = dssr_db3(p, d);
    return g;
}

/* Exact, as the SSR is a parabola in b3. */
static int check_dssr_db3(const nn_params *p, nn_data d)
{
    return slopes(slope_in_b3, p, d, NN_B3, 1.0, 1e-9,
                  " Does it add every sample's product of the two links?");
}

static int check_step_size(const nn_params *p, nn_data d)
{
    (void)p, (void)d;
    return differs(step_size(-15.66, 0.05), -15.66 * 0.05, 1e-12, "slope * rate", "",
                   "slope -15.66, rate 0.05");
}

static int check_apply_step(const nn_params *p, nn_data d)
{
    static const double at[][2] = {{0.0, -1.5}, {1.0, 0.25}};
    (void)p, (void)d;
    for (int k = 0; k < 2; k++) {
        double old = at[k][0], step = at[k][1], got = apply_step(old, step);
        if (differs(got, old - step, 1e-12, "a step downhill, old - step", got == old + step ?
                    " It moves with the slope, uphill." : "", "old %g, step %g", old, step))
            return 1;
    }
    return 0;
}

/* The SSR is a parabola in b3 of curvature 2n: its bottom lies the measured
   slope / 2n away from any b3, measured here from the answer itself, where
   the slope is small and exact. */
static int check_optimal_b3(const nn_params *p, nn_data d)
{
    nn_params at = *p;
    double got = optimal_b3(p, d), n = (double)d.count;
    at.b3 = isfinite(got) ? got : p->b3;
    measure m = measured(&at, d, NN_B3, 1.0, 1e-9);
    double want = at.b3 - m.slope / (2.0 * n);
    double rounding = m.tolerance * fmax(1.0, fabs(m.slope)) / (2.0 * n); /* in b3 */
    return differs(got, want, 1e-9 + rounding / fmax(1.0, fabs(want)),
                   "b3 - (the SSR's measured slope) / 2n", "", "the bottom of the bowl");
}

static int check_steps_below_tolerance(const nn_params *p, nn_data d)
{
    static const struct { nn_params size; int stop; const char *what; } cases[] = {
        {{.w1 = 0.0009, .w4 = -0.0009, .b3 = 0.0005}, 1, "0.0009 (w1), -0.0009 (w4), 0.0005 (b3)"},
        {{.w1 = 0.0009, .w2 = 5, .b3 = 0.0005}, 0, "0.0009 (w1), 5 (w2), 0.0005 (b3)"},
        {{.b3 = -0.001}, 0, "-0.001 (b3)"},
    };
    (void)p, (void)d;
    for (int k = 0; k < 3; k++)
        if (differs(steps_below_tolerance(&cases[k].size, 0.001) != 0, cases[k].stop, 0,
                    "every |step size| < tolerance", k == 2 ? " Strictly below it." : "",
                    "the step sizes %s at tolerance 0.001 (1 stop, 0 not yet)", cases[k].what))
            return 1;
    return 0;
}

/* The slopes of the bowl (w1^2 + b1^2 + ... + b3^2) / 2: every slope is its
   parameter, so every step multiplies every parameter by 1 - rate. */
static nn_gradient bowl(const nn_params *p, nn_data d)
{
    (void)d;
    return *p;
}

/* The rows descend() showed, and those that did not hold their step number,
   the bowl's parameters, SSR, slopes and step sizes, or the context given. */
static struct seen {
    long rows, wrong;
    nn_params at; /* where the next row must be */
    double rate;
} seen;

// cppcheck-suppress constParameter ; an nn_observer, compared with the context given
static void see_row(const nn_step *row, void *context)
{
    seen.rows++;
    int right = context == &seen && row->step == seen.rows &&
                row->ssr == ssr(&seen.at, article_data());
    for (int i = 0; i < NN_PARAM_COUNT; i++) {
        right &= row->params.value[i] == seen.at.value[i] &&
                 row->slope.value[i] == seen.at.value[i] &&
                 row->step_size.value[i] == seen.at.value[i] * seen.rate;
        seen.at.value[i] -= seen.at.value[i] * seen.rate;
    }
    seen.wrong += !right;
}

/* descend() on that bowl, where all is known: at rate 0.5 it converges at
   step 8 or stops at the limit; the others diverge at once, or as the last
   update overflows. p ends at start * (1 - rate)^updates. */
static int check_descend(const nn_params *p, nn_data d)
{
    static const struct { nn_params start; nn_settings settings; long steps, updates; nn_end end; }
    cases[] = {
        {{.w1 = 1, .b3 = -2}, {.learning_rate = 0.5, .tolerance = 0.01, .max_steps = 100}, 8, 7,
         NN_CONVERGED},
        {{.w1 = 1, .b3 = -2}, {.learning_rate = 0.5, .tolerance = 0.01, .max_steps = 3}, 3, 3,
         NN_STEP_LIMIT},
        {{.b3 = 1e308}, {.learning_rate = 3, .tolerance = 0.01, .max_steps = 100}, 0, 0, NN_DIVERGED},
        {{.b3 = 1e150}, {.learning_rate = 1e10, .tolerance = 0.01, .max_steps = 1}, 1, 1,
         NN_DIVERGED},
    };
    (void)p, (void)d;
    for (int k = 0; k < 4; k++) {
        nn_params q = cases[k].start;
        double rate = cases[k].settings.learning_rate;
        char how[160];
        snprintf(how, sizeof how, "a bowl whose slopes are the parameters, from w1 = %g, b3 = %g "
                 "(rate %g, tolerance %g, max_steps %ld),", q.w1, q.b3, rate,
                 cases[k].settings.tolerance, cases[k].settings.max_steps);
        seen = (struct seen){0, 0, q, rate};
        nn_result r = descend(&q, article_data(), bowl, cases[k].settings, see_row, &seen);
        if (differs((double)r.steps, (double)cases[k].steps, 0, how, "", "the steps") ||
            differs((double)seen.rows, (double)cases[k].steps, 0, how, "", "the rows it showed") ||
            differs((double)seen.wrong, 0, 0, how, "", "the rows not holding their step number, "
                    "the parameters, SSR, slopes and step sizes there, or their context") ||
            differs((double)r.updates, (double)cases[k].updates, 0, how, "", "the updates") ||
            differs((double)r.end, (double)cases[k].end, 0, how, "", "how it ends (0 converged, "
                    "1 at the step limit, 2 diverged)"))
            return 1;
        for (int i = 0; i < NN_PARAM_COUNT; i++)
            if (differs(q.value[i], cases[k].start.value[i] * pow(1 - rate, (double)r.updates),
                        1e-12, how, "", "%s at the end", param_name(i)))
                return 1;
    }
    return 0;
}

/* Exact, as the SSR is a parabola in w3, w4 and b3. */
static int check_output_layer_gradient(const nn_params *p, nn_data d)
{
    return slopes(output_layer_gradient, p, d, NN_W3, 1.0, 1e-9,
                  " Does it add every sample's share?");
}

/* The weights drawn in the order w1, w2, w3, w4: the order of nn_params. */
static int check_random_start(const nn_params *p, nn_data d)
{
    random_state mine = random_seed(1), theirs = random_seed(1);
    nn_params got = random_start(&theirs);
    (void)p, (void)d;
    for (int i = 0; i < NN_PARAM_COUNT; i++) {
        double want = i == NN_B1 || i == NN_B2 || i == NN_B3 ? 0.0 : random_normal(&mine);
        if (differs(got.value[i], want, 0, "drawing w1, w2, w3, w4 in that order, each bias 0",
                    "", "%s from seed 1", param_name(i)))
            return 1;
    }
    return 0;
}

/* backward() of the first sample alone, onto zeros. */
static nn_gradient first_share(const nn_params *p, nn_data d)
{
    nn_gradient g = {.value = {0}};
    nn_trace t = forward(p, d.input[0]);
    backward(p, &t, d.observed[0], &g);
    return g;
}

/* At chapter 7's start on the article's samples, each alone (larger inputs
   outgrow what a measurement can check), then added onto ones. */
static int check_backward(const nn_params *p, nn_data d)
{
    nn_params at = start_all();
    nn_data all = article_data();
    (void)p, (void)d;
    for (size_t s = 0; s < all.count; s++) {
        nn_data one = {1, all.input + s, all.observed + s};
        if (slopes(first_share, &at, one, NN_W1, 1e-4, 1e-6, " Look at the chain from the "
                   "prediction back to it."))
            return 1;
    }
    nn_data last = {1, all.input + 2, all.observed + 2}; /* x = 1: no share is 0 */
    nn_gradient share = first_share(&at, last), onto = {.value = {1, 1, 1, 1, 1, 1, 1}};
    nn_trace t = forward(&at, last.input[0]);
    backward(&at, &t, last.observed[0], &onto);
    for (int i = 0; i < NN_PARAM_COUNT; i++)
        if (differs(onto.value[i], 1.0 + share.value[i], 1e-9, "1 + its share", " Add to *g "
                    "(+=), never replace it.", "dSSR/d%s added onto 1", param_name(i)))
            return 1;
    return 0;
}

/* On as many of the article's samples as d has, at chapter 7's start. */
static int check_gradient(const nn_params *p, nn_data d)
{
    nn_params at = start_all();
    nn_data some = article_data();
    some.count = d.count < some.count ? d.count : some.count;
    (void)p;
    return slopes(gradient, &at, some, NN_W1, 1e-4, 1e-6, " Does it add every sample's "
                  "backward()?");
}

static int check_relative_error(const nn_params *p, nn_data d)
{
    static const double at[][3] = {{1.0, 1.25, 0.2}, {1.25, 1.0, 0.2}, {-3.0, 3.0, 2.0},
                                   {1e-13, -1e-13, 2e-5}, {0.0, 0.0, 0.0}};
    (void)p, (void)d;
    for (int k = 0; k < 5; k++)
        if (differs(relative_error(at[k][0], at[k][1]), at[k][2], 1e-9,
                    "|a - b| / max(|a|, |b|, 1e-8)", "", "a = %g, b = %g", at[k][0], at[k][1]))
            return 1;
    return 0;
}

/* Against the backward pass, checked in chapter 7, at the article's point. */
static int check_slope_by_difference(const nn_params *p, nn_data d)
{
    nn_params at = article_params();
    nn_gradient g = gradient(&at, article_data());
    (void)p, (void)d;
    for (int i = 0; i < NN_PARAM_COUNT; i++)
        if (differs(slope_by_difference(&at, article_data(), i), g.value[i], 1e-6,
                    "the backward pass", "", "dSSR/d%s at the article's point", param_name(i)))
            return 1;
    return 0;
}

/* In the order the chapters meet them and their tasks files list them,
   with what each one's stub gives (NAN: no one number). */
static const struct check {
    int chapter;
    const char *function;
    int (*finds_fault)(const nn_params *p, nn_data d);
    double stub;
} checks[] = {
    {1, "forward", check_forward, 0}, {1, "softplus", check_softplus, 0},
    {1, "sigmoid", check_sigmoid, 0}, {2, "ssr", check_ssr, 0},
    {3, "dssr_dpredicted", check_dssr_dpredicted, 0}, {3, "dpredicted_db3", check_dpredicted_db3, 0},
    {3, "dssr_db3", check_dssr_db3, 0}, {4, "step_size", check_step_size, 0},
    {4, "apply_step", check_apply_step, 0}, {5, "optimal_b3", check_optimal_b3, 0},
    {5, "steps_below_tolerance", check_steps_below_tolerance, 0},
    {5, "descend", check_descend, NAN}, {6, "output_layer_gradient", check_output_layer_gradient, 0},
    {7, "random_start", check_random_start, 0}, {7, "backward", check_backward, 0},
    {7, "gradient", check_gradient, 0}, {8, "relative_error", check_relative_error, 1},
    {8, "slope_by_difference", check_slope_by_difference, 0},
};

/* `text` on stderr in lines of at most MESSAGE_WIDTH columns, the first
   indented by `indent`, the others by two. */
static void print_wrapped(const char *text, int indent)
{
    int column = fprintf(stderr, "%*s", indent, ""), start = column;
    for (int word; *text != '\0'; text += word + (text[word] == ' ')) {
        word = (int)strcspn(text, " ");
        if (column > start && column + 1 + word > MESSAGE_WIDTH)
            column = start = fprintf(stderr, "\n  ") - 1;
        else if (column > start)
            column += fprintf(stderr, " ");
        column += fprintf(stderr, "%.*s", word, text);
    }
    fputc('\n', stderr);
}

void verify_chapters(const chapter_run *run, int chapter)
{
    nn_params p = run->start;
    size_t count = run->data.count < VERIFY_SAMPLES ? run->data.count : VERIFY_SAMPLES;
    nn_data d = {count, run->data.input, run->data.observed};
    int reachable = d.count > 0 && fabs(p.b3) <= VERIFY_LARGEST;
    for (size_t i = 0; i < d.count; i++)
        reachable &= fabs(d.input[i]) <= VERIFY_LARGEST && fabs(d.observed[i]) <= VERIFY_LARGEST;
    if (!reachable) {
        p = article_params();
        d = article_data();
    }
    const size_t views[] = {d.count, 1, d.count < 2 ? 1 : 2};
    for (size_t k = 0; k < sizeof checks / sizeof checks[0] && checks[k].chapter <= chapter; k++) {
        const struct check *c = &checks[k];
        int found = 0;
        for (int n = 0; n < 3 && !found; n++)
            found = c->finds_fault(&p, (nn_data){views[n], d.input, d.observed});
        if (!found)
            continue;
        char text[sizeof fault.what + sizeof fault.how + 256];
        snprintf(text, sizeof text, "%s: %s() gives %.6g%s for %s, where %s gives %.6g.%s",
                 run->program->name, c->function, fault.got, fault.got == c->stub ?
                 ", as its stub does," : "", fault.what, fault.how, fault.want, fault.advice);
        print_wrapped(text, 0);
        snprintf(text, sizeof text, "The chapter stops here: what it prints rests on %s().",
                 c->function);
        print_wrapped(text, 2);
        fprintf(stderr, "  A hint: make hint%d TASK=%s\n", c->chapter, c->function);
        exit(EXIT_UNFINISHED);
    }
}
