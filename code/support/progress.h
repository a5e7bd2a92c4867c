/**
 * @file progress.h
 * @brief What chapters 6 and 7 print while descend() runs: rows, CSV, result.
 */
#ifndef PROGRESS_H
#define PROGRESS_H

#include "cli.h"
#include "nn.h"

/** progress_row()'s context: which columns it prints, and as text which rows. */
typedef struct progress_printer {
    const cli_options *options; /**< --csv, --quiet, --tolerance and --max-steps */
    nn_param_index first;       /**< show this parameter and those after it */
    int show_slopes;            /**< also each shown parameter's slope: room for three */
    long first_rows;            /**< rows shown at the start; then every 50th, and the last */
} progress_printer;

/** An nn_observer: prints one step as the printer says, after the header at step 1. */
void progress_row(const nn_step *row, void *context);

/** Prints "w3 = -1.1687, ..." from first on, w3 on a line of its own after indent. */
void progress_params(const nn_params *p, nn_param_index first, const char *indent);

/** The closing lines: parameters, SSR, updates, why it stopped, and if it grew, a warning. */
void progress_result(const cli_options *options, const nn_params *p, nn_param_index first,
                     double start_ssr, double final_ssr, nn_result result);

#endif /* PROGRESS_H */
