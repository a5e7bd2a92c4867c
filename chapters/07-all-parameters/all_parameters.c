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

#include "cli.h"
#include "nn.h"
#include "progress.h"
#include "random.h"
#include "report.h"

static const cli_program program = {
    "chapter7", "Chapter 7: backpropagation and gradient descent on all seven parameters.",
    CLI_DATA | CLI_RATE | CLI_TOLERANCE | CLI_MAX_STEPS | CLI_CSV | CLI_QUIET | CLI_SEED,
};

static void print_introduction(const cli_options *options, const nn_params *p)
{
    report_title("Chapter 7: all seven parameters");
    if (options->given & CLI_SEED)
        printf("Start from a random guess (--seed %ld): each weight drawn from a standard\n"
               "normal, each bias 0:\n  ", options->seed);
    else
        printf("Start where StatQuest's video starts: weights drawn once from a standard\n"
               "normal, biases 0:\n  ");
    progress_params(p, NN_ALL_PARAMS & ~NN_OUTPUT_LAYER);
    printf(",\n  ");
    progress_params(p, NN_OUTPUT_LAYER);
    printf("\n\nw1 and b1 reach the prediction through the top neuron:\n"
           "  z1 = w1 x + b1,  a1 = softplus(z1),  predicted = w3 a1 + w4 a2 + b3\n"
           "so the chain has four links; the slope of softplus is the sigmoid:\n"
           "  dSSR/dw1 = sum of  dSSR/dpredicted x dpredicted/da1 x da1/dz1   x dz1/dw1\n"
           "           = sum of -2 (obs - pred)  x       w3       x sigmoid(z1) x    x\n"
           "  dSSR/db1 = the same with dz1/db1 = 1 in place of x\n"
           "and w2, b2 the same way through w4, z2 and the bottom neuron.\n\n");
}

/* The four links of dSSR/dw1, sample by sample, and then all seven slopes. */
static void print_chain_to_w1(const nn_params *p, nn_data data)
{
    printf("At the start, the chain to w1 sample by sample:\n"
           "       x  dSSR/dpred        w3  sigmoid(z1)         x    product\n");
    double sum = 0.0;
    for (size_t i = 0; i < data.count; i++) {
        // [ch07_chain_w1]
        nn_trace t = forward(p, data.input[i]);
        double d = dssr_dpredicted(data.observed[i], t.predicted);
        double link = d * p->w3 * sigmoid(t.z1) * t.x;
        // [ch07_chain_w1]
        sum += link;
        report_require_finite(&program, link, "dSSR/dw1");
        if (i >= REPORT_ROWS)
            continue;
        report_number(t.x, 8);
        report_number(d, 12);
        report_number(p->w3, 10);
        report_number(sigmoid(t.z1), 13);
        report_number(t.x, 10);
        report_number_line(link, 11);
    }
    report_rows_left_out(data.count < REPORT_ROWS ? data.count : REPORT_ROWS, data.count);
    report_require_finite(&program, sum, "dSSR/dw1");
    printf("  sum: dSSR/dw1 = ");
    report_number_line(sum, 0);

    // [ch07_gradient]
    nn_gradient g = gradient(p, data);
    // [ch07_gradient]
    printf("\nOne backward pass, gradient(), gives all seven slopes at once:\n ");
    for (int i = 0; i < NN_PARAM_COUNT; i++) {
        report_require_finite(&program, nn_param(&g, i), "a slope");
        printf(" dSSR/d%s = ", nn_param_name(i));
        report_number(nn_param(&g, i), 0);
        printf(i == 3 ? "\n " : (i < NN_PARAM_COUNT - 1 ? "," : "\n"));
    }
}

