/**
 * @file columns.h
 * @brief Every line a chapter prints fits 80 columns, whatever its options.
 *
 * Each chapter's test lists the command lines its options allow, and
 * assert_every_line_fits() runs them all. Only --csv is left out: its rows
 * are data for programs, printed to full precision so that reading them back
 * gives the same doubles. Every run is also checked for what printf() writes
 * for an infinity or a NaN: nothing infinite is ever printed.
 */
#ifndef COLUMNS_H
#define COLUMNS_H

#include "support.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

/** The widest line a chapter may print. */
#define COLUMNS 80

/** One run of a chapter: its arguments and what it reads on stdin (or NULL). */
typedef struct columns_run {
    const char *args;
    const char *input;
} columns_run;

/* The number of characters in the longest line of `text`. */
static inline size_t widest_line(const char *text)
{
    size_t widest = 0;
    while (*text != '\0') {
        size_t length = strcspn(text, "\n");
        if (length > widest)
            widest = length;
        text += length + (text[length] == '\n');
    }
    return widest;
}

/** Fails if `text` holds a word printf() writes for an infinity or a NaN. */
static inline void assert_all_finite(const char *text)
{
    static const char *const words[] = {"inf", "nan", "infinity"};
    for (const char *c = text; *c != '\0'; c++) {
        if (c > text && isalnum((unsigned char)c[-1]))
            continue;
        for (size_t w = 0; w < sizeof words / sizeof words[0]; w++) {
            size_t length = strlen(words[w]);
            if (strncasecmp(c, words[w], length) == 0 && !isalnum((unsigned char)c[length]) &&
                !(c - text >= 6 && strncmp(c - 6, "minus ", 6) == 0)) {
                print_error("printed '%.20s'\n", c);
                fail();
            }
        }
    }
}

/**
 * Runs `chapter` once per entry of `runs`; fails at a line over COLUMNS, or
 * at anything infinite printed.
 */
static inline void assert_every_line_fits(const char *chapter, const columns_run *runs,
                                          size_t count)
{
    for (size_t k = 0; k < count; k++) {
        run_result r = run_program(chapter, runs[k].args, runs[k].input);
        size_t out = widest_line(r.out), err = widest_line(r.err);
        if (out > COLUMNS || err > COLUMNS)
            print_error("%s %s: a line of %zu columns\n", chapter, runs[k].args,
                        out > err ? out : err);
        assert_true(r.status >= 0 && r.status <= 2);
        assert_all_finite(r.out);
        assert_true(out <= COLUMNS);
        assert_true(err <= COLUMNS);
        run_free(&r);
    }
}

/** Samples whose first observed value is 1e150: wide numbers everywhere. */
#define COLUMNS_WIDE_SAMPLES "0,1e150\n0.5,1\n1,0\n"
/** Twelve samples: the tables show ten and say how many were left out. */
#define COLUMNS_MANY_SAMPLES "0,0\n0.1,1\n0.2,2\n0.3,3\n0.4,4\n0.5,5\n" \
                             "0.6,-6\n0.7,7e5\n0.8,-8e5\n0.9,9\n1,10\n1.1,-123456.789\n"

/** A finite input whose forward pass overflows, then a plain sample. */
#define COLUMNS_HUGE_SAMPLES "1e308,0\n0,0\n"
/** The runs every chapter with --data and --b3 shares. */
#define COLUMNS_COMMON_RUNS \
    {"", NULL}, {"--help", NULL}, {"--data " TEST_DATA("five.csv"), NULL}, \
    {"--data -", COLUMNS_WIDE_SAMPLES}, {"--data -", COLUMNS_MANY_SAMPLES}, \
    {"--data -", "1e300,0\n"}, {"--data -", COLUMNS_HUGE_SAMPLES}

#endif /* COLUMNS_H */
