/* Chapter 3's program for fuzz_run, its main() renamed: fuzz_run runs its --csv. */
#define main chapter3_main
#include "../../chapters/03-chain-rule/chain_rule.c" // NOLINT(bugprone-suspicious-include)
