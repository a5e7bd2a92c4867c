/**
 * @file scale.c
 * @brief Chapter 9: the same gradient on a hundred thousand samples, made fast.
 *
 * Chapter 7 computes the slope of every weight and bias on three samples.
 * Here there are many more, and the chapter takes the computation apart to
 * see where the time goes: the exponentials, the passes over the data, the
 * vector lanes, the threads. Each idea is measured as it comes, and each
 * measurement is checked against the plain loops of nn.c: the speed may
 * change, the numbers may not (beyond the last digit or two, and the chapter
 * shows why those move).
 */
#define _POSIX_C_SOURCE 200809L

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "cli.h"
#include "fast.h"
#include "nn.h"
#include "random.h"
#include "report.h"
#include "unsafe_math.h"

static const cli_program program = {
    "chapter9",
    "Chapter 9: the full gradient from three samples to a million, as fast as the machine\n"
    "allows. Without --data it fits N points of the curve the article's network draws\n"
    "(default 100000; --samples 0 takes the article's three samples). Each slope is\n"
    "scaled by 3/N, so --rate takes steps the size chapter 7 takes on three samples.",
    CLI_DATA | CLI_RATE | CLI_TOLERANCE | CLI_MAX_STEPS | CLI_CSV | CLI_QUIET | CLI_SEED |
        CLI_THREADS | CLI_SAMPLES,
};

enum { DEFAULT_SAMPLES = 100000 };

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

/* The part-2 starting values of EXAMPLE.md, or with --seed, chapter 7's
   random start: weights from a standard normal, biases at 0. */
static nn_params starting_point(const cli_options *options)
{
    if (!(options->given & CLI_SEED))
        return nn_start_all();
    random_state rng = random_seed((uint64_t)options->seed);
    return nn_random_start(&rng);
}

/* ---- Timing ------------------------------------------------------------- */

