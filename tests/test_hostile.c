/**
 * @file test_hostile.c
 * @brief Every file and option a student might throw at a chapter.
 *
 * Each case writes its input into the build directory at test time, runs a
 * built chapter on it, and checks the exit status and the message (the reader
 * itself is tested in test_data.c). Whatever the input, a chapter must end on
 * its own with status 0, 1 or 2: never a signal, a hang or a row of nan.
 */
#include "support.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli.h"

/* Whether AddressSanitizer is built in: gcc says so one way, clang another. */
#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif

/* ---- helpers -------------------------------------------------------------- */

/* Writes `length` bytes into BUILD_DIR/hostile-NAME and puts its path in `path`. */
static void write_file(char *path, size_t size, const char *name, const char *bytes,
                       size_t length)
{
    snprintf(path, size, "%s/hostile-%s", BUILD_DIR, name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(bytes, 1, length, f), length);
    assert_int_equal(fclose(f), 0);
}

/* As write_file() for text without NUL bytes. */
static void write_text(char *path, size_t size, const char *name, const char *text)
{
    write_file(path, size, name, text, strlen(text));
}

/* `count` copies of `c`, then `tail`, in a fresh NUL-terminated buffer. */
static char *repeated(char c, size_t count, const char *head, const char *tail)
{
    size_t head_length = strlen(head), tail_length = strlen(tail);
    char *text = malloc(head_length + count + tail_length + 1);
    assert_non_null(text);
    memcpy(text, head, head_length + 1); /* its NUL is overwritten next */
    memset(text + head_length, c, count);
    memcpy(text + head_length + count, tail, tail_length + 1);
    return text;
}

/* Runs `chapter --data PATH extra`. */
static run_result run_on_file(const char *chapter, const char *path, const char *extra)
{
    char args[512];
    snprintf(args, sizeof args, "--data '%s' %s", path, extra);
    return run_program(chapter, args, NULL);
}

/* Counts the lines of `text`. */
static int lines_in(const char *text)
{
    int lines = 0;
    for (; text != NULL && *text != '\0'; text++)
        lines += *text == '\n';
    return lines;
}

/* The program ended by itself with `status`, and printed no nan or inf. */
static void assert_ended(const run_result *r, int status)
{
    if (r->signal != 0 || r->status != status)
        print_error("status %d, signal %d; stderr:\n%s\n", r->status, r->signal,
                    r->err ? r->err : "");
    assert_int_equal(r->signal, 0);
    assert_int_equal(r->status, status);
    assert_lacks(r->out, "nan");
    assert_lacks(r->out, "inf");
}

/* The program refused its input: status, nothing on stdout, and exactly one
   line on stderr containing `message`. */
static void assert_refused(const run_result *r, int status, const char *message)
{
    assert_ended(r, status);
    assert_contains(r->err, message);
    assert_int_equal(lines_in(r->err), 1);
}

/* Runs `chapter --data FILE` on `text` and expects exit 2 with `message`,
   which follows the file's path, as in "PATH:2: contains a NUL byte". */
static void expect_data_error(const char *chapter, const char *name, const char *bytes,
                              size_t length, const char *message)
{
    char path[256], expected[512];
    write_file(path, sizeof path, name, bytes, length);
    snprintf(expected, sizeof expected, "%s%s", path, message);
    run_result r = run_on_file(chapter, path, "");
    assert_refused(&r, EXIT_BAD_INPUT, expected);
    assert_string_equal(r.out, "");
    run_free(&r);
    remove(path);
}

static void expect_text_error(const char *chapter, const char *name, const char *text,
                              const char *message)
{
    expect_data_error(chapter, name, text, strlen(text), message);
}

/* Runs `chapter --data FILE extra` on `text` and expects success showing `shown`. */
static void expect_accepted(const char *chapter, const char *name, const char *text,
                            const char *extra, const char *shown)
{
    char path[256];
    write_text(path, sizeof path, name, text);
    run_result r = run_on_file(chapter, path, extra);
    assert_ended(&r, 0);
    assert_string_equal(r.err, "");
    assert_contains(r.out, shown);
    run_free(&r);
    remove(path);
}

static char *read_text(const char *path)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    char *text = malloc(1 << 16);
    assert_non_null(text);
    size_t used = fread(text, 1, (1 << 16) - 1, f);
    text[used] = '\0';
    fclose(f);
    remove(path);
    return text;
}

/* Fills in r's status and signal from what system() or pclose() returned;
   the shell reports a child killed by signal N as status 128 + N. */
static void how_it_ended(int raw, run_result *r)
{
    if (raw != -1 && WIFEXITED(raw)) {
        r->status = WEXITSTATUS(raw);
        if (r->status > 128 && r->status < 128 + 64)
            r->signal = r->status - 128;
    } else if (raw != -1 && WIFSIGNALED(raw)) {
        r->signal = WTERMSIG(raw);
    }
}

/* Runs `BUILD_DIR/program args` with `bytes` written into a real pipe on its
   standard input, as `producer | program` would. */
static run_result run_piped(const char *program, const char *args, const char *bytes,
                            size_t length)
{
    char out_path[256], err_path[256], command[1024];
    snprintf(out_path, sizeof out_path, "%s/hostile-out-XXXXXX", BUILD_DIR);
    snprintf(err_path, sizeof err_path, "%s/hostile-err-XXXXXX", BUILD_DIR);
    int out_fd = mkstemp(out_path), err_fd = mkstemp(err_path);
    assert_true(out_fd >= 0 && err_fd >= 0);
    close(out_fd);
    close(err_fd);
    snprintf(command, sizeof command, "timeout 60 %s %s/%s %s >%s 2>%s", test_emulator(),
             BUILD_DIR, program, args, out_path, err_path);
    /* A program that stops reading early must not take the test down with it. */
    void (*previous)(int) = signal(SIGPIPE, SIG_IGN);
    FILE *pipe = popen(command, "w");
    assert_non_null(pipe);
    fwrite(bytes, 1, length, pipe);
    int raw = pclose(pipe);
    signal(SIGPIPE, previous);

    run_result r = {-1, 0, read_text(out_path), read_text(err_path)};
    how_it_ended(raw, &r);
    return r;
}

