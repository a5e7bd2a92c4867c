/**
 * @file support.h
 * @brief What every test program shares: cmocka, a double comparison that
 *        prints full precision, and a way to run a chapter binary.
 *
 * Include this first in every test: it sets the POSIX level the runner needs.
 */
#ifndef SUPPORT_H
#define SUPPORT_H

#define _POSIX_C_SOURCE 200809L

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

/** The tolerance the standards ask of every golden comparison. */
#define GOLDEN_TOLERANCE 1e-12

/**
 * Fails the test unless |actual - expected| <= tolerance x |expected|,
 * printing both to 17 significant digits. (cmocka 1.1.5 has no double
 * comparison of its own, and its float one rounds to float.)
 */
#define assert_close(actual, expected, tolerance) \
    assert_close_at((actual), (expected), (tolerance), #actual, __FILE__, __LINE__)

void assert_close_at(double actual, double expected, double tolerance, const char *what,
                     const char *file, int line);

/** Fails the test unless `text` contains `needle`, showing both. */
#define assert_contains(text, needle) assert_contains_at((text), (needle), __FILE__, __LINE__)
void assert_contains_at(const char *text, const char *needle, const char *file, int line);

/**
 * Fails the test unless `text` says `words`, wherever its lines break: runs
 * of white space (spaces, tabs, newlines) count as one space in both. For
 * prose, whose lines may be wrapped anew; tables and CSV are matched exactly
 * with assert_contains.
 */
#define assert_says(text, words) assert_says_at((text), (words), __FILE__, __LINE__)
void assert_says_at(const char *text, const char *words, const char *file, int line);

/** Fails the test if `text` says `words` wherever its lines break, or is NULL. */
#define assert_unsaid(text, words) assert_unsaid_at((text), (words), __FILE__, __LINE__)
void assert_unsaid_at(const char *text, const char *words, const char *file, int line);

/** Fails the test if `text` contains `needle`, or is NULL (no text to look in). */
#define assert_lacks(text, needle) assert_lacks_at((text), (needle), __FILE__, __LINE__)
void assert_lacks_at(const char *text, const char *needle, const char *file, int line);

/** What a program run printed and how it ended. */
typedef struct run_result {
    int status; /**< exit status, or -1 if it did not exit normally */
    int signal; /**< the signal that ended it, or 0 */
    char *out;  /**< all of standard output */
    char *err;  /**< all of standard error */
} run_result;

/**
 * What runs a program built for another processor: the environment's
 * TEST_EMULATOR (as `make test-aarch64` sets it to qemu-aarch64), or "".
 */
const char *test_emulator(void);

/**
 * How many samples (or lines) a test may draw where it would draw `full`:
 * `full`, or fewer where the environment's TEST_MAX_SAMPLES says so, as
 * `make check-valgrind` and `make test-aarch64` do. Every size up to `full`
 * still runs natively, in `make test` and under the sanitizers.
 */
size_t test_max_samples(size_t full);

/**
 * Runs `BUILD_DIR/program args` through the shell (under test_emulator()) with `input` (NULL for
 * none) on standard input, under a 60 s timeout, and collects its output.
 * Free the result with run_free().
 */
run_result run_program(const char *program, const char *args, const char *input);

/** Frees what run_program() collected. */
void run_free(run_result *result);

/** Formats v as the chapters print it, "%.4f", into a static buffer. */
const char *four_decimals(double v);

/** Path of a test data file: "tests/data/NAME". */
#define TEST_DATA(name) "tests/data/" name

#endif /* SUPPORT_H */
