/**
 * @file test_data.c
 * @brief The data-file reader: the format, its errors, and a million lines.
 */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "data.h"

enum { ERROR_SIZE = 256 };

/* data_read() on `length` bytes of `text`, named `name`; returns its status
   and leaves its one line of message, without the newline, in `error`. */
static int read_bytes(const char *name, const char *text, size_t length, nn_data *set,
                      char error[ERROR_SIZE])
{
    char none[1];
    FILE *in = fmemopen(length > 0 ? (void *)text : none, length, "r");
    FILE *err = tmpfile();
    assert_non_null(in);
    assert_non_null(err);
    int status = data_read(in, name, set, err);
    rewind(err);
    size_t got = fread(error, 1, ERROR_SIZE - 1, err);
    error[got] = '\0';
    fclose(in);
    fclose(err);
    if (got > 0) {
        assert_true(strchr(error, '\n') == error + got - 1); /* exactly one line */
        error[got - 1] = '\0';
    }
    return status;
}

/* Reads text as the file t.csv. */
static int parse(const char *text, nn_data *set, char *error)
{
    return read_bytes("t.csv", text, strlen(text), set, error);
}

static void the_format_accepts_what_spreadsheets_write(void **state)
{
    (void)state;
    const char *texts[] = {
        "0,0\n0.5,1\n1,0\n",
        "0,0\n0.5,1\n1,0",                                   /* no final newline */
        "dosage,effectiveness\n0,0\n0.5,1\n1,0\n",            /* a header */
        "# comment\n\n  \n0,0\n  # indented comment\n0.5,1\n1,0\n",
        "\xEF\xBB\xBFx,y\r\n0,0\r\n0.5,1\r\n1,0\r\n",       /* BOM and CRLF */
        " 0 ,\t0\n0.5 , 1 \n1,0\n",                          /* blanks around fields */
    };
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        nn_data set;
        char error[ERROR_SIZE];
        assert_int_equal(parse(texts[i], &set, error), 0);
        assert_int_equal(set.count, 3);
        assert_true(set.input[1] == 0.5 && set.observed[1] == 1.0);
        assert_true(set.input[2] == 1.0 && set.observed[2] == 0.0);
        data_free(&set);
    }
}

