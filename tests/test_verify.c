/**
 * @file test_verify.c
 * @brief A chapter stops over an unfinished or wrong function of code/nn.c,
 *        naming it, and says nothing over right ones.
 *
 * This program compiles code/nn.c itself with every function a student
 * writes renamed reference_*, and puts in their place versions that are the
 * reference unless `broken` names one of the usual mistakes (or the stub).
 * Each case runs verify_chapters() in a child process and reads what it
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
#define step_size reference_step_size
#define apply_step reference_apply_step
#define optimal_b3 reference_optimal_b3
#define output_layer_gradient reference_output_layer_gradient
#define steps_below_tolerance reference_steps_below_tolerance
#define descend reference_descend
#define random_start reference_nn_random_start
#define backward reference_backward
#define relative_error reference_relative_error
#define slope_by_difference reference_slope_by_difference
#define gradient reference_gradient
#include "nn.c" // NOLINT(bugprone-suspicious-include): nn.c itself, compiled here with renames
#undef forward
#undef softplus
#undef sigmoid
#undef ssr
#undef dssr_dpredicted
#undef dpredicted_db3
#undef dssr_db3
#undef step_size
#undef apply_step
#undef optimal_b3
#undef output_layer_gradient
#undef steps_below_tolerance
#undef descend
#undef random_start
#undef backward
#undef relative_error
#undef slope_by_difference
#undef gradient

#include "verify.h"

/* The mistake this process makes; "" for none. */
static const char *broken = "";

static int is(const char *mistake)
{
    return strcmp(broken, mistake) == 0;
}

/* The functions a student writes: the reference, or one mistake. */

nn_trace forward(const nn_params *p, double x)
{
    nn_trace t = reference_forward(p, x);
    if (is("forward stub"))
        memset(&t, 0, sizeof t);
    if (is("forward z1"))
        t.z1 = p->w1 * x - p->b1;
    return t;
}

double softplus(double z)
{
    return is("softplus stub") ? 0.0 : reference_softplus(z) + (is("softplus off") ? 0.5 : 0.0);
}

double sigmoid(double z)
{
    return is("sigmoid stub") ? 0.0 : reference_sigmoid(z) * (is("sigmoid off") ? 2.0 : 1.0);
}

