/*
 * The grading harness: built with the student's functions (and the teacher's
 * everything else), it reads questions on standard input, one a line,
 *
 *     KEY FUNCTION ARGUMENTS...
 *
 * calls FUNCTION with them and prints the answer as "=KEY VALUES...", doubles
 * as exact hexadecimal floats (%a). It decides nothing: the checker, which
 * the student's code is never linked into, compares the answers with what
 * they should be. Parameters are seven numbers (w1 b1 w2 b2 w3 w4 b3), data
 * is a count followed by that many "input observed" pairs.
 *
 * Built with -DASK_name for each function it may call (-DASK_ALL for every
 * one), so that a hand-in's harness links only the functions of its task:
 * nothing else of the teacher's code is in the program it runs.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nn.h"

#ifdef ASK_ALL
#define ASK_softplus
#define ASK_sigmoid
#define ASK_forward
#define ASK_ssr
#define ASK_dssr_dpredicted
#define ASK_dpredicted_db3
#define ASK_dssr_db3
#define ASK_step_size
#define ASK_apply_step
#define ASK_optimal_b3
#define ASK_descend_b3
#define ASK_steps_below_tolerance
#define ASK_descend
#define ASK_nn_random_start
#define ASK_backward
#define ASK_gradient
#define ASK_slope_by_difference
#define ASK_relative_error
#endif

#define MAX_SAMPLES 64
#define MAX_ROWS 1000

static char *next_word(void) { return strtok(NULL, " \t\n"); }

static double number(void)
{
    const char *word = next_word();
    return word ? strtod(word, NULL) : 0.0;
}

static nn_params params(void)
{
    nn_params p;
    for (int i = 0; i < NN_PARAM_COUNT; i++)
        *nn_param_at(&p, i) = number();
    return p;
}

static nn_data data(double *input, double *observed)
{
    long n = (long)number();
    if (n < 0 || n > MAX_SAMPLES)
        n = 0;
    for (long i = 0; i < n; i++) {
        input[i] = number();
        observed[i] = number();
    }
    for (long i = n; i < MAX_SAMPLES; i++) /* a loop past count reads nan */
        input[i] = observed[i] = NAN;
    nn_data d = {(size_t)n, input, observed};
    return d;
}

static void print_params(const nn_params *p)
{
    for (int i = 0; i < NN_PARAM_COUNT; i++)
        printf(" %a", nn_param(p, i));
}

/* The rows of descend_b3(), then the first and last point of descend(). */
typedef struct rows {
    long count;
    descent_row row[MAX_ROWS];
} rows;

static void keep_row(const descent_row *row, void *context)
{
    rows *seen = context;
    if (seen->count < MAX_ROWS)
        seen->row[seen->count] = *row;
    seen->count++;
}

typedef struct points {
    long count;
    descent_point first, last;
} points;

static void keep_point(const descent_point *point, void *context)
{
    points *seen = context;
    if (seen->count++ == 0)
        seen->first = *point;
    seen->last = *point;
}

static void print_point(const descent_point *point)
{
    printf(" %ld", point->step);
    print_params(&point->params);
    printf(" %a", point->ssr);
    print_params(&point->slope);
    print_params(&point->step_size);
}

static descent_settings settings(void)
{
    descent_settings s;
    s.learning_rate = number();
    s.tolerance = number();
    s.max_steps = (long)number();
    return s;
}