static void errors_say_file_and_line(void **state)
{
    (void)state;
    struct { const char *text; const char *message; } cases[] = {
        {"", "t.csv: no samples (expected lines of input,observed)"},
        {"x,y\n", "t.csv: no samples (expected lines of input,observed)"},
        {"0,0\n\n1\n", "t.csv:3: expected 2 fields separated by a comma (input,observed), found 1"},
        {"0;1\n", "t.csv:1: expected 2 fields separated by a comma (input,observed), found 1"},
        {"0\t1\n", "t.csv:1: expected 2 fields separated by a comma (input,observed), found 1"},
        {"1,2,\n", "t.csv:1: expected 2 fields separated by a comma (input,observed), found 3"},
        {"x,y\nx,y\n", "t.csv:2: the input value 'x' is not a finite number"},
        {"1,2\nx,y\n", "t.csv:2: the input value 'x' is not a finite number"},
        {"1,\n", "t.csv:1: the observed value is missing"},
        {"1, \t\n", "t.csv:1: the observed value is missing"},
        {" \t,1\n", "t.csv:1: the input value is missing"},
        {"1,\tx \n", "t.csv:1: the observed value 'x ' is not a finite number"},
        {"0x1p3,1\n", "t.csv:1: the input value '0x1p3' is not a finite number"},
        {"1,inf\n", "t.csv:1: the observed value 'inf' is not a finite number"},
        {"1,2\n1,2 3\n", "t.csv:2: the observed value '2 3' is not a finite number"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        nn_data set;
        char error[ERROR_SIZE];
        assert_int_equal(parse(cases[i].text, &set, error), -1);
        assert_string_equal(error, cases[i].message);
        assert_int_equal(set.count, 0);
        assert_null(set.input);
    }
}

static void a_header_is_two_names_that_are_no_numbers(void **state)
{
    (void)state;
    /* Names, even ones that start like a word strtod() knows, are a header. */
    const char *headers[] = {"x,y", "dosage,effectiveness", "infection,rate", "nano,info",
                             "-,+", "\"input\",\"observed\"", " dose\t, effect "};
    for (size_t i = 0; i < sizeof headers / sizeof headers[0]; i++) {
        char text[128];
        snprintf(text, sizeof text, "%s\n0,0\n0.5,1\n1,0\n", headers[i]);
        nn_data set;
        char error[ERROR_SIZE];
        int status = parse(text, &set, error);
        if (status != 0)
            print_error("%s: %s\n", headers[i], error);
        assert_int_equal(status, 0);
        assert_int_equal(set.count, 3);
        data_free(&set);
    }
    /* A line with even a bad number in it is no header: its first bad field
       is an error on line 1 as on any other. */
    struct { const char *text; const char *message; } cases[] = {
        {"nan,nan\n0,0\n", "t.csv:1: the input value 'nan' is not a finite number"},
        {"nan , nan \n0,0\n", "t.csv:1: the input value 'nan ' is not a finite number"},
        {"inf,-inf\n0,0\n", "t.csv:1: the input value 'inf' is not a finite number"},
        {"inf,1\n0,0\n", "t.csv:1: the input value 'inf' is not a finite number"},
        {"-Infinity,x\n0,0\n", "t.csv:1: the input value '-Infinity' is not a finite number"},
        {"x,NaN(7)\n0,0\n", "t.csv:1: the input value 'x' is not a finite number"},
        {"1e999,1e999\n0,0\n", "t.csv:1: the input value '1e999' is not a finite number"},
        {"1e5x,2e5x\n0,0\n", "t.csv:1: the input value '1e5x' is not a finite number"},
        {"dose,1e5x\n0,0\n", "t.csv:1: the input value 'dose' is not a finite number"},
        {"# a comment first\n.5.,y\n0,0\n",
         "t.csv:2: the input value '.5.' is not a finite number"},
        {"0,0\nnan,nan\n", "t.csv:2: the input value 'nan' is not a finite number"},
        {"0,0\n1,1e5x\n", "t.csv:2: the observed value '1e5x' is not a finite number"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        nn_data set;
        char error[ERROR_SIZE];
        assert_int_equal(parse(cases[i].text, &set, error), -1);
        assert_string_equal(error, cases[i].message);
    }
}

static void a_nul_byte_is_an_error(void **state)
{
    (void)state;
    const char text[] = "0,0\n1,\0" "2\n";
    nn_data set;
    char error[ERROR_SIZE];
    assert_int_equal(read_bytes("t.csv", text, sizeof text - 1, &set, error), -1);
    assert_string_equal(error, "t.csv:2: contains a NUL byte");
}

/* A control byte in a file's name or a field is shown as \xHH, so that a
   message can neither break the line nor turn the terminal red; only a CR
   just before the LF belongs to the line end. */
static void control_bytes_are_shown_escaped(void **state)
{
    (void)state;
    struct { const char *name, *text; const char *message; } cases[] = {
        {"a\tb", "0,0\n1,x\n", "a\\x09b:2: the observed value 'x' is not a finite number"},
        {"cr", "0,0\n1\r,2\n", "cr:2: the input value '1\\x0D' is not a finite number"},
        {"esc", "0,0\n1,\x1B[31mred\n",
         "esc:2: the observed value '\\x1B[31mred' is not a finite number"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        nn_data set;
        char error[ERROR_SIZE];
        assert_int_equal(read_bytes(cases[i].name, cases[i].text, strlen(cases[i].text), &set,
                                    error), -1);
        assert_string_equal(error, cases[i].message);
    }
    nn_data set;
    char error[ERROR_SIZE];
    assert_int_equal(read_bytes("crlf", "0,0\r\n\r\n1,2\r\n", 12, &set, error), 0);
    assert_int_equal(set.count, 2);
    assert_true(set.input[1] == 1.0 && set.observed[1] == 2.0);
    data_free(&set);
}

/* A file name is shown whole, however long: no buffer cuts the message. */
static void a_long_name_is_shown_whole(void **state)
{
    (void)state;
    char name[1000];
    memset(name, 'n', sizeof name - 1);
    name[sizeof name - 1] = '\0';
    nn_data set;
    char *error = malloc(2 * sizeof name);
    assert_non_null(error);
    FILE *in = fmemopen("1,2,3", 5, "r"), *err = tmpfile();
    assert_non_null(in);
    assert_non_null(err);
    assert_int_equal(data_read(in, name, &set, err), -1);
    rewind(err);
    error[fread(error, 1, 2 * sizeof name - 1, err)] = '\0';
    fclose(in);
    fclose(err);
    assert_int_equal(strncmp(error, name, sizeof name - 1), 0);
    assert_string_equal(error + sizeof name - 1,
                        ":1: expected 2 fields separated by a comma (input,observed), found 3\n");
    free(error);
}

static void long_fields_are_quoted_short(void **state)
{
    (void)state;
    size_t length = 1000;
    char *text = malloc(length + 8);
    assert_non_null(text);
    memset(text, 'a', length);
    strcpy(text + length, ",1\n");
    nn_data set;
    char error[ERROR_SIZE];
    assert_int_equal(parse(text, &set, error), -1);
    assert_string_equal(error, "t.csv:1: the input value "
                               "'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa...' is not a finite number");
    /* The same at the very end of the input, with no newline after it. */
    assert_int_equal(parse("0,0\n1,2345678901234567890123456789012345678901234567890z", &set,
                           error), -1);
    assert_string_equal(error, "t.csv:2: the observed value "
                               "'2345678901234567890123456789012345678901...' is not a finite number");
    free(text);
}

/* A million lines natively; under valgrind and qemu (TEST_MAX_SAMPLES) the
   largest power of ten they allow, down to a thousand: the arrays still grow
   many times over. */
static void a_million_lines_load(void **state)
{
    (void)state;
    size_t lines = 1000000;
    while (lines > 1000 && test_max_samples(lines) < lines)
        lines /= 10;
    char *text = malloc(lines * 24);
    assert_non_null(text);
    size_t used = 0;
    for (size_t i = 0; i < lines; i++)
        used += (size_t)sprintf(text + used, "%.6f,%zu\n", (double)i / (double)lines, i % 7);
    nn_data set;
    char error[ERROR_SIZE];
    assert_int_equal(read_bytes("big.csv", text, used, &set, error), 0);
    assert_int_equal(set.count, lines);
    /* Line 123456 of a million says 0.123456; line lines / 8 of any count, 0.125. */
    if (lines == 1000000)
        assert_close(set.input[123456], 0.123456, 1e-15);
    assert_true(set.input[lines / 8] == 0.125);
    assert_true(set.observed[lines - 1] == (double)((lines - 1) % 7));
    data_free(&set);
    free(text);
}

static void load_reports_files_it_cannot_read(void **state)
{
    (void)state;
    nn_data set;
    char error[ERROR_SIZE];
    FILE *err = tmpfile();
    assert_non_null(err);
    assert_int_equal(data_load("tests/data", &set, err), -1);
    assert_int_equal(data_load("tests/data/missing.csv", &set, err), -1);
    assert_int_equal(data_load(TEST_DATA("five.csv"), &set, err), 0);
    rewind(err);
    error[fread(error, 1, sizeof error - 1, err)] = '\0';
    fclose(err);
    assert_string_equal(error, "tests/data: cannot read: Is a directory\n"
                               "tests/data/missing.csv: cannot open: No such file or directory\n");
    assert_int_equal(set.count, 5);
    data_free(&set);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_format_accepts_what_spreadsheets_write),
        cmocka_unit_test(errors_say_file_and_line),
        cmocka_unit_test(a_header_is_two_names_that_are_no_numbers),
        cmocka_unit_test(a_nul_byte_is_an_error),
        cmocka_unit_test(control_bytes_are_shown_escaped),
        cmocka_unit_test(a_long_name_is_shown_whole),
        cmocka_unit_test(long_fields_are_quoted_short),
        cmocka_unit_test(a_million_lines_load),
        cmocka_unit_test(load_reports_files_it_cannot_read),
    };
    return cmocka_run_group_tests_name("data", tests, NULL, NULL);
}
