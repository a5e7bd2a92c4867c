/**
 * @file verify.c
 * @brief Every function of code/nn.c a chapter uses, checked another way before the chapter speaks.
 */
#include "verify.h"

#include <float.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


/* The most samples a check runs over: every kind of sample is met long
   before, and a million-sample file costs no more than a small one. */
#define VERIFY_SAMPLES 1000

/* Past this size a number leaves too few digits for a small step to
   measure anything: such runs are checked at the article's point. */
#define VERIFY_LARGEST 1e6

/* What the checks run on. */
typedef struct verifier {
    const chapter_run *run; /* for the program's name and its options */
    nn_params start;        /* the run's start, or the article's for a run out of reach */
    nn_data data;           /* the run's samples (the first VERIFY_SAMPLES), or the article's */
} verifier;

/* Writes `text` to stderr in lines of at most 79 columns: the first
   indented by `first`, the others by `indent`. */
static void print_wrapped(const char *text, int first, int indent)
{
    int column = fprintf(stderr, "%*s", first, "");
    int start = column;
    while (*text != '\0') {
        size_t word = strcspn(text, " ");
        if (column > start && column + 1 + (int)word > 79) {
            column = fprintf(stderr, "\n%*s", indent, "") - 1;
            start = column;
        } else if (column > start) {
            column += fprintf(stderr, " ");
        }
        column += fprintf(stderr, "%.*s", (int)word, text);
        text += word;
        while (*text == ' ')
            text++;
    }
    fputc('\n', stderr);
}

/* Stops the chapter on `function` of chapter `chapter`: the message says
   what it gave and what was expected. */
static void stop(const verifier *v, int chapter, const char *function, const char *format, ...)
{
    char text[768], line[1024];
    va_list args;
    va_start(args, format);
    vsnprintf(text, sizeof text, format, args);
    va_end(args);
    snprintf(line, sizeof line, "%s: %s", v->run->program->name, text);
    print_wrapped(line, 0, 2);
    snprintf(line, sizeof line, "The chapter stops here, since what it would print rests on "
             "%s(). A hint: make hint%d TASK=%s", function, chapter, function);
    print_wrapped(line, 2, 2);
    exit(EXIT_UNFINISHED);
}

/* True when `got` is within `tolerance` of `want`, relative to |want| when
   that is above 1. An expected value that is not finite cannot be checked
   here: the chapter's own checks name what overflowed. */
static int agrees(double got, double want, double tolerance)
{
    if (!isfinite(want))
        return 1;
    return fabs(got - want) <= tolerance * fmax(1.0, fabs(want));
}

/* The first `count` samples of `data`. */
static nn_data first_samples(nn_data data, size_t count)
{
    nn_data head = {count < data.count ? count : data.count, data.input, data.observed};
    return head;
}

/* "" or "s", for "1 sample", "2 samples". */
static const char *plural(size_t count)
{
    return count == 1 ? "" : "s";
}

/* ---- Chapter 1 ---------------------------------------------------------- */

/* log(1 + e^z), written the plain way, with z + e^-z where e^z would overflow. */
static double softplus_value(double z)
{
    return z > 30.0 ? z + exp(-z) : log1p(exp(z));
}

/* 1 / (1 + e^-z), which is 0 where e^-z overflows. */
static double sigmoid_value(double z)
{
    return 1.0 / (1.0 + exp(-z));
}

/* Each value of forward()'s trace against nn.h's formula for it, from the
   values before it; a1 and a2 may be the student's softplus(), checked next. */
