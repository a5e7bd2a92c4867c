/**
 * @file bench.c
 * @brief `make bench`, the C side: steps of descent on one thread, timed
 *        side by side in one process.
 *
 * Every contender runs the same descent from chapter 7's start on the same
 * samples: the article's three, or n points of chapter 10's curve
 * (fast_curve()). Each is timed in short runs, taken in turn with the
 * others, and the best run is kept: on a shared machine a slower run only
 * means that another program had the core for a while. Writes one line per
 * measurement to OUT.tsv, and the 1e6 samples as raw doubles (inputs, then
 * observed values) to DATA.bin, so that tools/bench.py gives the Python
 * peers the very same numbers.
 *
 * Usage: build/bench OUT.tsv [DATA.bin]
 */
#define _POSIX_C_SOURCE 200809L

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "fast.h"
#include "nn.h"
#include "yardstick.h"

static double now_ns(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e9 + (double)t.tv_nsec;
}

static volatile double sink; /* keeps each result from being optimised away */

/* What one contender runs: `steps` steps of descent on `data`. */
typedef struct task {
    nn_data data;
    double rate;
} task;

typedef void (*descent_fn)(const task *t, long steps);

/* chapter 10's loop, fast_descend(), on one thread. */
static void fast_steps(const task *t, long steps)
{
    nn_params p = start_all();
    nn_settings settings = {t->rate, 0.0, steps};
    nn_result r = fast_descend(&p, t->data, settings, 1, NULL, NULL);
    if (r.updates != steps) {
        fprintf(stderr, "bench: the descent stopped after %ld of %ld steps\n", r.updates, steps);
        exit(1);
    }
    sink = p.b3;
}

/* nn.c's descend() on all seven: ssr() and gradient() at every step. */
static void plain_steps(const task *t, long steps)
{
    nn_params p = start_all();
    nn_settings settings = {t->rate, 0.0, steps};
    descend(&p, t->data, gradient, settings, NULL, NULL);
    sink = p.b3;
}

/* tools/yardstick.c: the plain loop built with -O3 -march=native -ffast-math. */
static void yardstick_steps(const task *t, long steps)
{
    nn_params s = start_all();
    double p[8] = {s.w1, s.b1, s.w2, s.b2, s.w3, s.w4, s.b3, 0.0};
    yardstick_descend(p, t->data.input, t->data.observed, t->data.count, t->rate, steps);
    sink = p[6];
}

/* The machine's floor for the calls the fast path replaces: per sample, two
   calls of the C library's exp and two of log1p, nothing else. */
static void libm_floor(const task *t, long steps)
{
    double sum = 0.0;
    for (long s = 0; s < steps; s++)
        for (size_t i = 0; i < t->data.count; i++) {
            double x = t->data.input[i] + (double)s * 1e-9;
            double e1 = exp(-x), e2 = exp(-2.0 * x);
            sum += log1p(e1) + log1p(e2);
        }
    sink = sum;
}

typedef struct contender {
    const char *name;
    descent_fn run;
    int extra;   /* gradients computed beyond one per step: fast_descend()
                    checks the point its last step reaches */
    long steps;  /* per timed run, sized to about 20 ms */
    double best; /* ns per step */
} contender;

static long steps_for(descent_fn run, const task *t, double budget_ns)
{
    long steps = 1;
    for (;;) {
        double t0 = now_ns();
        run(t, steps);
        double took = now_ns() - t0;
        if (took >= budget_ns / 2 || steps > (1L << 30))
            return steps;
        steps *= took < budget_ns / 100 ? 10 : 2;
    }
}

/* Every contender, `rounds` times in turn; the best run of each is kept. */
static void time_all(contender *c, int count, const task *t, int rounds)
{
    for (int k = 0; k < count; k++) {
        c[k].steps = steps_for(c[k].run, t, 2e7);
        c[k].best = INFINITY;
    }
    for (int round = 0; round < rounds; round++)
        for (int k = 0; k < count; k++) {
            double t0 = now_ns();
            c[k].run(t, c[k].steps);
            double per_step = (now_ns() - t0) / (double)(c[k].steps + c[k].extra);
            if (per_step < c[k].best)
                c[k].best = per_step;
        }
}

static void report(FILE *tsv, const contender *c, int count, size_t n)
{
    for (int k = 0; k < count; k++) {
        printf("  %-34s %9zu samples %12.1f ns per step %8.2f per sample\n", c[k].name, n,
               c[k].best, c[k].best / (double)n);
        fprintf(tsv, "%s\t%zu\t%.6g\n", c[k].name, n, c[k].best);
    }
}

/* The processor's name from /proc/cpuinfo, or "unknown processor". */
static void processor_name(char *name, size_t size)
{
    snprintf(name, size, "unknown processor");
    FILE *f = fopen("/proc/cpuinfo", "r");
    if (f == NULL)
        return;
    char line[512];
    while (fgets(line, sizeof line, f) != NULL) {
        char *colon = strchr(line, ':');
        if (strncmp(line, "model name", 10) == 0 && colon != NULL) {
            snprintf(name, size, "%s", colon + 2);
            name[strcspn(name, "\n")] = '\0';
            break;
        }
    }
    fclose(f);
}

int main(int argc, char **argv)
{
    if (argc != 2 && argc != 3) {
        fprintf(stderr, "usage: %s OUT.tsv [DATA.bin]\n", argv[0]);
        return 2;
    }
    FILE *tsv = fopen(argv[1], "w");
    if (tsv == NULL) {
        perror(argv[1]);
        return 2;
    }
    char cpu[256];
    processor_name(cpu, sizeof cpu);
    fprintf(tsv, "#compiler\t%s\n#processor\t%s\n#lanes\t%d\n", __VERSION__, cpu, fast_lanes());
    printf("C compiler %s, one thread, best of many runs:\n", __VERSION__);

    contender small[] = {
        {"C fast", fast_steps, 1, 0, 0.0},
        {"C plain", plain_steps, 0, 0, 0.0},
        {"C yardstick", yardstick_steps, 0, 0, 0.0},
    };
    task article = {article_data(), 0.1};
    time_all(small, 3, &article, 15);
    report(tsv, small, 3, 3);

    size_t n = 1000000;
    double *x = malloc(2 * n * sizeof(double));
    if (x == NULL) {
        fprintf(stderr, "bench: out of memory for %zu samples\n", n);
        return 1;
    }
    fast_curve(n, x, x + n);
    if (argc == 3) {
        FILE *bin = fopen(argv[2], "wb");
        if (bin == NULL || fwrite(x, sizeof(double), 2 * n, bin) != 2 * n || fclose(bin) != 0) {
            perror(argv[2]);
            return 2;
        }
    }
    /* Chapter 10's rate scaled by 3/n: every step stays finite. */
    task big = {{n, x, x + n}, 0.1 * 3.0 / (double)n};
    contender large[] = {
        {"C fast", fast_steps, 1, 0, 0.0},
        {"C yardstick", yardstick_steps, 0, 0, 0.0},
        {"C plain", plain_steps, 0, 0, 0.0},
        {"libm floor", libm_floor, 0, 0, 0.0},
    };
    time_all(large, 4, &big, 11);
    report(tsv, large, 4, n);
    free(x);
    return fclose(tsv) == 0 ? 0 : 2;
}
