/**
 * @file lanes.h
 * @brief Vector lanes in plain GNU C, shared by fast.c and few.c
 *        (chapter 10).
 *
 * One vector register of doubles, and what the two files do with it. gcc
 * and clang share these vector types on x86-64 and on ARM: + - * / work
 * lane by lane, and the compiler picks the instructions (SSE2, AVX2 or
 * AVX-512, NEON). No intrinsics: the same source runs on every processor.
 * Only the files built with FAST_ARCH include this header (mk/speed.mk).
 */
#ifndef LANES_H
#define LANES_H

#include <stdint.h>
#include <string.h>

/* The doubles of one vector register of the target, unless the file that
   includes this header sets its own (few.c takes 4). A group wider than the registers is
   legal GNU C, split by the compiler into several registers, but gcc then
   keeps the pieces in memory between steps: built for AVX2 with 8 lanes,
   the fast path ran at less than half its speed. */
#if defined(FAST_LANES)
#elif defined(__AVX512F__)
#define FAST_LANES 8
#elif defined(__AVX__)
#define FAST_LANES 4
#else
#define FAST_LANES 2
#endif

/* FAST_LANES doubles as one value, and as many 64-bit integers. A
   comparison gives -1 in the lanes where it holds and 0 elsewhere. */
typedef double lanes __attribute__((vector_size(FAST_LANES * sizeof(double))));
typedef int64_t lane_mask __attribute__((vector_size(FAST_LANES * sizeof(int64_t))));
typedef uint64_t lane_bits __attribute__((vector_size(FAST_LANES * sizeof(uint64_t))));

/* Every function that takes or returns lanes is inlined where it is called
   (a GNU C attribute that clang shares), so that the lanes stay in
   registers and never cross a call. */
#define LANE_FUNCTION static inline __attribute__((always_inline))

/* The lanes of `yes` where `mask` holds, those of `no` elsewhere: the `?:` of
   a vector, which C (unlike C++) does not have for them. */
LANE_FUNCTION lanes select(lane_mask mask, lanes yes, lanes no)
{
    return (lanes)((mask & (lane_mask)yes) | (~mask & (lane_mask)no));
}

/* The lanes where v < 0, and where v > bound, as masks for select(). With
   AVX-512 a comparison writes a mask register, and on a Zen 4 that takes a
   turn of the multiply-add units, the busiest part of the fast path, while
   the sign bit of v or of bound - v, copied across its lane by a shift,
   takes none. Other targets compare into ordinary vector registers (AVX2
   at no such cost on the same machine; AVX2 and SSE2 have no 64-bit
   arithmetic shift). For -0 and NaN the two forms may answer differently;
   softplus.h picks the same values from either answer. */
LANE_FUNCTION lane_mask negative(lanes v)
{
#ifdef __AVX512F__
    return (lane_mask)v >> 63;
#else
    return v < 0.0;
#endif
}

LANE_FUNCTION lane_mask above(lanes v, double bound)
{
#ifdef __AVX512F__
    return (lane_mask)(bound - v) >> 63;
#else
    return v > bound;
#endif
}

LANE_FUNCTION lanes all(double v)
{
    return v - (lanes){0.0}; /* v - 0 is v, -0 included */
}

/* FAST_LANES doubles from memory, wherever they are aligned. */
LANE_FUNCTION lanes load(const double *from)
{
    lanes v;
    memcpy(&v, from, sizeof v);
    return v;
}

LANE_FUNCTION lanes abs_of(lanes v)
{
    return (lanes)((lane_bits)v & 0x7fffffffffffffff);
}

/* True when the mask holds in every lane. */
LANE_FUNCTION int every_lane(lane_mask mask)
{
    lane_bits none = (lane_bits)~mask;
    uint64_t any = 0;
    for (int k = 0; k < FAST_LANES; k++)
        any |= none[k];
    return any == 0;
}

/* Lane k ^ d of v in lane k: the lanes swapped in pairs (d = 1), in pairs
   of pairs (d = 2) or in halves of 8 (d = 4). Written out lane by lane,
   which gcc and clang both turn into one shuffle instruction. */
#if FAST_LANES == 8
#define SWAPPED(v, d) \
    ((lanes){(v)[0 ^ (d)], (v)[1 ^ (d)], (v)[2 ^ (d)], (v)[3 ^ (d)], \
             (v)[4 ^ (d)], (v)[5 ^ (d)], (v)[6 ^ (d)], (v)[7 ^ (d)]})
#elif FAST_LANES == 4
#define SWAPPED(v, d) ((lanes){(v)[0 ^ (d)], (v)[1 ^ (d)], (v)[2 ^ (d)], (v)[3 ^ (d)]})
#else
#define SWAPPED(v, d) ((lanes){(v)[0 ^ (d)], (v)[1 ^ (d)]})
#endif

#endif
