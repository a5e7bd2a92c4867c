/**
 * @file scale.c
 * @brief Chapter 10: the same gradient on a hundred thousand samples, made fast.
 *
 * Chapter 7 computes the slope of every weight and bias on three samples.
 * Here there are many more, and the chapter takes the computation apart to
 * see where the time goes, one idea at a time, each measured as it comes and
 * checked against the plain loops of nn.c: the speed may change, the numbers
 * may not (beyond the last digit or two, and the chapter shows why those
 * move). The ideas, in order: one exponential per neuron, one pass for the
 * SSR and all seven slopes, vector lanes, a softplus the compiler can
 * vectorise, and threads that add their sums in a fixed order.
 */
#define _POSIX_C_SOURCE 200809L

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "fast.h"
#include "nn.h"
#include "random.h"
#include "report.h"
#include "unsafe_math.h"

static const cli_program program = {
    "chapter10",
    "Chapter 10: the full gradient from three samples to a million, as fast as\n"
    "the machine allows. Without --data it fits N points of the curve the\n"
    "article's network draws (default 100000; --samples 0 takes the article's\n"
    "three samples). Each slope is scaled by 3/N, so --rate takes steps the size\n"
    "chapter 7 takes on three samples. Without --threads, a short trial picks\n"
    "1 thread or every core, whichever is faster.",
    CLI_DATA | CLI_RATE | CLI_TOLERANCE | CLI_MAX_STEPS | CLI_CSV | CLI_QUIET | CLI_SEED |
        CLI_THREADS | CLI_SAMPLES,
};

enum { DEFAULT_SAMPLES = 100000 };

/* ---- The steps, from the plain loops to the fast path -------------------- */

// [ch10_one_exponential]
/* Step 1. forward() calls softplus() and sigmoid(), and each computes its
   own e^-|z|: two exponentials per neuron. Both come from the same one. */
static nn_trace forward_one_exponential(const nn_params *p, double x)
{
    nn_trace t;
    t.x = x;
    t.z1 = p->w1 * x + p->b1;
    double e1 = exp(-fabs(t.z1)); /* the one exponential of the top neuron */
    t.a1 = fmax(t.z1, 0.0) + log1p(e1);
    t.s1 = (t.z1 >= 0.0 ? 1.0 : e1) / (1.0 + e1);
    t.top = p->w3 * t.a1;
    t.z2 = p->w2 * x + p->b2;
    double e2 = exp(-fabs(t.z2));
    t.a2 = fmax(t.z2, 0.0) + log1p(e2);
    t.s2 = (t.z2 >= 0.0 ? 1.0 : e2) / (1.0 + e2);
    t.bottom = p->w4 * t.a2;
    t.predicted = t.top + t.bottom + p->b3;
    return t;
}

static nn_gradient gradient_one_exponential(const nn_params *p, nn_data data)
{
    nn_gradient g = {0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0};
    for (size_t i = 0; i < data.count; i++) {
        nn_trace t = forward_one_exponential(p, data.input[i]);
        backward(p, &t, data.observed[i], &g);
    }
    return g;
}
// [ch10_one_exponential]

// [ch10_one_pass]
/* Step 2. The descent needs the SSR and the gradient at every point, and
   ssr() and gradient() each run the forward pass over every sample. One
   pass can add up the squared residual along with the slopes. */
static fast_result one_pass(const nn_params *p, nn_data data)
{
    fast_result f = {{0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0}, 0.0};
    for (size_t i = 0; i < data.count; i++) {
        nn_trace t = forward_one_exponential(p, data.input[i]);
        double r = residual(data.observed[i], t.predicted);
        f.ssr += r * r; /* the SSR, in the same pass */
        backward(p, &t, data.observed[i], &f.slope);
    }
    return f;
}
// [ch10_one_pass]

/* ---- Timing ------------------------------------------------------------- */

