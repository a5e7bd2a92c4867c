/**
 * @file drawing.h
 * @brief The network drawn in text, with a value written on each wire.
 *
 * Chapter 1 draws the forward pass of one input, the values flowing down
 * from x to the prediction; chapter 7 draws the same network with the
 * backward pass's slopes flowing up from the SSR to the weights. Both fill
 * the same labels; only the arrows turn round.
 */
#ifndef DRAWING_H
#define DRAWING_H

#include <stddef.h>

/** Room for one label: half of the 80 columns, less a space either side. */
#define DRAWING_LABEL 38

/** Which way the values travel: down from x, or up from the SSR. */
typedef enum drawing_direction {
    DRAWING_FORWARD, /**< from the input down to the prediction */
    DRAWING_BACKWARD /**< from the prediction's slope up to the weights */
} drawing_direction;

/**
 * The text of a drawing, top to bottom. Index 0 of each pair is the top
 * neuron's path (drawn on the left), index 1 the bottom neuron's (right).
 * A label longer than DRAWING_LABEL - 1 characters is cut.
 */
typedef struct drawing_labels {
    char input[DRAWING_LABEL];        /**< above the wires that leave x */
    char into[2][2][DRAWING_LABEL];   /**< two lines on each wire from x into a neuron */
    char neuron[2][2][DRAWING_LABEL]; /**< two lines at each neuron */
    char out_of[2][2][DRAWING_LABEL]; /**< two lines on each wire from a neuron to the sum */
    char beside_sum[DRAWING_LABEL];   /**< beside the wire from the sum to the output */
    char output[2][DRAWING_LABEL];    /**< two lines below the sum */
} drawing_labels;

/**
 * Writes v into `text` as the chapters print numbers: 4 decimals, or
 * scientific notation past a million, never more than 11 characters.
 */
void drawing_number(char *text, size_t size, double v);

/** Lets gcc and clang check the arguments of a printf-like function. */
#if defined(__GNUC__)
#define DRAWING_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define DRAWING_PRINTF(f, a)
#endif

/** Writes one label as printf() would, cut to DRAWING_LABEL - 1 characters. */
void drawing_set(char label[DRAWING_LABEL], const char *format, ...) DRAWING_PRINTF(2, 3);

/** Prints the network with its labels, 80 columns wide at most. */
void drawing_print(const drawing_labels *labels, drawing_direction direction);

#endif /* DRAWING_H */
