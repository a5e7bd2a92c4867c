/**
 * @file drawing.h
 * @brief The network drawn in text, a value written on each wire.
 */
#ifndef DRAWING_H
#define DRAWING_H

#define DRAWING_LABELS 16 /**< how many labels a drawing holds */
#define DRAWING_LABEL 38  /**< room for one: half of the 80 columns, less a space either side */

/** The labels in the order drawing_add() takes them: [0] above x; [1] to [6] down the top
    neuron's path, two on each wire (into the neuron, at it, out of it); [7] to [12] the same
    down the bottom neuron's path; [13] beside the wire from the sum; [14], [15] below it. */
typedef struct drawing {
    int count;                                 /**< labels added so far */
    char label[DRAWING_LABELS][DRAWING_LABEL]; /**< the labels, "" where none was added */
} drawing;

/** Adds the next label, written as printf() would and cut to DRAWING_LABEL - 1 characters. */
void drawing_add(drawing *d, const char *format, ...) __attribute__((format(printf, 2, 3)));
/** Prints the network with its labels in 80 columns, its arrows `arrow` ("v" or "^"). */
void drawing_print(const drawing *d, const char *arrow);

#endif /* DRAWING_H */