static void check_forward(const verifier *v)
{
    static const char *const name[] = {"x", "z1", "a1", "s1", "top", "z2", "a2", "s2",
                                       "bottom", "predicted"};
    static const char *const formula[] = {"the input is", "w1*x + b1 =", "softplus(z1) =",
                                          "sigmoid(z1) =", "w3*a1 =", "w2*x + b2 =",
                                          "softplus(z2) =", "sigmoid(z2) =", "w4*a2 =",
                                          "top + bottom + b3 ="};
    const nn_params *p = &v->start;
    for (size_t i = 0; i < v->data.count; i++) {
        double x = v->data.input[i];
        nn_trace t = forward(p, x);
        const double got[] = {t.x, t.z1, t.a1, t.s1, t.top, t.z2, t.a2, t.s2, t.bottom,
                              t.predicted};
        const double want[] = {x, p->w1 * x + p->b1, softplus_value(t.z1), sigmoid_value(t.z1),
                               p->w3 * t.a1, p->w2 * x + p->b2, softplus_value(t.z2),
                               sigmoid_value(t.z2), p->w4 * t.a2, t.top + t.bottom + p->b3};
        const double theirs[] = {x, want[1], softplus(t.z1), sigmoid(t.z1), want[4], want[5],
                                 softplus(t.z2), sigmoid(t.z2), want[8], want[9]};
        int empty = 1, something = 0;
        for (int k = 0; k < 10; k++) {
            empty &= got[k] == 0.0;
            something |= want[k] != 0.0;
        }
        if (empty && something)
            stop(v, 1, "forward", "forward() is unfinished: at x = %g it returns a trace of "
                 "zeros, as its stub does.", x);
        for (int k = 0; k < 10; k++)
            if (!agrees(got[k], want[k], 1e-9) && !agrees(got[k], theirs[k], 1e-9))
                stop(v, 1, "forward", "forward() gives %s = %.6g at x = %g, where %s %.6g: "
                     "look at how it computes %s.", name[k], got[k], x, formula[k], want[k],
                     name[k]);
    }
}

/* softplus() and sigmoid() at a few points and at every z the samples meet. */
static void check_softplus(const verifier *v)
{
    static const double probe[] = {-30.0, -2.0, 0.0, 0.5, 3.0, 30.0};
    if (softplus(0.0) == 0.0 && softplus(3.0) == 0.0)
        stop(v, 1, "softplus", "softplus() is unfinished: it gives 0 for every z, as its stub "
             "does, where softplus(0) = log 2 = 0.693147.");
    if (sigmoid(0.0) == 0.0 && sigmoid(3.0) == 0.0)
        stop(v, 1, "sigmoid", "sigmoid() is unfinished: it gives 0 for every z, as its stub "
             "does, where sigmoid(0) = 0.5.");
    size_t n = 6 + 2 * v->data.count;
    for (size_t k = 0; k < n; k++) {
        double z;
        if (k < 6) {
            z = probe[k];
        } else {
            nn_trace t = forward(&v->start, v->data.input[(k - 6) / 2]);
            z = (k - 6) % 2 == 0 ? t.z1 : t.z2;
        }
        if (!agrees(softplus(z), softplus_value(z), 1e-9))
            stop(v, 1, "softplus", "softplus(%g) gives %.6g, where log(1 + e^z) = %.6g.", z,
                 softplus(z), softplus_value(z));
        if (!agrees(sigmoid(z), sigmoid_value(z), 1e-9))
            stop(v, 1, "sigmoid", "sigmoid(%g) gives %.6g, where 1 / (1 + e^-z) = %.6g.", z,
                 sigmoid(z), sigmoid_value(z));
    }
}

/* ---- Chapter 2 ---------------------------------------------------------- */

/* Sample i's squared residual. */
static double squared_miss(const nn_params *p, nn_data data, size_t i)
{
    double miss = residual(data.observed[i], forward(p, data.input[i]).predicted);
    return miss * miss;
}

/* The squared residuals of `data`, added up here. */
static double sum_of_squares(const nn_params *p, nn_data data)
{
    double total = 0.0;
    for (size_t i = 0; i < data.count; i++)
        total += squared_miss(p, data, i);
    return total;
}

/* ssr() over all the samples, then the first alone and the first two. */
static void check_ssr(const verifier *v)
{
    const nn_params *p = &v->start;
    double all = sum_of_squares(p, v->data);
    if (ssr(p, v->data) == 0.0 && all != 0.0)
        stop(v, 2, "ssr", "ssr() is unfinished: it gives 0, as its stub does, where the "
             "squared residuals add up to %.6g.", all);
    const size_t counts[] = {v->data.count, 1, 2};
    for (int k = 0; k < 3; k++) {
        nn_data head = first_samples(v->data, counts[k]);
        double got = ssr(p, head), want = sum_of_squares(p, head);
        if (!agrees(got, want, 1e-9))
            stop(v, 2, "ssr", "ssr() over %zu sample%s gives %.6g, where %s squared residuals "
                 "add up to %.6g: does it visit every sample, data.count of them?", head.count,
                 plural(head.count), got, head.count == 1 ? "its" : "their", want);
    }
}

