/**
 * @file test_nn.c
 * @brief code/nn.c against the golden values of tools/golden.py.
 */
#include "support.h"

#include <math.h>
#include <stdlib.h>

#include "data.h"
#include "golden.h"
#include "nn.h"

static void softplus_is_exact_and_finite_across_the_range(void **state)
{
    (void)state;
    for (int i = 0; i < GOLDEN_SOFTPLUS_COUNT; i++) {
        double z = golden_softplus_z[i];
        assert_true(isfinite(softplus(z)));
        assert_close(softplus(z), golden_softplus[i], GOLDEN_TOLERANCE);
        assert_close(sigmoid(z), golden_sigmoid[i], GOLDEN_TOLERANCE);
    }
    /* softplus never falls below 0 nor below z, even at the extremes. */
    assert_true(softplus(-1e300) >= 0.0);
    assert_true(softplus(1e300) >= 1e300);
}

static void sigmoid_is_the_slope_of_softplus(void **state)
{
    (void)state;
    for (double z = -30.0; z <= 30.0; z += 0.37) {
        double h = 1e-5;
        double measured = (softplus(z + h) - softplus(z - h)) / (2.0 * h);
        /* Central differences are accurate to about h^2 and rounding/h. */
        assert_close(sigmoid(z), measured, 1e-8 + 1e-9 / sigmoid(z));
    }
}

static void forward_keeps_every_intermediate_value(void **state)
{
    (void)state;
    nn_params p = article_params();
    nn_data data = article_data();
    assert_int_equal(data.count, 3);
    for (size_t i = 0; i < data.count; i++) {
        nn_trace t = forward(&p, data.input[i]);
        assert_close(t.z1, golden_z1[i], GOLDEN_TOLERANCE);
        assert_close(t.a1, golden_a1[i], GOLDEN_TOLERANCE);
        assert_close(t.top, golden_top[i], GOLDEN_TOLERANCE);
        assert_close(t.z2, golden_z2[i], GOLDEN_TOLERANCE);
        assert_close(t.a2, golden_a2[i], GOLDEN_TOLERANCE);
        assert_close(t.bottom, golden_bottom[i], GOLDEN_TOLERANCE);
        assert_close(t.predicted, golden_predicted[i], GOLDEN_TOLERANCE);
        assert_close(residual(data.observed[i], t.predicted), golden_residual[i],
                     GOLDEN_TOLERANCE);
    }
}

static void ssr_traces_the_bowl(void **state)
{
    (void)state;
    nn_params p = article_params();
    nn_data data = article_data();
    assert_close(ssr(&p, data), golden_ssr, GOLDEN_TOLERANCE);
    for (size_t k = 0; k < sizeof golden_bowl_b3 / sizeof golden_bowl_b3[0]; k++) {
        p.b3 = golden_bowl_b3[k];
        assert_close(ssr(&p, data), golden_bowl_ssr[k], GOLDEN_TOLERANCE);
    }
}

static void chain_rule_gives_the_slope(void **state)
{
    (void)state;
    nn_params p = article_params();
    nn_data data = article_data();
    for (size_t i = 0; i < data.count; i++)
        assert_close(dssr_dpredicted(data.observed[i], golden_predicted[i]),
                     golden_dssr_dpredicted[i], GOLDEN_TOLERANCE);
    assert_true(dpredicted_db3() == 1.0);
    assert_close(dssr_db3(&p, data), golden_dssr_db3, GOLDEN_TOLERANCE);
}

static void one_step_goes_downhill(void **state)
{
    (void)state;
    double step = step_size(golden_dssr_db3, 0.1);
    assert_close(step, golden_step_size, GOLDEN_TOLERANCE);
    assert_close(apply_step(0.0, step), golden_b3_after_step, GOLDEN_TOLERANCE);
    assert_close(apply_step(2.0, -0.5), 2.5, 0.0);
}

/* Records every row descend() reports. */
typedef struct recorder {
    nn_step rows[64];
    int count;
} recorder;

static void record(const nn_step *row, void *context)
{
    recorder *r = context;
    if (r->count < 64)
        r->rows[r->count] = *row;
    r->count++;
}

