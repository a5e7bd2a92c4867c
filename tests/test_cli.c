/**
 * @file test_cli.c
 * @brief The shared option parser and its number readers.
 */
#include "support.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

static void parse_finite_takes_decimal_numbers_only(void **state)
{
    (void)state;
    struct { const char *text; double value; } good[] = {
        {"0", 0.0}, {"-1.5", -1.5}, {"+2", 2.0}, {".25", 0.25}, {"3.", 3.0},
        {"2e-3", 2e-3}, {"1E+2", 100.0}, {"1e-310", 1e-310}, {"1e308", 1e308},
        {" 1", 1.0}, {"1 ", 1.0}, {"\t-0.5 \t", -0.5}, /* blanks around the number */
    };
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
        double v = -99.0;
        assert_int_equal(parse_finite(good[i].text, &v), 1);
        assert_close(v, good[i].value, 0.0);
    }
    const char *bad[] = {"", " ", "\t", "0.1x", "nan", "inf", "-infinity", "1e999", "0x10", "1e",
                         "e5", ".", "-", "1,5", "--1", "1 2", "\n1", "1\r", "1\v", "- 1"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        double v = 42.0;
        if (parse_finite(bad[i], &v) != 0)
            print_error("accepted '%s'\n", bad[i]);
        assert_int_equal(parse_finite(bad[i], &v), 0);
    }
}

static const cli_program every_option = {
    .name = "test",
    .summary = "A program that takes every option.",
    .options = CLI_DATA | CLI_B3 | CLI_RATE | CLI_TOLERANCE | CLI_MAX_STEPS | CLI_CSV |
               CLI_QUIET | CLI_PLOT | CLI_SEED | CLI_THREADS | CLI_SAMPLES,
};

/* Parses a NULL-terminated list of arguments; what it says on stderr lands in `error`,
   its help on stdout nowhere. (The C library's getopt_long() writes to stderr as well.) */
static cli_status parse(const char *const *args, cli_options *out, char *error, size_t size)
{
    char *argv[32];
    int argc = 0;
    argv[argc++] = "test";
    for (; *args != NULL && argc < 31; args++)
        argv[argc++] = (char *)*args;
    argv[argc] = NULL;
    FILE *help = tmpfile(), *said = tmpfile(), *terminal = stdout, *terminal_err = stderr;
    assert_non_null(help);
    assert_non_null(said);
    stdout = help;
    stderr = said;
    cli_status status = cli_parse(&every_option, argc, argv, out);
    stdout = terminal;
    stderr = terminal_err;
    rewind(said);
    size_t got = fread(error, 1, size - 1, said);
    error[got] = '\0';
    fclose(help);
    fclose(said);
    return status;
}

/* A count is digits, a `+` at most before them, that fit a long. */
static void counts_take_whole_numbers_only(void **state)
{
    (void)state;
    cli_options o;
    char error[256];
    const char *thousand[] = {"--seed", "1000", NULL};
    assert_int_equal(parse(thousand, &o, error, sizeof error), CLI_RUN);
    assert_int_equal(o.seed, 1000);
    const char *plus[] = {"--seed", "+7", NULL};
    assert_int_equal(parse(plus, &o, error, sizeof error), CLI_RUN);
    assert_int_equal(o.seed, 7);
    const char *bad[] = {"", "-1", "1.0", "1e3", "12a", " 1", "99999999999999999999999"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        const char *args[] = {"--seed", bad[i], NULL};
        char expected[256];
        snprintf(expected, sizeof expected, "test: --seed: '%s' is not a whole number\n", bad[i]);
        assert_int_equal(parse(args, &o, error, sizeof error), CLI_BAD_INPUT);
        assert_string_equal(error, expected);
    }
}

static void defaults_are_the_articles(void **state)
{
    (void)state;
    const char *none[] = {NULL};
    cli_options o;
    char error[256];
    assert_int_equal(parse(none, &o, error, sizeof error), CLI_RUN);
    assert_null(o.data_path);
    assert_true(o.b3 == 0.0 && o.rate == 0.1 && o.tolerance == 0.001);
    assert_int_equal(o.max_steps, 1000);
    assert_int_equal(o.csv + o.quiet + o.plot, 0);
    assert_int_equal(o.given, 0);
    /* Started with no words at all, not even its name: the defaults, and argv keeps the
       NULL that ends it. */
    char *empty[] = {NULL};
    assert_int_equal(cli_parse(&every_option, 0, empty, &o), CLI_RUN);
    assert_null(empty[0]);
    assert_int_equal(o.max_steps, 1000);
}

