/**
 * @file cli_checks.h
 * @brief The command-line contract, as checks the chapter tests share.
 *
 * Include after support.h. Header-only so that a test needs no extra object.
 */
#ifndef CLI_CHECKS_H
#define CLI_CHECKS_H

#include <string.h>

/**
 * Runs `program args` and expects bad input: exit status 2, nothing on
 * standard output, and exactly one line on stderr that contains `needle`.
 */
static inline void expect_bad_input(const char *program, const char *args, const char *needle)
{
    run_result r = run_program(program, args, NULL);
    if (r.status != 2)
        print_error("%s %s: exit status %d, stderr: %s\n", program, args, r.status,
                    r.err ? r.err : "");
    assert_int_equal(r.status, 2);
    assert_int_equal(r.signal, 0);
    assert_string_equal(r.out, "");
    assert_contains(r.err, needle);
    assert_non_null(strchr(r.err, '\n'));
    assert_true(strchr(r.err, '\n') == r.err + strlen(r.err) - 1); /* one line */
    run_free(&r);
}

/**
 * Runs `program args` and expects divergence: exit status 1, one line on
 * stderr saying so, and no infinity or NaN anywhere on standard output.
 */
static inline void expect_diverged(const char *program, const char *args, const char *needle)
{
    run_result r = run_program(program, args, NULL);
    assert_int_equal(r.status, 1);
    assert_int_equal(r.signal, 0);
    assert_contains(r.err, needle);
    assert_true(strchr(r.err, '\n') == r.err + strlen(r.err) - 1);
    assert_lacks(r.out, "nan");
    assert_lacks(r.out, "inf");
    run_free(&r);
}

#endif /* CLI_CHECKS_H */