/* The fit against the video's, whose values the article starts from. */
static void print_comparison(const nn_params *p, nn_data data)
{
    nn_params video = nn_article_params();
    video.b3 = 2.61;
    double final_ssr = ssr(p, data);
    printf("\nStatQuest's fitted network, whose values the article starts from, has\n"
           "w1 = 3.34, b1 = -1.43, w2 = -3.53, b2 = 0.57, w3 = -1.22, w4 = -2.30 and\n"
           "b3 = 2.61; there the SSR is %.6g.\n", ssr(&video, data));
    if (!(final_ssr < 0.01)) {
        printf("The loop above ends with an SSR of %.6g, not near any fit: it stopped\n"
               "where the slopes were small, on a nearly flat stretch or at the step\n"
               "limit, not at a bottom. Plain descent from a random start can do that;\n"
               "a smaller --tolerance, more --max-steps or another --seed may get further.\n"
               "(Where it does reach a fit, that fit need not be the video's: three samples\n"
               "and seven unknowns allow many exact fits.)\n", final_ssr);
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
    printf("\nWhat a smaller rate does (same start, tolerance %g, at most %ld gradients):\n"
           "      rate  gradients         SSR  how it ended\n",
           options->tolerance, options->max_steps);
    const double factors[] = {0.5, 0.1};
    for (int k = 0; k < 2; k++) {
        // [ch07_smaller_rate]
        nn_params p = start;
        descent_settings slower = {options->rate * factors[k], options->tolerance,
                                   options->max_steps};
        descent_result result = descend(&p, data, NN_ALL_PARAMS, slower, NULL, NULL);
        // [ch07_smaller_rate]
        printf("%10g %10ld", slower.learning_rate, result.slopes);
        if (result.end == DESCENT_DIVERGED) {
            printf("           -  diverged\n");
            continue;
        }
        printf(" %11.6g  ", ssr(&p, data));
        if (result.end == DESCENT_STEP_LIMIT)
            printf("ran out of gradients before the steps got small\n");
        else if (isfinite(options->tolerance / slower.learning_rate))
            printf("stopped: every |slope| < %g = tolerance / rate\n",
                   options->tolerance / slower.learning_rate);
        else
            printf("stopped at once: at this rate every step is below the tolerance\n");
    }
    printf("\nA smaller rate takes shorter steps, so it needs more of them. And since the\n"
           "loop stops when slope x rate is below the tolerance, a smaller rate also\n"
           "accepts steeper slopes as flat enough: a tenth of the rate can stop on a\n"
           "nearly flat stretch long before the fit is good. The tolerance means\n"
           "something only together with the rate.\n");
}

int main(int argc, char **argv)
{
    cli_options options = cli_parse_or_exit(&program, argc, argv);
    data_set storage;
    nn_data data = report_samples(&options, &storage);
    // [ch07_start]
    nn_params p = nn_start_all();
    if (options.given & CLI_SEED) {
        random_state rng = random_seed((uint64_t)options.seed);
        p = nn_random_start(&rng);
    }
    // [ch07_start]
    nn_params start = p;

    if (!options.csv && !options.quiet) {
        print_introduction(&options, &p);
        print_chain_to_w1(&p, data);
        printf("\nGradient descent moves all seven at once, each by slope x rate %g, until\n"
               "every step size is below %g or %ld gradients have been computed.\n\n",
               options.rate, options.tolerance, options.max_steps);
    }

    // [ch07_loop]
    double start_ssr = ssr(&p, data);
    descent_settings settings = {options.rate, options.tolerance, options.max_steps};
    progress_printer printer = {&options, NN_ALL_PARAMS, 0, 5, 50, 0};
    progress_header(&printer);
    descent_result result = descend(&p, data, NN_ALL_PARAMS, settings, progress_row, &printer);
    // [ch07_loop]

    int status = 0;
    if (result.end == DESCENT_DIVERGED) {
        status = progress_diverged(&program, result, options.rate);
    } else if (!options.csv) {
        printf("%s", options.quiet ? "" : "\nThe loop ends at\n  ");
        progress_result(&options, &p, NN_ALL_PARAMS, start_ssr, ssr(&p, data), result);
        if (!options.quiet) {
            if (options.data_path == NULL)
                print_comparison(&p, data);
            print_smaller_rates(&options, start, data);
        }
    }
    data_free(&storage);
    return status;
}