double ssr(const nn_params *p, nn_data data)
{
    if (is("ssr stub"))
        return 0.0;
    if (is("ssr two") && data.count > 2)
        data.count = 2;
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

/* A loop's rows, passed on with one thing changed. */
typedef struct relay {
    nn_observer on_step;
    void *context;
} relay;

static void relay_row(const nn_step *row, void *context)
{
    const relay *r = context;
    nn_step changed = *row;
    changed.step -= is("row step");
    changed.params.b3 += is("row b3");
    changed.params.w3 += is("row w3");
    /* The renaming reaches the fields of nn.h's structures too. */
    changed.reference_ssr += is("row ssr");
    changed.slope.b3 += is("row slope");
    changed.slope.w4 += is("row slope w4");
    changed.reference_step_size.b3 += is("row size");
    r->on_step(&changed, is("row null") ? NULL : r->context);
}

int steps_below_tolerance(const nn_params *step_size, double tolerance)
{
    if (is("stop stub"))
        return 0;
    if (is("stop always"))
        return 1;
    if (is("stop not strict"))
        return reference_steps_below_tolerance(step_size, nextafter(tolerance, INFINITY));
    return reference_steps_below_tolerance(step_size, tolerance);
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
    nn_result result = reference_descend(p, data, slopes, settings, relay_row, &r);
    result.steps += is("loop steps");
    result.updates += is("loop updates");
    if (is("loop diverged"))
        result.end = NN_DIVERGED;
    if (is("loop converged") && result.end == NN_STEP_LIMIT)
        result.end = NN_CONVERGED;
    if (is("loop limit") && result.end == NN_CONVERGED)
        result.end = NN_STEP_LIMIT;
    p->b3 += is("loop moves b3");
    return result;
}

nn_gradient output_layer_gradient(const nn_params *p, nn_data data)
{
    nn_gradient g = {.value = {0.0}};
    if (is("output stub"))
        return g;
    g = reference_output_layer_gradient(p, data);
    if (is("output swapped")) {
        double w3 = g.w3;
        g.w3 = g.w4;
        g.w4 = w3;
    }
    g.w1 += is("output moves w1");
    return g;
}

nn_params random_start(random_state *r)
{
    nn_params p = reference_nn_random_start(r);
    if (is("start stub"))
        memset(&p, 0, sizeof p);
    if (is("start swapped")) {
        double w1 = p.w1;
        p.w1 = p.w2;
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
    nn_gradient share = {.value = {0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0}};
    reference_backward(p, t, observed, &share);
    if (is("backward no x"))
        share.w1 = share.b1;
    for (int i = 0; i < NN_PARAM_COUNT; i++)
        g->value[i] += share.value[i];
}

/* The sum of every sample's backward pass, this file's backward() included
   (nn.c's own gradient() calls the reference's). */
nn_gradient gradient(const nn_params *p, nn_data data)
{
    nn_gradient g = {.value = {0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0}};
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

/* What verify_chapters() did in a child process making `mistake`. */
typedef struct outcome {
    int status;
    char err[4096];
} outcome;

/* The child's side: verify_chapters() over `chapter` with `mistake` made,
   its messages on stderr, its exit status the chapter's. */
static int run_verify(const char *mistake, int chapter)
{
    broken = mistake;
    static const cli_program program = {"chapter8", "the checks of verify.h", 0};
    char name[] = "chapter8";
    char *argv[] = {name, NULL};
    chapter_run run = {.program = &program};
    if (cli_parse(&program, 1, argv, &run.options, stdout, stderr) != CLI_RUN)
        return 99;
    run.data = article_data();
    run.start = article_params();
    verify_chapters(&run, chapter);
    return 0;
}

/* What verify_chapters() did in a process of its own making `mistake`: this
   program again, as `test_verify --verify CHAPTER MISTAKE`, through the
   shell (and the emulator, where there is one: qemu-user cannot fork a
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

/* Each mistake stops the chapter, naming it in these words. */
static const struct {
    const char *mistake;
    int chapter;
    const char *says;
} cases[] = {
    {"forward stub", 1, "forward() is unfinished: at x = 0 it returns a trace of zeros"},
    {"forward z1", 1, "forward() gives z1 = 1.43 at x = 0, where w1*x + b1 = -1.43"},
    {"softplus stub", 1, "softplus() is unfinished: it gives 0 for every z"},
    {"sigmoid stub", 1, "sigmoid() is unfinished"},
    {"softplus off", 1, "softplus(-30) gives 0.5, where log(1 + e^z) = 9.35762e-14."},
    {"sigmoid off", 1, "sigmoid(-2) gives 0.238406, where 1 / (1 + e^-z) = 0.119203."},
    {"ssr stub", 2, "ssr() is unfinished: it gives 0, as its stub does"},
    {"ssr two", 2, "does it visit every sample, data.count of them?"},
    {"link stub", 3, "dssr_dpredicted() is unfinished"},
    {"link sign", 3, "dssr_dpredicted(1, 0) gives 2, but the measured slope"},
    {"link triple", 3, "dssr_dpredicted(1, 0) gives -6, but the measured slope"},
    {"db3 link stub", 3, "dpredicted_db3() is unfinished"},
    {"db3 link two", 3, "dpredicted_db3() gives 2, but the prediction measurably moves by 1"},
    {"slope stub", 3, "dssr_db3() is unfinished"},
    {"slope sign", 3, "your dssr_db3() gives 15.6551 at b3 = 0 but the measured slope is -15.6551"},
    {"slope first", 3, "dssr_db3() over 3 samples gives -5.20733 at b3 = 0"},
    {"step stub", 4, "step_size() is unfinished"},
    {"step divides", 4, "step_size(-15.66, 0.1) gives -156.6"},
    {"apply stub", 4, "apply_step() is unfinished"},
    {"apply adds", 4, "it moves with the slope, uphill"},
    {"apply twice", 4, "apply_step(1, 0.25) gives 0.5, where a step downhill"},
    {"bottom stub", 5, "optimal_b3() is unfinished"},
    {"bottom off", 5, "optimal_b3() gives 3.60918, but the measured slope of the SSR there is 6, not 0"},
    {"loop stub", 5, "descend() is unfinished: it returns at once"},
    {"row step", 5, "descend()'s row 1 is numbered 0"},
    {"row b3", 5, "descend()'s row 1 has b3 = 1"},
    {"row w3", 5, "descend()'s row 1 has w3 = -0.22"},
    {"row ssr", 5, "descend()'s row 1 has SSR = 21.4236"},
    {"row slope", 5, "descend()'s row 1 has the slope dSSR/db3 = -14.6551"},
    {"row slope w4", 5, "descend()'s row 1 has the slope dSSR/dw4 = 1"},
    {"row size", 5, "descend()'s row 1 has the step size -0.56551"},
    {"row null", 5, "descend() calls on_step with a NULL context"},
    {"loop goes on", 5, "descend() went on to row"},
    {"loop steps", 5, "descend() reports 11 steps, but showed 10 rows"},
    {"loop updates", 5, "converged after 10 rows and reports 10 updates, where that makes 9"},
    {"loop diverged", 5, "where every number is finite"},
    {"loop converged", 5, "descend() says it converged"},
    {"loop limit", 5, "descend() stopped after 10 rows, neither at the step limit 1000"},
    {"loop moves b3", 5, "descend() leaves b3 = 3.6085"},
    {"stop stub", 5, "steps_below_tolerance() says \"not yet\""},
    {"stop always", 5, "steps_below_tolerance() says \"stop\" while w1"},
    {"stop not strict", 5, "a step must be strictly below it"},
    {"output stub", 6, "output_layer_gradient() is unfinished"},
    {"output swapped", 6, "output_layer_gradient() over 3 samples gives dSSR/dw3 = 1.25676"},
    {"output moves w1", 6, "only w3, w4 and b3 move in chapter 6"},
    {"start stub", 7, "random_start() is unfinished"},
    {"start swapped", 7, "random_start() with seed 1 gives w1 ="},
    {"backward stub", 7, "backward() is unfinished: it adds nothing"},
    {"backward no x", 7, "backward() gives dSSR/dw1 ="},
    {"backward overwrites", 7, "backward() gives dSSR/dw1 = 0.801639, but the measured slope is 0.760944"},
    {"error stub", 8, "relative_error() is unfinished"},
    {"error no floor", 8, "relative_error(1e-13, -1e-13) gives 2, where"},
    {"measure stub", 8, "slope_by_difference() is unfinished"},
    {"measure half", 8, "slope_by_difference() along w1 gives"},
};

static void every_mistake_stops_the_chapter_naming_it(void **state)
{
    (void)state;
    int failed = 0;
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        outcome o = verify_with(cases[k].mistake, cases[k].chapter);
        /* The message is words wrapped at 79 columns: compare without the breaks. */
        char flat[sizeof o.err];
        size_t n = 0;
        for (const char *c = o.err; *c != '\0'; c++) {
            if (*c == '\n') {
                while (c[1] == ' ')
                    c++;
                flat[n++] = ' ';
            } else {
                flat[n++] = *c;
            }
        }
        flat[n] = '\0';
        int wide = 0;
        for (const char *line = o.err; *line != '\0'; line = strchr(line, '\n') + 1)
            wide |= strcspn(line, "\n") > 79;
        if (o.status != EXIT_UNFINISHED || strstr(flat, cases[k].says) == NULL || wide) {
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
    assert_contains(o.err, "make hint3 TASK=dssr_dpredicted\n");
    o = verify_with("forward stub", 8);
    assert_contains(o.err, "make hint1 TASK=forward\n");
}

static void right_functions_pass_in_silence(void **state)
{
    (void)state;
    for (int chapter = 1; chapter <= 8; chapter++) {
        outcome o = verify_with("", chapter);
        assert_int_equal(o.status, 0);
        assert_string_equal(o.err, "");
    }
    /* A mistake of a later chapter goes unseen by an earlier one. */
    outcome o = verify_with("measure half", 7);
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
