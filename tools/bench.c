/**
 * @file bench.c
 * @brief `make bench`: how long one step of descent takes, in C, timed in-process.
 *
 * Each step is run over and over under a monotonic clock until the run lasts
 * long enough to time well; the best of several runs is kept, since a slower
 * run only means that something else had the machine for a while. Prints a
 * table and writes one line per measurement to the file named by its first
 * argument, which tools/bench.py reads to add NumPy, PyTorch and plain Python.
 *
 * It also writes the C column alone as Markdown, for machines without Python.
 *
 * Usage: build/bench OUT.tsv DATA.csv OUT.md
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "data.h"
#include "fast.h"
#include "nn.h"

static double now_ns(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e9 + (double)t.tv_nsec;
}

/* What one timed step works on. */
typedef struct bench_case {
    nn_params p;
    nn_data data;
    double rate;
    int threads;
} bench_case;

typedef void (*step_fn)(bench_case *c);

/* Chapter 5: the slope of the SSR in b3, and one step of b3. */
static void b3_step(bench_case *c)
{
    double slope = dssr_db3(&c->p, c->data);
    c->p.b3 = apply_step(c->p.b3, step_size(slope, c->rate));
}

static void update(bench_case *c, nn_gradient g)
{
    c->p.w1 -= c->rate * g.w1;
    c->p.b1 -= c->rate * g.b1;
    c->p.w2 -= c->rate * g.w2;
    c->p.b2 -= c->rate * g.b2;
    c->p.w3 -= c->rate * g.w3;
    c->p.w4 -= c->rate * g.w4;
    c->p.b3 -= c->rate * g.b3;
}

static volatile double sink; /* keeps each SSR from being optimised away */

/* The full step with nn.c's plain loops: SSR, then the seven slopes, then the update. */
static void plain_step(bench_case *c)
{
    sink = ssr(&c->p, c->data);
    update(c, gradient(&c->p, c->data));
}

/* The same step with fast.c: SSR and slopes in one pass. */
static void fast_step(bench_case *c)
{
    fast_result f = fast_gradient(&c->p, c->data, c->threads);
    sink = f.ssr;
    update(c, f.slope);
}

/* Nanoseconds per step of chapter 9's own loop, fast_descend(), the best of
   `runs` runs: on a few samples it keeps the parameters in registers from one
   step to the next (code/small.c), which a step timed alone cannot do. A
   tolerance of 0 keeps every step moving. */
static double time_descent(bench_case start, double budget_ns, int runs)
{
    descent_settings settings = {start.rate, 0.0, 1};
    for (;;) { /* find how many steps fill the budget */
        nn_params p = start.p;
        double t0 = now_ns();
        descent_result r = fast_descend(&p, start.data, settings, start.threads, NULL, NULL);
        double took = now_ns() - t0;
        if (r.slopes != settings.max_steps) {
            fprintf(stderr, "bench: the descent stopped after %ld of %ld steps\n", r.slopes,
                    settings.max_steps);
            return -1.0;
        }
        if (took >= budget_ns / 4 || settings.max_steps > (1L << 40))
            break;
        settings.max_steps *= took < budget_ns / 400 ? 10 : 2;
    }
    double best = 0.0;
    for (int r = 0; r < runs; r++) {
        nn_params p = start.p;
        double t0 = now_ns();
        fast_descend(&p, start.data, settings, start.threads, NULL, NULL);
        double per_step = (now_ns() - t0) / (double)settings.max_steps;
        if (r == 0 || per_step < best)
            best = per_step;
    }
    return best;
}

/* Nanoseconds per step: the best of `runs` runs of at least `budget_ns` each. */
static double time_step(step_fn step, bench_case start, double budget_ns, int runs)
{
    bench_case c = start;
    long reps = 1;
    for (;;) { /* find how many steps fill the budget */
        double t0 = now_ns();
        for (long i = 0; i < reps; i++)
            step(&c);
        double took = now_ns() - t0;
        if (took >= budget_ns / 4 || reps > (1L << 40))
            break;
        reps *= took < budget_ns / 400 ? 10 : 2;
    }
    double best = 0.0;
    for (int r = 0; r < runs; r++) {
        c = start;
        double t0 = now_ns();
        for (long i = 0; i < reps; i++)
            step(&c);
        double per_step = (now_ns() - t0) / (double)reps;
        if (r == 0 || per_step < best)
            best = per_step;
    }
    return best;
}

/* Where each measurement goes: the terminal, the TSV file, the Markdown file. */
typedef struct outputs {
    FILE *tsv;
    FILE *md;
} outputs;