/* ---- Chapter 3 ---------------------------------------------------------- */

/* The slope of the SSR in b3, measured: the SSR is a parabola in b3, so the
   difference over one unit each way is its slope exactly, up to rounding. */
static double measured_slope_in_b3(const nn_params *p, nn_data data)
{
    nn_params right = *p, left = *p;
    right.b3 += 1.0;
    left.b3 -= 1.0;
    return (ssr(&right, data) - ssr(&left, data)) / 2.0;
}

/* Both links, each against its slope measured by a small step each way. */
static void check_links(const verifier *v)
{
    static const double pairs[][2] = {{1.0, 0.0}, {0.0, 2.5}, {-1.0, 0.5}};
    int unfinished = 1;
    for (int k = 0; k < 3; k++)
        unfinished &= dssr_dpredicted(pairs[k][0], pairs[k][1]) == 0.0;
    if (unfinished)
        stop(v, 3, "dssr_dpredicted", "dssr_dpredicted() is unfinished: it gives 0, as its "
             "stub does, where the slope of (1 - predicted)^2 at predicted = 0 is -2.");
    for (int k = 0; k < 3; k++) {
        double o = pairs[k][0], at = pairs[k][1], h = 1e-3;
        double want = ((o - (at + h)) * (o - (at + h)) - (o - (at - h)) * (o - (at - h))) / (2.0 * h);
        double got = dssr_dpredicted(o, at);
        if (!agrees(got, want, 1e-6))
            stop(v, 3, "dssr_dpredicted", "dssr_dpredicted(%g, %g) gives %.6g, but the measured "
                 "slope of (observed - predicted)^2 there is %.6g%s", o, at, got, want,
                 agrees(got, -want, 1e-6) ? ": look at its sign. The square shrinks as "
                 "predicted rises towards observed." : ".");
    }
    nn_params up = article_params(), down = up;
    up.b3 += 0.5;
    down.b3 -= 0.5;
    double want = forward(&up, 0.5).predicted - forward(&down, 0.5).predicted;
    if (dpredicted_db3() == 0.0)
        stop(v, 3, "dpredicted_db3", "dpredicted_db3() is unfinished: it gives 0, as its stub "
             "does, where the prediction measurably moves by %.6g per unit of b3.", want);
    if (!agrees(dpredicted_db3(), want, 1e-9))
        stop(v, 3, "dpredicted_db3", "dpredicted_db3() gives %.6g, but the prediction "
             "measurably moves by %.6g per unit of b3.", dpredicted_db3(), want);
}

/* dssr_db3() against the measured slope, over all the samples, then one and two. */
static void check_dssr_db3(const verifier *v)
{
    const nn_params *p = &v->start;
    double measured = measured_slope_in_b3(p, v->data);
    if (dssr_db3(p, v->data) == 0.0 && measured != 0.0)
        stop(v, 3, "dssr_db3", "dssr_db3() is unfinished: it gives 0, as its stub does, "
             "where the measured slope of the SSR at b3 = %g is %.6g.", p->b3, measured);
    const size_t counts[] = {v->data.count, 1, 2};
    for (int k = 0; k < 3; k++) {
        nn_data head = first_samples(v->data, counts[k]);
        double got = dssr_db3(p, head), want = measured_slope_in_b3(p, head);
        double size = fmax(1.0, ssr(p, head));
        if (!isfinite(want) || fabs(got - want) <= 1e-9 * fmax(size, fabs(want)))
            continue;
        if (agrees(got, -want, 1e-9))
            stop(v, 3, "dssr_db3", "your dssr_db3() gives %.6g at b3 = %g but the measured "
                 "slope is %.6g: look at the sign of dssr_db3() and of the links it multiplies.",
                 got, p->b3, want);
        stop(v, 3, "dssr_db3", "dssr_db3() over %zu sample%s gives %.6g at b3 = %g, but the "
             "measured slope of their SSR is %.6g: does it add every sample's product of the "
             "two links?", head.count, plural(head.count), got, p->b3, want);
    }
}

/* ---- Chapter 4 ---------------------------------------------------------- */

