#!/bin/sh
# Runs every test program given, shows its output, and ends with one line
# that adds them up: "tests: N passed, N failed, N skipped". Exits 1 if any
# test failed or was skipped: a skipped test proves nothing, so on the
# machines the tests are meant for, none may be.
passed=0
failed=0
skipped=0
broken=""
for program in "$@"; do
    echo "== $program"
    log=$(mktemp)
    # TEST_EMULATOR (empty here) runs programs built for another processor.
    # shellcheck disable=SC2086 # it is a command and its options
    $TEST_EMULATOR "$program" >"$log" 2>&1
    code=$?
    cat "$log"
    # cmocka's summary lines, as in "[  PASSED  ] 12 test(s)."
    count() {
        grep -h "^\[  $1 *\] [0-9]" "$log" | sed 's/[^0-9]*\([0-9]*\).*/\1/'
    }
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
    rm -f "$log"
done
echo
[ -n "$broken" ] && echo "failing or skipping:$broken"
echo "tests: $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] && [ "$skipped" -eq 0 ]
