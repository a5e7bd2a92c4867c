#!/bin/sh
# Every chapter prints exactly the same bytes, and ends with the same status,
# whether it is built with gcc -O0, gcc -O2, clang -O2 or the sanitizers
# (chapter 10 through its timing-free runs; see below).
# A difference means the result depends on the optimiser (or on undefined
# behaviour), and the printed numbers could not be trusted.
#
# The -O2 builds are those of make check-warnings (GCC_BUILD, CLANG_BUILD),
# and the sanitized one that of make check-sanitize: run after them, as in
# make check, only the -O0 build is compiled here. -g changes no instruction.
#
# Usage: sh tests/same-output.sh   (MAKE may name the make to use)
make=${MAKE:-make}
gcc_build=${GCC_BUILD:-build/gcc}
clang_build=${CLANG_BUILD:-build/clang}
set -e
$make --no-print-directory -s all BUILD=build/same-O0 CC=gcc CFLAGS='-O0 -g'
$make --no-print-directory -s all BUILD="$gcc_build" CC=gcc CFLAGS='-O2 -g'
$make --no-print-directory -s all BUILD="$clang_build" CC=clang CFLAGS='-O2 -g'
$make --no-print-directory -s all SANITIZE=1
set +e
builds="build/same-O0 $gcc_build $clang_build build/sanitize"

# The runs: defaults, data files, another start, long CSV loops, divergence,
# overflow, and a bad option. A chapter that does not take an option refuses
# it the same way in every build, which is compared too.
runs='
--data tests/data/five.csv
--data tests/data/article-crlf.csv --b3 1.5
--b3 -3.25
--rate 0.3 --tolerance 0 --max-steps 40 --csv
--rate 0.05 --tolerance 1e-9 --csv --data tests/data/five.csv
--rate 10
--b3 1e308
--rate 0.1x'

# Chapter 10 is about speed: its default run prints its own timings, and in
# --csv it prints every digit of sums whose order in vector lanes the
# optimiser chooses, which moves the last digit or two (the chapter shows
# this itself; tests/test_fast holds it to the plain loops). What it prints
# for a reader, --quiet, must still be the same in every build.
runs9='--quiet --threads 1 --samples 0
--quiet --threads 1 --samples 1000
--quiet --threads 2 --data tests/data/five.csv
--quiet --samples 0 --seed 3 --max-steps 200
--quiet --rate 10 --samples 0
--rate 0.1x'

# Chapter 9 times two ways of computing a gradient, and every run that
# measures prints its timings. Its runs on the times kept for the guide
# (--timings) count the passes and compare the gradients without a clock,
# and are compared, with its refusals of bad input.
runs_why='--timings docs/measurements/chapter9.csv --max-parameters 601
--csv --timings docs/measurements/chapter9.csv --max-parameters 61 --data tests/data/five.csv
--quiet --timings docs/measurements/chapter9.csv --seed 5 --max-parameters 151
--max-parameters 6
--max-parameters x
--data tests/data/no-such-file.csv
--rate 0.1x'

failed=0
out=build/same-output
mkdir -p "$out"
for reference in build/same-O0/chapter[0-9]*; do
    chapter=$(basename "$reference")
    chapter_runs=$runs
    [ "$chapter" = chapter10 ] && chapter_runs=$runs9
    [ "$chapter" = chapter9 ] && chapter_runs=$runs_why
    count=0
    # An empty first line stands for the run without options (not in runs9).
    printf '%s\n' "$chapter_runs" | {
        mismatch=0
        while IFS= read -r args; do
            count=$((count + 1))
            for build in $builds; do
                # shellcheck disable=SC2086 # the options are meant to split
                "$build/$chapter" $args >"$out/$chapter.out" 2>"$out/$chapter.err"
                echo "exit status $?" >>"$out/$chapter.out"
                cat "$out/$chapter.err" >>"$out/$chapter.out"
                if [ "$build" = build/same-O0 ]; then
                    mv "$out/$chapter.out" "$out/$chapter.expected"
                elif ! cmp -s "$out/$chapter.expected" "$out/$chapter.out"; then
                    echo "$chapter $args: $build prints differently from build/same-O0:"
                    diff "$out/$chapter.expected" "$out/$chapter.out" | head -n 20
                    mismatch=1
                fi
            done
        done
        [ "$mismatch" -eq 0 ] &&
            echo "$chapter: the same output under -O0, -O2, clang and the sanitizers ($count runs)"
        exit $mismatch
    } || failed=1
done
rm -rf "$out"
[ "$failed" -eq 0 ]
