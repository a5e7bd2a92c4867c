/**
 * @file progress.h
 * @brief Printing a descent on several parameters: the rows, the CSV, the result.
 *
 * Chapters 6 and 7 run the same loop, descend(), on different parameters.
 * What they print while it runs is the same too, so it lives here once.
 */
#ifndef PROGRESS_H
#define PROGRESS_H

#include "cli.h"
#include "nn.h"

/** The CSV header of chapters 6 and 7: every parameter, fixed ones too. */
#define PROGRESS_CSV_HEADER "step,w1,b1,w2,b2,w3,w4,b3,ssr"

/**
 * How the rows of a descent are shown; hand it to descend() as the context
 * of progress_row(). With `--csv` every row is printed in full; as text the
 * first `first_rows` rows are, then one in every `every`, then the last.
 */
typedef struct progress_printer {
    const cli_options *options; /**< --csv, --quiet, tolerance and step limit */
    nn_param_index first;       /**< the text table shows this parameter and the ones after
                                     it: NN_W3 for the output layer, NN_W1 for all seven */
    int show_slopes;            /**< also print each shown parameter's slope */
    long first_rows;            /**< rows always shown at the start */
    long every;                 /**< after those, show steps that are multiples of this */
    long last_shown;            /**< the last step printed (kept by progress_row) */
} progress_printer;

/**
 * Prints the CSV header, or the text table's column names; nothing when
 * quiet. The step column is as wide as `--max-steps` needs, and the numbers
 * give up room for it, so that a row never passes 80 columns.
 */
void progress_header(progress_printer *printer);

/** An nn_observer: prints one step as the printer says. */
void progress_row(const nn_step *row, void *context);

/** Prints parameters `first` to `last` as `w3 = -1.1687, w4 = ...`, with no newline. */
void progress_params(const nn_params *p, nn_param_index first, nn_param_index last);

/**
 * The closing lines: parameter `first` and those after it where the loop
 * ended, the SSR there, how many updates, and why it stopped; a stop before any update
 * says so, as the first steps were already below the tolerance. Unless
 * quiet, adds a warning when the SSR ended above `start_ssr`: the rate was
 * too large to descend.
 */
void progress_result(const cli_options *options, const nn_params *p, nn_param_index first,
                     double start_ssr, double final_ssr, nn_result result);

#endif /* PROGRESS_H */
