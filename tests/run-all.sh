#!/bin/sh
# Runs every test program given, shows its output, and ends with one line
# that adds them up: "tests: N passed, N failed, N skipped". Exits 1 if any
# test failed or was skipped: a skipped test proves nothing, so on the
# machines the tests are meant for, none may be.
#
# TEST_JOBS programs run at a time (by default one per processor this
# process may use, so `taskset -c 1` means one), the next starting as soon
# as any ends; each program's output is still shown whole, in the order
# given. The programs share no file: each names its own, or takes one from
# mkstemp().
#
# TEST_EMULATOR (empty here) runs programs built for another processor, as
# `make test-aarch64` runs them under qemu-user. There each program also runs
# under timeout: an emulator bug that left a process spinning would otherwise
# hang the run instead of failing it. TEST_TIMEOUT seconds (600) is many
# times what the slowest program needs under qemu; -k kills a process that
# outlives the first signal by 10 s; --foreground keeps the program in this
# process group, so that Ctrl-C stops it too. A program stopped so is a
# failure, named.
if [ "$1" = --one ]; then
    # One program: its output goes to LOGS/N, then its exit status to
    # LOGS/N.code. Usage: sh tests/run-all.sh --one LOGS N PROGRAM
    # shellcheck disable=SC2086 # they are commands and their options
    $TEST_LIMIT $TEST_EMULATOR "$4" >"$2/$3" 2>&1 </dev/null
    echo $? >"$2/$3.part"
    mv "$2/$3.part" "$2/$3.code"
    exit 0
fi

jobs=${TEST_JOBS:-$(nproc 2>/dev/null || echo 1)}
[ "$jobs" -ge 1 ] 2>/dev/null || jobs=1
TEST_LIMIT=
if [ -n "$TEST_EMULATOR" ]; then
    TEST_LIMIT="timeout --foreground -k 10 ${TEST_TIMEOUT:-600}"
fi
export TEST_LIMIT
logs=$(mktemp -d)
passed=0
failed=0
skipped=0
broken=""

# count WORD: the number in cmocka's line "[  WORD  ] N test(s)."
count() {
    grep -h "^\[  $1 *\] [0-9]" "$log" | sed 's/[^0-9]*\([0-9]*\).*/\1/'
}

# Like every job a script starts in the background, the runners ignore
# SIGINT: on Ctrl-C (or SIGTERM) this process group stops with SIGTERM.
trap 'trap "" TERM; kill -TERM 0; exit 130' INT TERM

# Every program, numbered, to a pool of `jobs` runners.
n=0
for program in "$@"; do
    n=$((n + 1))
    echo "$n $program"
done | { [ $# -eq 0 ] || xargs -P "$jobs" -L 1 sh "$0" --one "$logs"; } &
pool=$!

# Each program's output once it has ended, in the order given.
n=0
for program in "$@"; do
    n=$((n + 1))
    log="$logs/$n"
    # A pool gone without this program's status could not run it.
    while [ ! -f "$log.code" ] && kill -0 "$pool" 2>/dev/null; do
        sleep 0.1
    done
    code=$(cat "$log.code" 2>/dev/null || echo 127)
    touch "$log"
    echo "== $program"
    cat "$log"
    if [ -n "$TEST_LIMIT" ] && { [ "$code" -eq 124 ] || [ "$code" -eq 137 ]; }; then
        echo "run-all: $program ran over ${TEST_TIMEOUT:-600} s; stopped"
    fi
    passes=$(count PASSED)
    fails=$(count FAILED)
    skips=$(count SKIPPED)
    passed=$((passed + ${passes:-0}))
    if [ -n "$skips" ]; then
        skipped=$((skipped + skips))
        broken="$broken $program"
    fi
    if [ -n "$fails" ]; then
        failed=$((failed + fails))
        broken="$broken $program"
    elif [ -z "$passes" ] || [ "$code" -ne 0 ]; then
        # No summary, or a non-zero exit: it crashed or was killed.
        failed=$((failed + 1))
        broken="$broken $program"
    fi
done
wait "$pool"
rm -rf "$logs"
echo
[ -n "$broken" ] && echo "failing or skipping:$broken"
echo "tests: $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] && [ "$skipped" -eq 0 ]