static void report(outputs *out, const char *step, const char *impl, size_t n, double ns)
{
    printf("  %-22s %-14s %9zu samples  %12.1f ns/step  %8.2f ns/sample-step\n", step, impl,
           n, ns, ns / (double)n);
    fprintf(out->tsv, "%s\t%s\t%zu\t%.6g\n", step, impl, n, ns);
    fprintf(out->md, "| %s | %zu | %s | %.1f | %.2f |\n", step, n, impl, ns, ns / (double)n);
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

/* Writes a file of one million lines, each as %.17g prints it, and times data_load(). */
static double time_load(const char *path, size_t lines)
{
    FILE *f = fopen(path, "w");
    if (f == NULL) {
        perror(path);
        return -1.0;
    }
    fprintf(f, "dosage,effectiveness\n");
    for (size_t i = 0; i < lines; i++) {
        double x = (double)i / (double)(lines - 1);
        fprintf(f, "%.17g,%.17g\n", x, 4.0 * x * (1.0 - x));
    }
    fclose(f);
    double best = 0.0;
    for (int r = 0; r < 3; r++) {
        data_set set;
        char error[256];
        double t0 = now_ns();
        int status = data_load(path, &set, error, sizeof error);
        double took = now_ns() - t0;
        if (status != 0 || set.count != lines) {
            fprintf(stderr, "bench: %s\n", status != 0 ? error : "wrong sample count");
            return -1.0;
        }
        data_free(&set);
        if (r == 0 || took < best)
            best = took;
    }
    return best;
}

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: %s OUT.tsv DATA.csv OUT.md\n", argv[0]);
        return 2;
    }
    outputs out_files = {fopen(argv[1], "w"), fopen(argv[3], "w")};
    outputs *out = &out_files;
    if (out->tsv == NULL || out->md == NULL) {
        perror(out->tsv == NULL ? argv[1] : argv[3]);
        return 2;
    }
    int cores = fast_max_threads();
    char cpu[256];
    processor_name(cpu, sizeof cpu);
    fprintf(out->tsv, "#compiler\t%s\n#threads\t%d\n", __VERSION__, cores);
    fprintf(out->md, "# make bench (C only)\n\nMachine: %s, %d threads, C compiler %s. "
            "Python, NumPy and PyTorch were not measured.\n\n"
            "| step | samples | implementation | ns per step | ns per sample-step |\n"
            "|---|---|---|---|---|\n", cpu, cores, __VERSION__);
    printf("C, timed in-process (best of 5 to 15 runs; %d threads for fast/all):\n", cores);

    nn_params article = nn_article_params();
    nn_params start = {2.74, 0.0, -1.13, 0.0, 0.36, 0.63, 0.0}; /* the part-2 start */
    bench_case small = {article, nn_article_data(), 0.1, 1};
    double budget = 2e8;
    report(out, "b3 step", "C plain", 3, time_step(b3_step, small, budget, 5));
    small.p = start;
    report(out, "full step", "C plain", 3, time_step(plain_step, small, budget, 5));
    double descent = time_descent(small, budget, 5);
    if (descent < 0.0)
        return 1;
    report(out, "full step", "C fast/1", 3, descent);

    static const size_t sizes[] = {1000, 100000, 1000000};
    for (int s = 0; s < 3; s++) {
        size_t n = sizes[s];
        double *x = malloc(n * sizeof(double)), *y = malloc(n * sizeof(double));
        if (x == NULL || y == NULL) {
            fprintf(stderr, "bench: out of memory for %zu samples\n", n);
            free(x);
            free(y);
            return 1;
        }
        fast_curve(n, x, y);
        /* A rate of 0.1/n (a third of chapter 9's) keeps thousands of repeated steps finite. */
        bench_case big = {start, {n, x, y}, 0.1 / (double)n, 1};
        /* Many short runs: on a shared machine the best of them is the one in
           which no other program took a core from the threads. */
        report(out, "full step", "C plain", n, time_step(plain_step, big, budget, 5));
        report(out, "full step", "C fast/1", n, time_step(fast_step, big, budget / 4, 15));
        big.threads = cores;
        report(out, "full step", "C fast/all", n, time_step(fast_step, big, budget / 4, 15));
        free(x);
        free(y);
    }

    double load = time_load(argv[2], 1000000);
    if (load < 0.0)
        return 1;
    printf("  data_load of 1,000,000 lines (%s): %.3f s%s\n", argv[2], load / 1e9,
           load < 0.5e9 ? "" : "  (target: under 0.5 s)");
    fprintf(out->tsv, "data_load\tC\t1000000\t%.6g\n", load);
    fprintf(out->md, "\ndata_load of a 1,000,000-line file: %.3f s\n", load / 1e9);
    fclose(out->tsv);
    fclose(out->md);
    return 0;
}
