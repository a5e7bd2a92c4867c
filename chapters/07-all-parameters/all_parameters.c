/**
 * @file all_parameters.c
 * @brief Chapter 7: backpropagation through the softplus, all seven parameters at once.
 *
 * The weights and biases inside the hidden neurons reach the SSR through one
 * more link than w3, w4 and b3 do: the softplus. Its slope is the sigmoid,
 * and with it the chain reaches w1, b1, w2 and b2. Then one loop fits all
 * seven, and the result is compared honestly with the video's.
 */
#include <math.h>
#include <stdio.h>

#include "chapter.h"
#include "nn.h"
#include "one_sample.h"
#include "progress.h"
#include "random.h"
#include "rises.h"

static const cli_program program = {
    .name = "chapter7",
    .summary = "Chapter 7: backpropagation and gradient descent on all seven parameters.",
    .options = CLI_DATA | CLI_RATE | CLI_TOLERANCE | CLI_MAX_STEPS | CLI_CSV | CLI_QUIET |
               CLI_SEED_START,
};

// [ch07_chain_w1]
/* Sample i's share of dSSR/dw1, a chain of four links:
   dSSR/dpredicted * dpredicted/da1 * da1/dz1 * dz1/dw1
   = -2 * (observed - predicted) * w3 * sigmoid(z1) * x. */
static double slope_of_w1_by_chain_rule(const nn_params *p, nn_data data, size_t i)
{
    nn_trace t = forward(p, data.input[i]);
    double d = dssr_dpredicted(data.observed[i], t.predicted);
    return d * p->w3 * sigmoid(t.z1) * t.x;
}
// [ch07_chain_w1]

// [ch07_loop]
/* All seven descend together: descend() in code/nn.c with gradient(), every
   parameter moving by its own slope times the rate, all slopes from one
   backward pass per sample. `watch` (may be NULL) sees every row. */
static nn_result descend_all_seven(nn_params *p, nn_data data, nn_settings settings,
                                   rise_watch *watch)
{
    return descend(p, data, gradient, settings, watch != NULL ? rise_watch_row : NULL, watch);
}
// [ch07_loop]

// [ch07_start]
/* StatQuest's start for all seven, or with --seed a random one drawn the
   same way: weights from a standard normal, biases 0. */
static nn_params starting_point(const cli_options *options)
{
    if (!(options->given & CLI_SEED_START))
        return start_all();
    random_state rng = random_seed((uint64_t)options->seed);
    return random_start(&rng);
}
// [ch07_start]

static void print_introduction(const cli_options *options, const nn_params *p)
{
    printf("Chapter 7: all seven parameters\n"
           "===============================\n\n"
           "Beside the article: past its end, as StatQuest's \"Backpropagation Details\"\n"
           "part 2, which the article's closing line promises.\n\n");
    if (options->given & CLI_SEED_START)
        report_text("Start from a random guess (--seed %ld): each weight drawn from a standard\n"
                    "normal, each bias 0:\n  ", options->seed);
    else
        printf("Start where StatQuest's video starts: weights it drew once from a standard\n"
               "normal, biases 0:\n  ");
    progress_params(p, NN_W1, "  ");
    printf("\n\nw1 and b1 reach the prediction through the top neuron:\n"
           "  z1 = w1 * x + b1,  a1 = softplus(z1),  predicted = w3 * a1 + w4 * a2 + b3\n"
           "so the chain has four links:\n"
           "  dSSR/dw1 = sum of  dSSR/dpredicted  * dpredicted/da1 * da1/dz1 * dz1/dw1\n"
           "           = sum of -2 * (obs - pred) *      w3       * sigmoid(z1) * x\n"
           "  dSSR/db1 = the same with dz1/db1 = 1 in place of x\n"
           "and w2, b2 the same way through w4, z2 and the bottom neuron.\n\n"
           "da1/dz1 is the slope of softplus, and it is the sigmoid, in two lines:\n"
           "  d/dz log(1 + e^z) = e^z / (1 + e^z)   (the chain rule: 1/(1 + e^z) * e^z)\n"
           "                    = 1 / (1 + e^-z)    (top and bottom divided by e^z)\n"
           "which is sigmoid(z), a number between 0 and 1.\n\n");
}

