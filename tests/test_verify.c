/**
 * @file test_verify.c
 * @brief A chapter stops over an unfinished or wrong function of code/nn.c,
 *        naming it, and says nothing over right ones.
 *
 * This program compiles code/nn.c itself with every function a student
 * writes renamed reference_*, and puts in their place versions that are the
 * reference unless `broken` names one of the usual mistakes (or the stub).
 * Each case runs verify_chapters() in a process of its own and reads what it
 * wrote to stderr.
 */
#include "support.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define forward reference_forward
#define softplus reference_softplus
#define sigmoid reference_sigmoid
#define ssr reference_ssr
#define dssr_dpredicted reference_dssr_dpredicted
#define dpredicted_db3 reference_dpredicted_db3
#define dssr_db3 reference_dssr_db3
#define b3_gradient reference_b3_gradient
#define step_size reference_step_size
#define apply_step reference_apply_step
#define optimal_b3 reference_optimal_b3
#define steps_below_tolerance reference_steps_below_tolerance
#define descend reference_descend
#define output_layer_gradient reference_output_layer_gradient
#define random_start reference_random_start
#define backward reference_backward
#define gradient reference_gradient
#define relative_error reference_relative_error
#define slope_by_difference reference_slope_by_difference
#include "nn.c" // NOLINT(bugprone-suspicious-include): nn.c itself, compiled here with renames
#undef forward
#undef softplus
#undef sigmoid
#undef ssr
#undef dssr_dpredicted
#undef dpredicted_db3
#undef dssr_db3
#undef b3_gradient
#undef step_size
#undef apply_step
#undef optimal_b3
#undef steps_below_tolerance
#undef descend
#undef output_layer_gradient
#undef random_start
#undef backward
#undef gradient
#undef relative_error
#undef slope_by_difference

#include "verify.h"

/* The mistake this process makes; "" for none. */
static const char *broken = "";

static int is(const char *mistake)
{
    return strcmp(broken, mistake) == 0;
}

/* The functions a student writes: the reference, or one mistake. */

double softplus(double z)
{
    return is("softplus stub") ? 0.0 : reference_softplus(z) + (is("softplus off") ? 0.5 : 0.0);
}

double sigmoid(double z)
{
    return is("sigmoid stub") ? 0.0 : reference_sigmoid(z) * (is("sigmoid off") ? 2.0 : 1.0);
}

nn_trace forward(const nn_params *p, double x)
{
    nn_trace t = reference_forward(p, x);
    /* On this file's softplus() and sigmoid(), as a student's forward() is. */
    t.a1 = softplus(t.z1);
    t.s1 = sigmoid(t.z1);
    t.top = p->w3 * t.a1;
    t.a2 = softplus(t.z2);
    t.s2 = sigmoid(t.z2);
    t.bottom = p->w4 * t.a2;
    t.predicted = t.top + t.bottom + p->b3;
    if (is("forward stub"))
        memset(&t, 0, sizeof t);
    if (is("forward z1"))
        t.z1 = p->w1 * x - p->b1;
    return t;
}

double ssr(const nn_params *p, nn_data data)
{
    if (is("ssr stub"))
        return 0.0;
    if (is("ssr two") && data.count > 2)
        data.count = 2;
    if (is("ssr three"))
        data.count = 3;
    return reference_ssr(p, data);
}

double dssr_dpredicted(double observed, double predicted)
{
    double d = reference_dssr_dpredicted(observed, predicted);
    return is("link stub") ? 0.0 : is("link sign") ? -d : is("link triple") ? 3.0 * d : d;
}

double dpredicted_db3(void)
{
    return is("db3 link stub") ? 0.0 : is("db3 link two") ? 2.0 : 1.0;
}

double dssr_db3(const nn_params *p, nn_data data)
{
    if (is("slope stub"))
        return 0.0;
    if (is("slope first"))
        data.count = 1;
    return reference_dssr_db3(p, data) * (is("slope sign") ? -1.0 : 1.0);
}

/* Chapter 5's slope function over this file's dssr_db3() (nn.c's own calls
   the reference's). */
nn_gradient b3_gradient(const nn_params *p, nn_data data)
{
    nn_gradient g = {.b3 = dssr_db3(p, data)};
    return g;
}

