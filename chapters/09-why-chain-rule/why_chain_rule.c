/**
 * @file why_chain_rule.c
 * @brief Chapter 9: why neural networks need the chain rule, answered by a clock.
 *
 * Chapter 8 measured every slope without any calculus, and the measurement
 * agreed with the chain rule to about ten digits. Then why derive at all?
 * Because of what measuring costs. This chapter widens the article's network
 * to H hidden neurons and computes one whole gradient two ways, by finite
 * differences and by backpropagation, timing both as the network grows.
 *
 * Exit status 1, with one line on stderr, if the two gradients disagree
 * beyond what rounding and the finite difference's own error allow, or if
 * the numbers overflow.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "chapter.h"
#include "nn.h"
#include "wide.h"

static const cli_program program = {
    .name = "chapter9",
    .summary = "Chapter 9: one whole gradient measured by finite differences and derived by\n"
               "backpropagation, timed on ever wider networks: why the chain rule.",
    .options = CLI_DATA | CLI_SEED | CLI_CSV | CLI_QUIET | CLI_MAX_PARAMETERS | CLI_TIMINGS,
};

/** The hidden neurons H of the networks timed, roughly evenly on a log scale. */
static const size_t widths[] = {2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000};
enum { WIDTH_COUNT = sizeof widths / sizeof widths[0] };
/** The largest --max-parameters: 3 * 10000 + 1. */
#define MOST_PARAMETERS 30001L
/** Each time is the best of this many runs. */
#define RUNS 3
/** A run repeats the gradient until it lasts at least this long, in ns. */
#define RUN_NS 5e6
/** No size is started whose one finite-difference gradient should take longer. */
#define BUDGET_NS 20e9
/** The four largest sizes measured give the fitted lines. */
#define FIT_SIZES 4

/* One size measured. */
typedef struct size_row {
    size_t hidden;           /* H */
    size_t parameters;       /* 3H + 1 */
    double differences_ns;   /* one whole gradient by finite differences */
    double backprop_ns;      /* one whole gradient by backpropagation */
    long ssr_passes;         /* SSR passes per gradient by differences, counted */
    long forward_passes;     /* forward passes per gradient by backpropagation */
    long backward_passes;    /* backward passes per gradient by backpropagation */
    double max_rel_diff;     /* the largest relative difference of two slopes */
    size_t disagreeing;      /* slopes further apart than their allowance */
} size_row;

typedef void (*gradient_way)(wide_network *n, nn_data data, double *slope);

/* The processor time this program has used, in ns: on a busy machine the
   time other programs take between two readings is not counted, as the
   wall clock would count it. */
static double now_ns(void)
{
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return 1e9 * (double)t.tv_sec + (double)t.tv_nsec;
}

/* Nanoseconds for `repeats` gradients computed `way`; adds them to `*done`. */
static double time_repeats(gradient_way way, wide_network *n, nn_data data, double *slope,
                           long repeats, long *done)
{
    double start = now_ns();
    for (long r = 0; r < repeats; r++)
        way(n, data, slope);
    double took = now_ns() - start;
    *done += repeats;
    return took;
}

/* How many gradients make a run of at least RUN_NS; `*took` is that run's time. */
static long repeats_for_a_run(gradient_way way, wide_network *n, nn_data data, double *slope,
                              double *took, long *done)
{
    long repeats = 1;
    *took = time_repeats(way, n, data, slope, repeats, done);
    while (*took < RUN_NS) {
        double grow = *took > RUN_NS / 100.0 ? 1.2 * RUN_NS / *took : 100.0;
        repeats = (long)ceil((double)repeats * grow);
        *took = time_repeats(way, n, data, slope, repeats, done);
    }
    return repeats;
}

// [ch09_timing]
/* The nanoseconds of processor time of one whole gradient each way. A run
   repeats the gradient until it lasts RUN_NS or more, far above the clock's
   resolution; the time is the best of RUNS runs, the two ways taken in
   turn, so that a slow moment neither counts nor favours one way. */