/* The four links of dSSR/dw1, sample by sample, and then all seven slopes. */
static void print_chain_to_w1(const chapter_run *run, const nn_params *p)
{
    nn_data data = run->data;
    printf("At the start, the chain to w1 sample by sample:\n"
           "       x  dSSR/dpred        w3  sigmoid(z1)         x    product\n");
    double sum = 0.0;
    for (size_t i = 0; i < data.count; i++) {
        double link = slope_of_w1_by_chain_rule(p, data, i);
        sum += link;
        chapter_require_finite(run, link, "dSSR/dw1", CAUSE_NUMBERS);
        if (i >= run->rows_shown)
            continue;
        /* Each width is its column's in the header above. */
        enum { X = 8, DPRED = 12, W3 = 10, SIGMOID = 13, X_AGAIN = 10, PRODUCT = 11 };
        nn_trace t = forward(p, data.input[i]);
        report_number(t.x, X);
        report_number(dssr_dpredicted(data.observed[i], t.predicted), DPRED);
        report_number(p->w3, W3);
        report_number(sigmoid(t.z1), SIGMOID);
        report_number(t.x, X_AGAIN);
        report_number_line(link, PRODUCT);
    }
    chapter_rows_left_out(run);
    chapter_require_finite(run, sum, "dSSR/dw1", CAUSE_NUMBERS);
    printf("  sum: dSSR/dw1 = ");
    report_number_line(sum, 0);

    printf("\n");
    one_sample_print(run, p, data.count / 2);

    nn_gradient g = gradient(p, data);
    printf("\nThat is backpropagation. gradient() in code/nn.c runs it for every sample\n"
           "(backward() is parts 1 to 4) and adds up the shares: all seven slopes from\n"
           "one forward and one backward pass per sample. Summed over the samples:\n");
    for (int i = 0; i < NN_PARAM_COUNT; i++) {
        chapter_require_finite(run, g.value[i], "a slope", CAUSE_NUMBERS);
        /* The top neuron's two, the bottom neuron's two, the output's three. */
        printf("%s dSSR/d%s = ", i == 0 || i == 2 || i == 4 ? " " : ",", param_name(i));
        report_number(g.value[i], 0);
        if (i == 1 || i == 3 || i == 6)
            printf("\n");
    }
}

/* The fit against the video's, whose weights the article takes as known. */
static void print_comparison(const chapter_run *run, const nn_params *p,
                             nn_result result)
{
    nn_data data = run->data;
    const cli_options *o = &run->options;
    nn_params video = article_params();
    video.b3 = 2.61;
    double final_ssr = ssr(p, data);
    printf("\nStatQuest's fitted network, whose weights the article takes as known, has\n"
           "w1 = 3.34, b1 = -1.43, w2 = -3.53, b2 = 0.57, w3 = -1.22, w4 = -2.30 and\n"
           "b3 = 2.61; there the SSR is %.6g.\n", ssr(&video, data));
    if (!(final_ssr < 0.01)) {
        printf("The loop above ends with an SSR of %.6g, not near any fit.\n", final_ssr);
        if (result.end == NN_STEP_LIMIT) {
            report_text("It used up its %ld step%s first: more --max-steps may get further.\n",
                        o->max_steps, o->max_steps == 1 ? "" : "s");
        } else if (result.updates == 0) {
            report_text("It stopped before its first step: at rate %g every step size was\n"
                        "already below %g. A larger --rate or a smaller --tolerance lets it go.\n",
                        o->rate, o->tolerance);
            return;
        } else {
            /* A step of the loop reached the tolerance, so a slope reached
               tolerance / rate: the quotient is finite. */
            report_text("It stopped because every step size was below %g, which at rate %g\n"
                        "only needs every slope below %g: a nearly flat stretch, not a\n"
                        "bottom. A smaller --tolerance may get further.\n",
                        o->tolerance, o->rate, o->tolerance / o->rate);
        }
        printf("Plain descent from %s can do that. (Where it does reach a fit,\n"
               "that fit need not be the video's: three samples and seven unknowns\n"
               "allow many exact fits.)\n",
               (o->given & CLI_SEED_START) ? "a random start" : "this start");
        return;
    }
    printf("The loop above ends elsewhere, with an SSR of %.6g, by eye just as close\n"
           "to zero. That is not a mistake. Three samples give only three equations for\n"
           "seven unknowns, so there are many exact fits, a whole family of them, and\n"
           "nothing in the data prefers the video's one. Which of them descent comes\n"
           "close to depends on the start, the rate and when it stops. Both curves pass\n"
           "(almost) through the three samples, and differ between them:\n\n"
           "         x      this fit   the video's\n", final_ssr);
    // [ch07_two_fits]
    for (double x = 0.0; x <= 1.0; x += 0.25)
        printf("%10.2f %13.4f %13.4f\n", x, forward(p, x).predicted, forward(&video, x).predicted);
    // [ch07_two_fits]
}

