#!/bin/sh
# Runs every test program given, shows its output, and ends with one line
# that adds them up: "tests: N passed, N failed". Exits 1 if any failed.
passed=0
failed=0
broken=""
for program in "$@"; do
    echo "== $program"
    log=$(mktemp)
    # TEST_EMULATOR (empty here) runs programs built for another processor.
    # shellcheck disable=SC2086 # it is a command and its options
    $TEST_EMULATOR "$program" >"$log" 2>&1
    code=$?
    cat "$log"
    status=$(grep -h '^\[  PASSED  \]' "$log" | sed 's/[^0-9]*\([0-9]*\).*/\1/')
    fails=$(grep -h '^\[  FAILED  \] [0-9]' "$log" | sed 's/[^0-9]*\([0-9]*\).*/\1/')
    passed=$((passed + ${status:-0}))
    if [ -n "$fails" ]; then
        failed=$((failed + fails))
        broken="$broken $program"
    elif [ -z "$status" ] || [ "$code" -ne 0 ]; then
        # No summary, or a non-zero exit: it crashed or was killed.
        failed=$((failed + 1))
        broken="$broken $program"
    fi
    rm -f "$log"
done
echo
[ -n "$broken" ] && echo "failing:$broken"
echo "tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