static void descent_matches_every_golden_row(void **state)
{
    (void)state;
    nn_params p = article_params();
    recorder r = {.count = 0};
    nn_settings settings = {.learning_rate = 0.1, .tolerance = 0.001, .max_steps = 1000};
    nn_result result = descend(&p, article_data(), b3_gradient, settings, record, &r);
    assert_int_equal(result.end, NN_CONVERGED);
    assert_int_equal(result.steps, GOLDEN_DESCENT_ROWS);
    assert_int_equal(result.updates, GOLDEN_UPDATES);
    assert_int_equal(r.count, GOLDEN_DESCENT_ROWS);
    for (int i = 0; i < GOLDEN_DESCENT_ROWS; i++) {
        assert_int_equal(r.rows[i].step, i + 1);
        assert_close(r.rows[i].params.b3, golden_descent_b3[i], GOLDEN_TOLERANCE);
        assert_close(r.rows[i].ssr, golden_descent_ssr[i], GOLDEN_TOLERANCE);
        assert_close(r.rows[i].slope.b3, golden_descent_dssr_db3[i], GOLDEN_TOLERANCE);
        assert_close(r.rows[i].step_size.b3, golden_descent_step_size[i], GOLDEN_TOLERANCE);
    }
    assert_close(p.b3, golden_converged_b3, GOLDEN_TOLERANCE);
}

static void descent_respects_the_step_limit_and_zero_tolerance(void **state)
{
    (void)state;
    nn_params p = article_params();
    nn_settings settings = {.learning_rate = 0.1, .tolerance = 0.0, .max_steps = 25};
    nn_result result = descend(&p, article_data(), b3_gradient, settings, NULL, NULL);
    assert_int_equal(result.end, NN_STEP_LIMIT);
    assert_int_equal(result.steps, 25);
    assert_int_equal(result.updates, 25);
    /* Each step shrinks the distance to the bottom by 1 - 2 x 3 x 0.1 = 0.4. */
    assert_close(golden_optimal_b3 - p.b3, golden_optimal_b3 * pow(0.4, 25), 1e-6);
}

static void descent_stops_at_the_first_non_finite_number(void **state)
{
    (void)state;
    nn_params p = article_params();
    recorder r = {.count = 0};
    nn_settings settings = {.learning_rate = 10.0, .tolerance = 0.001, .max_steps = 1000};
    nn_result result = descend(&p, article_data(), b3_gradient, settings, record, &r);
    assert_int_equal(result.end, NN_DIVERGED);
    assert_true(result.steps > 10 && result.steps < 1000);
    for (int i = 0; i < r.count && i < 64; i++) {
        assert_true(isfinite(r.rows[i].ssr));
        assert_true(isfinite(r.rows[i].params.b3));
    }
}

/* The last step may land where the SSR overflows; no row looks at that point,
   so the loop checks it when it stops at its limit. */
static void descent_checks_the_point_it_ends_on(void **state)
{
    (void)state;
    nn_params p = article_params();
    nn_settings settings = {.learning_rate = 10.0, .tolerance = 0.001, .max_steps = 86};
    nn_result result = descend(&p, article_data(), b3_gradient, settings, NULL, NULL);
    assert_int_equal(result.end, NN_STEP_LIMIT);
    assert_true(isfinite(ssr(&p, article_data())));
    p = article_params();
    settings.max_steps = 87;
    result = descend(&p, article_data(), b3_gradient, settings, NULL, NULL);
    assert_int_equal(result.end, NN_DIVERGED);
    assert_int_equal(result.updates, 87);
    assert_true(isfinite(p.b3));
    assert_false(isfinite(ssr(&p, article_data())));

    nn_params q = start_output_layer();
    settings.max_steps = 72;
    result = descend(&q, article_data(), output_layer_gradient, settings, NULL, NULL);
    assert_int_equal(result.end, NN_DIVERGED);
    assert_int_equal(result.updates, 72);
    q = start_output_layer();
    settings.max_steps = 71;
    result = descend(&q, article_data(), output_layer_gradient, settings, NULL, NULL);
    assert_int_equal(result.end, NN_STEP_LIMIT);
}