static double seconds(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

/* One way of computing the SSR and the slopes, to be timed. */
typedef enum way {
    TWO_PASSES,      /* ssr() then gradient() of nn.c */
    ONE_EXPONENTIAL, /* ssr() then gradient_one_exponential() */
    ONE_PASS,        /* one_pass() */
    LANES_LIBM,      /* fast_gradient_with(FAST_LANES_LIBM) */
    LANES_OWN,       /* fast_gradient_with(FAST_OWN_SOFTPLUS), one thread */
    THREADS          /* the same on c->threads threads */
} way;

typedef struct contender {
    const nn_params *p;
    nn_data data;
    int threads;
    fast_result result;
} contender;

static void run(contender *c, way how)
{
    switch (how) {
    case TWO_PASSES:
        c->result.ssr = ssr(c->p, c->data);
        c->result.slope = gradient(c->p, c->data);
        break;
    case ONE_EXPONENTIAL:
        c->result.ssr = ssr(c->p, c->data);
        c->result.slope = gradient_one_exponential(c->p, c->data);
        break;
    case ONE_PASS:
        c->result = one_pass(c->p, c->data);
        break;
    case LANES_LIBM:
        c->result = fast_gradient_with(c->p, c->data, 1, FAST_LANES_LIBM);
        break;
    case LANES_OWN:
        c->result = fast_gradient(c->p, c->data, 1);
        break;
    case THREADS:
        c->result = fast_gradient(c->p, c->data, c->threads);
        break;
    }
}

// [ch10_timing]
/* Seconds for `reps` passes of `how`. */
static double time_passes(contender *c, way how, long reps)
{
    double start = seconds();
    for (long i = 0; i < reps; i++)
        run(c, how);
    return seconds() - start;
}

/* Passes of `how` that take about 20 ms. */
static long passes_for_20_ms(contender *c, way how)
{
    double took = time_passes(c, how, 1);
    return took > 0.02 ? 1 : (long)(0.02 / (took > 1e-7 ? took : 1e-7)) + 1;
}

/* Nanoseconds per sample of `before` and `after` (in ns[0] and ns[1]): the
   best of five runs of about 20 ms each, taken in turn, so that a moment
   when other programs had the machine neither counts nor favours one. */
static void ns_per_sample(contender *c, way before, way after, double ns[2])
{
    const way ways[2] = {before, after};
    long reps[2] = {passes_for_20_ms(c, before), passes_for_20_ms(c, after)};
    ns[0] = ns[1] = INFINITY;
    for (int round = 0; round < 5; round++)
        for (int k = 0; k < 2; k++) {
            double per_sample = time_passes(c, ways[k], reps[k]) * 1e9 / (double)reps[k] /
                                (double)c->data.count;
            ns[k] = fmin(ns[k], per_sample);
        }
}
// [ch10_timing]

/* "2.3 times as fast", or as slow, from two times; past 100 times, the
   decimal gives way so that the line keeps to 80 columns. */
static void print_speed(double before, double after)
{
    double ratio = after <= before ? before / after : after / before;
    printf(" (%.*f times as %s)\n", ratio < 99.95 ? 1 : 0, ratio,
           after <= before ? "fast" : "slow");
}

/* Times `before`, then `after`, and prints both and how much faster the
   second is. */
static void compare(contender *c, const char *before_name, way before, const char *after_name,
                    way after)
{
    double ns[2];
    ns_per_sample(c, before, after, ns);
    /* Two decimals below a microsecond, none from there on: six columns. */
    printf("  %-36s %6.*f ns per sample\n", before_name, ns[0] < 999.995 ? 2 : 0, ns[0]);
    printf("  %-36s %6.*f ns per sample", after_name, ns[1] < 999.995 ? 2 : 0, ns[1]);
    print_speed(ns[0], ns[1]);
    printf("\n");
}

/* The relative difference of a from b, 0 when both are equal. */
static double relative(double a, double b)
{
    return a == b ? 0.0 : fabs(a - b) / fmax(fabs(a), fabs(b));
}

/* Number k of a result: the SSR, then the slopes in the order of nn_params. */
static double value_of(fast_result r, int k)
{
    return k == 0 ? r.ssr : nn_param(&r.slope, k - 1);
}

/* The largest relative difference between two results, over all eight numbers. */
static double largest_difference(fast_result a, fast_result b)
{
    double worst = 0.0;
    for (int k = 0; k < 8; k++)
        worst = fmax(worst, relative(value_of(a, k), value_of(b, k)));
    return worst;
}

static void print_difference(fast_result fast, fast_result plain)
{
    double d = largest_difference(fast, plain);
    if (d == 0.0)
        printf("  Every digit of the SSR and the seven slopes is that of nn.c.\n\n");
    else
        printf("  Largest relative difference from nn.c's numbers: %.1e.\n\n", d);
}

/* ---- The lessons -------------------------------------------------------- */

static void show_one_exponential(contender *c)
{
    printf("1. One exponential per neuron\n\n"
           "softplus(z) = log(1 + e^z) and its slope sigmoid(z) = 1 / (1 + e^-z) both\n"
           "come from e^-|z|. softplus() and sigmoid() each compute it; computed once,\n"
           "it serves both.\n\n");
    compare(c, "ssr() and gradient()", TWO_PASSES, "the same, one exponential per neuron",
            ONE_EXPONENTIAL);
}

static fast_result show_one_pass(contender *c)
{
    static const char *const names[8] = {"SSR",      "dSSR/dw1", "dSSR/db1", "dSSR/dw2",
                                         "dSSR/db2", "dSSR/dw3", "dSSR/dw4", "dSSR/db3"};
    printf("2. One pass for the SSR and all seven slopes\n\n"
           "ssr() runs the forward pass over every sample, then gradient() runs it\n"
           "again. One pass can add up each squared residual along with the slopes.\n\n");
    fast_result plain;
    plain.ssr = ssr(c->p, c->data);
    plain.slope = gradient(c->p, c->data);
    compare(c, "ssr(), one exponential per neuron", ONE_EXPONENTIAL,
            "one pass for the SSR and the slopes", ONE_PASS);
    printf("  at the start    ssr() and gradient()        one pass\n");
    for (int k = 0; k < 8; k++)
        printf("  %-10s %25.17g %25.17g\n", names[k], value_of(plain, k),
               value_of(c->result, k));
    printf("\n");
    print_difference(c->result, plain);
    return plain;
}

static void show_lanes(contender *c, fast_result plain)
{
    printf("3. Vector lanes\n\n"
           "A vector instruction works on several doubles at once: 2 with SSE2 or NEON,\n"
           "4 with AVX2, 8 with AVX-512. fast.c takes the samples %d at a time, in GNU C\n"
           "vector types that the compiler maps onto the widest registers it may use.\n"
           "Each lane keeps its own partial sums, added together at the end: the same\n"
           "additions in another order. But exp() and log1p() of the C library take\n"
           "one number at a time, so the lanes must wait for them one by one.\n\n",
           fast_lanes());
    compare(c, "one pass, one sample at a time", ONE_PASS,
            "lanes, the library's exp and log1p", LANES_LIBM);
    print_difference(c->result, plain);
}

static void show_own_softplus(contender *c, fast_result plain)
{
    printf("4. A softplus the compiler can vectorise\n\n"
           "fast.c computes e^-|z| itself: 2^-n times a polynomial, n the whole number\n"
           "nearest |z| / ln 2. Then log(1 + e) = 2 atanh(s), another polynomial, with\n"
           "s = e / (2 + e); above e = sqrt(2) - 1 it is ln 2 + 2 atanh(s) with\n"
           "s = (e - 1) / (3 + e), so that s stays small. sigmoid is 1 / (1 + e) or\n"
           "e / (1 + e). Only +, -, *, / and a few bit operations: every lane runs them\n"
           "at once. Each value is within 4 ulp of the exact one (tests/test_fast.c\n"
           "checks it).\n\n");
    compare(c, "lanes, the library's exp and log1p", LANES_LIBM,
            "lanes, fast.c's softplus, sigmoid", LANES_OWN);
    print_difference(c->result, plain);
}

// [ch10_order]
/* The observed values summed in `parts` consecutive parts, each part summed in
   order and the part sums then added: what `parts` threads would each do. */
static double sum_in_parts(nn_data data, size_t parts)
{
    double total = 0.0;
    for (size_t k = 0; k < parts; k++) {
        double part = 0.0;
        for (size_t i = k * data.count / parts; i < (k + 1) * data.count / parts; i++)
            part += data.observed[i];
        total += part;
    }
    return total;
}
// [ch10_order]

static void show_threads(contender *c, int most)
{
    printf("5. Threads, and the order of a sum\n\n"
           "Each thread takes a share of the samples and sums its share; the shares are\n"
           "then added. Floating-point addition rounds, so the order matters: here are\n"
           "the %zu observed values summed in one part, and in 2, 3 and 4 parts:\n\n",
           c->data.count);
    for (size_t parts = 1; parts <= 4; parts++)
        printf("  %zu part%s %26.17g\n", parts, parts == 1 ? " " : "s",
               sum_in_parts(c->data, parts));
    printf("\nIf the parts followed the threads, --threads would change the last digits.\n"
           "fast.c cuts the samples into blocks of %d (at most %d blocks) that depend\n"
           "on their count alone, and adds the block sums in order, so every thread\n"
           "count gives the same bits:\n\n",
           FAST_BLOCK, FAST_MAX_BLOCKS);
    fast_result one = fast_gradient(c->p, c->data, 1);
    fast_result many = fast_gradient(c->p, c->data, most);
    printf("  SSR on 1 thread  %25.17g\n  SSR on %d thread%s %*.17g  %s\n\n", one.ssr, most,
           most == 1 ? " " : "s", most < 10 ? 25 : 24, many.ssr,
           largest_difference(one, many) == 0.0 ? "same bits, slopes too" : "DIFFERENT");
    if (most > 1) {
        char name[40];
        snprintf(name, sizeof name, "fast.c on %d threads", most);
        c->threads = most;
        compare(c, "fast.c on 1 thread", LANES_OWN, name, THREADS);
    }
    if (fast_most_threads() == 1)
        printf("(This build has no OpenMP, so everything runs on one thread.)\n\n");
    else if (fast_blocks(c->data.count) == 1)
        printf("(%zu samples make one block, so one thread does it all: starting\n"
               "threads would cost more than it saves.)\n\n",
               c->data.count);
}

// [ch10_few]
/* Steps of descent on the article's three samples from chapter 7's start,
   at rate 0.1: by step 4's lanes, one gradient and then the update of each
   parameter, or by fast_descend(), which hands three samples to few.c. The
   point reached goes to `end`; returns nanoseconds per step. */
static double few_steps(int by_few, long steps, nn_params *end)
{
    nn_data article = nn_article_data();
    nn_params p = nn_start_all();
    double start = seconds();
    if (by_few) {
        descent_settings settings = {0.1, 0.0, steps};
        fast_descend(&p, article, settings, 1, NULL, NULL);
    } else {
        for (long k = 0; k < steps; k++) {
            fast_result r = fast_gradient(&p, article, 1);
            for (int i = 0; i < NN_PARAM_COUNT; i++)
                *nn_param_at(&p, i) -= 0.1 * nn_param(&r.slope, i);
        }
    }
    double took = seconds() - start;
    *end = p;
    return took * 1e9 / (double)steps;
}
// [ch10_few]

static void show_few(void)
{
    printf("6. Three samples: softplus near where it was\n\n"
           "On the article's three samples a step is one chain of waits: the new\n"
           "parameters, z, softplus, the residual, the sums and the update, each\n"
           "waiting for the one before. So few.c keeps the parameters in vector lanes,\n"
           "and takes softplus and sigmoid from eight terms of their Taylor series at\n"
           "the nearest multiple of 1/16, three multiply-adds deep. New coefficients\n"
           "are worked out only when a z leaves its piece.\n\n");
    enum { STEPS = 20000 };
    double ns[2] = {INFINITY, INFINITY};
    nn_params end[2];
    for (int round = 0; round < 5; round++)
        for (int by_few = 0; by_few < 2; by_few++)
            ns[by_few] = fmin(ns[by_few], few_steps(by_few, STEPS, &end[by_few]));
    printf("  %-36s %6.1f ns per step\n", "step 4's lanes, then the update", ns[0]);
    printf("  %-36s %6.1f ns per step", "few.c", ns[1]);
    print_speed(ns[0], ns[1]);
    nn_params plain = nn_start_all();
    descent_settings settings = {0.1, 0.0, STEPS};
    descend(&plain, nn_article_data(), NN_ALL_PARAMS, settings, NULL, NULL);
    double worst = 0.0;
    for (int i = 0; i < NN_PARAM_COUNT; i++)
        worst = fmax(worst, relative(nn_param(&end[1], i), nn_param(&plain, i)));
    printf("\n  After %d steps, the largest relative difference of a parameter from\n"
           "  nn.c's descend(): %.1e.\n\n",
           STEPS, worst);
}

// [ch10_safe]
static int plain_isfinite(double v)
{
    return isfinite(v);
}

static double plain_round_trip(double x, double big)
{
    return (x + big) - big;
}
// [ch10_safe]

static void show_fast_math(void)
{
    volatile double inf = INFINITY; /* volatile: computed at run time, not folded */
    printf("7. What -ffast-math would break\n\n"
           "-ffast-math would let the compiler vectorise the library's exp and log1p too,\n"
           "but it also lets it reorder every sum and assume no value is ever infinite\n"
           "or NaN. The same two lines, built without and with it:\n\n");
    printf("  is an infinite SSR finite?      plain: %-5s  -ffast-math: %s\n",
           plain_isfinite(inf) ? "yes" : "no", fast_math_isfinite(inf) ? "yes" : "no");
    printf("  (0.1 + 1e16) - 1e16             plain: %-5g  -ffast-math: %g\n\n",
           plain_round_trip(0.1, 1e16), fast_math_round_trip(0.1, 1e16));
    printf("In doubles 0.1 is lost when added to 1e16, so 0 is the right answer of that\n"
           "line as written. An answer of \"yes\" on the first line is worse: the\n"
           "descent's divergence check would let infinities through. So nothing in\n"
           "fast.c needs -ffast-math, and only unsafe_math.c is built with it.\n\n");
}

/* ---- Where the samples and the starting point come from ----------------- */

/* The samples in use: a file's, the article's three, or generated ones. */
typedef struct samples {
    data_set file;     /* --data */
    double *generated; /* --samples: inputs, then observed values */
    nn_data data;
    const char *source;
} samples;

static samples load_samples(const cli_options *options)
{
    samples s = {{0, 0, NULL, NULL}, NULL, {0, NULL, NULL}, ""};
    int given = (options->given & CLI_SAMPLES) != 0;
    if (options->data_path != NULL && given) {
        fprintf(stderr, "%s: give --data or --samples, not both\n", program.name);
        exit(EXIT_BAD_INPUT);
    }
    if (options->data_path != NULL || (given && options->samples == 0)) {
        s.data = report_samples(options, &s.file);
        s.source = options->data_path != NULL ? options->data_path : "the article's samples";
        return s;
    }
    size_t n = given ? (size_t)options->samples : DEFAULT_SAMPLES;
    if (n > (size_t)-1 / (2 * sizeof(double)) ||
        (s.generated = malloc(2 * n * sizeof(double))) == NULL) {
        fprintf(stderr, "%s: --samples %zu: not enough memory for that many samples\n",
                program.name, n);
        exit(EXIT_BAD_INPUT);
    }
    fast_curve(n, s.generated, s.generated + n);
    s.data.count = n;
    s.data.input = s.generated;
    s.data.observed = s.generated + n;
    s.source = "the article's curve";
    return s;
}

static void free_samples(samples *s)
{
    data_free(&s->file);
    free(s->generated);
}

/* Chapter 7's start (StatQuest's part 2), or with --seed, chapter 7's random
   start: weights from a standard normal, biases at 0. */
static nn_params starting_point(const cli_options *options)
{
    if (!(options->given & CLI_SEED))
        return nn_start_all();
    random_state rng = random_seed((uint64_t)options->seed);
    return nn_random_start(&rng);
}

/* The largest |value| in the samples. */
static double largest_value(nn_data data)
{
    double big = 0.0;
    for (size_t i = 0; i < data.count; i++)
        big = fmax(big, fmax(fabs(data.input[i]), fabs(data.observed[i])));
    return big;
}

/* An SSR or slope at the start that is not finite: the data's fault when its
   values are past 1e150 (their squares overflow), else the start's. */
static void require_finite_start(const nn_params *p, nn_data data, const cli_options *options)
{
    fast_result f = fast_gradient(p, data, 1);
    if (isfinite(f.ssr) && isfinite(f.slope.w1) && isfinite(f.slope.b1) &&
        isfinite(f.slope.w2) && isfinite(f.slope.b2) && isfinite(f.slope.w3) &&
        isfinite(f.slope.w4) && isfinite(f.slope.b3))
        return;
    if (largest_value(data) > 1e150)
        fprintf(stderr, "%s: the SSR is not a finite number: the data holds values too "
                "large (%.3g)\n", program.name, largest_value(data));
    else
        fprintf(stderr, "%s: the SSR is not a finite number at the start%s\n", program.name,
                options->given & CLI_SEED ? "; try another --seed" : "");
    exit(EXIT_DIVERGED);
}

// [ch10_threads]
/* Without --threads: one thread, or every core (`most`, at most one per
   block) if a short trial finds it faster. Threads cost time to start and
   to wait for each other, and on a machine that other programs keep busy
   every core can be slower than one. */
static int pick_threads(const nn_params *p, nn_data data, int most)
{
    if (most <= 1)
        return 1;
    double best[2] = {0.0, 0.0};
    for (int round = 0; round < 10; round++) { /* alternately, so both see the same load */
        for (int k = 0; k < 2; k++) {
            double start = seconds();
            fast_gradient(p, data, k == 0 ? 1 : most);
            double took = seconds() - start;
            if (round == 0 || took < best[k])
                best[k] = took;
        }
    }
    return best[1] < best[0] ? most : 1;
}
// [ch10_threads]

/* ---- The descent ---------------------------------------------------------- */

typedef struct row_printer {
    const cli_options *options;
    long next_shown; /* rows 1, 2, 5, 10, 20, 50, ... are shown */
} row_printer;

/* A parameter in 7 columns: 3 decimals, or a power of ten when that is wider. */
static void print_cell(double v)
{
    if (fabs(v) < 999.9995)
        printf(" %7.3f", v);
    else
        printf(" %7.0e", v);
}

static void print_row(const fast_row *row, void *context)
{
    row_printer *printer = context;
    const nn_params *q = &row->params;
    if (printer->options->quiet)
        return;
    if (printer->options->csv) {
        printf("%ld,%.17g,%.17g,%.17g,%.17g,%.17g,%.17g,%.17g,%.17g\n", row->step, q->w1,
               q->b1, q->w2, q->b2, q->w3, q->w4, q->b3, row->ssr);
        return;
    }
    if (row->step != printer->next_shown)
        return;
    long lead = row->step;
    while (lead >= 10)
        lead /= 10;
    /* 1, 2, 5, 10, 20, 50, ...: double, except that 2 is followed by 5 */
    printer->next_shown = lead == 2 ? row->step / 2 * 5 : row->step * 2;
    printf("%7ld %10.4g", row->step, row->ssr);
    for (int k = 0; k < NN_PARAM_COUNT; k++)
        print_cell(nn_param(q, k));
    printf("\n");
}

/* Four decimals, or three significant digits and a power of ten past 1e6. */
static void print_param(const char *name, double v, const char *after)
{
    printf(fabs(v) < 1e6 ? "%s = %.4f%s" : "%s = %.3e%s", name, v, after);
}

static void print_final(const cli_options *options, const nn_params *p, nn_data data,
                        descent_result result, int threads, double per_step)
{
    fast_result end = fast_gradient(p, data, 1);
    printf("%safter %ld update%s: SSR = %.4g, mean squared residual %.4g\n",
           options->quiet ? "" : "\n", result.updates, result.updates == 1 ? "" : "s",
           end.ssr, end.ssr / (double)data.count);
    if (result.end == DESCENT_CONVERGED && result.updates == 0)
        printf("(stopped before the first step: every step size was below %g)\n",
               options->tolerance);
    else if (result.end == DESCENT_CONVERGED)
        printf("(converged: every step size was below %g)\n", options->tolerance);
    else
        printf("(stopped at the limit of %ld updates)\n", options->max_steps);
    print_param("w1", p->w1, ", ");
    print_param("b1", p->b1, ", ");
    print_param("w2", p->w2, ", ");
    print_param("b2", p->b2, "\n");
    print_param("w3", p->w3, ", ");
    print_param("w4", p->w4, ", ");
    print_param("b3", p->b3, "\n");
    if (!options->quiet)
        printf("\n%.3g ms per step on %d thread%s, %.2f ns per sample-step.\n",
               per_step * 1e3, threads, threads == 1 ? "" : "s",
               per_step * 1e9 / (double)data.count);
}

static void print_start(const samples *s, const nn_params *p, int threads)
{
    report_title("Chapter 10: from three samples to a million");
    /* A file's name is shown as typed, its control bytes escaped. */
    size_t length = strlen(s->source);
    char *source = malloc(CLI_ESCAPED_SIZE(length));
    if (source == NULL) {
        fprintf(stderr, "%s: out of memory\n", program.name);
        exit(EXIT_BAD_INPUT);
    }
    report_text("%zu samples (%s), %d thread%s. The start: w1 = %g,\n"
                "b1 = %g, w2 = %g, b2 = %g, w3 = %g, w4 = %g, b3 = %g.\n\n", s->data.count,
                cli_escape(s->source, length, length, source), threads, threads == 1 ? "" : "s",
                p->w1, p->b1, p->w2, p->b2, p->w3, p->w4, p->b3);
    free(source);
}

int main(int argc, char **argv)
{
    cli_options options = cli_parse_or_exit(&program, argc, argv);
    if (options.threads > FAST_MAX_BLOCKS) {
        fprintf(stderr, "%s: --threads %ld: at most %d (a pass is cut into at most %d "
                "blocks)\n", program.name, options.threads, FAST_MAX_BLOCKS, FAST_MAX_BLOCKS);
        return EXIT_BAD_INPUT;
    }
    samples s = load_samples(&options);
    nn_data data = s.data;
    nn_params p = starting_point(&options);
    require_finite_start(&p, data, &options);
    /* More threads than blocks would have nothing to do. */
    int blocks = (int)fast_blocks(data.count);
    int most = options.threads > 0 ? (int)options.threads : fast_cores();
    most = most < blocks ? most : blocks;
    most = most < fast_most_threads() ? most : fast_most_threads(); /* 1 without OpenMP */
    int threads = options.threads > 0 ? most : pick_threads(&p, data, most);
    int teach = !options.csv && !options.quiet;

    if (teach) {
        print_start(&s, &p, threads);
        contender c = {&p, data, 1, fast_gradient(&p, data, 1)};
        show_one_exponential(&c);
        fast_result plain = show_one_pass(&c);
        show_lanes(&c, plain);
        show_own_softplus(&c, plain);
        show_threads(&c, most);
        show_few();
        show_fast_math();
        printf("8. The descent\n\n"
               "All seven parameters move together, as in chapter 7. The SSR adds one term\n"
               "per sample, so its slopes grow with the number of samples: a rate that\n"
               "suits 3 samples is far too large for %zu. So each step is the rate times\n"
               "the slope times 3/%zu, the step chapter 7 would take if these samples\n"
               "were three. Rows 1, 2, 5, 10, 20, 50, ... are shown.\n\n"
               "   step        SSR      w1      b1      w2      b2      w3      w4      b3\n",
               data.count, data.count);
    }
    if (options.csv)
        printf("step,w1,b1,w2,b2,w3,w4,b3,ssr\n");

    // [ch10_descent]
    /* 3.0 / count is exactly 1 for the article's three samples. */
    descent_settings settings = {options.rate * (3.0 / (double)data.count), options.tolerance,
                                 options.max_steps};
    row_printer printer = {&options, 1};
    double start = seconds();
    descent_result result = fast_descend(&p, data, settings, threads, print_row, &printer);
    double per_step = (seconds() - start) / (double)(result.slopes > 0 ? result.slopes : 1);
    // [ch10_descent]

    int status = 0;
    if (result.end == DESCENT_DIVERGED) {
        fflush(stdout);
        fprintf(stderr, "%s: diverged after %ld update%s: --rate %g is too large\n",
                program.name, result.updates, result.updates == 1 ? "" : "s", options.rate);
        status = EXIT_DIVERGED;
    } else if (!options.csv) {
        print_final(&options, &p, data, result, threads, per_step);
    }
    free_samples(&s);
    return status;
}