/* step_size() as the formula; apply_step() against a step the other way. */
static void check_step(const verifier *v)
{
    static const double sizes[][2] = {{-15.66, 0.1}, {2.0, 0.5}, {0.25, 4.0}};
    int unfinished = 1;
    for (int k = 0; k < 3; k++)
        unfinished &= step_size(sizes[k][0], sizes[k][1]) == 0.0;
    if (unfinished)
        stop(v, 4, "step_size", "step_size() is unfinished: it gives 0, as its stub does, "
             "where a slope of -15.66 at rate 0.1 makes a step of -1.566.");
    for (int k = 0; k < 3; k++) {
        double want = sizes[k][1] * sizes[k][0];
        if (!agrees(step_size(sizes[k][0], sizes[k][1]), want, 1e-12))
            stop(v, 4, "step_size", "step_size(%g, %g) gives %.6g, where the slope times the "
                 "learning rate is %.6g.", sizes[k][0], sizes[k][1],
                 step_size(sizes[k][0], sizes[k][1]), want);
    }

    const nn_params *p = &v->start;
    double size = step_size(dssr_db3(p, v->data), v->run->options.rate);
    const double steps[][2] = {{1.0, 0.25}, {0.0, -1.5}, {p->b3, size}};
    if (apply_step(1.0, 0.25) == 1.0 && apply_step(0.0, -1.5) == 0.0)
        stop(v, 4, "apply_step", "apply_step() is unfinished: it leaves the value where it "
             "was, as its stub does.");
    for (int k = 0; k < 3; k++) {
        double old = steps[k][0], step = steps[k][1], got = apply_step(old, step);
        if (agrees(got, old - step, 1e-12))
            continue;
        if (!agrees(got, old + step, 1e-12))
            stop(v, 4, "apply_step", "apply_step(%g, %g) gives %.6g, where a step downhill, "
                 "against the slope, ends at %.6g.", old, step, got, old - step);
        nn_params there = *p, other = *p;
        there.b3 = apply_step(p->b3, size);
        other.b3 = p->b3 - size;
        stop(v, 4, "apply_step", "apply_step(%g, %g) gives %.6g: it moves with the slope, "
             "uphill. From b3 = %g at rate %g it takes the SSR from %.6g to %.6g, where a step "
             "the other way, to %.6g, takes it to %.6g: look at its sign.", old, step, got,
             p->b3, v->run->options.rate, ssr(p, v->data), ssr(&there, v->data), other.b3,
             ssr(&other, v->data));
    }
}

/* ---- Chapters 5 and 6: the loops ---------------------------------------- */

/* What a loop is checked against, row by row, as it runs. */
typedef struct replay {
    const verifier *v;
    int chapter;
    const char *function;
    nn_data data;
    nn_settings settings;
    int moving;        /* the chapter whose parameters move: 5 b3, 6 w3, w4, b3, 7 all */
    nn_params at;      /* where the next row must be */
    nn_params before;  /* where the last row was, before its step */
    long rows;         /* rows seen */
    double last_step;  /* the largest |step size| of the last row */
} replay;

/* The slopes a loop needs, by the chapters that introduce them: b3's alone
   by dssr_db3() (chapter 3, for chapter 5); w3, w4 and b3 by their chains
   through the prediction (chapter 6); all seven by the backward pass
   (chapter 7). */
static nn_gradient slopes_for(int moving, const nn_params *p, nn_data data)
{
    nn_gradient g = {.value = {0.0}};
    if (moving >= 7)
        return gradient(p, data);
    if (moving == 5) {
        g.b3 = dssr_db3(p, data);
        return g;
    }
    for (size_t i = 0; i < data.count; i++) {
        nn_trace t = forward(p, data.input[i]);
        double d = dssr_dpredicted(data.observed[i], t.predicted);
        g.w3 += d * t.a1;
        g.w4 += d * t.a2;
        g.b3 += d * dpredicted_db3();
    }
    return g;
}

/* True when a row at `at` would hold only finite numbers. */
static int row_is_finite(const replay *r)
{
    if (!isfinite(ssr(&r->at, r->data)))
        return 0;
    nn_gradient slope = slopes_for(r->moving, &r->at, r->data);
    for (int i = 0; i < NN_PARAM_COUNT; i++)
        if (!isfinite(r->at.value[i]) ||
            !isfinite(step_size(slope.value[i], r->settings.learning_rate)))
            return 0;
    return 1;
}