static void time_both(wide_network *n, nn_data data, double *measured, double *derived,
                      size_row *row, long done[2])
{
    double took[2];
    long repeats[2];
    repeats[0] = repeats_for_a_run(wide_gradient_by_differences, n, data, measured, &took[0],
                                   &done[0]);
    repeats[1] = repeats_for_a_run(wide_gradient, n, data, derived, &took[1], &done[1]);
    row->differences_ns = took[0] / (double)repeats[0];
    row->backprop_ns = took[1] / (double)repeats[1];
    for (int run = 1; run < RUNS; run++) {
        took[0] = time_repeats(wide_gradient_by_differences, n, data, measured, repeats[0],
                               &done[0]);
        took[1] = time_repeats(wide_gradient, n, data, derived, repeats[1], &done[1]);
        row->differences_ns = fmin(row->differences_ns, took[0] / (double)repeats[0]);
        row->backprop_ns = fmin(row->backprop_ns, took[1] / (double)repeats[1]);
    }
}
// [ch09_timing]

// [ch09_agree]
/* The two gradients side by side: the largest relative difference of a
   slope (chapter 8's relative_error()), and how many slopes lie further
   apart than their allowance, rounding plus truncation (see wide.h). */
static void compare(wide_network *n, nn_data data, const double *measured,
                    const double *derived, double *allowance, size_row *row)
{
    wide_allowances(n, data, allowance);
    row->max_rel_diff = 0.0;
    row->disagreeing = 0;
    for (size_t k = 0; k < n->count; k++) {
        row->max_rel_diff = fmax(row->max_rel_diff, relative_error(derived[k], measured[k]));
        row->disagreeing += !(fabs(derived[k] - measured[k]) <= allowance[k]);
    }
}
// [ch09_agree]

/* Measures the network of `hidden` neurons: both gradients, timed, the
   passes each made, and whether they agree; with `kept` (times from
   --timings), each gradient is computed once and the times are those kept.
   Stops the program with one line if a number overflows. */
static size_row measure(const chapter_run *run, size_t hidden, const double *kept)
{
    size_row row = {.hidden = hidden, .parameters = 3 * hidden + 1};
    wide_network n;
    double *measured = calloc(row.parameters, sizeof *measured);
    double *derived = calloc(row.parameters, sizeof *derived);
    double *allowance = calloc(row.parameters, sizeof *allowance);
    if (measured == NULL || derived == NULL || allowance == NULL ||
        wide_draw(&n, hidden, (uint64_t)run->options.seed) != 0) {
        fprintf(stderr, "%s: not enough memory for %zu parameters\n", program.name,
                row.parameters);
        exit(EXIT_DIVERGED);
    }
    chapter_require_finite(run, wide_ssr(&n, run->data), "the SSR", CAUSE_NUMBERS);
    n.ssr_passes = 0;
    long done[2] = {1, 1}; /* gradients computed each way */
    if (kept != NULL) {
        wide_gradient_by_differences(&n, run->data, measured);
        wide_gradient(&n, run->data, derived);
        row.differences_ns = kept[0];
        row.backprop_ns = kept[1];
    } else {
        done[0] = done[1] = 0;
        time_both(&n, run->data, measured, derived, &row, done);
    }
    row.ssr_passes = n.ssr_passes / done[0];
    row.forward_passes = n.forward_passes / done[1];
    row.backward_passes = n.backward_passes / done[1];
    for (size_t k = 0; k < row.parameters; k++) {
        chapter_require_finite(run, measured[k], "a measured slope", CAUSE_NUMBERS);
        chapter_require_finite(run, derived[k], "a derived slope", CAUSE_NUMBERS);
    }
    compare(&n, run->data, measured, derived, allowance, &row);
    wide_free(&n);
    free(measured);
    free(derived);
    free(allowance);
    return row;
}

