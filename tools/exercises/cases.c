/*
 * The checker's questions: for one function of code/nn.c, the cases that
 * check it, in the format judge.c reads (tab-separated lines):
 *
 *     case  ID  public|hidden  what the case is (shown in feedback)
 *     ask   KEY  RTOL  ATOL  NAMES  QUESTION      (QUESTION is for harness.c)
 *
 * NAMES are separated by ";"; those after a "|" repeat (judge.c: name_of);
 * a name ending in "{a,b}" shows the values 0 and 1 as a and b.
 *
 * NAMES name each value of the answer. Public cases use
 * the article's numbers; with a seed, hidden cases add random samples and
 * parameters drawn from it, so that an answer written for the article's
 * inputs earns nothing. A hidden case's text never shows its inputs. Data
 * come in other sizes too (1, 2, 5 and 8 samples), so that a loop over three
 * samples fails, and observers are NULL where nn.h allows it.
 *
 *     cases FUNCTION [SEED]
 */
#include <inttypes.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nn.h"

#define HIDDEN 4

static int case_id, ask_id;
static const char *family; /* the function checked, which prefixes every id */
static char question[8192];
static random_state rng;

static void begin(const char *visibility, const char *format, ...)
{
    char what[512];
    va_list args;
    va_start(args, format);
    vsnprintf(what, sizeof what, format, args);
    va_end(args);
    printf("case\t%s.%d\t%s\t%s\n", family, ++case_id, visibility, what);
    ask_id = 0;
}

/* The hidden case number n, which says nothing of its inputs. */
static void begin_hidden(int n)
{
    begin("hidden", "at hidden point %d of %d", n, HIDDEN);
}

static void put(const char *format, ...)
{
    size_t used = strlen(question);
    va_list args;
    va_start(args, format);
    vsnprintf(question + used, sizeof question - used, format, args);
    va_end(args);
}

static void put_params(const nn_params *p)
{
    for (int i = 0; i < NN_PARAM_COUNT; i++)
        put(" %a", p->value[i]);
}

static void put_data(nn_data d)
{
    put(" %zu", d.count);
    for (size_t i = 0; i < d.count; i++)
        put(" %a %a", d.input[i], d.observed[i]);
}

/* Writes the question built with put() under names and tolerances. */
static void ask(double rtol, double atol, const char *names)
{
    printf("ask\t%s.%d.%d\t%g\t%g\t%s\t%s\n", family, case_id, ++ask_id, rtol, atol, names, question);
    question[0] = '\0';
}

static double uniform(double low, double high) { return low + (high - low) * random_uniform(&rng); }

static nn_params random_params(void)
{
    nn_params p;
    for (int i = 0; i < NN_PARAM_COUNT; i++)
        p.value[i] = 1.5 * random_normal(&rng);
    return p;
}

static double hidden_input[16], hidden_observed[16];

/* Hidden data of 1, 2, 5 or 8 samples, by the hidden point's number. */
static nn_data random_data(int point)
{
    static const size_t sizes[] = {1, 2, 5, 8};
    size_t n = sizes[(point - 1) % 4];
    for (size_t i = 0; i < n; i++) {
        hidden_input[i] = uniform(-1.0, 2.0);
        hidden_observed[i] = uniform(-1.0, 2.0);
    }
    nn_data d = {n, hidden_input, hidden_observed};
    return d;
}

static const char *const slope_names =
    "dSSR/dw1;dSSR/db1;dSSR/dw2;dSSR/db2;dSSR/dw3;dSSR/dw4;dSSR/db3";

/* ---- one family of cases per function ------------------------------------ */

static void softplus_cases(int seeded, const char *name)
{
    static const double z[] = {-745.0, -40.0, -1.0, 0.0, 1.5, 40.0, 710.0};
    int is_softplus = strcmp(name, "softplus") == 0;
    for (size_t i = 0; i < sizeof z / sizeof z[0]; i++) {
        if (!is_softplus && (z[i] == -1.0 || z[i] == 710.0))
            continue;
        begin("public", "");
        char names[64];
        snprintf(names, sizeof names, "%s(%g)", name, z[i]);
        put("%s %a", name, z[i]);
        ask(1e-12, 0.0, names);
    }
    for (int n = 1; seeded && n <= HIDDEN; n++) {
        begin_hidden(n);
        for (int k = 0; k < 5; k++) {
            put("%s %a", name, k == 0 ? uniform(-800.0, -700.0) : uniform(-60.0, 60.0));
            ask(1e-12, 0.0, name);
        }
    }
}