/* The article's three samples, which every accepted spelling below must give. */
#define ARTICLE_SSR "20.4236"
#define ARTICLE_SLOPE "-15.6551"
#define ARTICLE_NEW_B3 "1.5655"

/* ---- spellings of a good file -------------------------------------------- */

static void bom_and_crlf_are_accepted(void **state)
{
    (void)state;
    expect_accepted("chapter3", "bom-crlf.csv",
                    "\xEF\xBB\xBF" "dosage,effectiveness\r\n0,0\r\n0.5,1\r\n1,0\r\n", "",
                    ARTICLE_SLOPE);
}

static void no_final_newline_is_accepted(void **state)
{
    (void)state;
    expect_accepted("chapter2", "no-newline.csv", "0,0\n0.5,1\n1,0", "", ARTICLE_SSR);
}

static void bom_crlf_and_no_final_newline_together(void **state)
{
    (void)state;
    expect_accepted("chapter4", "bom-crlf-end.csv", "\xEF\xBB\xBF" "0,0\r\n0.5,1\r\n1,0",
                    "", ARTICLE_NEW_B3);
}

static void blanks_comments_and_spaces_are_accepted(void **state)
{
    (void)state;
    expect_accepted("chapter3", "spaces.csv",
                    "# dosage, effectiveness\n\n  \t\n \t0 ,\t0\r\n\t0.5\t, 1 \n#1,1\n  1,0  \n",
                    "", ARTICLE_SLOPE);
}

static void denormal_numbers_are_accepted(void **state)
{
    (void)state;
    /* The smallest double, and one below DBL_MIN: both act as 0 here, so the
       first squared residual is the article's 6.7791 and the SSR its 20.4236. */
    expect_accepted("chapter2", "denormal.csv",
                    "4.9406564584124654e-324,1e-310\n0.5,1\n1,-2.2250738585072014e-309\n", "",
                    "6.7791");
    expect_accepted("chapter2", "denormal-ssr.csv", "4.9e-324,0\n0.5,1\n1,0\n", "",
                    ARTICLE_SSR);
}

static void a_ten_million_digit_number_is_read_exactly(void **state)
{
    (void)state;
    /* "1.000...0" with ten million zeros is 1, and "0.000...05" is 0.5. */
    char *one = repeated('0', 10000000, "0,0\n0.5,1\n1.", ",0\n");
    expect_accepted("chapter2", "long-one.csv", one, "", ARTICLE_SSR);
    free(one);
    char *half = repeated('0', 10000000, "0,0\n0.5", "0,1\n1,0\n");
    expect_accepted("chapter3", "long-half.csv", half, "", ARTICLE_SLOPE);
    free(half);
}

static void a_million_lines_load(void **state)
{
    (void)state;
    /* A thousand different lines, written a thousand times. */
    size_t block_size = (size_t)1000 * 32, used = 0;
    char *block = malloc(block_size);
    assert_non_null(block);
    for (int i = 0; i < 1000; i++)
        used += (size_t)snprintf(block + used, block_size - used, "%d.%03d,%d\n", i % 2,
                                 i, i % 3);
    char path[256];
    snprintf(path, sizeof path, "%s/hostile-million.csv", BUILD_DIR);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    for (int copy = 0; copy < 1000; copy++)
        assert_int_equal(fwrite(block, 1, used, f), used);
    assert_int_equal(fclose(f), 0);
    free(block);

    run_result r = run_on_file("chapter1", path, "");
    assert_ended(&r, 0);
    assert_contains(r.out, "... and 999990 more samples, not shown");
    assert_contains(r.out, " 1.0010 "); /* the second line's input */
    run_free(&r);
    remove(path);
}

static void a_file_larger_than_the_memory_allowed(void **state)
{
    (void)state;
    /* 48 MB of samples, read under a 32 MB limit on the address space; or,
       as AddressSanitizer needs far more address space than that, under its
       own limit of 32 MB on any one allocation. */
#ifdef UNDER_ASAN
    const char *limit = "ASAN_OPTIONS=\"$ASAN_OPTIONS:allocator_may_return_null=1:"
                        "max_allocation_size_mb=32\"";
#else
    /* Under qemu-user the limit must bind the emulated program, not qemu, which
       needs hundreds of MB of its own: QEMU_RESERVED_VA gives the program 64 MB.
       Its stack is carved from them, and qemu sizes it by the shell's stack
       limit (ulimit -s 32768 or more leaves no room to start): QEMU_STACK_SIZE
       holds it at the usual 8 MB, so the 32 MB buffer is what does not fit. */
    const char *limit = *test_emulator() != '\0'
                            ? "export QEMU_RESERVED_VA=64M QEMU_STACK_SIZE=8M &&"
                            : "ulimit -v 32768 &&";
#endif
    char path[256], out_path[256], err_path[256], command[1024];
    size_t size = (size_t)48 << 20;
    char *text = malloc(size + 1);
    assert_non_null(text);
    memset(text, '\n', size); /* a sample "0,1" every 64 bytes, blank lines between */
    for (size_t i = 0; i < size; i += 64) {
        text[i] = '0';
        text[i + 1] = ',';
        text[i + 2] = '1';
    }
    write_file(path, sizeof path, "too-big.csv", text, size);
    free(text);
    snprintf(out_path, sizeof out_path, "%s/hostile-too-big.out", BUILD_DIR);
    snprintf(err_path, sizeof err_path, "%s/hostile-too-big.err", BUILD_DIR);
    /* Should the limit not bind, chapter 2 reads and parses all 48 MB: a
       second natively, but half a minute of CPU under qemu-user, which looks
       like a hang on a busy machine. timeout makes that a failure instead. */
    snprintf(command, sizeof command, "%s exec timeout 60 %s %s/chapter2 --data %s >%s 2>%s",
             limit, test_emulator(), BUILD_DIR, path, out_path, err_path);
    int raw = system(command);
    remove(path);
    char *out = read_text(out_path), *err = read_text(err_path);
    assert_true(WIFEXITED(raw));
    assert_int_equal(WEXITSTATUS(raw), EXIT_BAD_INPUT);
    assert_string_equal(out, "");
    const char *message = err;
#ifdef UNDER_ASAN
    /* AddressSanitizer reports the refused allocation first, on its own line. */
    if (strstr(message, "WARNING: AddressSanitizer failed to allocate") != NULL)
        message = strchr(message, '\n') + 1;
#endif
    assert_contains(message, "too-big.csv: cannot read: Cannot allocate memory\n");
    assert_int_equal(lines_in(message), 1);
    free(out);
    free(err);
}