static void every_option_is_stored(void **state)
{
    (void)state;
    const char *args[] = {"--data", "x.csv", "--b3=-2", "--rate", "0.05", "--tolerance", "0",
                          "--max-steps", "7", "--quiet", "--plot", "--seed", "0",
                          "--threads", "2", "--samples=1000", NULL};
    cli_options o;
    char error[256];
    assert_int_equal(parse(args, &o, error, sizeof error), CLI_RUN);
    assert_string_equal(o.data_path, "x.csv");
    assert_true(o.b3 == -2.0 && o.rate == 0.05 && o.tolerance == 0.0);
    assert_int_equal(o.max_steps, 7);
    assert_int_equal(o.csv, 0);
    assert_int_equal(o.quiet, 1);
    assert_int_equal(o.plot, 1);
    assert_int_equal(o.seed, 0);
    assert_int_equal(o.threads, 2);
    assert_int_equal(o.samples, 1000);
    assert_int_equal(o.given, every_option.options & ~(unsigned)CLI_CSV);
    const char *csv[] = {"--csv", NULL};
    assert_int_equal(parse(csv, &o, error, sizeof error), CLI_RUN);
    assert_int_equal(o.csv, 1);
    assert_int_equal(o.given, CLI_CSV);
}

/* --csv prints data and nothing else: beside --quiet or --plot, which ask
   for something else, it is refused, whichever comes first. */