double step_size(double slope, double learning_rate)
{
    return is("step stub") ? 0.0 : is("step divides") ? slope / learning_rate
                                                       : reference_step_size(slope, learning_rate);
}

double apply_step(double old_value, double size)
{
    return is("apply stub") ? old_value : is("apply adds") ? old_value + size
        : is("apply twice") ? old_value - 2.0 * size : reference_apply_step(old_value, size);
}

double optimal_b3(const nn_params *p, nn_data data)
{
    return is("bottom stub") ? 0.0 : reference_optimal_b3(p, data) + (is("bottom off") ? 1.0 : 0.0);
}

int steps_below_tolerance(const nn_params *size, double tolerance)
{
    if (is("stop stub"))
        return 0;
    if (is("stop always"))
        return 1;
    if (is("stop b3 alone"))
        return fabs(size->b3) < tolerance;
    if (is("stop not strict"))
        return reference_steps_below_tolerance(size, nextafter(tolerance, INFINITY));
    return reference_steps_below_tolerance(size, tolerance);
}

/* The observer descend() was given, and its context. */
typedef struct relay {
    nn_observer on_step;
    void *context;
} relay;

/* Each step passed on with one thing changed. */
static void relay_step(const nn_step *row, void *context)
{
    const relay *r = context;
    nn_step changed = *row;
    changed.step -= is("row step");
    changed.params.w3 += is("row w3");
    changed.slope.w4 += is("row slope");
    /* The renaming reaches the fields of nn.h's structures too. */
    changed.reference_ssr += is("row ssr");
    changed.reference_step_size.b3 += is("row size");
    r->on_step(&changed, is("row null") ? NULL : r->context);
}

nn_result descend(nn_params *p, nn_data data, nn_slopes slopes, nn_settings settings,
                  nn_observer on_step, void *context)
{
    nn_result stub = {NN_STEP_LIMIT, 0, 0};
    if (is("loop stub"))
        return stub;
    relay r = {on_step, context};
    if (is("loop goes on"))
        settings.tolerance = 0.0;
    nn_result result = reference_descend(p, data, slopes, settings, relay_step, &r);
    result.steps += is("loop steps");
    result.updates += is("loop updates");
    if (is("loop diverged"))
        result.end = NN_DIVERGED;
    if (is("loop converged") && result.end == NN_STEP_LIMIT)
        result.end = NN_CONVERGED;
    if (is("loop limit") && result.end == NN_CONVERGED)
        result.end = NN_STEP_LIMIT;
    if (is("loop no last check") && result.end == NN_DIVERGED && result.updates > 0)
        result.end = NN_STEP_LIMIT;
    p->b3 += is("loop moves b3");
    return result;
}

nn_gradient output_layer_gradient(const nn_params *p, nn_data data)
{
    if (is("output first"))
        data.count = 1;
    if (is("output three"))
        data.count = 3;
    nn_gradient g = reference_output_layer_gradient(p, data);
    if (is("output stub"))
        memset(&g, 0, sizeof g);
    g.w1 += is("output w1");
    g.w4 *= is("output sign") ? -1.0 : 1.0;
    return g;
}

nn_params random_start(random_state *r)
{
    nn_params p = reference_random_start(r);
    if (is("start stub"))
        memset(&p, 0, sizeof p);
    if (is("start swapped")) {
        double w1 = p.w1, w2 = p.w2;
        p.w1 = w2;
        p.w2 = w1;
    }
    return p;
}

void backward(const nn_params *p, const nn_trace *t, double observed, nn_gradient *g)
{
    if (is("backward stub"))
        return;
    if (is("backward overwrites"))
        memset(g, 0, sizeof *g);
    nn_gradient share = {.value = {0}};
    reference_backward(p, t, observed, &share);
    double b1 = share.b1;
    if (is("backward no x"))
        share.w1 = b1;
    for (int i = 0; i < NN_PARAM_COUNT; i++)
        g->value[i] += share.value[i];
}

/* The sum of every sample's backward pass, this file's backward() (nn.c's
   own gradient() calls the reference's). */
nn_gradient gradient(const nn_params *p, nn_data data)
{
    nn_gradient g = {.value = {0}};
    if (is("gradient stub"))
        return g;
    if (is("gradient two") && data.count > 2)
        data.count = 2;
    for (size_t i = 0; i < data.count; i++) {
        nn_trace t = forward(p, data.input[i]);
        backward(p, &t, data.observed[i], &g);
    }
    return g;
}