/* ---- whole files that are not data ---------------------------------------- */

static void a_directory_is_refused(void **state)
{
    (void)state;
    run_result r = run_program("chapter2", "--data tests", NULL);
    assert_refused(&r, EXIT_BAD_INPUT, "tests: cannot read: Is a directory");
    run_free(&r);
}

static void dev_null_has_no_samples(void **state)
{
    (void)state;
    run_result r = run_program("chapter3", "--data /dev/null", NULL);
    assert_refused(&r, EXIT_BAD_INPUT, "/dev/null: no samples");
    run_free(&r);
}

static void a_missing_file_is_named(void **state)
{
    (void)state;
    run_result r = run_program("chapter1", "--data tests/data/no-such-file.csv", NULL);
    assert_refused(&r, EXIT_BAD_INPUT,
                   "tests/data/no-such-file.csv: cannot open: No such file or directory");
    run_free(&r);
}

/* However long the path, the message names all of it: no buffer cuts it. */
static void a_long_missing_path_is_named_whole(void **state)
{
    (void)state;
    /* Five directories of 199 letters each, none of them there. */
    char *path = repeated('d', 1000, "tests/data/", "/missing.csv");
    for (size_t k = 1; k <= 5; k++)
        path[strlen("tests/data/") + 200 * k - 1] = '/';
    char *args = repeated('x', 0, "--data ", path);
    run_result r = run_program("chapter5", args, NULL);
    char *expected = repeated('x', 0, path, ": cannot open: No such file or directory\n");
    assert_refused(&r, EXIT_BAD_INPUT, expected);
    assert_string_equal(r.err, expected);
    run_free(&r);
    free(expected);

    /* The same for a file that opens: a line of it is named after all of it. */
    char written[256];
    write_text(written, sizeof written, "long-name.csv", "0,0\n1,x\n");
    free(args);
    args = repeated('/', 300, "--data " BUILD_DIR, written + strlen(BUILD_DIR));
    r = run_program("chapter2", args, NULL);
    assert_int_equal(r.status, EXIT_BAD_INPUT);
    assert_contains(r.err, "////hostile-long-name.csv:2: the observed value 'x' is not a "
                           "finite number\n");
    assert_true(strlen(r.err) > 300);
    run_free(&r);
    free(args);
    free(path);
}

/* A file name can hold any byte but NUL: its control bytes are shown as
   \xHH, so that a name can neither break the line nor drive the terminal. */
static void control_bytes_in_a_file_name_are_escaped(void **state)
{
    (void)state;
    run_result r = run_program("chapter6", "--data \"$(printf 'tests/a\nb\033[31mc.csv')\"",
                               NULL);
    assert_refused(&r, EXIT_BAD_INPUT, "tests/a\\x0Ab\\x1B[31mc.csv: cannot open: No such file");
    assert_int_equal(strchr(r.err, '\n') - r.err, (long)strlen(r.err) - 1);
    run_free(&r);
}

static void files_without_samples_are_refused(void **state)
{
    (void)state;
    expect_text_error("chapter2", "empty.csv", "", ": no samples");
    expect_text_error("chapter2", "bom-only.csv", "\xEF\xBB\xBF", ": no samples");
    expect_text_error("chapter5", "header-only.csv", "dosage,effectiveness\r\n",
                      ": no samples");
    expect_text_error("chapter5", "comments-only.csv", "# nothing\n\n \t\n#0,0\n",
                      ": no samples");
}

static void standard_input_from_a_pipe(void **state)
{
    (void)state;
    const char *text = "dosage,effectiveness\n0,0\n0.5,1\n1,0\n";
    run_result r = run_piped("chapter3", "--data -", text, strlen(text));
    assert_ended(&r, 0);
    assert_contains(r.out, ARTICLE_SLOPE);
    run_free(&r);

    r = run_piped("chapter5", "--data - --quiet", "", 0);
    assert_refused(&r, EXIT_BAD_INPUT, "stdin: no samples");
    run_free(&r);

    const char *bad = "0,0\n1;0\n";
    r = run_piped("chapter2", "--data -", bad, strlen(bad));
    assert_refused(&r, EXIT_BAD_INPUT, "stdin:2: expected 2 fields");
    run_free(&r);
}

static void devices_that_never_end(void **state)
{
    (void)state;
    /* Endless input stops at the first NUL byte instead of filling memory. */
    run_result r = run_program("chapter2", "--data /dev/zero", NULL);
    assert_refused(&r, EXIT_BAD_INPUT, "/dev/zero:1: contains a NUL byte");
    run_free(&r);
    r = run_program("chapter5", "--data /dev/urandom", NULL);
    assert_ended(&r, EXIT_BAD_INPUT);
    assert_true(strncmp(r.err, "/dev/urandom:", 13) == 0);
    assert_int_equal(lines_in(r.err), 1);
    run_free(&r);
}

static void standard_input_closed(void **state)
{
    (void)state;
    char err_path[256], command[512];
    snprintf(err_path, sizeof err_path, "%s/hostile-closed.err", BUILD_DIR);
    snprintf(command, sizeof command, "timeout 60 %s %s/chapter3 --data - <&- >/dev/null 2>%s",
             test_emulator(), BUILD_DIR, err_path);
    int raw = system(command);
    char *err = read_text(err_path);
    assert_true(WIFEXITED(raw));
    assert_int_equal(WEXITSTATUS(raw), EXIT_BAD_INPUT);
    assert_string_equal(err, "stdin: cannot read: Bad file descriptor\n");
    free(err);
}

/* ---- lines that are not data ---------------------------------------------- */

static void a_ten_megabyte_line_is_quoted_briefly(void **state)
{
    (void)state;
    char *text = repeated('7', 10000000, "0,0\n", ",1\n");
    char path[256];
    write_text(path, sizeof path, "long-line.csv", text);
    free(text);
    run_result r = run_on_file("chapter2", path, "");
    assert_refused(&r, EXIT_BAD_INPUT,
                   ":2: the input value '7777777777777777777777777777777777777777...' "
                   "is not a finite number");
    assert_true(strlen(r.err) < 200 + strlen(path));
    run_free(&r);
    remove(path);
}

