/**
 * @file test_small.c
 * @brief code/small.c: softplus from a table of 16 polynomials, and descent
 *        with the parameters in registers, give the plain loops' numbers.
 *
 * small_descend() runs only where the processor has AVX-512 and valgrind is
 * not hiding it; elsewhere it declines every time and these tests say
 * "skipped" rather than pass by checking nothing.
 */
#include "support.h"

#include <math.h>

#include "fast.h"
#include "nn.h"
#include "small.h"

/* The first (and only) row small_descend() reports, and how many it did. */
typedef struct first_row {
    int rows;
    fast_row row;
} first_row;

static void keep_row(const fast_row *row, void *context)
{
    first_row *kept = context;
    kept->rows++;
    kept->row = *row;
}

static int has_avx512(void)
{
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
    return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512dq");
#else
    return 0;
#endif
}

/* Ends the test as skipped where small_descend() declines every step. */
static void skip_without_avx512(void)
{
    /* cppcheck takes the #else of has_avx512() and calls this always true. */
    // cppcheck-suppress knownConditionTrueFalse
    if (!has_avx512())
        skip();
}

/* One step at p on data: 1 if small_descend() took it, with its row in *kept. */
static int one_step(nn_params *p, nn_data data, double rate, first_row *kept)
{
    kept->rows = 0;
    long taken = small_descend(p, data, rate, 0.0, 1, keep_row, kept);
    assert_int_equal(kept->rows, taken);
    return taken == 1;
}

/* Every |z| in reach of the table, both signs, every piece and its edges:
   softplus and sigmoid agree with nn.c's (exp and log1p of libm) to a few
   units in the last place, 2.2e-16 each. One sample, z1 = z, z2 = -z; the
   rate is tiny so that the step itself stays within reach. */
static void softplus_and_sigmoid_to_the_last_digits(void **state)
{
    (void)state;
    skip_without_avx512();
    double x = 1.0, y = 0.5;
    nn_data data = {1, &x, &y};
    int checked = 0;
    for (int k = -798; k <= 798; k++) {
        double z = k / 100.0;
        nn_params p = {0.0, z, 0.0, -z, 1.0, 1.0, 0.0};
        nn_gradient plain = gradient(&p, data);
        first_row kept;
        assert_true(one_step(&p, data, 1e-9, &kept));
        assert_close(kept.row.ssr, ssr(&kept.row.params, data), 4e-15);
        assert_close(kept.row.slope.w3, plain.w3, 4e-15); /* -2 r softplus(z) */
        assert_close(kept.row.slope.w4, plain.w4, 4e-15); /* -2 r softplus(-z) */
        assert_close(kept.row.slope.b1, plain.b1, 4e-15); /* -2 r sigmoid(z) */
        assert_close(kept.row.slope.b2, plain.b2, 4e-15); /* -2 r sigmoid(-z) */
        assert_close(kept.row.slope.b3, plain.b3, 4e-15);
        checked++;
    }
    assert_int_equal(checked, 1597);
}

/* Random problems of 1 to 4 samples: the row and the step equal the plain
   gradient and update to 1e-12, whenever small_descend() takes the step. */
static void one_step_equals_the_plain_one(void **state)
{
    (void)state;
    skip_without_avx512();
    int taken = 0, tries = 0;
    unsigned long seed = 12345;
    for (size_t n = 1; n <= SMALL_MAX_SAMPLES; n++) {
        for (int t = 0; t < 100; t++, tries++) {
            double x[SMALL_MAX_SAMPLES], y[SMALL_MAX_SAMPLES], v[7];
            for (size_t i = 0; i < n; i++) {
                seed = seed * 6364136223846793005ul + 1442695040888963407ul;
                x[i] = (double)(seed >> 11) / 9007199254740992.0 * 2.0 - 0.5;
                seed = seed * 6364136223846793005ul + 1442695040888963407ul;
                y[i] = (double)(seed >> 11) / 9007199254740992.0 * 2.0 - 1.0;
            }
            for (int k = 0; k < 7; k++) {
                seed = seed * 6364136223846793005ul + 1442695040888963407ul;
                v[k] = (double)(seed >> 11) / 9007199254740992.0 * 6.0 - 3.0;
            }
            nn_params start = {v[0], v[1], v[2], v[3], v[4], v[5], v[6]}, p = start;
            nn_data data = {n, x, y};
            first_row kept;
            if (!one_step(&p, data, 0.1, &kept))
                continue;
            taken++;
            nn_gradient g = gradient(&start, data);
            assert_close(kept.row.ssr, ssr(&start, data), GOLDEN_TOLERANCE);
            assert_close(kept.row.slope.w1, g.w1, GOLDEN_TOLERANCE);
            assert_close(kept.row.slope.b1, g.b1, GOLDEN_TOLERANCE);
            assert_close(kept.row.slope.w2, g.w2, GOLDEN_TOLERANCE);
            assert_close(kept.row.slope.b2, g.b2, GOLDEN_TOLERANCE);
            assert_close(kept.row.slope.w3, g.w3, GOLDEN_TOLERANCE);
            assert_close(kept.row.slope.w4, g.w4, GOLDEN_TOLERANCE);
            assert_close(kept.row.slope.b3, g.b3, GOLDEN_TOLERANCE);
            assert_true(kept.row.params.w1 == start.w1 && kept.row.params.b3 == start.b3);
            assert_close(p.w1, start.w1 - 0.1 * g.w1, GOLDEN_TOLERANCE);
            assert_close(p.b2, start.b2 - 0.1 * g.b2, GOLDEN_TOLERANCE);
            assert_close(p.w4, start.w4 - 0.1 * g.w4, GOLDEN_TOLERANCE);
            assert_close(p.b3, start.b3 - 0.1 * g.b3, GOLDEN_TOLERANCE);
        }
    }
    /* Most of these start within reach of the table; a test of none proves nothing. */
    assert_true(taken > tries / 2);
}