#define CSV_HEADER "parameters,finite_differences_ns,backpropagation_ns,ratio,max_rel_diff"

/* Times kept by an earlier --csv run, one pair per size, for --timings. */
typedef struct kept_times {
    size_t count;                  /* sizes kept, from the first */
    double ns[WIDTH_COUNT][2];     /* finite differences, backpropagation */
} kept_times;

/* The number at *cursor, up to a comma or the end of the line; NAN if none. */
static double next_field(char **cursor)
{
    char *end;
    double v = strtod(*cursor, &end);
    if (end == *cursor || (*end != ',' && *end != '\n' && *end != '\r' && *end != '\0'))
        return NAN;
    *cursor = *end == ',' ? end + 1 : end;
    return v;
}

/* Reads the rows of an earlier --csv from `path`; on a problem, prints
   `FILE:LINE: problem` and exits with EXIT_BAD_INPUT. */
static void read_timings(chapter_run *run, const char *path, kept_times *kept)
{
    FILE *file = fopen(path, "r");
    const char *problem = NULL;
    char line[512];
    long number = 0;
    kept->count = 0;
    if (file == NULL) {
        fprintf(stderr, "%s: cannot read: %s\n", path, strerror(errno));
        exit(chapter_close(run, EXIT_BAD_INPUT));
    }
    while (problem == NULL && fgets(line, sizeof line, file) != NULL) {
        number++;
        char *cursor = line;
        if (number == 1) {
            if (strncmp(line, CSV_HEADER, strlen(CSV_HEADER)) != 0)
                problem = "expected the header line that --csv writes";
            continue;
        }
        double parameters = next_field(&cursor);
        double fd = next_field(&cursor), bp = next_field(&cursor);
        if (kept->count == WIDTH_COUNT ||
            parameters != (double)(3 * widths[kept->count] + 1))
            problem = "not the next size this chapter times (7, 16, 31, 61, ...)";
        else if (!(fd > 0.0 && bp > 0.0 && isfinite(fd) && isfinite(bp)))
            problem = "expected two times in ns, both positive numbers, after the parameters";
        else {
            kept->ns[kept->count][0] = fd;
            kept->ns[kept->count][1] = bp;
            kept->count++;
        }
    }
    fclose(file);
    if (problem == NULL && kept->count == 0)
        problem = "no times in the file";
    if (problem != NULL) {
        fprintf(stderr, "%s:%ld: %s\n", path, number, problem);
        exit(chapter_close(run, EXIT_BAD_INPUT));
    }
}

/* A duration as a reader takes it in: "2.31 us", "352 ms", "11.6 hours". */
static const char *duration(double ns, char *text, size_t size)
{
    static const struct { double ns; const char *unit; } units[] = {
        {3.15576e16, "years"}, {8.64e13, "days"}, {3.6e12, "hours"}, {6e10, "minutes"},
        {1e9, "s"}, {1e6, "ms"}, {1e3, "us"}, {1.0, "ns"},
    };
    size_t u = 0;
    while (u + 1 < sizeof units / sizeof units[0] && ns < units[u].ns)
        u++;
    snprintf(text, size, "%.3g %s", ns / units[u].ns, units[u].unit);
    return text;
}

/* A whole number with commas, as "3,001" and "2,000,000". */
static const char *grouped(long value, char *text, size_t size)
{
    char digits[32];
    int length = snprintf(digits, sizeof digits, "%ld", value);
    size_t used = 0;
    for (int i = 0; i < length && used + 2 < size; i++) {
        if (i > 0 && (length - i) % 3 == 0)
            text[used++] = ',';
        text[used++] = digits[i];
    }
    text[used] = '\0';
    return text;
}

// [ch09_fit]
/* The straight line log(time) = log(a) + k log(parameters) through the
   last `count` rows, by least squares: returns k, the power the time grows
   as, and sets `*at_million` to the line's time at a million parameters. */
