#!/bin/sh
# valgrind memcheck over every chapter and every test program in BUILD (the
# first argument): each chapter with its defaults, with data files, and on
# its error paths; each test program whole. Any error or any leaked byte,
# even one still reachable at exit, fails the run. Two runs at a time
# (JOBS=N to change it), the test programs first.
#
# The test programs start the chapters through system(); those children are
# checked by the chapter runs here, so valgrind does not follow them.
#
# Three exceptions keep the run to a minute or two. A chapter that generates
# its samples (--samples) runs on 1000 of them rather than its default
# hundred thousand. A chapter that times ever wider networks
# (--max-parameters) times them up to 16 parameters rather than 3,001.
# The test programs draw at most 5000 samples (TEST_MAX_SAMPLES):
# tests/test_fast checks counts up to 5000 only (its largest run over a
# million samples for three minutes under valgrind), tests/test_data loads a
# thousand lines rather than a million; the sanitizers run both in full.
#
# Usage: sh tests/valgrind.sh BUILD
#        sh tests/valgrind.sh --one LEAK-KINDS EXPECTED-STATUSES PROGRAM ARGS...
if [ "$1" = --one ]; then
    # One run: EXPECTED-STATUSES is a list such as 0 or 0|1.
    kinds=$2
    expected=$3
    shift 3
    log=$(mktemp)
    # memcheck ORIGINS LOG PROGRAM ARGS...: ORIGINS is yes or no.
    memcheck() {
        origins=$1
        out=$2
        shift 2
        valgrind --quiet --trace-children=no --error-exitcode=99 --leak-check=full \
            --show-leak-kinds=all --errors-for-leak-kinds="$kinds" \
            --track-origins="$origins" \
            --suppressions=tests/libgomp.supp --suppressions=tests/valgrind.supp \
            "$@" >/dev/null 2>"$out" </dev/null
    }
    # --track-origins finds no more errors, it only says where an undefined
    # value came from, and costs a fifth of the time: only a run that fails
    # runs again with it, for its report.
    memcheck no "$log" "$@"
    status=$?
    case "|$expected|" in
    *"|$status|"*) rm -f "$log"; exit 0 ;;
    esac
    memcheck yes "$log.origins" "$@"
    [ -s "$log.origins" ] && mv "$log.origins" "$log"
    echo "valgrind: $* exited $status, expected $expected"
    head -n 40 "$log"
    rm -f "$log" "$log.origins"
    exit 1
fi

build=${1:-build}
bad="$build/valgrind-bad.csv"
huge="$build/valgrind-huge.csv"
printf '0,0\n0.5,1,2\n' >"$bad"
printf '1e300,0\n' >"$huge"
list=$(mktemp)

# run LEAK-KINDS EXPECTED-STATUSES PROGRAM ARGS...: adds one run to the list.
run() {
    echo "$*" >>"$list"
}

# The test programs first: they are the longest runs, and started last one
# of them could leave the other lane idle for most of its time.
for test in "$build"/tests/test_*; do
    case $test in *.o | *.d) continue ;; esac
    run all 0 "$test"
done

for chapter in "$build"/chapter[0-9]*; do
    takes=$("$chapter" --help)
    small=
    case $takes in *--samples*) small="--samples 1000" ;; esac
    # Chapter 9 times networks up to 3,001 parameters: 16 are enough here.
    narrow=
    case $takes in *--max-parameters*) narrow="--max-parameters 16" small=$narrow ;; esac
    run all 0 "$chapter" $small
    run all 0 "$chapter" --help
    run all 2 "$chapter" --no-such-option
    run all 2 "$chapter" --data tests/data/no-such-file.csv
    run all 2 "$chapter" --data "$bad"
    run all 0 "$chapter" --data tests/data/five.csv $narrow
    case $takes in *--b3*)
        run all 0 "$chapter" --data tests/data/article-crlf.csv --b3 1.5 ;;
    esac
    case $takes in *--rate*)
        run all '0|1' "$chapter" --rate 10 $small ;;
    esac
    case $takes in *--csv*)
        run all 0 "$chapter" --csv --data tests/data/five.csv $narrow ;;
    esac
done
# Overflow: chapters 2 to 5 stop with status 1 (chapter 1 prints the large
# residuals, which are still finite).
for n in 2 3 4 5; do
    run all 1 "$build/chapter$n" --b3 1e308
done
run all 1 "$build/chapter5" --data "$huge"
run all 2 "$build/chapter5" --plot --csv --data tests/data/five.csv
# Overflow with a data file in chapters 2 to 4: chapter_require_finite()
# calls exit() while main still holds the samples, so they are "still
# reachable" (pointed to, not lost). Only real leaks count for these runs.
for n in 2 3 4; do
    run definite,indirect,possible 1 "$build/chapter$n" --data "$huge"
done

export TEST_MAX_SAMPLES=5000
runs=$(wc -l <"$list")
xargs -P "${JOBS:-2}" -L 1 sh "$0" --one <"$list" >"$list.out"
failed=$(grep -c '^valgrind: ' "$list.out")
cat "$list.out"
rm -f "$list" "$list.out" "$bad" "$huge"
echo "valgrind: $runs runs, $failed with errors or leaks"
[ "$failed" -eq 0 ]