/* Row `step` of a loop, where `at` is, and the step sizes of the moving
   parameters: each is checked, then `at` moves on. */
static void replay_row(replay *r, long step, const nn_params *params, double row_ssr,
                       const nn_gradient *slope, const nn_params *size)
{
    r->rows++;
    if (r->rows > 1 && r->last_step < r->settings.tolerance)
        stop(r->v, r->chapter, r->function, "%s() went on to row %ld after every step size of "
             "row %ld was below the tolerance %g, where the loop stops.", r->function, r->rows,
             r->rows - 1, r->settings.tolerance);
    if (step != r->rows)
        stop(r->v, r->chapter, r->function, "%s()'s row %ld is numbered %ld: rows count 1, 2, "
             "3, ...", r->function, r->rows, step);
    double want_ssr = ssr(&r->at, r->data);
    nn_gradient want_slope = slopes_for(r->moving, &r->at, r->data);
    r->before = r->at;
    r->last_step = 0.0;
    for (int i = 0; i < NN_PARAM_COUNT; i++) {
        const char *name = param_name(i);
        if (!agrees(params->value[i], r->at.value[i], 1e-9))
            stop(r->v, r->chapter, r->function, "%s()'s row %ld has %s = %.6g, where the steps "
                 "before it lead to %.6g.", r->function, r->rows, name, params->value[i],
                 r->at.value[i]);
        double want_size = step_size(want_slope.value[i], r->settings.learning_rate);
        if (!agrees(slope->value[i], want_slope.value[i], 1e-9))
            stop(r->v, r->chapter, r->function, "%s()'s row %ld has the slope dSSR/d%s = %.6g, "
                 "where the chain rule gives %.6g there.", r->function, r->rows, name,
                 slope->value[i], want_slope.value[i]);
        if (!agrees(size->value[i], want_size, 1e-9))
            stop(r->v, r->chapter, r->function, "%s()'s row %ld has the step size %.6g for %s, "
                 "where step_size() of its slope and the rate gives %.6g.", r->function,
                 r->rows, size->value[i], name, want_size);
        r->last_step = fmax(r->last_step, fabs(size->value[i]));
        r->at.value[i] = apply_step(r->at.value[i], size->value[i]);
    }
    if (!agrees(row_ssr, want_ssr, 1e-9))
        stop(r->v, r->chapter, r->function, "%s()'s row %ld has SSR = %.6g, where ssr() gives "
             "%.6g there.", r->function, r->rows, row_ssr, want_ssr);
}

/* How the loop ended, against the rows it showed and where it left p. */
static void check_ending(replay *r, nn_result result, const nn_params *p)
{
    if (r->rows == 0 && result.steps == 0 && result.end != NN_DIVERGED)
        stop(r->v, r->chapter, r->function, "%s() is unfinished: it returns at once, with no "
             "step taken and no row shown, as its stub does.", r->function);
    if (result.steps != r->rows)
        stop(r->v, r->chapter, r->function, "%s() reports %ld step%s, but showed %ld row%s.",
             r->function, result.steps, plural((size_t)result.steps), r->rows,
             plural((size_t)r->rows));
    long updates = r->rows;
    const char *how = "stopped at the step limit";
    if (result.end == NN_CONVERGED) {
        updates = r->rows - 1;
        how = "converged";
        if (!(r->last_step < r->settings.tolerance))
            stop(r->v, r->chapter, r->function, "%s() says it converged, but the step sizes of "
                 "its last row are not all below the tolerance %g.", r->function,
                 r->settings.tolerance);
        r->at = r->before; /* that last step is not taken */
    } else if (result.end == NN_STEP_LIMIT && r->rows != r->settings.max_steps) {
        stop(r->v, r->chapter, r->function, "%s() stopped after %ld row%s, neither at the step "
             "limit %ld nor below the tolerance.", r->function, r->rows,
             plural((size_t)r->rows), r->settings.max_steps);
    } else if (result.end == NN_DIVERGED) {
        if (!row_is_finite(r))
            return;
        stop(r->v, r->chapter, r->function, "%s() says it diverged after %ld row%s, where "
             "every number is finite.", r->function, r->rows, plural((size_t)r->rows));
    }
    if (result.updates != updates)
        stop(r->v, r->chapter, r->function, "%s() %s after %ld row%s and reports %ld update%s, "
             "where that makes %ld.", r->function, how, r->rows, plural((size_t)r->rows),
             result.updates, plural((size_t)result.updates), updates);
    for (int i = 0; i < NN_PARAM_COUNT; i++)
        if (!agrees(p->value[i], r->at.value[i], 1e-9))
            stop(r->v, r->chapter, r->function, "%s() leaves %s = %.6g, where its rows lead to "
                 "%.6g.", r->function, param_name(i), p->value[i], r->at.value[i]);
}