static double fit_line(const size_row *rows, size_t count, int backprop, double *at_million)
{
    double sx = 0.0, sy = 0.0, sxx = 0.0, sxy = 0.0;
    for (size_t i = 0; i < count; i++) {
        double x = log((double)rows[i].parameters);
        double y = log(backprop ? rows[i].backprop_ns : rows[i].differences_ns);
        sx += x;
        sy += y;
        sxx += x * x;
        sxy += x * y;
    }
    double m = (double)count;
    double k = (m * sxy - sx * sy) / (m * sxx - sx * sx);
    double log_a = (sy - k * sx) / m;
    *at_million = exp(log_a + k * log(1e6));
    return k;
}
// [ch09_fit]

static void print_introduction(const chapter_run *run)
{
    printf("Chapter 9: why the chain rule? (past the article, answering its title)\n"
           "======================================================================\n\n");
    printf("Chapter 8 measured every slope without the chain rule, and the measurement\n"
           "agreed with it to about ten digits. So why derive anything? The answer is\n"
           "in what each way costs, and this chapter measures it.\n\n"
           "The gradient is all the slopes together: one slope of the SSR for each\n"
           "weight and bias. A pass takes every sample through the network once: a\n"
           "forward pass computes each prediction, and so the SSR; a backward pass\n"
           "carries dSSR/dpredicted back along the same paths, by the chain rule, to\n"
           "every parameter.\n\n"
           "A finite difference measures one slope: move one parameter by a small h\n"
           "up and down, and divide the change in the SSR by 2h (chapter 8). That is\n"
           "2 SSR passes per parameter, so a whole gradient takes 2 * parameters\n"
           "passes. Backpropagation derives every slope from one forward and one\n"
           "backward pass, however many parameters there are.\n\n"
           "The network is the article's, widened: one input, H softplus neurons, one\n"
           "output, so 3H + 1 parameters (H = 2 is the article's 7):\n"
           "  z_j = w_j * x + b_j  and  a_j = softplus(z_j)  for j = 1 to H,\n"
           "  predicted = v1 * a1 + v2 * a2 + ... + vH * aH + c.\n"
           "Its biases are 0 and its weights are drawn from a standard normal, with\n"
           "--seed %ld. The samples are %s.\n"
           "Each time is the processor time of one whole gradient: the best of %d\n"
           "runs, each repeating the gradient for at least %g ms.\n\n",
           run->options.seed,
           run->options.data_path == NULL ? "the article's three" : "those of --data", RUNS,
           RUN_NS / 1e6);
    if (run->options.timings_path != NULL)
        printf("This run took its times from --timings: an earlier run measured them and\n"
               "wrote them with --csv. It counted the passes and compared the gradients\n"
               "itself.\n\n");
    printf("             finite differences          backpropagation\n"
           "parameters   SSR passes        time        time  in passes   times slower\n");
}

/* One row of the table. "in passes" is backpropagation's time in units of
   one SSR pass, the time of the finite differences over their passes. */
static void print_row(const size_row *row)
{
    char fd[32], bp[32];
    double pass_ns = row->differences_ns / (double)row->ssr_passes;
    printf("%10zu %12ld %11s %11s %10.1f %14.0f\n", row->parameters, row->ssr_passes,
           duration(row->differences_ns, fd, sizeof fd),
           duration(row->backprop_ns, bp, sizeof bp), row->backprop_ns / pass_ns,
           row->differences_ns / row->backprop_ns);
}