static const char *const trace_names = "x;z1;a1;s1;top;z2;a2;s2;bottom;predicted";

static void forward_cases(int seeded)
{
    nn_params p = article_params();
    for (int i = 0; i <= 2; i++) {
        begin("public", "with the article's parameters at x = %g", 0.5 * i);
        put("forward");
        put_params(&p);
        put(" %a", 0.5 * i);
        ask(1e-12, 1e-15, trace_names);
    }
    for (int n = 1; seeded && n <= HIDDEN; n++) {
        begin_hidden(n);
        nn_params q = random_params();
        put("forward");
        put_params(&q);
        put(" %a", uniform(-2.0, 2.0));
        ask(1e-12, 1e-15, trace_names);
    }
}

/* The article's three samples and two between them: the first `count`. */
static nn_data some_samples(size_t count)
{
    static double input[] = {0.0, 0.5, 1.0, 0.25, 0.75}, observed[] = {0.0, 1.0, 0.0, 0.5, 0.5};
    nn_data d = {count, input, observed};
    return d;
}

/* Cases of a function of the parameters and the data, a sum over the
   samples: one number, or one per parameter. */
static void sum_cases(int seeded, const char *name, const char *shown)
{
    nn_params p = article_params();
    for (int i = 0; i < 2; i++) {
        p.b3 = i == 0 ? 0.0 : 1.0;
        begin("public", "over the three samples at b3 = %g", p.b3);
        put("%s", name);
        put_params(&p);
        put_data(article_data());
        ask(1e-10, 1e-12, shown);
    }
    static const size_t counts[] = {1, 2, 5};
    static const char *const which[] = {"the sample x = 0 alone", "the samples x = 0 and 0.5",
                                        "five samples, x = 0, 0.5, 1, 0.25, 0.75"};
    p.b3 = 0.5;
    for (int i = 0; i < 3; i++) {
        begin("public", "over %s at b3 = 0.5", which[i]);
        put("%s", name);
        put_params(&p);
        put_data(some_samples(counts[i]));
        ask(1e-10, 1e-12, shown);
    }
    for (int n = 1; seeded && n <= HIDDEN; n++) {
        begin_hidden(n);
        nn_params q = random_params();
        put("%s", name);
        put_params(&q);
        put_data(random_data(n));
        ask(1e-10, 1e-12, shown);
    }
}

/* Cases of a function of two numbers; the public ones are given. */
static void pair_cases(int seeded, const char *name, const char *shown, const double (*pairs)[2],
                       int count, double low, double high)
{
    for (int i = 0; i < count; i++) {
        begin("public", "");
        char names[128];
        snprintf(names, sizeof names, "%s(%g, %g)", shown, pairs[i][0], pairs[i][1]);
        put("%s %a %a", name, pairs[i][0], pairs[i][1]);
        ask(1e-12, 1e-300, names);
    }
    for (int n = 1; seeded && n <= HIDDEN; n++) {
        begin_hidden(n);
        for (int k = 0; k < 5; k++) {
            put("%s %a %a", name, uniform(low, high), uniform(low, high) * (k == 4 ? 1e-12 : 1.0));
            ask(1e-12, 1e-300, shown);
        }
    }
}

