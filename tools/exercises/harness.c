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
#define ASK_steps_below_tolerance
#define ASK_descend
#define ASK_output_layer_gradient
#define ASK_random_start
#define ASK_backward
#define ASK_gradient
#define ASK_slope_by_difference
#define ASK_relative_error
#endif

#define MAX_SAMPLES 64

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
        p.value[i] = number();
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
        printf(" %a", p->value[i]);
}

#ifdef ASK_descend
/* The first and the last step descend() showed, and how many. */
typedef struct steps {
    long count;
    nn_step first, last;
} steps;

static void keep_step(const nn_step *step, void *context)
{
    steps *seen = context;
    if (seen->count++ == 0)
        seen->first = *step;
    seen->last = *step;
}

static void print_step(const nn_step *step)
{
    printf(" %ld", step->step);
    print_params(&step->params);
    printf(" %a", step->ssr);
    print_params(&step->slope);
    print_params(&step->step_size);
}

/* The slope function named "b3", "output" or "all" (cases.c). */
static nn_slopes slopes_named(const char *name)
{
    if (name != NULL && strcmp(name, "b3") == 0)
        return b3_gradient;
    if (name != NULL && strcmp(name, "output") == 0)
        return output_layer_gradient;
    return gradient;
}

static nn_settings settings(void)
{
    nn_settings s;
    s.learning_rate = number();
    s.tolerance = number();
    s.max_steps = (long)number();
    return s;
}
#endif

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
#ifdef ASK_steps_below_tolerance
    if (strcmp(name, "steps_below_tolerance") == 0) {
        nn_params size = params();
        printf(" %d", steps_below_tolerance(&size, number()) != 0);
        return;
    }
#endif
#ifdef ASK_descend
    if (strcmp(name, "descend") == 0) {
        nn_params p = params();
        nn_data d = data(input, observed);
        nn_slopes slopes = slopes_named(next_word());
        nn_settings s = settings();
        steps seen;
        memset(&seen, 0, sizeof seen);
        int quiet = next_word() != NULL; /* "quiet": no observer, NULL */
        nn_result r = descend(&p, d, slopes, s, quiet ? NULL : keep_step, quiet ? NULL : &seen);
        printf(" %d %ld %ld", (int)r.end, r.steps, r.updates);
        print_params(&p);
        printf(" %ld", seen.count);
        if (seen.count > 0) {
            print_step(&seen.first);
            print_step(&seen.last);
        }
        return;
    }
#endif
#ifdef ASK_output_layer_gradient
    if (strcmp(name, "output_layer_gradient") == 0) {
        nn_params p = params();
        nn_gradient g = output_layer_gradient(&p, data(input, observed));
        print_params(&g);
        return;
    }
#endif
#ifdef ASK_random_start
    if (strcmp(name, "random_start") == 0) {
        const char *seed = next_word();
        random_state r = random_seed(seed ? strtoull(seed, NULL, 10) : 0);
        nn_params p = random_start(&r);
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