/* Whether the gradients agree, and what the passes counted were. */
static void print_agreement(const size_row *rows, size_t count)
{
    size_t worst = 0, disagreeing = 0;
    int twice_per_parameter = 1, one_each = 1;
    for (size_t i = 0; i < count; i++) {
        if (rows[i].max_rel_diff > rows[worst].max_rel_diff)
            worst = i;
        disagreeing += rows[i].disagreeing;
        twice_per_parameter &= rows[i].ssr_passes == 2 * (long)rows[i].parameters;
        one_each &= rows[i].forward_passes == 1 && rows[i].backward_passes == 1;
    }
    char p[32];
    if (twice_per_parameter && one_each)
        printf("\n\"in passes\" is backpropagation's time in SSR passes: its time divided by\n"
               "that of one pass, the finite differences' time over their passes. As\n"
               "counted, finite differences made 2 SSR passes per parameter at every\n"
               "size, backpropagation 1 forward and 1 backward pass.\n");
    else
        printf("\nThe passes counted are not the expected 2 per parameter, and 1 forward\n"
               "and 1 backward: the table shows what was counted.\n");
    if (disagreeing == 0)
        printf("\nThe two gradients agree at every size: each measured slope lies within\n"
               "its allowance of the derived one, and the largest relative difference is\n"
               "%.2g (at %s parameters).\n",
               rows[worst].max_rel_diff, grouped((long)rows[worst].parameters, p, sizeof p));
    else
        printf("\n%zu measured slope%s further from the derived one than the allowance;\n"
               "the largest relative difference is %.2g (at %s parameters).\n",
               disagreeing, disagreeing == 1 ? " lies" : "s lie", rows[worst].max_rel_diff,
               grouped((long)rows[worst].parameters, p, sizeof p));
    printf("\nThe allowance has two parts. Rounding can move each SSR value by about\n"
           "(H + 3) * 2.2e-16 * S, with S the sum over the samples of (|observed| +\n"
           "|v1 * a1| + ... + |vH * aH| + |c|)^2, and so the slope by\n"
           "2 * (H + 3) * 2.2e-16 * S / h. And the central difference itself is off by\n"
           "h^2 / 6 times the SSR's third derivative somewhere within h of the\n"
           "parameter; the program bounds that from the sigmoid's slopes (it is 0\n"
           "along the output's weights v and bias c, where the SSR is a parabola).\n");
}

/* What the measured growth means, from lines fitted to this run's times. */
static void print_growth(const size_row *rows, size_t count)
{
    if (count < 2) {
        printf("\nOne size alone draws no line: give --max-parameters 61 or more to see\n"
               "how the two times grow.\n");
        return;
    }
    size_t fitted = count < FIT_SIZES ? count : FIT_SIZES;
    const size_row *first = &rows[count - fitted], *last = &rows[count - 1];
    double fd_million, bp_million;
    double fd_power = fit_line(first, fitted, 0, &fd_million);
    double bp_power = fit_line(first, fitted, 1, &bp_million);
    char from[32], to[32], fd[32], bp[32];
    printf("\nThrough the last %zu sizes (%s to %s parameters), straight lines on a\n"
           "log-log scale fit the times: finite differences grow as parameters^%.2f,\n"
           "backpropagation as parameters^%.2f. Measuring takes 2 * parameters passes,\n"
           "and each pass goes through every neuron, so it costs more as the network\n"
           "widens: the product grows as parameters^2. Deriving takes a fixed few\n"
           "passes' time (%.1f at %s parameters), so it grows only as one pass does.\n",
           fitted, grouped((long)first->parameters, from, sizeof from),
           grouped((long)last->parameters, to, sizeof to), fd_power, bp_power,
           last->backprop_ns / (last->differences_ns / (double)last->ssr_passes), to);
    printf("\nExtending both lines to a network of this shape with a million weights and\n"
           "biases (H = 333,333): one gradient by finite differences would take\n"
           "2,000,000 SSR passes, about %s; backpropagation one forward and one\n"
           "backward pass, about %s. Descent needs a new gradient at every step.\n"
           "That is why neural networks need the chain rule.\n",
           duration(fd_million, fd, sizeof fd), duration(bp_million, bp, sizeof bp));
}

