/**
 * @file scale.c
 * @brief Chapter 10: the same gradient on a hundred thousand samples, made
 *        fast one idea at a time.
 *
 * Chapter 7 computes the slope of every weight and bias on three samples.
 * Here there are many more. The program times six steps (steps.h), each
 * the step before it plus one idea, against nn.c's plain loops in one run,
 * checks each step's numbers against nn.c's, then puts tuned/, where the
 * same ideas lead when pushed to the machine's limit, beside them. Then it
 * runs the descent, with tuned/'s gradient.
 */
#define _POSIX_C_SOURCE 200809L /* open_memstream() */

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chapter.h"
#include "cli.h"
#include "nn.h"
#include "random.h"
#include "steps.h"
#include "timing.h"
#include "tuned/fast.h"
#include "tuned/few.h"

static const cli_program program = {
    .name = "chapter10",
    .summary = "Chapter 10: the full gradient from three samples to a million, one idea\n"
               "faster at a time. Without --data it fits N points of the curve the\n"
               "article's network draws (default 100000; --samples 0 takes the article's\n"
               "three samples, and then the descent is chapter 7's, bit for bit). Each\n"
               "slope is scaled by 3/N, so --rate takes steps the size chapter 7 takes on\n"
               "three samples. Without --threads, a timed trial picks 1 thread or every\n"
               "core: every core only when it is faster by more than the trial's noise.",
    .options = CLI_DATA | CLI_RATE | CLI_TOLERANCE | CLI_MAX_STEPS | CLI_CSV | CLI_QUIET |
               CLI_SEED_START | CLI_THREADS | CLI_SAMPLES,
};

enum { DEFAULT_SAMPLES = 100000 };

/* ---- The steps, timed side by side ---------------------------------------- */

static ssr_slopes from_tuned(fast_result f)
{
    ssr_slopes s = {f.ssr, f.slope};
    return s;
}

// [ch10_steps]
/* Each step, the idea it adds, and the step it is timed against: the one
   before it, but for -ffast-math (built on step 2, on one thread, so
   against step 4) and tuned/ (against step 5, on as many threads). */
enum { STEPS = 8, TUNED = 7 };
static const struct {
    const char *idea;
    int against;
} steps[STEPS] = {
    {"nn.c: ssr(), then gradient()", 0}, {"one exponential per neuron", 0},
    {"one pass: the SSR and 7 slopes", 1}, {"vector lanes, C library's exp", 2},
    {"a softplus that vectorises", 3},     {"threads, a fixed sum order", 4},
    {"step 2 built with -ffast-math", 4},  {"tuned/, pushed to the limit", 5},
};

typedef struct step_run {
    const nn_params *p;
    nn_data data;
    int threads;
    ssr_slopes result[STEPS];
} step_run;

static void run_step(void *context, int step)
{
    step_run *c = context;
    const nn_params *p = c->p;
    ssr_slopes *out = &c->result[step];
    switch (step) {
    case 0: *out = step0_nn(p, c->data); break;
    case 1: *out = step1_one_exponential(p, c->data); break;
    case 2: *out = step2_one_pass(p, c->data); break;
    case 3: *out = step3_lanes(p, c->data); break;
    case 4: *out = step4_softplus(p, c->data); break;
    case 5: *out = step5_threads(p, c->data, c->threads); break;
    case 6: *out = step6_fast_math(p, c->data); break;
    default: *out = from_tuned(fast_gradient(p, c->data, c->threads)); break;
    }
}
// [ch10_steps]

/* The relative difference of a from b, 0 when both are equal. */
static double relative(double a, double b)
{
    return a == b ? 0.0 : fabs(a - b) / fmax(fabs(a), fabs(b));
}

/* The largest relative difference over the SSR and the seven slopes. */
static double largest_difference(ssr_slopes a, ssr_slopes b)
{
    double worst = relative(a.ssr, b.ssr);
    for (int k = 0; k < NN_PARAM_COUNT; k++)
        worst = fmax(worst, relative(a.slope.value[k], b.slope.value[k]));
    return worst;
}

static double worst_noise(const timing *t)
{
    double worst = 0.0;
    for (int s = 0; s < STEPS; s++)
        worst = fmax(worst, t[s].noise);
    return worst;
}