static double seconds(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

/* One way of computing the SSR and the slopes, to be timed. */
typedef struct contender {
    const nn_params *p;
    nn_data data;
    int threads;
    int lanes; /* 1: one sample at a time */
    fast_result result;
} contender;

typedef void (*contender_fn)(contender *c);

// [ch09_timing]
/* Nanoseconds per sample for one call of `run`: the best of three runs of
   at least 50 ms, so that a moment when the machine was busy does not count. */
static double ns_per_sample(contender_fn run, contender *c)
{
    long reps = 1;
    double best = 0.0;
    for (int round = 0; round < 4; round++) {
        double start = seconds();
        for (long i = 0; i < reps; i++)
            run(c);
        double took = seconds() - start;
        double per_sample = took * 1e9 / (double)reps / (double)c->data.count;
        if (round == 0) { /* the first round only sizes the others */
            reps = took > 0.05 ? 1 : (long)(0.05 / (took > 1e-7 ? took : 1e-7)) + 1;
            continue;
        }
        if (round == 1 || per_sample < best)
            best = per_sample;
    }
    return best;
}
// [ch09_timing]

/* The relative difference of a from b, 0 when both are equal. */
static double relative(double a, double b)
{
    return a == b ? 0.0 : fabs(a - b) / fmax(fabs(a), fabs(b));
}

/* Number k of a result: the SSR, then the slopes in the order of nn_params. */
static double value_of(fast_result r, int k)
{
    const double values[8] = {r.ssr, r.slope.w1, r.slope.b1, r.slope.w2,
                        r.slope.b2, r.slope.w3, r.slope.w4, r.slope.b3};
    return values[k];
}

/* The largest relative difference between two results, over all eight numbers. */
static double largest_difference(fast_result a, fast_result b)
{
    double worst = 0.0;
    for (int k = 0; k < 8; k++)
        worst = fmax(worst, relative(value_of(a, k), value_of(b, k)));
    return worst;
}

/* ---- 1. One exponential per neuron --------------------------------------- */

// [ch09_two_exps]
/* The gradient with softplus() and sigmoid() called apart: each computes its
   own e^-|z|, so every neuron costs two exponentials. */
static nn_gradient gradient_two_exponentials(const nn_params *p, nn_data data)
{
    nn_gradient g = {0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0};
    for (size_t i = 0; i < data.count; i++) {
        nn_trace t;
        t.x = data.input[i];
        t.z1 = p->w1 * t.x + p->b1;
        t.a1 = softplus(t.z1);
        t.s1 = sigmoid(t.z1);
        t.top = p->w3 * t.a1;
        t.z2 = p->w2 * t.x + p->b2;
        t.a2 = softplus(t.z2);
        t.s2 = sigmoid(t.z2);
        t.bottom = p->w4 * t.a2;
        t.predicted = t.top + t.bottom + p->b3;
        backward(p, &t, data.observed[i], &g);
    }
    return g;
}
// [ch09_two_exps]

static void run_two_exponentials(contender *c)
{
    c->result.slope = gradient_two_exponentials(c->p, c->data);
}

static void run_one_exponential(contender *c)
{
    c->result.slope = gradient(c->p, c->data);
}

static void run_two_passes(contender *c)
{
    c->result.ssr = ssr(c->p, c->data);
    c->result.slope = gradient(c->p, c->data);
}

static void run_fast(contender *c)
{
    c->result = fast_gradient_with(c->p, c->data, c->threads, c->lanes);
}

static void show_exponentials(contender *c)
{
    printf("1. One exponential per neuron\n\n"
           "softplus(z) = log(1 + e^z) and its slope sigmoid(z) = 1 / (1 + e^-z) both\n"
           "come from e^-|z|. Called apart, softplus() and sigmoid() compute it twice;\n"
           "forward() computes it once and keeps the slope for the backward pass.\n\n");
    double two = ns_per_sample(run_two_exponentials, c);
    double one = ns_per_sample(run_one_exponential, c);
    printf("  gradient, two exponentials per neuron  %8.1f ns per sample\n", two);
    printf("  gradient, one exponential per neuron   %8.1f ns per sample  (%.1fx)\n\n", one,
           two / one);
}

/* ---- 2. One pass for the SSR and all seven slopes ----------------------- */

static const char *const names[8] = {"SSR", "dSSR/dw1", "dSSR/db1", "dSSR/dw2",
                                     "dSSR/db2", "dSSR/dw3", "dSSR/dw4", "dSSR/db3"};

static fast_result show_one_pass(contender *c)
{
    printf("2. One pass for the SSR and all seven slopes\n\n"
           "The descent needs the SSR and the gradient at every step. ssr() and gradient()\n"
           "each run the forward pass over every sample; fast.c runs it once and adds up\n"
           "the squared residual and the seven slopes of each sample as it goes.\n\n");
    double two = ns_per_sample(run_two_passes, c);
    fast_result plain = c->result;
    c->lanes = 1;
    c->threads = 1;
    double one = ns_per_sample(run_fast, c);
    printf("  ssr() then gradient(): two passes      %8.1f ns per sample\n", two);
    printf("  fast.c, one pass, one sample at a time %8.1f ns per sample  (%.1fx)\n\n", one,
           two / one);
    printf("  at the starting point    two passes (nn.c)           one pass (fast.c)\n");
    for (int k = 0; k < 8; k++)
        printf("  %-10s %25.17g %27.17g\n", names[k], value_of(plain, k), value_of(c->result, k));
    printf("\nThe same additions in the same order: %s.\n\n",
           largest_difference(plain, c->result) == 0.0
               ? "every digit agrees"
               : "the digits agree but for rounding in the last place");
    return plain;
}

/* ---- 3. Vector lanes ----------------------------------------------------- */

static void show_lanes(contender *c, fast_result plain)
{
    int widest = fast_lanes();
    printf("3. Vector lanes\n\n"
           "A vector instruction works on several doubles at once: 2 with SSE2, 4 with\n"
           "AVX2, 8 with AVX-512. fast.c lays its loop out so the compiler can give each\n"
           "lane a sample, with glibc's vector exp and log1p, and picks the widest this\n"
           "processor has. Each lane keeps its own partial sums, added together at the\n"
           "end: the same additions in a different order. The vector exp and log1p may\n"
           "also round differently in the last bit.\n\n");
    c->threads = 1;
    c->lanes = 1;
    double scalar = ns_per_sample(run_fast, c);
    printf("  fast.c, one sample at a time           %8.1f ns per sample\n", scalar);
    for (int lanes = 2; lanes <= widest; lanes *= 2) {
        c->lanes = lanes;
        double t = ns_per_sample(run_fast, c);
        printf("  fast.c, %d lanes, 1 thread             %8.1f ns per sample  (%.1fx)\n", lanes,
               t, scalar / t);
    }
    if (widest == 1)
        printf("  (this build does not vectorise the loop: gcc and glibc 2.35 on x86-64 do)\n");
    printf("  largest relative difference from the plain loops: %.1e\n\n",
           largest_difference(plain, c->result));
}

/* ---- 4. Threads, and the order of a sum ---------------------------------- */

// [ch09_order]
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
// [ch09_order]

static void show_threads(contender *c, int most)
{
    printf("4. Threads, and the order of a sum\n\n"
           "Each thread takes a share of the samples and sums its share; the shares are\n"
           "then added. Floating-point addition rounds, so the order matters: here are\n"
           "the %zu observed values summed in one part, and in 2, 3 and 4 parts:\n\n",
           c->data.count);
    for (size_t parts = 1; parts <= 4; parts++)
        printf("  %zu part%s %26.17g\n", parts, parts == 1 ? " " : "s",
               sum_in_parts(c->data, parts));
    printf("\nIf the parts followed the threads, --threads would change the last digits.\n"
           "fast.c cuts the samples into blocks that depend on their count alone and adds\n"
           "the block sums in order, so every thread count gives the same bits:\n\n");
    c->lanes = fast_lanes();
    double base = 0.0, first_ssr = 0.0;
    /* 1, 2, 4, ... threads, ending on `most` itself. */
    for (int threads = 1; threads <= most;
         threads = threads < most && threads * 2 > most ? most : threads * 2) {
        c->threads = threads;
        double t = ns_per_sample(run_fast, c);
        if (threads == 1) {
            base = t;
            first_ssr = c->result.ssr;
        }
        printf("  %2d thread%s %8.2f ns per sample  (%.1fx)   SSR %.17g  %s\n", threads,
               threads == 1 ? " " : "s", t, base / t, c->result.ssr,
               c->result.ssr == first_ssr ? "same bits" : "DIFFERENT");
    }
    if (c->data.count <= FAST_BLOCK)
        printf("\n(%zu samples make one block, so one thread does it all: starting threads\n"
               "would cost more than it saves.)\n", c->data.count);
    printf("\n");
}

/* ---- 5. What fast-math breaks ------------------------------------------- */

// [ch09_safe]
static int plain_isfinite(double v)
{
    return isfinite(v);
}

static double plain_round_trip(double x, double big)
{
    return (x + big) - big;
}
// [ch09_safe]

static void show_fast_math(void)
{
    volatile double inf = INFINITY; /* volatile: computed at run time, not folded */
    printf("5. What -ffast-math would break\n\n"
           "-ffast-math lets the compiler reorder every sum and assume no value is ever\n"
           "infinite or NaN. The same two lines, built without and with it:\n\n");
    printf("  is an infinite SSR finite?      plain: %-5s  -ffast-math: %s\n",
           plain_isfinite(inf) ? "yes" : "no", fast_math_isfinite(inf) ? "yes" : "no");
    printf("  (0.1 + 1e16) - 1e16             plain: %-5g  -ffast-math: %g\n\n",
           plain_round_trip(0.1, 1e16), fast_math_round_trip(0.1, 1e16));
    printf("In doubles 0.1 is lost when added to 1e16, so 0 is the right answer of that\n"
           "line as written. The first line is worse: the descent's divergence check\n"
           "would pass infinities and NaN as finite and print rows of nan. So fast.c takes\n"
           "only the safe parts (-fno-math-errno, -fno-trapping-math, vector exp and\n"
           "log1p, and a reordered sum where the tests bound its effect), and nothing else\n"
           "in the project is built with fast-math.\n\n");
}

/* ---- 6. The descent --------------------------------------------------------- */

typedef struct row_printer {
    const cli_options *options;
    size_t count;
    long next_shown; /* rows 1, 2, 5, 10, 20, 50, ... are shown */
} row_printer;

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
    printf("%8ld", row->step);
    report_number(row->ssr, 14);
    report_number(row->ssr / (double)printer->count, 12);
    report_number(q->w1, 9);
    report_number(q->b1, 9);
    report_number(q->w2, 9);
    report_number(q->b2, 9);
    report_number(q->w3, 9);
    report_number(q->w4, 9);
    report_number(q->b3, 9);
    printf("\n");
}

