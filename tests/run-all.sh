#!/bin/sh
# Runs every test program given, shows its output, and ends with one line
# that adds them up: "tests: N passed, N failed, N skipped". Exits 1 if any
# test failed or was skipped: a skipped test proves nothing, so on the
# machines the tests are meant for, none may be.
#
# TEST_JOBS programs run at a time (by default one per processor this
# process may use, so `taskset -c 1` means one); each program's output is
# still shown whole, in the order given. The programs share no file: each
# names its own, or takes one from mkstemp().
#
# TEST_EMULATOR (empty here) runs programs built for another processor, as
# `make test-aarch64` runs them under qemu-user. There each program also runs
# under timeout: an emulator bug that left a process spinning would otherwise
# hang the run instead of failing it. TEST_TIMEOUT seconds (600) is many
# times what the slowest program needs under qemu; -k kills a process that
# outlives the first signal by 10 s. A program stopped so is a failure, named.
jobs=${TEST_JOBS:-$(nproc 2>/dev/null || echo 1)}
[ "$jobs" -ge 1 ] 2>/dev/null || jobs=1
limit=
if [ -n "$TEST_EMULATOR" ]; then
    limit="timeout -k 10 ${TEST_TIMEOUT:-600}"
fi
logs=$(mktemp -d)
passed=0
failed=0
skipped=0
broken=""

# count WORD: the number in cmocka's line "[  WORD  ] N test(s)."
count() {
    grep -h "^\[  $1 *\] [0-9]" "$log" | sed 's/[^0-9]*\([0-9]*\).*/\1/'
}

# finish N: waits for the Nth program, shows its output and counts its tests.
# shellcheck disable=SC2154 # name and pid are set by its eval
finish() {
    eval "name=\$program_$1 pid=\$pid_$1"
    wait "$pid"
    code=$?
    log="$logs/$1"
    echo "== $name"
    cat "$log"
    if [ -n "$limit" ] && { [ "$code" -eq 124 ] || [ "$code" -eq 137 ]; }; then
        echo "run-all: $name ran over ${TEST_TIMEOUT:-600} s; stopped"
    fi
    passes=$(count PASSED)
    fails=$(count FAILED)
    skips=$(count SKIPPED)
    passed=$((passed + ${passes:-0}))
    if [ -n "$skips" ]; then
        skipped=$((skipped + skips))
        broken="$broken $name"
    fi
    if [ -n "$fails" ]; then
        failed=$((failed + fails))
        broken="$broken $name"
    elif [ -z "$passes" ] || [ "$code" -ne 0 ]; then
        # No summary, or a non-zero exit: it crashed or was killed.
        failed=$((failed + 1))
        broken="$broken $name"
    fi
}

# Program N starts once program N - jobs has been shown.
n=0
for program in "$@"; do
    n=$((n + 1))
    [ "$n" -gt "$jobs" ] && finish $((n - jobs))
    # shellcheck disable=SC2086 # they are commands and their options
    $limit $TEST_EMULATOR "$program" >"$logs/$n" 2>&1 </dev/null &
    eval "program_$n=\$program pid_$n=\$!"
done
first=$((n - jobs + 1))
[ "$first" -lt 1 ] && first=1
while [ "$first" -le "$n" ]; do
    finish "$first"
    first=$((first + 1))
done
rm -rf "$logs"
echo
[ -n "$broken" ] && echo "failing or skipping:$broken"
echo "tests: $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] && [ "$skipped" -eq 0 ]