/* A thousand steps on the article's data stay on the plain descent. */
static void a_thousand_steps_follow_the_plain_descent(void **state)
{
    (void)state;
    skip_without_avx512();
    nn_data data = nn_article_data();
    nn_params start = {2.74, 0.0, -1.13, 0.0, 0.36, 0.63, 0.0}, p = start, q = start;
    assert_int_equal(small_descend(&p, data, 0.1, 0.0, 1000, NULL, NULL), 1000);
    for (int step = 0; step < 1000; step++) {
        nn_gradient g = gradient(&q, data);
        q.w1 -= 0.1 * g.w1;
        q.b1 -= 0.1 * g.b1;
        q.w2 -= 0.1 * g.w2;
        q.b2 -= 0.1 * g.b2;
        q.w3 -= 0.1 * g.w3;
        q.w4 -= 0.1 * g.w4;
        q.b3 -= 0.1 * g.b3;
    }
    assert_close(p.w1, q.w1, 1e-12);
    assert_close(p.b1, q.b1, 1e-12);
    assert_close(p.w2, q.w2, 1e-12);
    assert_close(p.b2, q.b2, 1e-12);
    assert_close(p.w3, q.w3, 1e-12);
    assert_close(p.w4, q.w4, 1e-12);
    assert_close(p.b3, q.b3, 1e-12);
}

/* Within 1e-14 plus 1e-12 of its size: slopes pass through zero on the way
   down, and near zero a relative comparison measures only the noise. */
static void assert_near(double actual, double expected)
{
    if (fabs(actual - expected) > 1e-14 + 1e-12 * fabs(expected))
        assert_close(actual, expected, 1e-12); /* fails, and prints both */
}

static void compare_row(const fast_row *row, void *context)
{
    int *rows = context;
    (*rows)++;
    nn_data data = nn_article_data();
    nn_gradient g = gradient(&row->params, data);
    assert_int_equal(row->step, *rows);
    assert_near(row->ssr, ssr(&row->params, data));
    assert_near(row->slope.w1, g.w1);
    assert_near(row->slope.b1, g.b1);
    assert_near(row->slope.w2, g.w2);
    assert_near(row->slope.b2, g.b2);
    assert_near(row->slope.w3, g.w3);
    assert_near(row->slope.w4, g.w4);
    assert_near(row->slope.b3, g.b3);
}

/* Each of the first 2,000 rows from chapter 7's start, the stretch in which
   the lanes change piece (23 times), has the plain loops' SSR and slopes at
   that row's parameters: the coefficients kept from step to step are those
   of the right piece. */
static void every_row_equals_the_plain_gradient(void **state)
{
    (void)state;
    skip_without_avx512();
    nn_params p = {2.74, 0.0, -1.13, 0.0, 0.36, 0.63, 0.0};
    int rows = 0;
    assert_int_equal(small_descend(&p, nn_article_data(), 0.1, 0.0, 2000, compare_row, &rows),
                     2000);
    assert_int_equal(rows, 2000);
}

/* What small_descend() leaves to fast_descend(): too many samples, a start
   out of reach of the table, a first step below the tolerance, a step that
   leaves the table's reach, and no steps at all. */
static void leaves_the_unordinary_alone(void **state)
{
    (void)state;
    nn_data article = nn_article_data();
    nn_params start = {2.74, 0.0, -1.13, 0.0, 0.36, 0.63, 0.0}, p = start;
    double x[5] = {0.0, 0.25, 0.5, 0.75, 1.0}, y[5] = {0.0, 0.5, 1.0, 0.5, 0.0};
    nn_data five = {5, x, y};
    assert_int_equal(small_descend(&p, five, 0.1, 0.0, 10, NULL, NULL), 0);
    nn_params far = start;
    far.b2 = -SMALL_REACH; /* z2 at x = 0: just out of reach */
    p = far;
    assert_int_equal(small_descend(&p, article, 0.1, 0.0, 10, NULL, NULL), 0);
    assert_true(p.b2 == far.b2 && p.w1 == far.w1);
    p = start;
    assert_int_equal(small_descend(&p, article, 0.1, 1e9, 10, NULL, NULL), 0);
    assert_int_equal(small_descend(&p, article, 0.1, 0.0, 0, NULL, NULL), 0);
    assert_true(p.w1 == start.w1 && p.b3 == start.b3);
    skip_without_avx512();
    /* At a rate of 0.5 the second step throws z1 to -68; it is not taken, so
       every parameter is still finite and within reach. */
    long taken = small_descend(&p, article, 0.5, 0.0, 1000, NULL, NULL);
    assert_true(taken >= 1 && taken < 1000);
    assert_true(isfinite(p.w1) && isfinite(p.b1) && isfinite(p.w2) && isfinite(p.b2));
    for (size_t i = 0; i < article.count; i++) {
        assert_true(fabs(p.w1 * article.input[i] + p.b1) < SMALL_REACH);
        assert_true(fabs(p.w2 * article.input[i] + p.b2) < SMALL_REACH);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(softplus_and_sigmoid_to_the_last_digits),
        cmocka_unit_test(one_step_equals_the_plain_one),
        cmocka_unit_test(a_thousand_steps_follow_the_plain_descent),
        cmocka_unit_test(every_row_equals_the_plain_gradient),
        cmocka_unit_test(leaves_the_unordinary_alone),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