static void csv_is_refused_beside_quiet_and_plot(void **state)
{
    (void)state;
    struct { const char *args[3]; const char *message; } cases[] = {
        {{"--csv", "--quiet", NULL}, "test: --quiet and --csv cannot be used together\n"},
        {{"--quiet", "--csv", NULL}, "test: --quiet and --csv cannot be used together\n"},
        {{"--plot", "--csv", NULL}, "test: --plot and --csv cannot be used together\n"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        cli_options o;
        char error[256];
        assert_int_equal(parse(cases[i].args, &o, error, sizeof error), CLI_BAD_INPUT);
        assert_string_equal(error, cases[i].message);
    }
}

static void errors_name_the_problem(void **state)
{
    (void)state;
    struct { const char *args[4]; const char *message; } cases[] = {
        {{"--threads", "0", NULL},
         "test: --threads: '0' is not a whole number from 1 to 256\n"},
        {{"--data", "", NULL}, "test: --data: '' is not a file name\n"},
        {{"-x", NULL}, "test: invalid option -- 'x'\n"},
        {{"--rate=", NULL}, "test: --rate: '' is not a finite number\n"},
        {{"--seed", "-1", NULL}, "test: --seed: '-1' is not a whole number\n"},
        {{"--threads", "257", NULL},
         "test: --threads: '257' is not a whole number from 1 to 256\n"},
        {{"--threads", "100000", NULL},
         "test: --threads: '100000' is not a whole number from 1 to 256\n"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        cli_options o;
        char error[256];
        assert_int_equal(parse(cases[i].args, &o, error, sizeof error), CLI_BAD_INPUT);
        assert_string_equal(error, cases[i].message);
    }
}

/* getopt_long() takes the start of a name for the option it starts, when it
   starts only one; anything else is refused with one line. */
static void a_name_may_be_shortened_while_it_is_unambiguous(void **state)
{
    (void)state;
    const char *shortened[] = {"--max-step", "3", "--tol=0", "--r", "0.5", "--d", "x.csv",
                               "--q", NULL};
    cli_options o;
    char error[256];
    assert_int_equal(parse(shortened, &o, error, sizeof error), CLI_RUN);
    assert_int_equal(o.max_steps, 3);
    assert_true(o.tolerance == 0.0 && o.rate == 0.5);
    assert_string_equal(o.data_path, "x.csv");
    assert_int_equal(o.quiet, 1);
    assert_int_equal(o.given, CLI_MAX_STEPS | CLI_TOLERANCE | CLI_RATE | CLI_DATA | CLI_QUIET);
    const char *help[] = {"--he", NULL};
    assert_int_equal(parse(help, &o, error, sizeof error), CLI_HELP);

    struct { const char *args[3]; const char *message; } cases[] = {
        /* --seed and --samples, --tolerance and --threads */
        {{"--s", "1", NULL},
         "test: option '--s' is ambiguous; possibilities: '--seed' '--samples'\n"},
        {{"--t=1", NULL},
         "test: option '--t=1' is ambiguous; possibilities: '--tolerance' '--threads'\n"},
        {{"--max-stepss=3", NULL}, "test: unrecognized option '--max-stepss=3'\n"},
        {{"-rate", "1", NULL}, "test: invalid option -- 'r'\n"},
        {{"--cvs", NULL}, "test: unrecognized option '--cvs'\n"},
        {{"--max-parameters", "9", NULL}, "test: unrecognized option '--max-parameters'\n"},
        {{"--max-step", NULL}, "test: option '--max-steps' requires an argument\n"},
        {{"--cs=yes", NULL}, "test: option '--csv' doesn't allow an argument\n"},
        {{"--", "--rate", NULL}, "test: unexpected argument '--rate'\n"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        assert_int_equal(parse(cases[i].args, &o, error, sizeof error), CLI_BAD_INPUT);
        assert_string_equal(error, cases[i].message);
    }
}

static void a_double_dash_ends_the_options(void **state)
{
    (void)state;
    const char *alone[] = {"--rate", "0.5", "--", NULL};
    cli_options o;
    char error[256];
    assert_int_equal(parse(alone, &o, error, sizeof error), CLI_RUN);
    assert_true(o.rate == 0.5);
    assert_string_equal(error, "");
    /* After it, even an option's spelling is a word, and no chapter takes words. */
    const char *then_option[] = {"--", "--rate", "0.5", NULL};
    assert_int_equal(parse(then_option, &o, error, sizeof error), CLI_BAD_INPUT);
    assert_string_equal(error, "test: unexpected argument '--rate'\n");
    const char *then_file[] = {"--csv", "--", "data.csv", NULL};
    assert_int_equal(parse(then_file, &o, error, sizeof error), CLI_BAD_INPUT);
    assert_string_equal(error, "test: unexpected argument 'data.csv'\n");
}

static void help_stops_parsing(void **state)
{
    (void)state;
    const char *args[] = {"--help", "--no-such-option", NULL};
    cli_options o;
    char error[256];
    assert_int_equal(parse(args, &o, error, sizeof error), CLI_HELP);
    assert_string_equal(error, "");
}

/* Each chapter's heading says which section of the article it follows, or
   that it goes past the article's end. */
static void every_heading_names_the_articles_section(void **state)
{
    (void)state;
    const struct {
        const char *program, *args, *beside;
    } chapters[] = {
        {"chapter1", "", "Beside the article: \"A Simple Neural Network\""},
        {"chapter2", "", "Beside the article: the residuals and the SSR in \"Calculating "
                         "Last Bias In the last layer\""},
        {"chapter3", "", "Beside the article: \"Use of Chain Rule\""},
        {"chapter4", "", "Beside the article: \"Slop Calculation and Learning\""},
        {"chapter5", "", "Beside the article: the repeated steps at the end of \"Slop "
                         "Calculation and Learning\", and \"Final Result\""},
        {"chapter6", "", "Beside the article: past its end"},
        {"chapter7", "--max-steps 2", "Beside the article: past its end"},
        {"chapter8", "", "Beside the article: past its end"},
        {"chapter10", "--samples 10", "Beside the article: past its end"},
    };
    for (size_t k = 0; k < sizeof chapters / sizeof chapters[0]; k++) {
        run_result r = run_program(chapters[k].program, chapters[k].args, NULL);
        assert_int_equal(r.status, 0);
        assert_says(r.out, chapters[k].beside);
        /* The title, underlined to its length, and right under it the section. */
        size_t title = strcspn(r.out, "\n");
        const char *underline = r.out + title + 1;
        assert_int_equal(strspn(underline, "="), title);
        assert_int_equal(strncmp(underline + title, "\n\nBeside the article: ", 22), 0);
        run_free(&r);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_heading_names_the_articles_section),
        cmocka_unit_test(parse_finite_takes_decimal_numbers_only),
        cmocka_unit_test(counts_take_whole_numbers_only),
        cmocka_unit_test(defaults_are_the_articles),
        cmocka_unit_test(every_option_is_stored),
        cmocka_unit_test(csv_is_refused_beside_quiet_and_plot),
        cmocka_unit_test(errors_name_the_problem),
        cmocka_unit_test(a_name_may_be_shortened_while_it_is_unambiguous),
        cmocka_unit_test(a_double_dash_ends_the_options),
        cmocka_unit_test(help_stops_parsing),
    };
    return cmocka_run_group_tests_name("cli", tests, NULL, NULL);
}