static void a_ten_megabyte_header_alone_is_no_data(void **state)
{
    (void)state;
    char *text = repeated('x', 10000000, "", ",y");
    expect_text_error("chapter1", "long-header.csv", text, ": no samples");
    free(text);
}

static void ten_thousand_fields(void **state)
{
    (void)state;
    char *text = repeated(',', 9999, "0,0\n", "\n");
    expect_text_error("chapter3", "fields.csv", text,
                      ":2: expected 2 fields separated by a comma (input,observed), "
                      "found 10000");
    free(text);
}

static void one_field_and_three_fields(void **state)
{
    (void)state;
    expect_text_error("chapter2", "one-field.csv", "0,0\n0.5\n", ":2: expected 2 fields");
    expect_text_error("chapter2", "three-fields.csv", "0,0,0\n", ":1: expected 2 fields "
                      "separated by a comma (input,observed), found 3");
    expect_text_error("chapter4", "trailing-comma.csv", "0,0\n1,2,\n",
                      ":2: expected 2 fields separated by a comma (input,observed), found 3");
}

static void a_nul_byte(void **state)
{
    (void)state;
    static const char bytes[] = "0,0\n0.5\0,1\n1,0\n";
    expect_data_error("chapter2", "nul.csv", bytes, sizeof bytes - 1, ":2: contains a NUL byte");
    static const char first[] = "\0";
    expect_data_error("chapter5", "nul-only.csv", first, 1, ":1: contains a NUL byte");
}

static void tabs_as_separators(void **state)
{
    (void)state;
    expect_text_error("chapter2", "tabs.csv", "0,0\n0.5\t1\n",
                      ":2: expected 2 fields separated by a comma (input,observed), found 1");
}

static void semicolons_as_separators(void **state)
{
    (void)state;
    expect_text_error("chapter3", "semicolons.csv", "0;0\n0.5;1\n",
                      ":1: expected 2 fields separated by a comma (input,observed), found 1");
}

static void old_mac_line_ends_are_one_line(void **state)
{
    (void)state;
    /* CR alone does not end a line, so the file is one line of four fields. */
    expect_text_error("chapter2", "cr-only.csv", "0,0\r0.5,1\r1,0\r", ":1: expected 2 fields "
                      "separated by a comma (input,observed), found 4");
}

static void hexadecimal_floats_are_refused(void **state)
{
    (void)state;
    expect_text_error("chapter2", "hex.csv", "0,0\n0x1p3,1\n",
                      ":2: the input value '0x1p3' is not a finite number");
    expect_text_error("chapter3", "hex-observed.csv", "0,0\n1,0x10\n",
                      ":2: the observed value '0x10' is not a finite number");
    expect_text_error("chapter4", "hex-upper.csv", "0,0\n0X1.8P1,1\n",
                      ":2: the input value '0X1.8P1' is not a finite number");
}

static void beyond_the_largest_double(void **state)
{
    (void)state;
    expect_text_error("chapter2", "1e309.csv", "0,0\n1,1e309\n",
                      ":2: the observed value '1e309' is not a finite number");
    expect_text_error("chapter5", "minus-1e309.csv", "0,0\n-1e309,1\n",
                      ":2: the input value '-1e309' is not a finite number");
}

static void nan_and_infinity_are_not_numbers(void **state)
{
    (void)state;
    expect_text_error("chapter2", "nan.csv", "0,0\nnan,1\n",
                      ":2: the input value 'nan' is not a finite number");
    expect_text_error("chapter2", "inf.csv", "0,0\n1,-inf\n",
                      ":2: the observed value '-inf' is not a finite number");
    expect_text_error("chapter2", "infinity.csv", "0,0\nInfinity,1\n",
                      ":2: the input value 'Infinity' is not a finite number");
}

static void near_numbers_are_refused(void **state)
{
    (void)state;
    expect_text_error("chapter2", "suffix.csv", "0,0\n1e5x,1\n",
                      ":2: the input value '1e5x' is not a finite number");
    expect_text_error("chapter2", "inner-space.csv", "0,0\n1 2,1\n",
                      ":2: the input value '1 2' is not a finite number");
    expect_text_error("chapter2", "unicode-minus.csv", "0,0\n\xE2\x88\x92" "1,1\n",
                      ":2: the input value '\xE2\x88\x92" "1' is not a finite number");
    expect_text_error("chapter2", "bare-exponent.csv", "0,0\n1e,1\n",
                      ":2: the input value '1e' is not a finite number");
}

