/**
 * @file support.c
 * @brief The helpers behind support.h.
 */
#include "support.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

void assert_close_at(double actual, double expected, double tolerance, const char *what,
                     const char *file, int line)
{
    double allowed = tolerance * fabs(expected);
    if (fabs(actual - expected) <= allowed || actual == expected)
        return;
    print_error("%s = %.17g, expected %.17g (relative tolerance %g)\n", what, actual,
                expected, tolerance);
    _fail(file, line);
}

void assert_contains_at(const char *text, const char *needle, const char *file, int line)
{
    if (text != NULL && strstr(text, needle) != NULL)
        return;
    print_error("expected to find \"%s\" in:\n%s\n", needle, text ? text : "(nothing)");
    _fail(file, line);
}

/* A copy of text with every run of white space (spaces, tabs, line breaks)
   made one space. */
static char *squeezed(const char *text)
{
    char *copy = malloc(strlen(text) + 1);
    if (copy == NULL)
        return NULL;
    char *out = copy;
    for (const char *c = text; *c != '\0'; c++) {
        int blank = isspace((unsigned char)*c);
        if (!blank)
            *out++ = *c;
        else if (out > copy && out[-1] != ' ')
            *out++ = ' ';
    }
    *out = '\0';
    return copy;
}

/* 1 if text says words wherever its lines break, 0 if not, -1 if there is no
   text or no memory to look. */
static int says(const char *text, const char *words)
{
    char *prose = text != NULL ? squeezed(text) : NULL;
    char *needle = squeezed(words);
    int found = prose == NULL || needle == NULL ? -1 : strstr(prose, needle) != NULL;
    free(prose);
    free(needle);
    return found;
}

void assert_says_at(const char *text, const char *words, const char *file, int line)
{
    if (says(text, words) == 1)
        return;
    print_error("expected the words \"%s\" in:\n%s\n", words, text ? text : "(nothing)");
    _fail(file, line);
}

void assert_unsaid_at(const char *text, const char *words, const char *file, int line)
{
    if (says(text, words) == 0)
        return;
    print_error("did not expect the words \"%s\" in:\n%s\n", words, text ? text : "(nothing)");
    _fail(file, line);
}

void assert_lacks_at(const char *text, const char *needle, const char *file, int line)
{
    /* No text at all is no proof that the needle is absent. */
    if (text != NULL && strstr(text, needle) == NULL)
        return;
    if (text == NULL)
        print_error("expected text without \"%s\", found no text at all\n", needle);
    else
        print_error("did not expect \"%s\" in:\n%s\n", needle, text);
    _fail(file, line);
}

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return NULL;
    size_t size = 0, used = 0;
    char *text = NULL;
    for (;;) {
        if (used + 4096 + 1 > size) {
            size = size ? size * 2 : 8192;
            char *grown = realloc(text, size);
            if (grown == NULL)
                break;
            text = grown;
        }
        size_t got = fread(text + used, 1, size - used - 1, f);
        used += got;
        if (got == 0)
            break;
    }
    fclose(f);
    if (text != NULL)
        text[used] = '\0';
    return text;
}

static void temp_path(char *path, size_t size)
{
    snprintf(path, size, "%s/tmp-XXXXXX", BUILD_DIR);
    int fd = mkstemp(path);
    if (fd >= 0)
        close(fd);
}

const char *test_emulator(void)
{
    const char *emulator = getenv("TEST_EMULATOR");
    return emulator != NULL ? emulator : "";
}

size_t test_max_samples(size_t full)
{
    const char *limit = getenv("TEST_MAX_SAMPLES");
    if (limit == NULL || limit[0] == '\0')
        return full;
    size_t most = (size_t)strtoul(limit, NULL, 10);
    return most < full ? most : full;
}

run_result run_program(const char *program, const char *args, const char *input)
{
    char in_path[256], out_path[256], err_path[256];
    temp_path(in_path, sizeof in_path);
    temp_path(out_path, sizeof out_path);
    temp_path(err_path, sizeof err_path);
    FILE *in = fopen(in_path, "wb");
    if (in != NULL) {
        if (input != NULL)
            fputs(input, in);
        fclose(in);
    }

    size_t length = strlen(test_emulator()) + strlen(program) + strlen(args) +
                    3 * sizeof in_path + 64;
    char *command = malloc(length);
    assert_non_null(command);
    /* A hung program fails after a minute; under an emulator, which runs the
       programs 20 to 40 times slower, after five. */
    int seconds = test_emulator()[0] != '\0' ? 300 : 60;
    snprintf(command, length, "timeout %d %s %s/%s %s <%s >%s 2>%s", seconds, test_emulator(),
             BUILD_DIR, program, args, in_path, out_path, err_path);
    int raw = system(command);
    free(command);

    run_result result = {-1, 0, slurp(out_path), slurp(err_path)};
    if (raw != -1 && WIFEXITED(raw)) {
        result.status = WEXITSTATUS(raw);
        /* The shell reports a child killed by signal N as status 128 + N. */
        if (result.status > 128 && result.status < 128 + 64)
            result.signal = result.status - 128;
    } else if (raw != -1 && WIFSIGNALED(raw)) {
        result.signal = WTERMSIG(raw);
    }
    remove(in_path);
    remove(out_path);
    remove(err_path);
    return result;
}

void run_free(run_result *result)
{
    free(result->out);
    free(result->err);
    result->out = result->err = NULL;
}

const char *four_decimals(double v)
{
    static char text[64];
    snprintf(text, sizeof text, "%.4f", v);
    return text;
}