static void optimum_is_the_mean_residual(void **state)
{
    (void)state;
    nn_params p = article_params();
    assert_close(optimal_b3(&p, article_data()), golden_optimal_b3, GOLDEN_TOLERANCE);
    p.b3 = 7.0; /* the answer does not depend on where b3 is now */
    assert_close(optimal_b3(&p, article_data()), golden_optimal_b3, GOLDEN_TOLERANCE);
    p.b3 = golden_optimal_b3;
    assert_true(fabs(dssr_db3(&p, article_data())) < 1e-12);
}

static void another_data_set_gives_its_own_golden_numbers(void **state)
{
    (void)state;
    nn_data data;
    assert_int_equal(data_load(TEST_DATA("five.csv"), &data, stderr), 0);
    assert_int_equal(data.count, GOLDEN_FIVE_COUNT);
    nn_params p = article_params();
    assert_close(ssr(&p, data), golden_five_ssr, GOLDEN_TOLERANCE);
    assert_close(dssr_db3(&p, data), golden_five_dssr_db3, GOLDEN_TOLERANCE);
    assert_close(optimal_b3(&p, data), golden_five_optimal_b3, GOLDEN_TOLERANCE);
    nn_settings slow = {.learning_rate = 0.05, .tolerance = 1e-6, .max_steps = 1000};
    nn_result result = descend(&p, data, b3_gradient, slow, NULL, NULL);
    assert_int_equal(result.updates, GOLDEN_FIVE_UPDATES_SLOW);
    assert_close(p.b3, golden_five_converged_b3_slow, GOLDEN_TOLERANCE);
    data_free(&data);
}

/* True when v rounds to `shown` at the article's precision (half a unit of the last digit). */
static int rounds_to(double v, double shown, double unit)
{
    return fabs(v - shown) <= unit / 2;
}

static void the_articles_rounded_figures_hold(void **state)
{
    (void)state;
    nn_params p = article_params();
    nn_data data = article_data();
    assert_true(rounds_to(ssr(&p, data), 20.4, 0.1));
    assert_true(rounds_to(dssr_db3(&p, data), -15.7, 0.1));
    double step = step_size(dssr_db3(&p, data), 0.1);
    assert_true(rounds_to(step, -1.57, 0.01));
    p.b3 = apply_step(p.b3, step);
    assert_true(rounds_to(p.b3, 1.57, 0.01));
    assert_true(rounds_to(dssr_db3(&p, data), -6.26, 0.01));
    assert_true(rounds_to(step_size(dssr_db3(&p, data), 0.1), -0.626, 0.001));
    nn_settings settings = {.learning_rate = 0.1, .tolerance = 0.001, .max_steps = 1000};
    nn_params start = article_params();
    descend(&start, data, b3_gradient, settings, NULL, NULL);
    assert_true(rounds_to(start.b3, 2.61, 0.01));
    /* The article's own slip, b3 = 0 + (-1.57) = -1.57, climbs the bowl instead:
       there the SSR is 52.4, not 20.4. */
    nn_params slip = article_params();
    slip.b3 = -1.57;
    assert_true(rounds_to(ssr(&slip, data), 52.4, 0.1));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(softplus_is_exact_and_finite_across_the_range),
        cmocka_unit_test(sigmoid_is_the_slope_of_softplus),
        cmocka_unit_test(forward_keeps_every_intermediate_value),
        cmocka_unit_test(ssr_traces_the_bowl),
        cmocka_unit_test(chain_rule_gives_the_slope),
        cmocka_unit_test(one_step_goes_downhill),
        cmocka_unit_test(descent_matches_every_golden_row),
        cmocka_unit_test(descent_respects_the_step_limit_and_zero_tolerance),
        cmocka_unit_test(descent_stops_at_the_first_non_finite_number),
        cmocka_unit_test(descent_checks_the_point_it_ends_on),
        cmocka_unit_test(optimum_is_the_mean_residual),
        cmocka_unit_test(another_data_set_gives_its_own_golden_numbers),
        cmocka_unit_test(the_articles_rounded_figures_hold),
    };
    return cmocka_run_group_tests_name("nn", tests, NULL, NULL);
}