/* descend()'s observer: each row replayed. */
static void replay_point(const nn_step *point, void *context)
{
    replay *r = context;
    if (r == NULL) {
        fprintf(stderr, "descend() calls on_step with a NULL context, where it must\n"
                "  pass the context it was given.\n");
        exit(EXIT_UNFINISHED);
    }
    replay_row(r, point->step, &point->params, point->ssr, &point->slope, &point->step_size);
}

/* One loop run from `start` on `data`, replayed row by row. */
static void check_loop(const verifier *v, int chapter, nn_params start, nn_data data,
                       nn_settings settings, nn_slopes slopes)
{
    replay r = {v, 5, "descend", data, settings, chapter, start, start, 0, 0.0};
    nn_params p = start;
    nn_result result = descend(&p, data, slopes, settings, replay_point, &r);
    check_ending(&r, result, &p);
}

/* The stopping rule on step sizes whose answers are known. */
static void check_stopping_rule(const verifier *v)
{
    nn_params size = {.w3 = 0.0009, .w4 = -0.0009, .b3 = 0.0005};
    if (!steps_below_tolerance(&size, 0.001))
        stop(v, 5, "steps_below_tolerance", "steps_below_tolerance() says \"not yet\", with the "
             "step sizes 0, 0, 0, 0, 0.0009, -0.0009 and 0.0005 and a tolerance of 0.001: all "
             "are below it.");
    size.w1 = 5.0;
    if (steps_below_tolerance(&size, 0.001))
        stop(v, 5, "steps_below_tolerance", "steps_below_tolerance() says \"stop\" while w1 "
             "has a step size of 5 and the tolerance is 0.001.");
    size.w1 = 0.0;
    size.b3 = -0.001;
    if (steps_below_tolerance(&size, 0.001))
        stop(v, 5, "steps_below_tolerance", "steps_below_tolerance() says \"stop\" while b3's "
             "step size is -0.001 and the tolerance 0.001: a step must be strictly below it.");
}

/* optimal_b3() against the bowl's bottom from the residuals, and the loop. */
static void check_chapter5(const verifier *v)
{
    const nn_params *p = &v->start;
    double got = optimal_b3(p, v->data), want = chapter_bowl_bottom(p, v->data);
    nn_params there = *p;
    there.b3 = got;
    if (got == 0.0 && want != 0.0)
        stop(v, 5, "optimal_b3", "optimal_b3() is unfinished: it gives 0, as its stub does, "
             "where the bottom of the bowl is at b3 = %.6g.", want);
    if (!agrees(got, want, 1e-9))
        stop(v, 5, "optimal_b3", "optimal_b3() gives %.6g, but the measured slope of the SSR "
             "there is %.6g, not 0: the bottom of the bowl is at b3 = %.6g.", got,
             measured_slope_in_b3(&there, v->data), want);
    nn_settings usual = {0.1, 0.001, 1000};
    nn_params article = article_params();
    check_loop(v, 5, article, article_data(), usual, b3_gradient);
    nn_settings few = {v->run->options.rate, v->run->options.tolerance,
                       v->run->options.max_steps < 5 ? v->run->options.max_steps : 5};
    check_loop(v, 5, *p, v->data, few, b3_gradient);
    check_stopping_rule(v);
}

/* ---- Chapter 6 ---------------------------------------------------------- */

/* output_layer_gradient() against the three chains written out here, over
   all the samples, then the first alone and the first two; then the loop. */