static void print_steps(step_run *c)
{
    timing t[STEPS];
    time_ways(run_step, c, STEPS, t);
    static const char *const head[4][4] = {{"step", "ns per", "times faster than", "largest"},
                                           {"", "sample-", "the step before", "relative"},
                                           {"", "step", "", "difference"},
                                           {"", "", "", "from nn.c"}};
    for (int line = 0; line < 4; line++)
        printf("%4s  %-31s %7s  %-20s %s\n", head[line][0], line == 0 ? "idea" : "",
               head[line][1], head[line][2], head[line][3]);
    for (int s = 0; s < STEPS; s++) {
        double ns = t[s].best * 1e9 / (double)c->data.count;
        double faster = speed_up(t[steps[s].against], t[s]);
        char cell[24] = "";
        if (s > 0 && faster == 0.0)
            snprintf(cell, sizeof cell, "no measurable change");
        else if (s > 0 && steps[s].against != s - 1)
            snprintf(cell, sizeof cell, "%.2f (than step %d)", faster, steps[s].against);
        else if (s > 0)
            snprintf(cell, sizeof cell, faster < 1.0 ? "%.2f (slower)" : "%.2f", faster);
        double d = largest_difference(c->result[s], c->result[0]);
        printf("%4d  %-31s %7.2f  %-20s ", s, steps[s].idea, ns, cell);
        printf(d == 0.0 ? "same bits\n" : "%.1e\n", d);
    }
    printf("\nA lane is one of the doubles a vector register holds: here %d, and one\n"
           "instruction works on all of them. Steps 5 and 7 ran on %d thread%s. This\n"
           "run's noise: the second fastest burst of a step was at most %.0f%% slower\n"
           "than its fastest.\n\n",
           step_lanes(), c->threads, c->threads == 1 ? "" : "s", 100.0 * worst_noise(t));
}

/* ---- Threads -------------------------------------------------------------- */

typedef struct thread_trial {
    const nn_params *p;
    nn_data data;
    int most;
} thread_trial;

static void run_threads(void *context, int way)
{
    thread_trial *c = context;
    fast_gradient(c->p, c->data, way == 0 ? 1 : c->most);
}

// [ch10_pick_threads]
/* Without --threads: 1 thread, or `most` when a trial timed as the table's
   is (bursts by turns, the best of 7) finds them faster by more than its
   noise. Threads cost time to start and to wait for each other, and on a
   machine other programs keep busy every core can be slower than one. */
static int pick_threads(const nn_params *p, nn_data data, int most)
{
    if (most <= 1)
        return 1;
    thread_trial trial = {p, data, most};
    timing t[2];
    time_ways(run_threads, &trial, 2, t);
    return speed_up(t[0], t[1]) > 1.0 ? most : 1;
}
// [ch10_pick_threads]

static void show_threads_agree(const step_run *c, int most)
{
    if (fast_most_threads() == 1) {
        printf("This build has no OpenMP, so steps 5 and 7 run on one thread.\n\n");
        return;
    }
    if (most == 1) {
        printf("%zu samples make one block of step 5, so one thread does it all.\n\n",
               c->data.count);
        return;
    }
    ssr_slopes one = step5_threads(c->p, c->data, 1);
    ssr_slopes many = step5_threads(c->p, c->data, most);
    printf("Step 5 cuts the samples into blocks of %d (at most %d blocks) whatever\n"
           "the thread count, and adds the block sums in order: on 1 thread and on %d\n"
           "its SSR and slopes are %s.\n\n",
           STEP_BLOCK, STEP_MAX_BLOCKS, most,
           largest_difference(one, many) == 0.0 ? "the same bits" : "NOT the same bits");
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
    volatile double inf = INFINITY; /* volatile: known only at run time */
    printf("Step 6 is step 2's loop built with -ffast-math, which lets the compiler\n"
           "treat doubles as real numbers. The same two lines built without and with\n"
           "the flag:\n\n");
    printf("  is an infinite SSR finite?      plain: %-5s  -ffast-math: %s\n",
           plain_isfinite(inf) ? "yes" : "no", fast_math_isfinite(inf) ? "yes" : "no");
    printf("  (0.1 + 1e16) - 1e16             plain: %-5g  -ffast-math: %g\n\n",
           plain_round_trip(0.1, 1e16), fast_math_round_trip(0.1, 1e16));
    printf("In doubles 0.1 is lost when added to 1e16, so 0 is the right answer as\n"
           "written. \"yes\" on the first line would be worse: the descent's check for\n"
           "divergence would let infinities through. Only step 6 is built with it.\n\n");
}

