/**
 * @file progress.h
 * @brief What chapters 6 and 7 print while descend() runs: rows, CSV, result.
 */
#ifndef PROGRESS_H
#define PROGRESS_H

#include "cli.h"
#include "nn.h"

/** The CSV header of chapters 6 and 7: every parameter, fixed ones too. */
#define PROGRESS_CSV_HEADER "step,w1,b1,w2,b2,w3,w4,b3,ssr"

/** progress_row()'s context. As text: rows up to first_rows, then every `every`, and the last. */
typedef struct progress_printer {
    const cli_options *options; /**< --csv, --quiet, tolerance and step limit */
    nn_param_index first;       /**< show this parameter and those after it */
    int show_slopes;            /**< also show each shown parameter's slope */
    long first_rows;            /**< rows always shown at the start */
    long every;                 /**< then steps that are multiples of this */
    long last_shown;            /**< the last step printed, kept by progress_row() */
} progress_printer;

/** Prints the column names (as wide as --max-steps needs, within 80 columns) or the CSV header. */
void progress_header(progress_printer *printer);

/** An nn_observer: prints one step as the printer says. */
void progress_row(const nn_step *row, void *context);

/** Prints parameters first to last as `w3 = -1.1687, w4 = ...`, with no newline. */
void progress_params(const nn_params *p, nn_param_index first, nn_param_index last);

/** The closing lines: parameters from first on, the SSR, the updates, why it stopped, and
    unless quiet a warning when the SSR ended above start_ssr. */
void progress_result(const cli_options *options, const nn_params *p, nn_param_index first,
                     double start_ssr, double final_ssr, nn_result result);

#endif /* PROGRESS_H */