static void check_chapter6(const verifier *v)
{
    nn_params start = start_output_layer();
    const size_t counts[] = {v->data.count, 1, 2};
    for (int k = 0; k < 3; k++) {
        nn_data head = first_samples(v->data, counts[k]);
        nn_gradient got = output_layer_gradient(&start, head);
        nn_gradient want = slopes_for(6, &start, head);
        int empty = 1;
        for (int i = 0; i < NN_PARAM_COUNT; i++)
            empty &= got.value[i] == 0.0;
        if (k == 0 && empty && want.w3 != 0.0)
            stop(v, 6, "output_layer_gradient", "output_layer_gradient() is unfinished: it "
                 "gives 0 for every slope, as its stub does, where dSSR/dw3 = %.6g.", want.w3);
        for (int i = 0; i < NN_PARAM_COUNT; i++)
            if (!agrees(got.value[i], want.value[i], 1e-9))
                stop(v, 6, "output_layer_gradient", "output_layer_gradient() over %zu sample%s "
                     "gives dSSR/d%s = %.6g, where its chain%s give%s %.6g%s", head.count,
                     plural(head.count), param_name(i), got.value[i],
                     i < NN_W3 ? "" : "s", i < NN_W3 ? "s" : "", want.value[i],
                     i < NN_W3 ? ": only w3, w4 and b3 move in chapter 6." : ".");
    }
    nn_settings usual = {0.1, 0.001, 1000};
    check_loop(v, 6, start, article_data(), usual, output_layer_gradient);
    nn_settings few = {v->run->options.rate, v->run->options.tolerance,
                       v->run->options.max_steps < 5 ? v->run->options.max_steps : 5};
    check_loop(v, 6, start, v->data, few, output_layer_gradient);
}

/* ---- Chapter 7 ---------------------------------------------------------- */

/* The slope of the SSR along parameter i, measured over four points around
   it: (-S(+2h) + 8 S(+h) - 8 S(-h) + S(-2h)) / 12h, off by about h^4. */
static double measured_slope(const nn_params *p, nn_data data, int i, double h)
{
    const double offset[] = {2.0, 1.0, -1.0, -2.0}, weight[] = {-1.0, 8.0, -8.0, 1.0};
    double sum = 0.0;
    for (int k = 0; k < 4; k++) {
        nn_params q = *p;
        q.value[i] += offset[k] * h;
        sum += weight[k] * ssr(&q, data);
    }
    return sum / (12.0 * h);
}

/* random_start() against four draws in order; backward() against
   measured slopes, and adding to what *g holds. */
static void check_chapter7(const verifier *v, const nn_params *start)
{
    random_state mine = random_seed(1), theirs = random_seed(1);
    nn_params want = {.value = {0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0}};
    want.w1 = random_normal(&mine);
    want.w2 = random_normal(&mine);
    want.w3 = random_normal(&mine);
    want.w4 = random_normal(&mine);
    nn_params got = random_start(&theirs);
    int empty = 1;
    for (int i = 0; i < NN_PARAM_COUNT; i++)
        empty &= got.value[i] == 0.0;
    if (empty)
        stop(v, 7, "random_start", "random_start() is unfinished: every parameter it "
             "gives is 0, as in its stub.");
    for (int i = 0; i < NN_PARAM_COUNT; i++)
        if (got.value[i] != want.value[i])
            stop(v, 7, "random_start", "random_start() with seed 1 gives %s = %.6g, where "
                 "it is %.6g: the weights are drawn in the order w1, w2, w3, w4, and each bias "
                 "is 0.", param_name(i), got.value[i], want.value[i]);

    /* On the article's samples: on large inputs the measurement's own error
       outgrows any fixed allowance (chapter 8 shows why). */
    nn_data data = article_data();
    nn_gradient g = gradient(start, data);
    double size = fmax(1.0, ssr(start, data)), largest = 0.0;
    for (int i = 0; i < NN_PARAM_COUNT; i++)
        largest = fmax(largest, fabs(g.value[i]));
    for (int i = 0; i < NN_PARAM_COUNT; i++) {
        double h = 1e-3 * fmax(1.0, fabs(start->value[i]));
        double measured = measured_slope(start, data, i, h);
        double allowance = 1e-6 * fmax(1.0, fabs(measured)) + 1e3 * DBL_EPSILON * size / h;
        if (!isfinite(measured) || fabs(g.value[i] - measured) <= allowance)
            continue;
        if (largest == 0.0)
            stop(v, 7, "backward", "backward() is unfinished: it adds nothing to the slopes, as "
                 "its stub does, where the measured dSSR/d%s is %.6g.", param_name(i),
                 measured);
        stop(v, 7, "backward", "backward() gives dSSR/d%s = %.6g, but the measured slope is "
             "%.6g: look at the chain from the prediction back to %s.", param_name(i),
             g.value[i], measured, param_name(i));
    }
    nn_trace t = forward(start, data.input[0]);
    nn_gradient once = {.value = {0.0}};
    nn_gradient onto = {.value = {1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0}};
    backward(start, &t, data.observed[0], &once);
    backward(start, &t, data.observed[0], &onto);
    for (int i = 0; i < NN_PARAM_COUNT; i++)
        if (!agrees(onto.value[i], 1.0 + once.value[i], 1e-9))
            stop(v, 7, "backward", "backward() onto a dSSR/d%s of 1 leaves %.6g, where adding "
                 "this sample's share, %.6g, gives %.6g: it must add to *g (+=), not replace it.",
                 param_name(i), onto.value[i], once.value[i],
                 1.0 + once.value[i]);
}