/* ---- A handful of samples ------------------------------------------------- */

typedef struct few_trial {
    nn_data data;
    nn_params start, end[2];
} few_trial;

enum { FEW_STEPS = 1000 };

static void run_few(void *context, int way)
{
    few_trial *c = context;
    nn_settings settings = {.learning_rate = 0.1, .tolerance = 0.0, .max_steps = FEW_STEPS};
    c->end[way] = c->start;
    if (way == 0)
        descend(&c->end[0], c->data, gradient, settings, NULL, NULL);
    else
        fast_descend(&c->end[1], c->data, settings, 1, NULL, NULL);
}

/* On at most 4 samples the descent below is nn.c's descend(), chapter 7's
   own loop; tuned/few.c is what a step there can take at the least. */
static void show_few(const nn_params *p, nn_data data)
{
    few_trial trial = {data, *p, {*p, *p}};
    timing t[2];
    time_ways(run_few, &trial, 2, t);
    double worst = 0.0;
    for (int k = 0; k < NN_PARAM_COUNT; k++)
        worst = fmax(worst, relative(trial.end[1].value[k], trial.end[0].value[k]));
    printf("On %zu samples a step is one chain of waits, and tuned/few.c makes it\n"
           "short. %d steps at rate 0.1 from this start:\n\n"
           "  descend() of nn.c, chapter 7's loop  %8.1f ns per step\n"
           "  tuned/few.c                          %8.1f ns per step\n"
           "  largest relative difference of a parameter after them: %.1e\n\n"
           "The descent below is descend()'s, so it repeats chapter 7 bit for bit.\n\n",
           data.count, FEW_STEPS, t[0].best * 1e9 / FEW_STEPS, t[1].best * 1e9 / FEW_STEPS,
           worst);
}
/* ---- Where the samples and the starting point come from ----------------- */

/* The samples in use: a file's, the article's three, or generated ones. */
typedef struct samples {
    nn_data file;      /* --data */
    double *generated; /* --samples: inputs, then observed values */
    nn_data data;
    const char *source;
} samples;

static samples load_samples(const cli_options *options)
{
    samples s = {.source = ""};
    int given = (options->given & CLI_SAMPLES) != 0;
    if (options->data_path != NULL && given) {
        fprintf(stderr, "%s: give --data or --samples, not both\n", program.name);
        exit(EXIT_BAD_INPUT);
    }
    if (options->data_path != NULL || (given && options->samples == 0)) {
        s.data = article_data();
        s.source = "the article's samples";
        if (options->data_path != NULL) {
            if (data_load(options->data_path, &s.file, stderr) != 0)
                exit(EXIT_BAD_INPUT);
            s.data = s.file;
            s.source = options->data_path;
        }
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
    if (!(options->given & CLI_SEED_START))
        return start_all();
    random_state rng = random_seed((uint64_t)options->seed);
    return random_start(&rng);
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
                options->given & CLI_SEED_START ? "; try another --seed" : "");
    exit(EXIT_DIVERGED);
}

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

static void print_row(const nn_step *row, void *context)
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
        print_cell(q->value[k]);
    printf("\n");
}

/* Four decimals, or three significant digits and a power of ten past 1e6. */
static void print_param(const char *name, double v, const char *after)
{
    printf(fabs(v) < 1e6 ? "%s = %.4f%s" : "%s = %.3e%s", name, v, after);
}

