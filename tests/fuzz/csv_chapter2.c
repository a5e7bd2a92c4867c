/* Chapter 2's program for fuzz_run, its main() renamed: fuzz_run runs its --csv. */
#define main chapter2_main
#include "../../chapters/02-ssr/ssr.c" // NOLINT(bugprone-suspicious-include)
