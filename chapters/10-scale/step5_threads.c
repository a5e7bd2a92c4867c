/**
 * @file step5_threads.c
 * @brief Chapter 10, step 5: threads, each adding up blocks of samples,
 *        the block sums added in a fixed order.
 *
 * Each thread takes some of the samples and sums them; the sums are then
 * added. Floating-point addition rounds, so the order of the additions
 * shows in the last digits: if the shares followed the number of threads,
 * --threads would change the answer. So the samples are cut into blocks
 * whose size depends on their count alone, each block is summed by step 4,
 * and the block sums are added in block order: the same bits on any number
 * of threads. Built with OpenMP where the compiler has it; without it,
 * the same blocks run on one thread.
 */
#include "steps.h"

// [ch10_threads]
ssr_slopes step5_threads(const nn_params *p, nn_data data, int threads)
{
    size_t blocks = (data.count + STEP_BLOCK - 1) / STEP_BLOCK;
    blocks = blocks < 1 ? 1 : blocks > STEP_MAX_BLOCKS ? STEP_MAX_BLOCKS : blocks;
    size_t size = (data.count + blocks - 1) / blocks;
    ssr_slopes block_sum[STEP_MAX_BLOCKS];
    (void)threads; /* used only by OpenMP */
#ifdef _OPENMP
#pragma omp parallel for schedule(static) num_threads(threads)
#endif
    for (long b = 0; b < (long)blocks; b++) {
        size_t start = (size_t)b * size < data.count ? (size_t)b * size : data.count;
        size_t end = start + size < data.count ? start + size : data.count;
        block_sum[b] = step4_softplus(p, samples_from(data, start, end - start));
    }
    ssr_slopes s = {.ssr = 0.0, .slope = {.value = {0.0}}};
    for (size_t b = 0; b < blocks; b++) /* in block order, whatever the threads */
        s = add_sums(s, block_sum[b]);
    return s;
}
// [ch10_threads]
