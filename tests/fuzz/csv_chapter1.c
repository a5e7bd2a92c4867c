/* Chapter 1's program for fuzz_run, its main() renamed: fuzz_run runs its --csv. */
#define main chapter1_main
#include "../../chapters/01-residuals/residuals.c" // NOLINT(bugprone-suspicious-include)