double relative_error(double a, double b)
{
    if (is("error stub"))
        return 1.0;
    if (is("error no floor"))
        return fabs(a - b) / fmax(fabs(a), fabs(b));
    return reference_relative_error(a, b);
}

double slope_by_difference(const nn_params *p, nn_data data, int i)
{
    return is("measure stub") ? 0.0
        : reference_slope_by_difference(p, data, i) * (is("measure half") ? 0.5 : 1.0);
}

/* What verify_chapters() did in a process of its own making `mistake`. */
typedef struct outcome {
    int status;
    char err[4096];
} outcome;

/* The child's side: verify_chapters() over `chapter` with `mistake` made,
   its messages on stderr. */
static int run_verify(const char *mistake, int chapter)
{
    broken = mistake;
    verify_chapters("chapter8", chapter);
    return 0;
}

/* What verify_chapters() did in a process of its own making `mistake`: this
   program again, as `test_verify --verify CHAPTER MISTAKE`, through
   the shell (and the emulator, where there is one: qemu-user cannot fork a
   process that goes on without exec). */
static outcome verify_with(const char *mistake, int chapter)
{
    outcome o = {-1, ""};
    char err_path[256], command[1024];
    snprintf(err_path, sizeof err_path, "%s/verify-err-XXXXXX", BUILD_DIR);
    int fd = mkstemp(err_path);
    assert_true(fd >= 0);
    close(fd);
    snprintf(command, sizeof command, "%s %s/tests/test_verify --verify %d '%s' 2>%s",
             test_emulator(), BUILD_DIR, chapter, mistake, err_path);
    int status = system(command);
    assert_true(status != -1 && WIFEXITED(status));
    o.status = WEXITSTATUS(status);
    FILE *err = fopen(err_path, "rb");
    assert_non_null(err);
    size_t used = fread(o.err, 1, sizeof o.err - 1, err);
    o.err[used] = '\0';
    fclose(err);
    remove(err_path);
    return o;
}

/* Each mistake stops the chapter, naming it in these words (the message
   compared with its line breaks taken out). */