/* ---- Chapter 8 ---------------------------------------------------------- */

/* relative_error() on pairs whose answers are known; slope_by_difference()
   against the backward pass, checked in chapter 7. */
static void check_chapter8(const verifier *v)
{
    static const double pairs[][3] = {{1.0, 1.25, 0.2}, {1.25, 1.0, 0.2}, {-3.0, 3.0, 2.0},
                                      {1e-13, -1e-13, 2e-5}, {0.0, 0.0, 0.0}};
    int unfinished = 1;
    for (int k = 0; k < 5; k++)
        unfinished &= relative_error(pairs[k][0], pairs[k][1]) == 1.0;
    if (unfinished)
        stop(v, 8, "relative_error", "relative_error() is unfinished: it gives 1 for every "
             "pair, as its stub does.");
    for (int k = 0; k < 5; k++)
        if (!agrees(relative_error(pairs[k][0], pairs[k][1]), pairs[k][2], 1e-9))
            stop(v, 8, "relative_error", "relative_error(%g, %g) gives %.6g, where |a - b| over "
                 "the larger of |a|, |b| and 1e-8 is %g.", pairs[k][0], pairs[k][1],
                 relative_error(pairs[k][0], pairs[k][1]), pairs[k][2]);

    nn_params p = article_params();
    nn_data data = article_data();
    nn_gradient g = gradient(&p, data);
    int empty = 1;
    for (int i = 0; i < NN_PARAM_COUNT; i++)
        empty &= slope_by_difference(&p, data, i) == 0.0;
    if (empty)
        stop(v, 8, "slope_by_difference", "slope_by_difference() is unfinished: it gives 0 for "
             "every parameter, as its stub does, where the backward pass gives dSSR/dw1 = "
             "%.6g at the article's point.", g.w1);
    for (int i = 0; i < NN_PARAM_COUNT; i++)
        if (!agrees(slope_by_difference(&p, data, i), g.value[i], 1e-6))
            stop(v, 8, "slope_by_difference", "slope_by_difference() along %s gives %.6g at the "
                 "article's point, where the backward pass gives %.6g.", param_name(i),
                 slope_by_difference(&p, data, i), g.value[i]);
}

void verify_chapters(const chapter_run *run, int chapter)
{
    verifier v = {run, run->start, first_samples(run->data, VERIFY_SAMPLES)};
    int moderate = v.data.count > 0 && fabs(v.start.b3) <= VERIFY_LARGEST;
    for (size_t i = 0; i < v.data.count; i++)
        moderate &= fabs(v.data.input[i]) <= VERIFY_LARGEST &&
                    fabs(v.data.observed[i]) <= VERIFY_LARGEST;
    if (!moderate) {
        v.start = article_params();
        v.data = article_data();
    }
    if (chapter >= 1) {
        check_forward(&v);
        check_softplus(&v);
    }
    if (chapter >= 2)
        check_ssr(&v);
    if (chapter >= 3) {
        check_links(&v);
        check_dssr_db3(&v);
    }
    if (chapter >= 4)
        check_step(&v);
    if (chapter >= 5)
        check_chapter5(&v);
    if (chapter >= 6)
        check_chapter6(&v);
    if (chapter >= 7) {
        nn_params start = start_all();
        check_chapter7(&v, &start);
    }
    if (chapter >= 8)
        check_chapter8(&v);
}