/* Why the table ends before --max-parameters. */
static void print_stop(size_t parameters, double foreseen_ns)
{
    char p[32], t[32];
    printf("Stopped here: at %s parameters, one gradient by finite differences\n"
           "would take about %s, past this chapter's limit of %g s.\n",
           grouped((long)parameters, p, sizeof p), duration(foreseen_ns, t, sizeof t),
           BUDGET_NS / 1e9);
}

/* Measures each size in turn up to --max-parameters (or as far as the
   times of --timings go), printing each row as it comes in text; returns
   how many sizes were measured. A size whose finite differences would take
   longer than BUDGET_NS, foreseen from the size before, is not started. */
static size_t measure_all(const chapter_run *run, const kept_times *kept, size_row *rows)
{
    const cli_options *o = &run->options;
    size_t count = 0;
    for (size_t w = 0; w < WIDTH_COUNT && (long)(3 * widths[w] + 1) <= o->max_parameters; w++) {
        if (o->timings_path != NULL && w == kept->count)
            break;
        if (count > 0 && o->timings_path == NULL) {
            /* 2 * parameters passes, each through H neurons */
            const size_row *last = &rows[count - 1];
            double next_ns = last->differences_ns * (double)(3 * widths[w] + 1) /
                             (double)last->parameters * (double)widths[w] / (double)last->hidden;
            if (next_ns > BUDGET_NS) {
                if (!o->csv && !o->quiet)
                    print_stop(3 * widths[w] + 1, next_ns);
                break;
            }
        }
        rows[count] = measure(run, widths[w], o->timings_path ? kept->ns[w] : NULL);
        if (!o->csv && !o->quiet)
            print_row(&rows[count]);
        count++;
    }
    return count;
}

int main(int argc, char **argv)
{
    chapter_run run = chapter_open(&program, argc, argv);
    const cli_options *o = &run.options;
    if (o->max_parameters < 7 || o->max_parameters > MOST_PARAMETERS) {
        fprintf(stderr, "%s: --max-parameters: must be 7 to %ld, not %ld\n", program.name,
                MOST_PARAMETERS, o->max_parameters);
        return chapter_close(&run, EXIT_BAD_INPUT);
    }
    kept_times kept = {.count = 0};
    if (o->timings_path != NULL)
        read_timings(&run, o->timings_path, &kept);
    if (!o->csv && !o->quiet)
        print_introduction(&run);

    size_row rows[WIDTH_COUNT];
    size_t count = measure_all(&run, &kept, rows);
    const size_row *last = &rows[count - 1];
    int agree = 1;
    for (size_t i = 0; i < count; i++)
        agree &= rows[i].disagreeing == 0;
    if (o->csv) {
        printf(CSV_HEADER "\n");
        for (size_t i = 0; i < count; i++)
            printf("%zu,%.17g,%.17g,%.17g,%.17g\n", rows[i].parameters, rows[i].differences_ns,
                   rows[i].backprop_ns, rows[i].differences_ns / rows[i].backprop_ns,
                   rows[i].max_rel_diff);
    } else if (o->quiet) {
        char p[32], fd[32], bp[32];
        printf("%s parameters: finite differences %s, backpropagation %s,\n"
               "%.0f times slower; the gradients %s (largest relative difference %.2g)\n",
               grouped((long)last->parameters, p, sizeof p),
               duration(last->differences_ns, fd, sizeof fd),
               duration(last->backprop_ns, bp, sizeof bp),
               last->differences_ns / last->backprop_ns, agree ? "agree" : "DISAGREE",
               last->max_rel_diff);
    } else {
        print_agreement(rows, count);
        print_growth(rows, count);
    }
    if (!agree) {
        fprintf(stderr, "%s: the measured and the derived gradient disagree\n", program.name);
        return chapter_close(&run, EXIT_DIVERGED);
    }
    return chapter_close(&run, 0);
}