static const struct {
    const char *mistake;
    int chapter;
    const char *says;
} cases[] = {
    {"forward stub", 1, "forward() gives 0, as its stub does, for z1 at x = 0, where w1*x + b1 "
                        "gives -1.43."},
    {"forward z1", 1, "forward() gives 1.43 for z1 at x = 0, where w1*x + b1 gives -1.43. Look at "
                      "its sign."},
    {"softplus stub", 1, "softplus() gives 0, as its stub does, for z = 0, where log(1 + e^z) "
                         "gives 0.693147."},
    {"sigmoid stub", 1, "sigmoid() gives 0, as its stub does, for z = 0, where 1 / (1 + e^-z) "
                        "gives 0.5."},
    {"softplus off", 1, "softplus() gives 1.19315 for z = 0, where log(1 + e^z) gives 0.693147."},
    {"sigmoid off", 1, "sigmoid() gives 1 for z = 0, where 1 / (1 + e^-z) gives 0.5."},
    {"ssr stub", 2, "ssr() gives 0, as its stub does, for 3 of the samples, where adding their "
                    "squared residuals here gives 20.4236."},
    {"ssr two", 2, "ssr() gives 13.5861 for 3 of the samples, where adding their squared residuals "
                   "here gives 20.4236."},
    {"ssr three", 2, "ssr() gives 20.4236 for 2 of the samples, where adding their squared "
                     "residuals here gives 13.5861."},
    {"link stub", 3, "dssr_dpredicted() gives 0, as its stub does, for observed 0, predicted -2.5, "
                     "where the measured slope of (observed - predicted)^2 gives -5."},
    {"link sign", 3, "dssr_dpredicted() gives 5 for observed 0, predicted -2.5, where the measured "
                     "slope of (observed - predicted)^2 gives -5. Look at its sign."},
    {"link triple", 3, "dssr_dpredicted() gives -15 for observed 0, predicted -2.5, where the "
                       "measured slope of (observed - predicted)^2 gives -5."},
    {"db3 link stub", 3, "dpredicted_db3() gives 0, as its stub does, for how far the prediction "
                         "moves per unit of b3, where measuring it gives 1."},
    {"db3 link two", 3, "dpredicted_db3() gives 2 for how far the prediction moves per unit of b3, "
                        "where measuring it gives 1."},
    {"slope stub", 3, "dssr_db3() gives 0, as its stub does, for dSSR/db3 over 3 of the samples, "
                      "where the SSR's slope measured gives -15.6551."},
    {"slope sign", 3, "dssr_db3() gives 15.6551 for dSSR/db3 over 3 of the samples, where the "
                      "SSR's slope measured gives -15.6551. Look at its sign."},
    {"slope first", 3, "dssr_db3() gives -5.20733 for dSSR/db3 over 3 of the samples, where the "
                       "SSR's slope measured gives -15.6551."},
    {"step stub", 4, "step_size() gives 0, as its stub does, for slope -15.66, rate 0.05, where "
                     "slope * rate gives -0.783."},
    {"step divides", 4, "step_size() gives -313.2 for slope -15.66, rate 0.05, where slope * rate "
                        "gives -0.783."},
    {"apply stub", 4, "apply_step() gives 0, as its stub does, for old 0, step -1.5, where a step "
                      "downhill, old - step gives 1.5."},
    {"apply adds", 4, "apply_step() gives -1.5 for old 0, step -1.5, where a step downhill, old - "
                      "step gives 1.5. Look at its sign."},
    {"apply twice", 4, "apply_step() gives 3 for old 0, step -1.5, where a step downhill, old - "
                       "step gives 1.5."},
    {"bottom stub", 5, "optimal_b3() gives 0, as its stub does, for the bottom of the bowl, where "
                       "b3 - dSSR/db3 / 2n there gives 2.60918."},
    {"bottom off", 5, "optimal_b3() gives 3.60918 for the bottom of the bowl, where b3 - dSSR/db3 "
                      "/ 2n there gives 2.60918."},
    {"stop stub", 5, "steps_below_tolerance() gives 0, as its stub does, for step sizes of 0.0005, "
                     "tolerance 0.001 (1 stops, 0 goes on), where every |step size| < tolerance "
                     "gives 1."},
    {"stop always", 5, "steps_below_tolerance() gives 1 for step sizes of 0.0005 but -0.001 for "
                       "w1, tolerance 0.001 (1 stops, 0 goes on), where every |step size| < "
                       "tolerance gives 0."},
    {"stop b3 alone", 5, "steps_below_tolerance() gives 1 for step sizes of 0.0005 but -0.001 for "
                         "w1, tolerance 0.001 (1 stops, 0 goes on), where every |step size| < "
                         "tolerance gives 0."},
    {"stop not strict", 5, "steps_below_tolerance() gives 1 for step sizes of 0.0005 but -0.001 "
                           "for w1, tolerance 0.001 (1 stops, 0 goes on), where every |step size| "
                           "< tolerance gives 0."},
    {"loop stub", 5, "descend() gives 0 for the steps, from w1 = 1, b3 = -2 at rate 0.5, tolerance "
                     "0.01, max_steps 100, where a bowl whose slopes are the parameters gives 8."},
    {"row step", 5, "descend() gives 8 for the rows with a wrong step number, parameter, SSR, "
                    "slope, step size or context, from w1 = 1, b3 = -2 at rate 0.5, tolerance "
                    "0.01, max_steps 100, where a bowl whose slopes are the parameters gives 0."},
    {"row w3", 5, "descend() gives 8 for the rows with a wrong step number, parameter, SSR, slope, "
                  "step size or context, from w1 = 1, b3 = -2 at rate 0.5, tolerance 0.01, "
                  "max_steps 100, where a bowl whose slopes are the parameters gives 0."},
    {"row slope", 5, "descend() gives 8 for the rows with a wrong step number, parameter, SSR, "
                     "slope, step size or context, from w1 = 1, b3 = -2 at rate 0.5, tolerance "
                     "0.01, max_steps 100, where a bowl whose slopes are the parameters gives 0."},
    {"row ssr", 5, "descend() gives 8 for the rows with a wrong step number, parameter, SSR, "
                   "slope, step size or context, from w1 = 1, b3 = -2 at rate 0.5, tolerance 0.01, "
                   "max_steps 100, where a bowl whose slopes are the parameters gives 0."},
    {"row size", 5, "descend() gives 8 for the rows with a wrong step number, parameter, SSR, "
                    "slope, step size or context, from w1 = 1, b3 = -2 at rate 0.5, tolerance "
                    "0.01, max_steps 100, where a bowl whose slopes are the parameters gives 0."},
    {"row null", 5, "descend() gives 8 for the rows with a wrong step number, parameter, SSR, "
                    "slope, step size or context, from w1 = 1, b3 = -2 at rate 0.5, tolerance "
                    "0.01, max_steps 100, where a bowl whose slopes are the parameters gives 0."},
    {"loop goes on", 5, "descend() gives 100 for the steps, from w1 = 1, b3 = -2 at rate 0.5, "
                        "tolerance 0.01, max_steps 100, where a bowl whose slopes are the "
                        "parameters gives 8."},
    {"loop steps", 5, "descend() gives 9 for the steps, from w1 = 1, b3 = -2 at rate 0.5, "
                      "tolerance 0.01, max_steps 100, where a bowl whose slopes are the parameters "
                      "gives 8."},
    {"loop updates", 5, "descend() gives 8 for the updates, from w1 = 1, b3 = -2 at rate 0.5, "
                        "tolerance 0.01, max_steps 100, where a bowl whose slopes are the "
                        "parameters gives 7."},
    {"loop diverged", 5, "descend() gives 2 for how it ends (0 converged, 1 at the step limit, 2 "
                         "diverged), from w1 = 1, b3 = -2 at rate 0.5, tolerance 0.01, max_steps "
                         "100, where a bowl whose slopes are the parameters gives 0."},
    {"loop converged", 5, "descend() gives 0 for how it ends (0 converged, 1 at the step limit, 2 "
                          "diverged), from w1 = 1, b3 = -2 at rate 0.5, tolerance 0.01, max_steps "
                          "3, where a bowl whose slopes are the parameters gives 1."},
    {"loop limit", 5, "descend() gives 1 for how it ends (0 converged, 1 at the step limit, 2 "
                      "diverged), from w1 = 1, b3 = -2 at rate 0.5, tolerance 0.01, max_steps 100, "
                      "where a bowl whose slopes are the parameters gives 0."},
    {"loop no last check", 5, "descend() gives 1 for how it ends (0 converged, 1 at the step "
                              "limit, 2 diverged), from w1 = 0, b3 = 1e+150 at rate 1e+10, "
                              "tolerance 0.01, max_steps 1, where a bowl whose slopes are the "
                              "parameters gives 2."},
    {"loop moves b3", 5, "descend() gives 0.984375 for b3 at the end, from w1 = 1, b3 = -2 at rate "
                         "0.5, tolerance 0.01, max_steps 100, where a bowl whose slopes are the "
                         "parameters gives -0.015625."},
    {"output stub", 6, "output_layer_gradient() gives 0, as its stub does, for dSSR/dw3 over 3 of "
                       "the samples, where the SSR's slope measured gives -16.1088."},
    {"output w1", 6, "output_layer_gradient() gives 1 for dSSR/dw1 over 3 of the samples, where a "
                     "parameter that does not move gives 0."},
    {"output sign", 6, "output_layer_gradient() gives 6.9463 for dSSR/dw4 over 3 of the samples, "
                       "where the SSR's slope measured gives -6.9463. Look at its sign."},
    {"output first", 6, "output_layer_gradient() gives -1.11725 for dSSR/dw3 over 3 of the "
                        "samples, where the SSR's slope measured gives -16.1088."},
    {"output three", 6, "output_layer_gradient() gives -16.1088 for dSSR/dw3 over 2 of the "
                        "samples, where the SSR's slope measured gives -5.39777."},
    {"start stub", 7, "random_start() gives 0, as its stub does, for w1 from seed 1, where drawing "
                      "w1, w2, w3, w4 in that order, each bias 0 gives -0.0282497."},
    {"start swapped", 7, "random_start() gives -0.22792 for w1 from seed 1, where drawing w1, w2, "
                         "w3, w4 in that order, each bias 0 gives -0.0282497."},
    {"backward stub", 7, "backward() gives 0, as its stub does, for dSSR/dw1 over 3 of the "
                         "samples, where the SSR's slope measured gives 7.33892."},
    {"backward no x", 7, "backward() gives 10.3472 for dSSR/dw1 over 3 of the samples, where the "
                         "SSR's slope measured gives 7.33892."},
    {"backward overwrites", 7, "backward() gives 5.55735 for dSSR/dw1 over 3 of the samples, where "
                               "the SSR's slope measured gives 7.33892."},
    {"gradient stub", 7, "gradient() gives 0, as its stub does, for dSSR/dw1 over 3 of the "
                         "samples, where the SSR's slope measured gives 7.33892."},
    {"gradient two", 7, "gradient() gives 1.78157 for dSSR/dw1 over 3 of the samples, where the "
                        "SSR's slope measured gives 7.33892."},
    {"error stub", 8, "relative_error() gives 1, as its stub does, for a = 1, b = 1.25, where |a - "
                      "b| / max(|a|, |b|, 1e-8) gives 0.2."},
    {"error no floor", 8, "relative_error() gives 2 for a = 1e-13, b = -1e-13, where |a - b| / "
                          "max(|a|, |b|, 1e-8) gives 2e-05."},
    {"measure stub", 8, "slope_by_difference() gives 0, as its stub does, for dSSR/dw1 over 3 of "
                        "the samples, where the SSR's slope measured gives 7.33892."},
    {"measure half", 8, "slope_by_difference() gives 3.66946 for dSSR/dw1 over 3 of the samples, "
                        "where the SSR's slope measured gives 7.33892."},
};