static void steps_below_tolerance_cases(int seeded)
{
    static const struct {
        double step[NN_PARAM_COUNT];
        double tolerance;
        const char *what;
    } given[] = {
        {{1e-4, 1e-4, 1e-4, 1e-4, 1e-4, 1e-4, 1e-4}, 1e-3, "every step 0.0001"},
        {{0, 0, 0, 0, 0, 0, -0.01}, 1e-3, "b3's step -0.01, the others 0"},
        {{5, 0, 0, 0, 0, 0, 1e-4}, 1e-3, "b3's step 0.0001, w1's 5"},
        {{0, 0, 0, 0, 0, 0, 1e-3}, 1e-3, "b3's step equal to the tolerance"},
        {{0, 0, 0, 0, 1e-4, -1e-4, 5e-4}, 1e-3, "w3's, w4's and b3's steps small, the others 0"},
        {{0, 0, 0, 0, 1e-4, -2e-3, 5e-4}, 1e-3, "w4's step -0.002"},
        {{0, 0, 0, 0, 0, 0, 0}, 0.0, "every step 0 and the tolerance 0"},
    };
    begin("public", "(tolerance 0.001 unless said)");
    for (size_t i = 0; i < sizeof given / sizeof given[0]; i++) {
        char names[160];
        snprintf(names, sizeof names, "stop with %s{no,yes}", given[i].what);
        put("steps_below_tolerance");
        for (int k = 0; k < NN_PARAM_COUNT; k++)
            put(" %a", given[i].step[k]);
        put(" %a", given[i].tolerance);
        ask(0.0, 0.0, names);
    }
    for (int n = 1; seeded && n <= HIDDEN; n++) {
        begin_hidden(n);
        for (int k = 0; k < 6; k++) {
            double tolerance = uniform(1e-4, 1e-2);
            int small = k % 2 == 0;
            put("steps_below_tolerance");
            for (int i = 0; i < NN_PARAM_COUNT; i++)
                put(" %a", tolerance * (small ? uniform(-0.99, 0.99) : uniform(-3.0, 3.0)));
            put(" %a", tolerance);
            ask(0.0, 0.0, "stop{no,yes}");
        }
    }
}

/* The slope functions a descent may be given, b3_gradient,
   output_layer_gradient and gradient, by the names harness.c knows. */
static const char *const slope_functions[] = {"b3", "output", "all"};

static void descend_case(const char *visibility, const char *what, nn_params p, nn_data d,
                         int slopes, nn_settings s, int quiet)
{
    static char names[4096];
    if (names[0] == '\0') {
        strcpy(names, "how it ended{converged,step limit,diverged};steps;updates");
        static const char *const parts[] = {"", "first step: ", "last step: "};
        for (int part = 0; part < 3; part++) {
            if (part > 0)
                sprintf(names + strlen(names), ";%sstep", parts[part]);
            for (int i = 0; i < NN_PARAM_COUNT; i++)
                sprintf(names + strlen(names), ";%s%s%s", parts[part], param_name(i),
                        part == 0 ? " at the end" : "");
            if (part == 0) {
                strcat(names, ";steps shown");
                continue;
            }
            sprintf(names + strlen(names), ";%sSSR", parts[part]);
            for (int i = 0; i < NN_PARAM_COUNT; i++)
                sprintf(names + strlen(names), ";%sdSSR/d%s", parts[part], param_name(i));
            for (int i = 0; i < NN_PARAM_COUNT; i++)
                sprintf(names + strlen(names), ";%sstep size of %s", parts[part],
                        param_name(i));
        }
    }
    begin(visibility, "%s", what);
    put("descend");
    put_params(&p);
    put_data(d);
    put(" %s %a %a %ld%s", slope_functions[slopes], s.learning_rate, s.tolerance,
        s.max_steps, quiet ? " quiet" : "");
    ask(1e-9, 1e-12, names);
}

static nn_settings settings(double rate, double tolerance, long max_steps)
{
    nn_settings s = {.learning_rate = rate, .tolerance = tolerance, .max_steps = max_steps};
    return s;
}

