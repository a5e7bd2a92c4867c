/* Chapter 4's program for fuzz_run, its main() renamed: fuzz_run runs its --csv. */
#define main chapter4_main
#include "../../chapters/04-single-step/single_step.c" // NOLINT(bugprone-suspicious-include)