static void print_final(const cli_options *options, const nn_params *p, nn_data data,
                        nn_result result, int threads, double per_step)
{
    double end_ssr = ssr(p, data);
    printf("%safter %ld update%s: SSR = %.4g, mean squared residual %.4g\n",
           options->quiet ? "" : "\n", result.updates, result.updates == 1 ? "" : "s",
           end_ssr, end_ssr / (double)data.count);
    if (result.end == NN_CONVERGED && result.updates == 0)
        printf("(stopped before the first step: every step size was below %g)\n",
               options->tolerance);
    else if (result.end == NN_CONVERGED)
        printf("(converged: every step size was below %g)\n", options->tolerance);
    else
        printf("(stopped at the limit of %ld step%s)\n", options->max_steps,
               options->max_steps == 1 ? "" : "s");
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


static void print_start(const samples *s, const nn_params *p, int threads, int picked)
{
    printf("Chapter 10: from three samples to a million\n"
           "===========================================\n\n"
           "Beside the article: past its end. The article's three samples become as many as\n"
           "a computer can hold; the network and its slopes stay the same.\n\n");
    /* A file's name is shown as typed, its control bytes escaped. */
    char *source = NULL;
    size_t size = 0;
    FILE *shown = open_memstream(&source, &size);
    if (shown == NULL) {
        fprintf(stderr, "%s: out of memory\n", program.name);
        exit(EXIT_BAD_INPUT);
    }
    cli_quote(shown, s->source, SIZE_MAX);
    fclose(shown);
    report_text("%zu samples (%s). The start: w1 = %g, b1 = %g,\n"
                "w2 = %g, b2 = %g, w3 = %g, w4 = %g, b3 = %g.\n%d thread%s%s.\n\n", s->data.count,
                source, p->w1, p->b1, p->w2, p->b2, p->w3,
                p->w4, p->b3, threads, threads == 1 ? "" : "s",
                !picked        ? ""
                : threads == 1 ? ": more were not measurably faster in a trial"
                               : ": measurably faster than 1 in a trial");
    free(source);
    printf("Each step below computes the SSR and its seven slopes at the start, and\n"
           "is the step before it plus one idea (chapters/10-scale/step*.c). The steps\n"
           "take turns in bursts of about 5 ms, the fastest of 9 bursts counting; a\n"
           "speed-up within this run's own noise reads \"no measurable change\". Step 6\n"
           "is set against step 4 (one thread each), tuned/ against step 5.\n\n");
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
    int picked = options.threads == 0 && most > 1;
    int threads = picked ? pick_threads(&p, data, most) : most;
    int few = data.count <= (size_t)few_lanes();

    if (!options.csv && !options.quiet) {
        print_start(&s, &p, threads, picked);
        step_run c = {&p, data, threads, {{.ssr = 0.0}}};
        print_steps(&c);
        show_threads_agree(&c, most);
        show_fast_math();
        if (few)
            show_few(&p, data);
        printf("The descent: all seven parameters move together, as in chapter 7. The\n"
               "SSR adds one term per sample, so its slopes grow with the number of\n"
               "samples. So each step size is the rate times the slope times 3/%zu, the\n"
               "step chapter 7 would take if these samples were three. Rows 1, 2, 5, 10,\n"
               "20, 50, ... are shown.\n\n"
               "   step        SSR      w1      b1      w2      b2      w3      w4      b3\n",
               data.count);
    }
    if (options.csv)
        printf("step,w1,b1,w2,b2,w3,w4,b3,ssr\n");

    // [ch10_descent]
    /* 3.0 / count is exactly 1 for the article's three samples. */
    nn_settings settings = {.learning_rate = options.rate * (3.0 / (double)data.count),
                            .tolerance = options.tolerance, .max_steps = options.max_steps};
    row_printer printer = {&options, 1};
    double start = timing_seconds();
    nn_result result = few ? descend(&p, data, gradient, settings, print_row, &printer)
                           : fast_descend(&p, data, settings, threads, print_row, &printer);
    double per_step = (timing_seconds() - start) / (double)(result.steps > 0 ? result.steps : 1);
    // [ch10_descent]

    int status = 0;
    if (result.end == NN_DIVERGED) {
        fflush(stdout);
        fprintf(stderr, "%s: diverged after %ld step%s: --rate %g is too large\n",
                program.name, result.steps, result.steps == 1 ? "" : "s", options.rate);
        status = EXIT_DIVERGED;
    } else if (!options.csv) {
        print_final(&options, &p, data, result, threads, per_step);
    }
    free_samples(&s);
    return cli_finish(&program, status);
}
