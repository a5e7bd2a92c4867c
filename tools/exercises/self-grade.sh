#!/bin/sh
# The student's own check, in a student release: builds the harness with the
# student's code/nn.c and answers chapter N's public checks, task by task;
# the expected answers ship as numbers in tests/exercises/public/. It
# compiles with the warnings of `make chapterN`, -Werror included, so what
# passes here also builds there; every check is listed, as the teacher's
# grading lists them.
#
#   sh tools/exercises/self-grade.sh N        (TIMEOUT=10 seconds per task)
. "$(dirname "$0")/common.sh"

chapter=${1:-}
ex_chapter_dir "$chapter" >/dev/null || exit 2
chapter=$((1 * chapter))
tasks=$(ex_tasks "$chapter") || exit 2
out="$EX_ROOT/build/grade/chapter$chapter"
rm -rf "$out"
mkdir -p "$out" || exit 2
timeout=${TIMEOUT:-10}
cc=${CC:-cc}
judge="$EX_ROOT/build/grade/judge"
[ -x "$judge" ] ||
    "$cc" -std=c11 -O2 -o "$judge" "$EX_TOOLS/judge.c" -lm || exit 2
built=yes
"$cc" -std=c11 -Wall -Wextra -Wpedantic -Werror -O2 -I"$EX_ROOT/code" -c -o "$out/nn.o" \
    "$EX_ROOT/code/nn.c" >"$out/build.log" 2>&1 &&
    "$cc" -std=c11 -O2 -DASK_ALL -I"$EX_ROOT/code" -o "$out/harness" "$EX_TOOLS/harness.c" \
        "$out/nn.o" "$EX_ROOT/code/random.c" -lm >>"$out/build.log" 2>&1 || built=""

: >"$out/tasks.tsv"
: >"$out/checks.tsv"
printf '%s\n' "$tasks" | while IFS="$TAB" read -r task points functions title hints; do
    if [ -z "$built" ]; then
        line=$(printf '0\tcompile\tdoes not compile: %s' "$(ex_printable "$(grep -a -m1 error "$out/build.log" | sed "s#$EX_ROOT/##")")")
    else
        : >"$out/$task.cases"
        : >"$out/$task.expected"
        for f in $functions; do
            cat "$EX_TASKS/public/chapter$chapter/$f.cases" >>"$out/$task.cases" &&
            cat "$EX_TASKS/public/chapter$chapter/$f.expected" >>"$out/$task.expected" || exit 2
        done
        awk -F "$TAB" '$1 == "ask" { print $2, $6 }' "$out/$task.cases" |
            timeout -k 1 "$timeout" "$out/harness" >"$out/$task.answers" 2>/dev/null
        rc=$?
        stopped=""
        [ "$rc" -ne 124 ] && [ "$rc" -ne 137 ] || stopped="stopped after $timeout s (an endless loop?); "
        [ -n "$stopped" ] || [ "$rc" -le 128 ] || stopped="crashed (SIG$(kill -l $((rc - 128)))); "
        "$judge" "$out/$task.cases" "$out/$task.expected" "$out/$task.answers" >"$out/$task.verdicts" ||
            exit 2
        line=$(awk -F "$TAB" -v stopped="$stopped" -f "$EX_TOOLS/verdict.awk" "$out/$task.verdicts")
        awk -F "$TAB" -v OFS="$TAB" -v t="$task" '{ print t, $1, $4, $3 }' "$out/$task.verdicts" >>"$out/checks.tsv"
    fi
    printf '%s\t%s\t%s\n' "$task" "$points" "$line" |
        awk -F "$TAB" -v OFS="$TAB" '{ $3 = $3 * $2; print }' >>"$out/tasks.tsv"
done || exit 2
FORMAT=text CHAPTER=$chapter HANDIN=code/nn.c CHECKS="$out/checks.tsv" sh "$EX_TOOLS/report.sh" "$out/tasks.tsv"
awk -F "$TAB" '$3 < $2 { bad = 1 } END { exit bad }' "$out/tasks.tsv"