static void descend_cases(int seeded)
{
    nn_params p = article_params();
    nn_data d = article_data();
    descend_case("public", "with b3_gradient, the article's descent (rate 0.1, tolerance 0.001)",
                 p, d, 0, settings(0.1, 1e-3, 1000), 0);
    descend_case("public", "with b3_gradient and at most 3 steps", p, d, 0,
                 settings(0.1, 1e-3, 3), 0);
    descend_case("public", "with b3_gradient, tolerance 0 and at most 40 steps", p, d, 0,
                 settings(0.1, 0.0, 40), 0);
    descend_case("public", "with b3_gradient at rate 1, which diverges", p, d, 0,
                 settings(1.0, 1e-3, 1000), 0);
    /* The step limit just where the last update overflows: only the point
       it reached says the descent diverged. */
    nn_params q = p;
    long last = descend(&q, d, b3_gradient, settings(1.0, 1e-3, 1000), NULL, NULL).steps;
    char what[160];
    snprintf(what, sizeof what, "with b3_gradient at rate 1 and at most %ld steps, the last "
             "of which overflows", last);
    descend_case("public", what, p, d, 0, settings(1.0, 1e-3, last), 0);
    descend_case("public", "with b3_gradient and no observer (on_step NULL)", p, d, 0,
                 settings(0.1, 1e-3, 1000), 1);
    descend_case("public", "with b3_gradient over the sample x = 0 alone", p, some_samples(1), 0,
                 settings(0.1, 1e-3, 1000), 0);
    descend_case("public", "with output_layer_gradient from chapter 6's start (rate 0.1, at most "
                 "200 steps)", start_output_layer(), d, 1, settings(0.1, 1e-3, 200), 0);
    descend_case("public", "with output_layer_gradient over five samples (rate 0.05, at most 100 "
                 "steps)", start_output_layer(), some_samples(5), 1, settings(0.05, 1e-3, 100), 0);
    descend_case("public", "with gradient from chapter 7's start (rate 0.1, at most 100 steps)",
                 start_all(), d, 2, settings(0.1, 1e-3, 100), 0);
    descend_case("public", "with gradient at rate 5, which diverges", start_all(), d, 2,
                 settings(5.0, 1e-3, 1000), 0);
    for (int n = 1; seeded && n <= HIDDEN; n++) {
        snprintf(what, sizeof what, "at hidden point %d of %d", n, HIDDEN);
        nn_params r = random_params();
        nn_data e = random_data(n);
        descend_case("hidden", what, r, e, (n - 1) % 3, settings(uniform(0.005, 0.05), 1e-3, 60),
                     n == 2);
    }
}

static void random_start_cases(int seeded)
{
    static const uint64_t seeds[] = {42, 7};
    for (int i = 0; i < 2; i++) {
        begin("public", "from seed %" PRIu64, seeds[i]);
        put("random_start %" PRIu64, seeds[i]);
        ask(0.0, 0.0, "w1;b1;w2;b2;w3;w4;b3");
    }
    for (int n = 1; seeded && n <= HIDDEN; n++) {
        begin_hidden(n);
        put("random_start %" PRIu64, random_next(&rng));
        ask(0.0, 0.0, "w1;b1;w2;b2;w3;w4;b3");
    }
}

static void backward_cases(int seeded)
{
    nn_params p = start_all();
    nn_data d = article_data();
    nn_gradient zero = {.value = {0.0}};
    for (size_t i = 0; i < d.count; i++) {
        begin("public", "for the sample x = %g alone, at chapter 7's start", d.input[i]);
        put("backward");
        put_params(&p);
        put(" %a %a", d.input[i], d.observed[i]);
        put_params(&zero);
        ask(1e-10, 1e-12, slope_names);
    }
    nn_gradient running = {.value = {1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0}};
    begin("public", "added to a running sum 1, 2, ... 7 (sample x = 0.5)");
    put("backward");
    put_params(&p);
    put(" %a %a", d.input[1], d.observed[1]);
    put_params(&running);
    ask(1e-10, 1e-12, slope_names);
    for (int n = 1; seeded && n <= HIDDEN; n++) {
        begin_hidden(n);
        nn_params q = random_params();
        nn_gradient g = random_params();
        put("backward");
        put_params(&q);
        put(" %a %a", uniform(-1.0, 2.0), uniform(-1.0, 2.0));
        put_params(&g);
        ask(1e-10, 1e-12, slope_names);
    }
}

