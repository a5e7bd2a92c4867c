/**
 * @file random.h
 * @brief A small seeded random generator that gives the same numbers everywhere.
 *
 * Chapters 7 and 8 draw starting weights and test points from it, so that
 * `--seed 7` means the same numbers to every reader. The generator is
 * splitmix64 (Steele, Lea and Flood, 2014): a 64-bit counter stepped by a
 * fixed odd constant and scrambled by two multiply-xorshift rounds. It uses
 * only unsigned 64-bit integer arithmetic, which C defines exactly, so the
 * integers and the uniform numbers built from them are bit for bit the same
 * on every platform and compiler.
 *
 * Normal numbers come from the Box-Muller transform, which also needs
 * `log`, `sqrt` and `cos`. `sqrt` is exact under IEEE 754; `log` and `cos`
 * are within one unit in the last place in every common C library (and
 * correctly rounded in glibc), so the normals agree to about 1e-16 across
 * platforms and exactly where those functions round alike.
 *
 * The state lives in a value the caller owns: no hidden global state.
 */
#ifndef RANDOM_H
#define RANDOM_H

#include <stdint.h>

/** The whole state of the generator: one 64-bit counter. */
typedef struct random_state {
    uint64_t counter; /**< advanced by 0x9E3779B97F4A7C15 per draw */
} random_state;

/** A generator started from `seed`; every seed, 0 included, is a good one. */
random_state random_seed(uint64_t seed);

/**
 * The next 64 random bits (splitmix64): add \f$ \gamma = \mathtt{0x9E3779B97F4A7C15} \f$
 * to the counter, then scramble it with
 * \f$ z \leftarrow (z \oplus (z \gg 30)) \cdot \mathtt{0xBF58476D1CE4E5B9} \f$,
 * \f$ z \leftarrow (z \oplus (z \gg 27)) \cdot \mathtt{0x94D049BB133111EB} \f$,
 * \f$ z \oplus (z \gg 31) \f$.
 */
uint64_t random_next(random_state *r);

/**
 * A uniform number strictly between 0 and 1: the top 53 bits k of
 * random_next() give \f$ (k + \tfrac12) / 2^{53} \f$, never 0 and never 1.
 */
double random_uniform(random_state *r);

/**
 * A standard normal number (mean 0, standard deviation 1) by Box-Muller:
 * from two uniforms \f$ u_1, u_2 \f$,
 * \f$ \sqrt{-2 \ln u_1}\,\cos(2\pi u_2) \f$. Each call uses two uniforms
 * and keeps nothing back (the sine partner is not used).
 */
double random_normal(random_state *r);

#endif /* RANDOM_H */
