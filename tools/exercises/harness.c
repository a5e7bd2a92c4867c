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
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nn.h"

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
    if (strcmp(name, "softplus") == 0) {
        printf(" %a", softplus(number()));
    } else if (strcmp(name, "sigmoid") == 0) {
        printf(" %a", sigmoid(number()));
    } else if (strcmp(name, "forward") == 0) {
        nn_params p = params();
        nn_trace t = forward(&p, number());
        printf(" %a %a %a %a %a %a %a %a %a %a", t.x, t.z1, t.a1, t.s1, t.top, t.z2, t.a2, t.s2,
               t.bottom, t.predicted);
    } else if (strcmp(name, "ssr") == 0) {
        nn_params p = params();
        printf(" %a", ssr(&p, data(input, observed)));
    } else if (strcmp(name, "dssr_dpredicted") == 0) {
        double o = number();
        printf(" %a", dssr_dpredicted(o, number()));
    } else if (strcmp(name, "dpredicted_db3") == 0) {
        printf(" %a", dpredicted_db3());
    } else if (strcmp(name, "dssr_db3") == 0) {
        nn_params p = params();
        printf(" %a", dssr_db3(&p, data(input, observed)));
    } else if (strcmp(name, "step_size") == 0) {
        double slope = number();
        printf(" %a", step_size(slope, number()));
    } else if (strcmp(name, "apply_step") == 0) {
        double old = number();
        printf(" %a", apply_step(old, number()));
    } else if (strcmp(name, "optimal_b3") == 0) {
        nn_params p = params();
        printf(" %a", optimal_b3(&p, data(input, observed)));
    } else if (strcmp(name, "descend_b3") == 0) {
        nn_params p = params();
        nn_data d = data(input, observed);
        descent_settings s = settings();
        static rows seen;
        seen.count = 0;
        descent_result r = descend_b3(&p, d, s, keep_row, &seen);
        printf(" %d %ld %ld %a %ld", (int)r.end, r.slopes, r.updates, p.b3, seen.count);
        for (long i = 0; i < seen.count && i < MAX_ROWS; i++)
            printf(" %ld %a %a %a %a", seen.row[i].step, seen.row[i].b3, seen.row[i].ssr,
                   seen.row[i].dssr_db3, seen.row[i].step_size);
    } else if (strcmp(name, "steps_below_tolerance") == 0) {
        descent_point point;
        memset(&point, 0, sizeof point);
        point.step_size = params();
        for (int i = 0; i < NN_PARAM_COUNT; i++) /* never the step sizes */
            *nn_param_at(&point.slope, i) = 1e3;
        unsigned moving = (unsigned)number();
        printf(" %d", steps_below_tolerance(&point, moving, number()));
    } else if (strcmp(name, "descend") == 0) {
        nn_params p = params();
        nn_data d = data(input, observed);
        unsigned moving = (unsigned)number();
        descent_settings s = settings();
        points seen;
        memset(&seen, 0, sizeof seen);
        descent_result r = descend(&p, d, moving, s, keep_point, &seen);
        printf(" %d %ld %ld", (int)r.end, r.slopes, r.updates);
        print_params(&p);
        printf(" %ld", seen.count);
        if (seen.count > 0) {
            print_point(&seen.first);
            print_point(&seen.last);
        }
    } else if (strcmp(name, "nn_random_start") == 0) {
        const char *seed = next_word();
        random_state r = random_seed(seed ? strtoull(seed, NULL, 10) : 0);
        nn_params p = nn_random_start(&r);
        print_params(&p);
    } else if (strcmp(name, "backward") == 0) {
        nn_params p = params();
        double x = number(), o = number();
        nn_gradient g = params();
        nn_trace t = forward(&p, x);
        backward(&p, &t, o, &g);
        print_params(&g);
    } else if (strcmp(name, "gradient") == 0) {
        nn_params p = params();
        nn_gradient g = gradient(&p, data(input, observed));
        print_params(&g);
    } else if (strcmp(name, "slope_by_difference") == 0) {
        nn_params p = params();
        nn_data d = data(input, observed);
        printf(" %a", slope_by_difference(&p, d, (int)number() % NN_PARAM_COUNT));
    } else if (strcmp(name, "relative_error") == 0) {
        double a = number();
        printf(" %a", relative_error(a, number()));
    } else {
        printf(" unknown");
    }
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