static void print_final(const cli_options *options, const nn_params *p, nn_data data,
                        descent_result result, double per_step)
{
    fast_result end = fast_gradient(p, data, 1);
    printf("%safter %ld update%s: SSR = ", options->quiet ? "" : "\n", result.updates,
           result.updates == 1 ? "" : "s");
    report_number(end.ssr, 0);
    printf(", mean squared residual ");
    report_number(end.ssr / (double)data.count, 0);
    if (result.end == DESCENT_CONVERGED)
        printf(" (converged: every step size was below %g)\n", options->tolerance);
    else
        printf(" (stopped at the limit of %ld gradients)\n", options->max_steps);
    printf("w1 = %.4f, b1 = %.4f, w2 = %.4f, b2 = %.4f, w3 = %.4f, w4 = %.4f, b3 = %.4f\n",
           p->w1, p->b1, p->w2, p->b2, p->w3, p->w4, p->b3);
    if (!options->quiet)
        printf("\n%.3g ms per step, %.2f ns per sample-step.\n", per_step * 1e3,
               per_step * 1e9 / (double)data.count);
}

int main(int argc, char **argv)
{
    cli_options options = cli_parse_or_exit(&program, argc, argv);
    samples s = load_samples(&options);
    nn_data data = s.data;
    nn_params p = starting_point(&options);
    /* fast.c never uses more threads than blocks, and there are at most FAST_MAX_BLOCKS. */
    long asked = options.threads > 0 ? options.threads : fast_max_threads();
    int most = asked > FAST_MAX_BLOCKS ? FAST_MAX_BLOCKS : (int)asked;
    int teach = !options.csv && !options.quiet;

    if (teach) {
        report_title("Chapter 9: from three samples to a million");
        printf("%zu samples (%s), %d thread%s, starting from w1 = %g, b1 = %g, w2 = %g,\n"
               "b2 = %g, w3 = %g, w4 = %g, b3 = %g.\n\n", data.count, s.source, most,
               most == 1 ? "" : "s", p.w1, p.b1, p.w2, p.b2, p.w3, p.w4, p.b3);
        contender c = {&p, data, 1, 1, fast_gradient(&p, data, 1)};
        show_exponentials(&c);
        fast_result plain = show_one_pass(&c);
        show_lanes(&c, plain);
        show_threads(&c, most);
        show_fast_math();
        printf("6. The descent\n\n"
               "All seven parameters move together, as in chapter 7. The SSR adds one term\n"
               "per sample, so its slopes grow with the number of samples: a rate that suits\n"
               "3 samples is far too large for %zu. So each step is the rate times the slope\n"
               "times 3/%zu, the step chapter 7 would take if these samples were three.\n"
               "Rows 1, 2, 5, 10, 20, 50, ... are shown.\n\n"
               "    step           SSR    mean sq.       w1       b1       w2       b2"
               "       w3       w4       b3\n",
               data.count, data.count);
    }
    if (options.csv)
        printf("step,w1,b1,w2,b2,w3,w4,b3,ssr\n");

    // [ch09_descent]
    /* 3.0 / count is exactly 1 for the article's three samples. */
    descent_settings settings = {options.rate * (3.0 / (double)data.count), options.tolerance,
                                 options.max_steps};
    row_printer printer = {&options, data.count, 1};
    double start = seconds();
    descent_result result = fast_descend(&p, data, settings, most, print_row, &printer);
    double per_step = (seconds() - start) / (double)(result.slopes > 0 ? result.slopes : 1);
    // [ch09_descent]

    int status = 0;
    if (result.end == DESCENT_DIVERGED) {
        fprintf(stderr, "%s: diverged after %ld gradient%s: the SSR is no longer a finite "
                "number; try a --rate smaller than %g\n", program.name, result.slopes,
                result.slopes == 1 ? "" : "s", options.rate);
        status = EXIT_DIVERGED;
    } else if (!options.csv) {
        print_final(&options, &p, data, result, per_step);
    }
    free_samples(&s);
    return status;
}