static void a_first_line_of_bad_numbers_is_no_header(void **state)
{
    (void)state;
    /* Once taken for a header, then the article's rows, exit 0. */
    const char *rows = "0,0\n0.5,1\n1,0\n";
    struct { const char *first; const char *message; } cases[] = {
        {"nan,nan", ":1: the input value 'nan' is not a finite number"},
        {"inf,-inf", ":1: the input value 'inf' is not a finite number"},
        {"1e999,1e999", ":1: the input value '1e999' is not a finite number"},
        {"1e5x,2e5x", ":1: the input value '1e5x' is not a finite number"},
        {"x,-1e309", ":1: the input value 'x' is not a finite number"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char text[128];
        snprintf(text, sizeof text, "%s\n%s", cases[i].first, rows);
        expect_text_error(i % 2 ? "chapter5" : "chapter2", "first-line.csv", text,
                          cases[i].message);
    }
    expect_accepted("chapter3", "first-line-names.csv", "infection,rate\n0,0\n0.5,1\n1,0\n",
                    "", ARTICLE_SLOPE);
}

static void missing_values_are_named(void **state)
{
    (void)state;
    expect_text_error("chapter2", "comma-only.csv", ",\n", ":1: the input value is missing");
    expect_text_error("chapter2", "no-observed.csv", "0,0\n1,  \n",
                      ":2: the observed value is missing");
}

/* ---- numbers too large for the network ------------------------------------ */

static void a_forward_pass_that_overflows(void **state)
{
    (void)state;
    char path[256];
    write_text(path, sizeof path, "huge.csv", "1e300,0\n");
    run_result r = run_on_file("chapter2", path, "");
    assert_refused(&r, EXIT_DIVERGED, "chapter2: a squared residual is not a finite number: "
                   "the samples are too large");
    run_free(&r);
    r = run_on_file("chapter5", path, "");
    assert_refused(&r, EXIT_DIVERGED, "chapter5: diverged after 0 steps");
    run_free(&r);
    remove(path);

    write_text(path, sizeof path, "huge-both.csv", "1e308,0\n-1e308,0\n");
    r = run_on_file("chapter1", path, "");
    assert_refused(&r, EXIT_DIVERGED, "chapter1: a residual is not a finite number");
    run_free(&r);
    r = run_on_file("chapter3", path, "");
    assert_refused(&r, EXIT_DIVERGED, "chapter3: dSSR/dpredicted is not a finite number");
    run_free(&r);
    remove(path);
}

static void the_chains_of_later_chapters_overflow_cleanly(void **state)
{
    (void)state;
    char path[256];
    write_text(path, sizeof path, "huge-chains.csv", "1e300,0\n");
    run_result r = run_on_file("chapter6", path, "");
    assert_refused(&r, EXIT_DIVERGED, "chapter6: a slope is not a finite number");
    run_free(&r);
    r = run_on_file("chapter7", path, "");
    assert_refused(&r, EXIT_DIVERGED, "chapter7: dSSR/dw1 is not a finite number");
    run_free(&r);
    r = run_on_file("chapter8", path, "");
    assert_refused(&r, EXIT_DIVERGED, "chapter8: a derived slope is not a finite number");
    run_free(&r);
    remove(path);
}

static void a_huge_observed_value_overflows_the_ssr(void **state)
{
    (void)state;
    char path[256];
    write_text(path, sizeof path, "huge-observed.csv", "0,1e160\n");
    run_result r = run_on_file("chapter4", path, "");
    assert_refused(&r, EXIT_DIVERGED, "chapter4: the SSR is not a finite number");
    run_free(&r);
    remove(path);
}

static void a_huge_starting_b3_overflows(void **state)
{
    (void)state;
    run_result r = run_program("chapter3", "--b3 1e308", NULL);
    assert_refused(&r, EXIT_DIVERGED, "chapter3: dSSR/dpredicted is not a finite number");
    run_free(&r);
    r = run_program("chapter4", "--rate 1e308", NULL);
    assert_refused(&r, EXIT_DIVERGED, "chapter4: the step size is not a finite number");
    run_free(&r);
}

static void an_overflow_names_its_cause(void **state)
{
    (void)state;
    /* A CSV is checked whole before its first line: nothing on stdout. */
    char path[256], args[512];
    write_text(path, sizeof path, "huge-cause.csv", "1e300,0\n");
    snprintf(args, sizeof args, "--csv --data '%s'", path);
    struct { const char *chapter, *args, *message; } cases[] = {
        {"chapter2", args, "chapter2: the SSR is not a finite number: the samples are too "
                           "large\n"},
        {"chapter3", "--csv --b3 1e308", "chapter3: a value of the bowl is not a finite "
                                         "number: --b3 is too large\n"},
        {"chapter4", "--csv --rate 1e308", "chapter4: the step size is not a finite number: "
                                           "--rate is too large\n"},
        {"chapter4", "--csv --b3 -1e308", "chapter4: the SSR is not a finite number: --b3 "
                                          "is too large\n"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        run_result r = run_program(cases[i].chapter, cases[i].args, NULL);
        assert_refused(&r, EXIT_DIVERGED, cases[i].message);
        assert_string_equal(r.out, "");
        run_free(&r);
    }
    remove(path);
}

static void a_diverging_descent_prints_only_finite_rows(void **state)
{
    (void)state;
    run_result r = run_program("chapter5", "--rate 2 --max-steps 100000 --csv", NULL);
    assert_refused(&r, EXIT_DIVERGED, "chapter5: diverged after ");
    assert_contains(r.err, "try a --rate smaller than 2");
    assert_contains(r.out, "step,b3,ssr,dssr_db3,step_size\n1,0,");
    run_free(&r);
}

/* ---- the text chart at its edges ------------------------------------------ */

static void steps_half_a_column_off_the_chart(void **state)
{
    (void)state;
    /* Step 3 lands half a column right of the chart, step 1 half a column
       left: each once went one cell past its row (the sanitizers saw it). */
    const char *args[] = {"--b3 -1007 --rate 0.16838853719626415 --plot",
                          "--b3 61.2 --rate 0.17266642595880186 --plot"};
    for (int i = 0; i < 2; i++) {
        run_result r = run_program("chapter5", args[i], NULL);
        assert_ended(&r, 0);
        assert_string_equal(r.err, "");
        const char *chart = strstr(r.out, "The descent on the SSR bowl");
        assert_non_null(chart);
        assert_contains(chart, "1 step landed outside the chart.");
        run_free(&r);
    }
}

static void a_chart_of_huge_numbers_is_labelled_in_numbers(void **state)
{
    (void)state;
    run_result r = run_program("chapter2", "--b3=-2e153 --plot", NULL);
    assert_ended(&r, 0); /* no "inf" on an axis */
    assert_contains(r.out, "         0 |");
    assert_contains(r.out, "-2e+153                      -1e+153");
    run_free(&r);
}

/* ---- hostile options ------------------------------------------------------ */

static void expect_option_error(const char *chapter, const char *args, const char *message)
{
    run_result r = run_program(chapter, args, NULL);
    assert_refused(&r, EXIT_BAD_INPUT, message);
    assert_string_equal(r.out, "");
    run_free(&r);
}

static void values_that_are_not_finite_numbers(void **state)
{
    (void)state;
    expect_option_error("chapter5", "--rate nan", "chapter5: --rate: 'nan' is not a finite number");
    expect_option_error("chapter5", "--rate inf", "'inf' is not a finite number");
    expect_option_error("chapter4", "--b3 1e999", "chapter4: --b3: '1e999' is not a finite number");
    expect_option_error("chapter3", "--b3 0x1p3", "'0x1p3' is not a finite number");
    expect_option_error("chapter5", "--tolerance=", "--tolerance: '' is not a finite number");
    expect_option_error("chapter5", "--rate '0. 1'", "'0. 1' is not a finite number");
    /* Blanks around a number are no part of it, as in a data file. */
    run_result plain = run_program("chapter5", "--rate 0.05", NULL);
    run_result r = run_program("chapter5", "--rate ' 0.05\t'", NULL);
    assert_ended(&r, 0);
    assert_contains(r.out, "with learning rate 0.05.");
    assert_string_equal(r.out, plain.out);
    run_free(&r);
    run_free(&plain);
}

static void out_of_range_counts_and_rates(void **state)
{
    (void)state;
    expect_option_error("chapter5", "--max-steps 99999999999999999999",
                        "'99999999999999999999' is not a whole number");
    expect_option_error("chapter5", "--max-steps -1", "'-1' is not a whole number");
    expect_option_error("chapter5", "--max-steps 0",
                        "--max-steps: '0' is not a whole number from 1 to 999999");
    expect_option_error("chapter5", "--max-steps 1000000",
                        "'1000000' is not a whole number from 1 to 999999");
    expect_option_error("chapter5", "--max-steps 1e3", "'1e3' is not a whole number");
    expect_option_error("chapter4", "--rate -0", "--rate: '-0' is not greater than 0");
    expect_option_error("chapter5", "--tolerance -1e-300", "'-1e-300' is not 0 or more");
}

static void malformed_options(void **state)
{
    (void)state;
    expect_option_error("chapter2", "--data ''", "chapter2: --data: '' is not a file name");
    expect_option_error("chapter2", "--rat 1", "chapter2: unrecognized option '--rat'\n");
    expect_option_error("chapter1", "--rate 0.1", "chapter1: unrecognized option '--rate'\n");
    expect_option_error("chapter5", "--csv=yes",
                        "chapter5: option '--csv' doesn't allow an argument\n");
    expect_option_error("chapter5", "--rate", "chapter5: option '--rate' requires an argument\n");
    expect_option_error("chapter3", "data.csv", "chapter3: unexpected argument 'data.csv'");
    expect_option_error("chapter3", "-", "chapter3: unexpected argument '-'");
    /* Refused after a data file was named: nothing may leak (the sanitizers'
       leak check and valgrind would fail this). */
    expect_option_error("chapter5", "--plot --csv --data tests/data/five.csv",
                        "chapter5: --plot and --csv cannot be used together");
}

static void options_that_nearly_are(void **state)
{
    (void)state;
    /* The start of one option's name is that option; a slip is not. */
    run_result r = run_program("chapter5", "--max-step 3 --qui", NULL);
    assert_ended(&r, 0);
    assert_contains(r.out, "after 3 updates");
    run_free(&r);
    expect_option_error("chapter5", "--max-stepss 3",
                        "chapter5: unrecognized option '--max-stepss'\n");
    expect_option_error("chapter10", "--threds=2", "chapter10: unrecognized option '--threds=2'\n");
    expect_option_error("chapter10", "--t 2", "chapter10: option '--t' is ambiguous; "
                        "possibilities: '--tolerance' '--threads'\n");
    /* More threads than chapter 10 can use is an error, not a silent 256. */
    expect_option_error("chapter10", "--threads 100000",
                        "chapter10: --threads: '100000' is not a whole number from 1 to 256\n");
    /* "--" ends the options; no chapter takes anything after it. */
    expect_option_error("chapter5", "-- --rate 0.5",
                        "chapter5: unexpected argument '--rate'\n");
    r = run_program("chapter5", "--quiet --", NULL);
    assert_ended(&r, 0);
    assert_string_equal(r.err, "");
    assert_contains(r.out, "b3 = 2.6085");
    run_free(&r);
}

static void an_enormous_argument(void **state)
{
    (void)state;
    /* A value of 100 000 characters is quoted in 40; an option name, getopt_long() shows
       whole, on one line still. */
    char *args = repeated('9', 100000, "--b3 ", "x");
    run_result r = run_program("chapter2", args, NULL);
    assert_refused(&r, EXIT_BAD_INPUT, "chapter2: --b3: "
                   "'9999999999999999999999999999999999999999...' is not a finite number\n");
    assert_true(strlen(r.err) < 120);
    run_free(&r);
    free(args);
    args = repeated('x', 100000, "--", "=1");
    char *message = repeated('x', 100000, "chapter3: unrecognized option '--", "=1'\n");
    r = run_program("chapter3", args, NULL);
    assert_ended(&r, EXIT_BAD_INPUT);
    assert_string_equal(r.err, message);
    run_free(&r);
    free(message);
    free(args);
}

static void control_characters_in_arguments(void **state)
{
    (void)state;
    /* An escape sequence typed into a value is shown, not obeyed. */
    run_result r = run_program("chapter5", "--rate \"$(printf '1\\033[31m')\"", NULL);
    assert_refused(&r, EXIT_BAD_INPUT,
                   "chapter5: --rate: '1\\x1B[31m' is not a finite number\n");
    run_free(&r);
    r = run_program("chapter1", "\"$(printf 'a\\tb\\rc')\"", NULL);
    assert_refused(&r, EXIT_BAD_INPUT,
                   "chapter1: unexpected argument 'a\\x09b\\x0Dc'\n");
    run_free(&r);
}

static void help_lists_only_the_options_a_chapter_takes(void **state)
{
    (void)state;
    run_result r = run_program("chapter1", "--help --b3 0x10", NULL);
    assert_ended(&r, 0);
    assert_string_equal(r.err, "");
    assert_contains(r.out, "usage: chapter1 [options]");
    assert_contains(r.out, "--data FILE");
    assert_contains(r.out, "-h, --help");
    assert_lacks(r.out, "--rate");
    run_free(&r);
    r = run_program("chapter5", "-h", NULL);
    assert_ended(&r, 0);
    assert_contains(r.out, "--tolerance T");
    assert_contains(r.out, "--quiet");
    run_free(&r);
}

/* cli_parse() with every option on, as later chapters will use it; what it
   prints, on stdout or stderr, goes to a temporary file to be read back. */
static cli_status parse_all(const char *a, const char *b, const char *c, cli_options *out,
                            char *message, size_t size)
{
    char *argv[] = {"later", (char *)a, (char *)b, (char *)c, NULL};
    int argc = 1;
    while (argc < 4 && argv[argc] != NULL)
        argc++;
    const cli_program program = {.name = "later", .summary = "every option", .options = ~0U};
    FILE *stream = tmpfile(), *terminal = stdout, *terminal_err = stderr;
    assert_non_null(stream);
    stdout = stderr = stream;
    cli_status status = cli_parse(&program, argc, argv, out);
    stdout = terminal;
    stderr = terminal_err;
    rewind(stream);
    size_t used = fread(message, 1, size - 1, stream);
    message[used] = '\0';
    fclose(stream);
    return status;
}

static void options_of_later_chapters(void **state)
{
    (void)state;
    cli_options o;
    char message[2048];
    assert_int_equal(parse_all("--seed", "0", "--plot", &o, message, sizeof message), CLI_RUN);
    assert_int_equal(o.seed, 0);
    assert_int_equal(o.plot, 1);
    assert_int_equal(o.given, CLI_SEED | CLI_PLOT);
    assert_int_equal(parse_all("--threads=2", "--samples", "+1000000", &o, message,
                               sizeof message), CLI_RUN);
    assert_int_equal(o.threads, 2);
    assert_int_equal(o.samples, 1000000);
    assert_int_equal(o.seed, 1);
    assert_int_equal(parse_all("--quiet", "--tolerance=0", NULL, &o, message, sizeof message),
                     CLI_RUN);
    assert_true(o.quiet && !o.csv && o.tolerance == 0.0);

    assert_int_equal(parse_all("--threads", "0", NULL, &o, message, sizeof message),
                     CLI_BAD_INPUT);
    assert_string_equal(message, "later: --threads: '0' is not a whole number from 1 to 256\n");
    assert_int_equal(parse_all("--samples", "99999999999999999999", NULL, &o, message,
                               sizeof message), CLI_BAD_INPUT);
    assert_string_equal(message,
                        "later: --samples: '99999999999999999999' is not a whole number\n");
    assert_int_equal(parse_all("--seed", "+", NULL, &o, message, sizeof message),
                     CLI_BAD_INPUT);
    assert_string_equal(message, "later: --seed: '+' is not a whole number\n");
    assert_int_equal(parse_all("--plot=yes", NULL, NULL, &o, message, sizeof message),
                     CLI_BAD_INPUT);
    assert_string_equal(message, "later: option '--plot' doesn't allow an argument\n");

    assert_int_equal(parse_all("--help", NULL, NULL, &o, message, sizeof message), CLI_HELP);
    assert_contains(message, "  --seed N           seed of the random generator");
    assert_contains(message, "  --plot             draw the SSR bowl");
}

/* ---- output that cannot be written ---------------------------------------- */

/* Chapters 1 to CHAPTER_COUNT, each as build/chapterN. */
enum { CHAPTER_COUNT = 10 };

/* Options that make chapter n print its usual pages, quickly. */
static const char *usual_options(int n)
{
    return n == 10 ? "--samples 1000" : n == 9 ? "--max-parameters 61" : "";
}

/* Runs `BUILD_DIR/program args` through the shell with its standard output
   sent where `redirect` says (">/dev/full", ">&-"), and returns how it ended
   with its stderr; r.out stays empty. */
static run_result run_redirected(const char *program, const char *args, const char *redirect)
{
    char err_path[256], command[1024];
    snprintf(err_path, sizeof err_path, "%s/hostile-err-XXXXXX", BUILD_DIR);
    int fd = mkstemp(err_path);
    assert_true(fd >= 0);
    close(fd);
    snprintf(command, sizeof command, "timeout 60 %s %s/%s %s </dev/null 2>%s %s",
             test_emulator(), BUILD_DIR, program, args, err_path, redirect);
    int raw = system(command);
    run_result r = {-1, 0, NULL, read_text(err_path)};
    how_it_ended(raw, &r);
    return r;
}

/* The run ended with status 2 and one line on stderr: `message`, or its
   start alone when the program could not learn why the write failed (the
   C library may drop the reason of a write that failed before the last). */
static void assert_output_lost(const char *what, run_result *r, const char *message)
{
    const char *reason = strstr(message, ": cannot write the output");
    size_t start = reason ? (size_t)(reason - message) + strlen(": cannot write the output")
                          : strlen(message);
    int matches = strcmp(r->err, message) == 0 ||
        (strncmp(r->err, message, start) == 0 && strcmp(r->err + start, "\n") == 0);
    if (r->signal != 0 || r->status != EXIT_BAD_INPUT || !matches)
        print_error("%s: status %d, signal %d; stderr:\n%s\n", what, r->status, r->signal,
                    r->err);
    assert_int_equal(r->signal, 0);
    assert_int_equal(r->status, EXIT_BAD_INPUT);
    assert_true(matches);
    run_free(r);
}

static void a_full_disk_is_an_error_in_every_chapter(void **state)
{
    (void)state;
    for (int n = 1; n <= CHAPTER_COUNT; n++) {
        char program[32], message[128];
        snprintf(program, sizeof program, "chapter%d", n);
        snprintf(message, sizeof message,
                 "%s: cannot write the output: No space left on device\n", program);
        run_result r = run_redirected(program, usual_options(n), ">/dev/full");
        assert_output_lost(program, &r, message);
        r = run_redirected(program, "--help", ">/dev/full");
        assert_output_lost(program, &r, message);
    }
    /* More than one buffer of CSV: the writes fail long before the end. */
    run_result r = run_redirected("chapter5", "--csv --tolerance 0 --max-steps 20000",
                                  ">/dev/full");
    assert_output_lost("chapter5 --csv", &r,
                       "chapter5: cannot write the output: No space left on device\n");
}

static void a_closed_stdout_is_an_error_in_every_chapter(void **state)
{
    (void)state;
    for (int n = 1; n <= CHAPTER_COUNT; n++) {
        char program[32], message[128];
        snprintf(program, sizeof program, "chapter%d", n);
        snprintf(message, sizeof message, "%s: cannot write the output: Bad file descriptor\n",
                 program);
        run_result r = run_redirected(program, usual_options(n), ">&-");
        assert_output_lost(program, &r, message);
        r = run_redirected(program, "-h", ">&-");
        assert_output_lost(program, &r, message);
    }
    /* A program that writes nothing to a closed stdout has lost nothing: a
       bad option is still reported once, as bad input. */
    run_result r = run_redirected("chapter3", "--no-such-option", ">&-");
    assert_output_lost("chapter3 --no-such-option", &r,
                       "chapter3: unrecognized option '--no-such-option'\n");
}

extern char **environ; /* POSIX: the environment, for posix_spawn */

/* Runs `BUILD_DIR/program args` writing into a pipe nobody reads, with
   SIGPIPE ignored or not, and returns how it ended; r.err holds its stderr.
   posix_spawn, not fork: qemu-user (make test-aarch64) hangs in a fork; and
   the shell's trap sets SIGPIPE, so that it holds under an emulator too. */
static run_result run_into_closed_pipe(const char *program, const char *args, int ignore)
{
    char err_path[256], command[512];
    snprintf(err_path, sizeof err_path, "%s/hostile-pipe-XXXXXX", BUILD_DIR);
    int err_fd = mkstemp(err_path);
    assert_true(err_fd >= 0);
    snprintf(command, sizeof command, "trap %s PIPE; exec timeout 60 %s %s/%s %s",
             ignore ? "''" : "-", test_emulator(), BUILD_DIR, program, args);
    int ends[2];
    assert_int_equal(pipe(ends), 0);
    close(ends[0]); /* the reader is gone before the first write */
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, ends[1], 1);
    posix_spawn_file_actions_adddup2(&actions, err_fd, 2);
    char sh[] = "sh", dash_c[] = "-c";
    char *argv[] = {sh, dash_c, command, NULL};
    pid_t child = 0;
    assert_int_equal(posix_spawn(&child, "/bin/sh", &actions, NULL, argv, environ), 0);
    posix_spawn_file_actions_destroy(&actions);
    close(ends[1]);
    close(err_fd);
    int raw = 0;
    assert_int_equal(waitpid(child, &raw, 0), child);
    run_result r = {-1, 0, NULL, read_text(err_path)};
    if (WIFEXITED(raw))
        r.status = WEXITSTATUS(raw);
    else if (WIFSIGNALED(raw))
        r.signal = WTERMSIG(raw);
    return r;
}

static void a_reader_that_left_is_an_error_or_sigpipe(void **state)
{
    (void)state;
    for (int n = 1; n <= CHAPTER_COUNT; n++) {
        char program[32], message[128];
        snprintf(program, sizeof program, "chapter%d", n);
        /* SIGPIPE keeps its ordinary meaning: the program ends quietly. */
        run_result r = run_into_closed_pipe(program, usual_options(n), 0);
        assert_int_equal(r.signal, SIGPIPE);
        assert_string_equal(r.err, "");
        run_free(&r);
        /* Ignored, the failed write is reported like any other. */
        snprintf(message, sizeof message, "%s: cannot write the output: Broken pipe\n",
                 program);
        r = run_into_closed_pipe(program, usual_options(n), 1);
        assert_output_lost(program, &r, message);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(bom_and_crlf_are_accepted),
        cmocka_unit_test(no_final_newline_is_accepted),
        cmocka_unit_test(bom_crlf_and_no_final_newline_together),
        cmocka_unit_test(blanks_comments_and_spaces_are_accepted),
        cmocka_unit_test(denormal_numbers_are_accepted),
        cmocka_unit_test(a_ten_million_digit_number_is_read_exactly),
        cmocka_unit_test(a_million_lines_load),
        cmocka_unit_test(a_file_larger_than_the_memory_allowed),
        cmocka_unit_test(a_directory_is_refused),
        cmocka_unit_test(dev_null_has_no_samples),
        cmocka_unit_test(a_missing_file_is_named),
        cmocka_unit_test(a_long_missing_path_is_named_whole),
        cmocka_unit_test(control_bytes_in_a_file_name_are_escaped),
        cmocka_unit_test(files_without_samples_are_refused),
        cmocka_unit_test(standard_input_from_a_pipe),
        cmocka_unit_test(devices_that_never_end),
        cmocka_unit_test(standard_input_closed),
        cmocka_unit_test(a_ten_megabyte_line_is_quoted_briefly),
        cmocka_unit_test(a_ten_megabyte_header_alone_is_no_data),
        cmocka_unit_test(ten_thousand_fields),
        cmocka_unit_test(one_field_and_three_fields),
        cmocka_unit_test(a_nul_byte),
        cmocka_unit_test(tabs_as_separators),
        cmocka_unit_test(semicolons_as_separators),
        cmocka_unit_test(old_mac_line_ends_are_one_line),
        cmocka_unit_test(hexadecimal_floats_are_refused),
        cmocka_unit_test(beyond_the_largest_double),
        cmocka_unit_test(nan_and_infinity_are_not_numbers),
        cmocka_unit_test(near_numbers_are_refused),
        cmocka_unit_test(a_first_line_of_bad_numbers_is_no_header),
        cmocka_unit_test(missing_values_are_named),
        cmocka_unit_test(a_forward_pass_that_overflows),
        cmocka_unit_test(the_chains_of_later_chapters_overflow_cleanly),
        cmocka_unit_test(a_huge_observed_value_overflows_the_ssr),
        cmocka_unit_test(a_huge_starting_b3_overflows),
        cmocka_unit_test(an_overflow_names_its_cause),
        cmocka_unit_test(a_diverging_descent_prints_only_finite_rows),
        cmocka_unit_test(steps_half_a_column_off_the_chart),
        cmocka_unit_test(a_chart_of_huge_numbers_is_labelled_in_numbers),
        cmocka_unit_test(values_that_are_not_finite_numbers),
        cmocka_unit_test(out_of_range_counts_and_rates),
        cmocka_unit_test(malformed_options),
        cmocka_unit_test(options_that_nearly_are),
        cmocka_unit_test(an_enormous_argument),
        cmocka_unit_test(control_characters_in_arguments),
        cmocka_unit_test(help_lists_only_the_options_a_chapter_takes),
        cmocka_unit_test(options_of_later_chapters),
        cmocka_unit_test(a_full_disk_is_an_error_in_every_chapter),
        cmocka_unit_test(a_closed_stdout_is_an_error_in_every_chapter),
        cmocka_unit_test(a_reader_that_left_is_an_error_or_sigpipe),
    };
    return cmocka_run_group_tests_name("hostile input", tests, NULL, NULL);
}