/* The same descent with a smaller rate, to see what the rate changes. */
static void print_smaller_rates(const cli_options *options, nn_params start, nn_data data)
{
    printf("\nWhat a smaller rate does (same start, tolerance %g,\n"
           "at most %ld step%s):\n"
           "      rate      steps         SSR  how it ended\n",
           options->tolerance, options->max_steps, options->max_steps == 1 ? "" : "s");
    const double factors[] = {0.5, 0.1};
    for (int k = 0; k < 2; k++) {
        // [ch07_smaller_rate]
        nn_params p = start;
        nn_settings slower = {.learning_rate = options->rate * factors[k],
                              .tolerance = options->tolerance, .max_steps = options->max_steps};
        nn_result result = descend_all_seven(&p, data, slower, NULL);
        // [ch07_smaller_rate]
        printf("%10.4g %10ld", slower.learning_rate, result.steps);
        if (result.end == NN_DIVERGED) {
            printf("           -  diverged\n");
            continue;
        }
        printf(" %11.6g  ", ssr(&p, data));
        if (result.end == NN_STEP_LIMIT)
            printf("hit --max-steps\n");
        else if (isfinite(options->tolerance / slower.learning_rate))
            printf("every |slope| < %.3g (tolerance / rate)\n",
                   options->tolerance / slower.learning_rate);
        else
            printf("at once: every step size below the tolerance\n");
    }
    printf("\nA smaller rate makes smaller updates, so it needs more steps. And since the\n"
           "loop stops when slope * rate is below the tolerance, a smaller rate also\n"
           "accepts steeper slopes as flat enough: a tenth of the rate can stop on a\n"
           "nearly flat stretch long before the fit is good. The tolerance means\n"
           "something only together with the rate.\n");
}

/* Where the loop ended, against the video's fit, and what a smaller rate does. */
static void print_ending(const chapter_run *run, const nn_params *p, nn_params start,
                         double start_ssr, nn_result result)
{
    printf("\nThe loop ends at\n  ");
    progress_result(&run->options, p, NN_W1, start_ssr, ssr(p, run->data), result);
    if (run->options.data_path == NULL)
        print_comparison(run, p, result);
    print_smaller_rates(&run->options, start, run->data);
}

int main(int argc, char **argv)
{
    chapter_run run = chapter_open(&program, argc, argv);
    const cli_options *o = &run.options;
    nn_params p = starting_point(o);
    nn_params start = p;

    if (!o->csv && !o->quiet) {
        print_introduction(o, &p);
        print_chain_to_w1(&run, &p);
        report_text("\nGradient descent moves all seven at once, each by slope * rate %g,\n"
                    "until every step size is below %g or %ld step%s been taken.\n\n",
                    o->rate, o->tolerance, o->max_steps,
                    o->max_steps == 1 ? " has" : "s have");
    }

    double start_ssr = ssr(&p, run.data);
    nn_settings settings = {
        .learning_rate = o->rate, .tolerance = o->tolerance, .max_steps = o->max_steps,
    };
    progress_printer printer = {.options = o, .first = NN_W1, .first_rows = 5};
    rise_watch watch = {.printer = &printer, .data = run.data};
    nn_result result = descend_all_seven(&p, run.data, settings, &watch);

    int status = 0;
    if (result.end == NN_DIVERGED)
        status = chapter_diverged(&run, result);
    else if (o->quiet)
        progress_result(o, &p, NN_W1, start_ssr, ssr(&p, run.data), result);
    else if (!o->csv) {
        rise_watch_print(&watch, o->rate);
        print_ending(&run, &p, start, start_ssr, result);
    }
    return chapter_close(&run, status);
}
