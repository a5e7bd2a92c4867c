/**
 * @file drawing.h
 * @brief The network drawn in text, a value written on each wire.
 */
#ifndef DRAWING_H
#define DRAWING_H

/** Room for one label: half of the 80 columns, less a space either side. */
#define DRAWING_LABEL 38

/** Which way the arrows point: down from x (chapter 1), or up from the SSR (chapter 7). */
typedef enum drawing_direction { DRAWING_FORWARD, DRAWING_BACKWARD } drawing_direction;

/** The labels, top to bottom; in each pair, [0] is the top neuron's path, drawn on the left. */
typedef struct drawing_labels {
    char input[DRAWING_LABEL];        /**< above the wires that leave x */
    char into[2][2][DRAWING_LABEL];   /**< two lines on each wire into a neuron */
    char neuron[2][2][DRAWING_LABEL]; /**< two lines at each neuron */
    char out_of[2][2][DRAWING_LABEL]; /**< two lines on each wire to the sum */
    char beside_sum[DRAWING_LABEL];   /**< beside the wire from the sum */
    char output[2][DRAWING_LABEL];    /**< two lines below the sum */
} drawing_labels;

/** Writes one label as printf() would, cut to DRAWING_LABEL - 1 characters. */
void drawing_set(char label[DRAWING_LABEL], const char *format, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/** Prints the network with its labels, 80 columns wide at most. */
void drawing_print(const drawing_labels *labels, drawing_direction direction);

#endif /* DRAWING_H */