/* The message with its line breaks and their indent taken out. */
static void flatten(const char *text, char *flat)
{
    for (; *text != '\0'; text++) {
        if (*text == '\n') {
            while (text[1] == ' ')
                text++;
            *flat++ = text[1] == '\0' ? '\0' : ' ';
        } else {
            *flat++ = *text;
        }
    }
    *flat = '\0';
}

static void every_mistake_stops_the_chapter_naming_it(void **state)
{
    (void)state;
    int failed = 0;
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        outcome o = verify_with(cases[k].mistake, cases[k].chapter);
        char flat[sizeof o.err];
        flatten(o.err, flat);
        int wide = 0;
        for (const char *line = o.err; *line != '\0'; line = strchr(line, '\n') + 1)
            wide |= strcspn(line, "\n") > 79;
        if (o.status != EXIT_UNFINISHED || strstr(flat, cases[k].says) == NULL || wide ||
            strncmp(o.err, "chapter8: ", 10) != 0) {
            print_error("%s (chapter %d): status %d, expected \"%s\", stderr:\n%s\n",
                        cases[k].mistake, cases[k].chapter, o.status, cases[k].says, o.err);
            failed++;
        }
    }
    assert_int_equal(failed, 0);
}

static void the_hint_is_for_the_function_named(void **state)
{
    (void)state;
    outcome o = verify_with("link sign", 8);
    assert_says(o.err, "The chapter stops here: what it prints rests on dssr_dpredicted().");
    assert_contains(o.err, "make hint3 TASK=dssr_dpredicted\n");
    o = verify_with("forward stub", 8);
    assert_contains(o.err, "make hint1 TASK=forward\n");
    o = verify_with("gradient two", 8);
    assert_contains(o.err, "make hint7 TASK=gradient\n");
    o = verify_with("loop stub", 9);
    assert_contains(o.err, "make hint5 TASK=descend\n");
}

static void right_functions_pass_in_silence(void **state)
{
    (void)state;
    for (int chapter = 1; chapter <= 9; chapter++) {
        outcome o = verify_with("", chapter);
        assert_int_equal(o.status, 0);
        assert_string_equal(o.err, "");
    }
    /* A mistake of a later chapter goes unseen by an earlier one. */
    outcome o = verify_with("measure half", 7);
    assert_int_equal(o.status, 0);
    o = verify_with("gradient stub", 6);
    assert_int_equal(o.status, 0);
}

int main(int argc, char **argv)
{
    if (argc == 4 && strcmp(argv[1], "--verify") == 0)
        return run_verify(argv[3], (int)strtol(argv[2], NULL, 10));
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_mistake_stops_the_chapter_naming_it),
        cmocka_unit_test(the_hint_is_for_the_function_named),
        cmocka_unit_test(right_functions_pass_in_silence),
    };
    return cmocka_run_group_tests_name("verify", tests, NULL, NULL);
}
