/**
 * @file fuzz_run.c
 * @brief libFuzzer target: what the chapters do with options and samples,
 *        on any options and samples at all.
 *
 * The input is a command line (words separated by spaces), a newline, then
 * a data file. The line goes through cli_parse() with every option on and
 * the file through data_read(); what passes both is run as chapters 2 to 7
 * run it: chapter 5's descent on b3, its rows and its chart with a mark per
 * step; a descent on the output layer or on all seven parameters, printed by
 * progress.c; then one of chapters 1 to 4 under --csv, through its own main()
 * (tests/fuzz/csv_chapterN.c), on the same b3, rate and samples. A run may
 * stop the program when a number leaves the range of double.
 *
 * Beyond "no crash, no leak, no undefined behaviour": nothing printed holds
 * an infinity or a NaN, every line of a chart and of text (all but the CSV)
 * fits in REPORT_COLUMNS, whatever the options, a mark within the chart's
 * range is never counted outside it, and a stop is
 * EXIT_DIVERGED. The stop is caught: the target is
 * linked with -Wl,--wrap=exit, so that exit() comes back here by longjmp
 * while a run is under way, and is the real exit() otherwise; and with
 * --wrap=data_load, so that the samples a chapter had loaded when it
 * stopped are freed.
 */
#define _POSIX_C_SOURCE 200809L /* fmemopen(), open_memstream() */

#include <math.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chapter.h"
#include "cli.h"
#include "data.h"
#include "nn.h"
#include "plot.h"
#include "progress.h"

int LLVMFuzzerTestOneInput(const uint8_t *bytes, size_t size);
void __wrap_exit(int status);
void __real_exit(int status);
int __wrap_data_load(const char *path, nn_data *out, FILE *err);
int __real_data_load(const char *path, nn_data *out, FILE *err);
int chapter1_main(int argc, char **argv);
int chapter2_main(int argc, char **argv);
int chapter3_main(int argc, char **argv);
int chapter4_main(int argc, char **argv);

enum { MAX_WORDS = 32, MOST_STEPS = 300 };

/* The name messages give. */
static const cli_program program = {.name = "fuzz", .summary = "every option", .options = ~0U};

/* Where exit() returns to while a run is under way, and with what status. */
static jmp_buf stopped;
static int running;
static int stop_status;

void __wrap_exit(int status)
{
    if (!running)
        __real_exit(status);
    stop_status = status;
    longjmp(stopped, 1);
}

/* The samples a chapter loaded, until it frees them: a chapter stopped by
   exit() never does. */
static nn_data loaded;

int __wrap_data_load(const char *path, nn_data *out, FILE *err)
{
    int status = __real_data_load(path, out, err);
    loaded = *out;
    return status;
}

/* Chapter 5's observer: a mark on the chart per row, and the row as text. */
typedef struct marker {
    plot_chart *chart;
    long outside; /* rows more than half a column beside it */
} marker;

static void mark_row(const nn_step *row, void *context)
{
    marker *m = context;
    plot_chart *chart = m->chart;
    long before = chart->outside;
    double b3 = row->params.b3;
    plot_mark(chart, b3, row->ssr, (char)(row->step <= 9 ? '0' + row->step : '+'));
    /* Within the chart's range a row is never left out. */
    if (b3 >= chart->low && b3 <= chart->high && chart->outside != before)
        abort();
    m->outside += chart->outside - before;
    printf("%6ld", row->step);
    report_number(b3, 12);
    report_number(row->ssr, 12);
    report_number(row->slope.b3, 12);
    report_number_line(row->step_size.b3, 12);
}

/* Chapter 5: the descent on b3, marked on the bowl, and the chart printed. */
static void descend_on_b3(const cli_options *options, nn_data data)
{
    nn_params p = article_params();
    p.b3 = options->b3;
    chapter_run run = {.program = &program, .options = *options, .data = data, .start = p};
    chapter_bowl bowl = chapter_bowl_of(&run, &p.b3, 1);
    plot_chart chart;
    if (plot_bowl(&chart, &p, data, bowl.low, bowl.high) != 0)
        return;
    marker m = {.chart = &chart, .outside = 0};
    nn_settings settings = {
        .learning_rate = options->rate, .tolerance = options->tolerance,
        .max_steps = options->max_steps < MOST_STEPS ? options->max_steps : MOST_STEPS,
    };
    descend(&p, data, b3_gradient, settings, mark_row, &m);
    if (chart.outside != m.outside)
        abort();
    /* The chart alone, to measure its lines, then on with the rest. */
    char *printed = NULL;
    size_t length = 0;
    FILE *out = open_memstream(&printed, &length), *captured = stdout;
    if (out == NULL)
        return;
    stdout = out;
    plot_print(&chart);
    stdout = captured;
    fclose(out);
    for (const char *line = printed; *line != '\0';) {
        size_t width = strcspn(line, "\n");
        if (width > REPORT_COLUMNS)
            abort();
        line += width + (line[width] == '\n');
    }
    fputs(printed, stdout);
    free(printed);
}