static void slope_by_difference_cases(int seeded)
{
    nn_params p = start_all();
    nn_data d = article_data();
    begin("public", "measured at chapter 7's start");
    for (int i = 0; i < NN_PARAM_COUNT; i++) {
        char names[32];
        snprintf(names, sizeof names, "dSSR/d%s", param_name(i));
        put("slope_by_difference");
        put_params(&p);
        put_data(d);
        put(" %d", i);
        ask(1e-6, 1e-8, names);
    }
    for (int n = 1; seeded && n <= HIDDEN; n++) {
        begin_hidden(n);
        nn_params q = random_params();
        put("slope_by_difference");
        put_params(&q);
        put_data(random_data(n));
        put(" %d", (int)(random_uniform(&rng) * NN_PARAM_COUNT));
        ask(1e-6, 1e-8, "the measured slope");
    }
}

int main(int argc, char **argv)
{
    if (argc < 2 || argc > 3) {
        fprintf(stderr, "usage: cases FUNCTION [SEED]\n");
        return 2;
    }
    const char *name = argv[1];
    family = name;
    int seeded = argc == 3 && argv[2][0] != '\0';
    /* Each function draws its own points: the seed mixed with its name. */
    uint64_t seed = seeded ? strtoull(argv[2], NULL, 10) : 0;
    for (const char *c = name; *c; c++)
        seed = seed * 31u + (unsigned char)*c;
    rng = random_seed(seed);
    static const double observed_predicted[][2] = {{0.0, -2.6}, {1.0, -1.61}, {0.0, -2.61}};
    static const double slope_rate[][2] = {{-15.7, 0.1}, {2.3, 0.01}};
    static const double old_step[][2] = {{0.0, -1.57}, {1.57, -0.63}};
    static const double slopes[][2] = {{3.0, 4.0}, {4.0, 3.0}, {1.0, 1.0}, {-2.0, 2.0},
                                       {1e-13, -1e-13}, {0.0, 0.0}};
    if (strcmp(name, "softplus") == 0 || strcmp(name, "sigmoid") == 0)
        softplus_cases(seeded, name);
    else if (strcmp(name, "forward") == 0)
        forward_cases(seeded);
    else if (strcmp(name, "ssr") == 0)
        sum_cases(seeded, "ssr", "SSR");
    else if (strcmp(name, "dssr_db3") == 0)
        sum_cases(seeded, "dssr_db3", "dSSR/db3");
    else if (strcmp(name, "optimal_b3") == 0)
        sum_cases(seeded, "optimal_b3", "the best b3");
    else if (strcmp(name, "dssr_dpredicted") == 0)
        pair_cases(seeded, name, name, observed_predicted, 3, -3.0, 3.0);
    else if (strcmp(name, "dpredicted_db3") == 0) {
        begin("public", "");
        put("dpredicted_db3");
        ask(0.0, 0.0, "dpredicted/db3");
    } else if (strcmp(name, "step_size") == 0)
        pair_cases(seeded, name, "step_size", slope_rate, 2, -20.0, 20.0);
    else if (strcmp(name, "apply_step") == 0)
        pair_cases(seeded, name, "apply_step", old_step, 2, -5.0, 5.0);
    else if (strcmp(name, "relative_error") == 0)
        pair_cases(seeded, name, "relative_error", slopes, 6, -10.0, 10.0);
    else if (strcmp(name, "steps_below_tolerance") == 0)
        steps_below_tolerance_cases(seeded);
    else if (strcmp(name, "descend") == 0)
        descend_cases(seeded);
    else if (strcmp(name, "output_layer_gradient") == 0)
        sum_cases(seeded, "output_layer_gradient", slope_names);
    else if (strcmp(name, "random_start") == 0)
        random_start_cases(seeded);
    else if (strcmp(name, "backward") == 0)
        backward_cases(seeded);
    else if (strcmp(name, "gradient") == 0)
        sum_cases(seeded, "gradient", slope_names);
    else if (strcmp(name, "slope_by_difference") == 0)
        slope_by_difference_cases(seeded);
    else {
        fprintf(stderr, "cases: no checks for %s: add them to tools/exercises/cases.c\n", name);
        return 2;
    }
    return 0;
}
