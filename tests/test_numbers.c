/**
 * @file test_numbers.c
 * @brief softplus, sigmoid and the gradient stay finite and exact from
 *        z = -1e300 to z = +1e300, against tests/golden_extremes.h.
 */
#include "support.h"

#include <float.h>
#include <math.h>

#include "golden_extremes.h"
#include "nn.h"

/* Where a result is subnormal it has fewer than 17 digits to be exact in;
   a few units of the smallest subnormal (4.9e-324) is all rounding allows. */
#define SUBNORMAL_SLACK 1e-320

/* Fails unless `actual` is finite and within 1e-12 relative of `expected`. */
static void assert_exact(double actual, double expected, const char *what, double z)
{
    if (isfinite(actual) && (fabs(actual - expected) <= GOLDEN_TOLERANCE * fabs(expected) ||
                             fabs(actual - expected) <= SUBNORMAL_SLACK))
        return;
    print_error("%s at z = %.17g: %.17g, expected %.17g\n", what, z, actual, expected);
    fail();
}

static void softplus_is_exact_from_minus_to_plus_1e300(void **state)
{
    (void)state;
    for (int i = 0; i < GOLDEN_EXTREME_COUNT; i++) {
        double z = golden_extreme_z[i];
        assert_exact(softplus(z), golden_extreme_softplus[i], "softplus", z);
        /* log(1 + e^z) lies above both 0 and z. */
        assert_true(softplus(z) >= 0.0 && softplus(z) >= z);
    }
}

static void sigmoid_is_exact_from_minus_to_plus_1e300(void **state)
{
    (void)state;
    for (int i = 0; i < GOLDEN_EXTREME_COUNT; i++) {
        double z = golden_extreme_z[i];
        assert_exact(sigmoid(z), golden_extreme_sigmoid[i], "sigmoid", z);
        assert_true(sigmoid(z) >= 0.0 && sigmoid(z) <= 1.0);
    }
    assert_true(sigmoid(-DBL_MAX) == 0.0);
    assert_true(sigmoid(DBL_MAX) == 1.0);
}

static void sigmoid_is_the_slope_of_softplus_everywhere(void **state)
{
    (void)state;
    for (int i = 0; i < GOLDEN_EXTREME_COUNT; i++) {
        double z = golden_extreme_z[i];
        if (fabs(z) == DBL_MAX)
            continue; /* z + h would overflow */
        double h = 1e-6 * fmax(1.0, fabs(z));
        double measured = (softplus(z + h) - softplus(z - h)) / (2.0 * h);
        /* A central difference, so the error is about h^2 and rounding / h. */
        if (fabs(measured - sigmoid(z)) > 1e-6) {
            print_error("at z = %.17g: measured slope %.17g, sigmoid %.17g\n", z, measured,
                        sigmoid(z));
            fail();
        }
    }
}

static void the_forward_pass_keeps_exact_slopes(void **state)
{
    (void)state;
    for (int i = 0; i < GOLDEN_EXTREME_COUNT; i++) {
        double z = golden_extreme_z[i];
        nn_params p = {.value = {z, 0.0, -z, 0.0, 0.0, 0.0, 0.0}};
        nn_trace t = forward(&p, 1.0);
        assert_exact(t.a1, golden_extreme_softplus[i], "a1", z);
        assert_exact(t.s1, golden_extreme_sigmoid[i], "s1", z);
        /* The bottom neuron sees -z: softplus(-z) = softplus(z) - z. */
        assert_true(isfinite(t.a2) && isfinite(t.s2));
        assert_exact(t.s1 + t.s2, 1.0, "s1 + s2", z);
    }
}

static void the_gradient_is_exact_where_z_is_extreme(void **state)
{
    (void)state;
    for (int c = 0; c < GOLDEN_GRADIENT_CASES; c++) {
        const golden_gradient_case *g = &golden_gradient_cases[c];
        nn_params p = {.value = {g->params[0], g->params[1], g->params[2], g->params[3],
                       g->params[4], g->params[5], g->params[6]}};
        nn_data data = {(size_t)g->count, g->input, g->observed};
        nn_gradient slope = gradient(&p, data);
        double got[7] = {slope.w1, slope.b1, slope.w2, slope.b2, slope.w3, slope.w4, slope.b3};
        for (int k = 0; k < 7; k++) {
            if (!isfinite(got[k]) ||
                !(fabs(got[k] - g->gradient[k]) <= GOLDEN_TOLERANCE * fabs(g->gradient[k]) ||
                  fabs(got[k] - g->gradient[k]) <= SUBNORMAL_SLACK)) {
                print_error("%s: slope %d is %.17g, expected %.17g\n", g->what, k, got[k],
                            g->gradient[k]);
                fail();
            }
        }
        /* The b3 slope is the chapter 3 slope, however it is computed. */
        assert_exact(slope.b3, dssr_db3(&p, data), "dSSR/db3", g->params[0]);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(softplus_is_exact_from_minus_to_plus_1e300),
        cmocka_unit_test(sigmoid_is_exact_from_minus_to_plus_1e300),
        cmocka_unit_test(sigmoid_is_the_slope_of_softplus_everywhere),
        cmocka_unit_test(the_forward_pass_keeps_exact_slopes),
        cmocka_unit_test(the_gradient_is_exact_where_z_is_extreme),
    };
    return cmocka_run_group_tests_name("numbers at the edges of double", tests, NULL, NULL);
}