/* Chapters 6 and 7: a descent on several parameters, printed by progress.c. */
static void descend_on_several(const cli_options *options, nn_data data)
{
    int all = options->seed % 2 != 0;
    nn_params p = all ? start_all() : start_output_layer();
    p.b3 = options->b3;
    /* Slopes beside the parameters only for the output layer, as chapter 6:
       seven of each would not fit a line. */
    progress_printer printer = {
        .options = options, .first = all ? NN_W1 : NN_W3,
        .show_slopes = !all && options->seed % 3 == 0, .first_rows = 10,
    };
    double start_ssr = ssr(&p, data);
    if (!isfinite(start_ssr))
        return;
    nn_settings settings = {
        .learning_rate = options->rate, .tolerance = options->tolerance,
        .max_steps = options->max_steps < MOST_STEPS ? options->max_steps : MOST_STEPS,
    };
    nn_result result = descend(&p, data, all ? gradient : output_layer_gradient, settings,
                               progress_row, &printer);
    double final_ssr = ssr(&p, data);
    /* A chapter checks the point it ends on before it prints it. */
    if (result.end != NN_DIVERGED && isfinite(final_ssr))
        progress_result(options, &p, printer.first, start_ssr, final_ssr, result);
}

/* Chapters 1 to 4 under --csv, one chosen by the seed, through their own
   main(): the run's b3 (and rate for chapter 4) and its samples on stdin. */
static void print_csv(const cli_options *options, const uint8_t *file, size_t size)
{
    static int (*const chapter_main[])(int, char **) = {chapter1_main, chapter2_main,
                                                        chapter3_main, chapter4_main};
    int chapter = (int)(options->seed % 4);
    char b3[32], rate[32];
    snprintf(b3, sizeof b3, "%.17g", options->b3);
    snprintf(rate, sizeof rate, "%.17g", options->rate);
    char *argv[9] = {"fuzz", "--csv", "--b3", b3};
    int argc = 4;
    if (chapter == 3) {
        argv[argc++] = "--rate";
        argv[argc++] = rate;
    }
    if (size > 0) {
        FILE *in = fmemopen((void *)file, size, "r");
        if (in == NULL)
            return;
        stdin = in;
        argv[argc++] = "--data";
        argv[argc++] = "-";
    }
    chapter_main[chapter](argc, argv);
    loaded = (nn_data){0};
}

/* Whether `text` holds what printf() writes for an infinity or a NaN. */
static int holds_non_finite(const char *text)
{
    return strstr(text, "inf") != NULL || strstr(text, "nan") != NULL;
}

/* Runs everything on one set of options and samples with stdout captured,
   and checks what was printed. */
static void run(const cli_options *options, nn_data data, const uint8_t *file, size_t size)
{
    char *printed = NULL;
    size_t length = 0;
    FILE *capture = open_memstream(&printed, &length);
    if (capture == NULL)
        return;
    FILE *terminal = stdout, *keyboard = stdin;
    stdout = capture;
    stop_status = 0;
    running = 1;
    volatile size_t csv_start = SIZE_MAX; /* where the chapter's CSV begins */
    if (setjmp(stopped) == 0) {
        report_text("fuzz\n");
        descend_on_b3(options, data);
        descend_on_several(options, data);
        chapter_rows_left_out(&(chapter_run){.data = data});
        fflush(capture);
        csv_start = length;
        print_csv(options, file, size);
    }
    running = 0;
    data_free(&loaded);
    if (stdin != keyboard)
        fclose(stdin);
    stdin = keyboard;
    stdout = terminal;
    fclose(capture);
    if (printed == NULL)
        return;
    /* Under --csv the descents' rows are CSV too, not text. */
    size_t text_length = options->csv ? 0 : csv_start < length ? csv_start : length;
    size_t widest = 0;
    for (size_t start = 0; start < text_length;) {
        size_t width = strcspn(printed + start, "\n");
        widest = width > widest ? width : widest;
        start += width + 1;
    }
    if ((stop_status != 0 && stop_status != EXIT_DIVERGED) || holds_non_finite(printed) ||
        widest > REPORT_COLUMNS) {
        fprintf(stderr, "status %d; printed:\n%s\n", stop_status, printed);
        abort();
    }
    free(printed);
}

int LLVMFuzzerTestOneInput(const uint8_t *bytes, size_t size)
{
    /* The command line: the first line, split at spaces. */
    const uint8_t *newline = memchr(bytes, '\n', size);
    size_t line_length = newline ? (size_t)(newline - bytes) : size;
    char *line = malloc(line_length + 1);
    if (line == NULL)
        return 0;
    memcpy(line, bytes, line_length);
    line[line_length] = '\0';
    char *argv[MAX_WORDS + 2] = {"fuzz"};
    int argc = 1;
    for (char *word = strtok(line, " "); word != NULL && argc <= MAX_WORDS;
         word = strtok(NULL, " "))
        argv[argc++] = word;
    argv[argc] = NULL;

    static FILE *sink;
    if (sink == NULL)
        sink = fopen("/dev/null", "w");
    cli_options options;
    FILE *terminal = stdout, *terminal_err = stderr;
    stdout = stderr = sink; /* for cli_parse()'s help and errors */
    cli_status parsed = sink != NULL ? cli_parse(&program, argc, argv, &options) : CLI_BAD_INPUT;
    stdout = terminal;
    stderr = terminal_err;
    if (parsed != CLI_RUN) {
        free(line);
        return 0;
    }

    /* The samples: the rest of the input, or the article's when there is none. */
    nn_data set = {0};
    nn_data data = article_data();
    size_t rest = newline ? size - line_length - 1 : 0;
    if (rest > 0) {
        FILE *in = fmemopen((void *)(newline + 1), rest, "r");
        int status = in != NULL ? data_read(in, "fuzz.csv", &set, sink) : -1;
        if (in != NULL)
            fclose(in);
        if (status != 0) {
            free(line);
            return 0;
        }
        data = set;
    }
    run(&options, data, newline ? newline + 1 : bytes, rest);
    data_free(&set);
    free(line);
    return 0;
}