static void answer(const char *name)
{
    double input[MAX_SAMPLES], observed[MAX_SAMPLES];
    (void)input;
    (void)observed;
#ifdef ASK_softplus
    if (strcmp(name, "softplus") == 0) {
        printf(" %a", softplus(number()));
        return;
    }
#endif
#ifdef ASK_sigmoid
    if (strcmp(name, "sigmoid") == 0) {
        printf(" %a", sigmoid(number()));
        return;
    }
#endif
#ifdef ASK_forward
    if (strcmp(name, "forward") == 0) {
        nn_params p = params();
        nn_trace t = forward(&p, number());
        printf(" %a %a %a %a %a %a %a %a %a %a", t.x, t.z1, t.a1, t.s1, t.top, t.z2, t.a2, t.s2,
               t.bottom, t.predicted);
        return;
    }
#endif
#ifdef ASK_ssr
    if (strcmp(name, "ssr") == 0) {
        nn_params p = params();
        printf(" %a", ssr(&p, data(input, observed)));
        return;
    }
#endif
#ifdef ASK_dssr_dpredicted
    if (strcmp(name, "dssr_dpredicted") == 0) {
        double o = number();
        printf(" %a", dssr_dpredicted(o, number()));
        return;
    }
#endif
#ifdef ASK_dpredicted_db3
    if (strcmp(name, "dpredicted_db3") == 0) {
        printf(" %a", dpredicted_db3());
        return;
    }
#endif
#ifdef ASK_dssr_db3
    if (strcmp(name, "dssr_db3") == 0) {
        nn_params p = params();
        printf(" %a", dssr_db3(&p, data(input, observed)));
        return;
    }
#endif
#ifdef ASK_step_size
    if (strcmp(name, "step_size") == 0) {
        double slope = number();
        printf(" %a", step_size(slope, number()));
        return;
    }
#endif
#ifdef ASK_apply_step
    if (strcmp(name, "apply_step") == 0) {
        double old = number();
        printf(" %a", apply_step(old, number()));
        return;
    }
#endif
#ifdef ASK_optimal_b3
    if (strcmp(name, "optimal_b3") == 0) {
        nn_params p = params();
        printf(" %a", optimal_b3(&p, data(input, observed)));
        return;
    }
#endif
#ifdef ASK_descend_b3
    if (strcmp(name, "descend_b3") == 0) {
        nn_params p = params();
        nn_data d = data(input, observed);
        descent_settings s = settings();
        static rows seen;
        seen.count = 0;
        int quiet = next_word() != NULL; /* "quiet": no observer, NULL */
        descent_result r = descend_b3(&p, d, s, quiet ? NULL : keep_row, quiet ? NULL : &seen);
        printf(" %d %ld %ld %a %ld", (int)r.end, r.slopes, r.updates, p.b3, seen.count);
        for (long i = 0; i < seen.count && i < MAX_ROWS; i++)
            printf(" %ld %a %a %a %a", seen.row[i].step, seen.row[i].b3, seen.row[i].ssr,
                   seen.row[i].dssr_db3, seen.row[i].step_size);
        return;
    }
#endif
#ifdef ASK_steps_below_tolerance
    if (strcmp(name, "steps_below_tolerance") == 0) {
        descent_point point;
        memset(&point, 0, sizeof point);
        point.step_size = params();
        for (int i = 0; i < NN_PARAM_COUNT; i++) /* never the step sizes */
            *nn_param_at(&point.slope, i) = 1e3;
        unsigned moving = (unsigned)number();
        printf(" %d", steps_below_tolerance(&point, moving, number()));
        return;
    }
#endif
#ifdef ASK_descend
    if (strcmp(name, "descend") == 0) {
        nn_params p = params();
        nn_data d = data(input, observed);
        unsigned moving = (unsigned)number();
        descent_settings s = settings();
        points seen;
        memset(&seen, 0, sizeof seen);
        int quiet = next_word() != NULL;
        descent_result r = descend(&p, d, moving, s, quiet ? NULL : keep_point, quiet ? NULL : &seen);
        printf(" %d %ld %ld", (int)r.end, r.slopes, r.updates);
        print_params(&p);
        printf(" %ld", seen.count);
        if (seen.count > 0) {
            print_point(&seen.first);
            print_point(&seen.last);
        }
        return;
    }
#endif
#ifdef ASK_nn_random_start
    if (strcmp(name, "nn_random_start") == 0) {
        const char *seed = next_word();
        random_state r = random_seed(seed ? strtoull(seed, NULL, 10) : 0);
        nn_params p = nn_random_start(&r);
        print_params(&p);
        return;
    }
#endif
#ifdef ASK_backward
    if (strcmp(name, "backward") == 0) {
        nn_params p = params();
        double x = number(), o = number();
        nn_gradient g = params();
        nn_trace t = forward(&p, x);
        backward(&p, &t, o, &g);
        print_params(&g);
        return;
    }
#endif
#ifdef ASK_gradient
    if (strcmp(name, "gradient") == 0) {
        nn_params p = params();
        nn_gradient g = gradient(&p, data(input, observed));
        print_params(&g);
        return;
    }
#endif
#ifdef ASK_slope_by_difference
    if (strcmp(name, "slope_by_difference") == 0) {
        nn_params p = params();
        nn_data d = data(input, observed);
        printf(" %a", slope_by_difference(&p, d, (int)number() % NN_PARAM_COUNT));
        return;
    }
#endif
#ifdef ASK_relative_error
    if (strcmp(name, "relative_error") == 0) {
        double a = number();
        printf(" %a", relative_error(a, number()));
        return;
    }
#endif
    printf(" unknown");
}

int main(void)
{
    char line[4096];
    while (fgets(line, sizeof line, stdin) != NULL) {
        const char *key = strtok(line, " \t\n");
        const char *name = key ? next_word() : NULL;
        if (name == NULL)
            continue;
        printf("=%s", key);
        answer(name);
        printf("\n");
        fflush(stdout);
    }
    return 0;
}
