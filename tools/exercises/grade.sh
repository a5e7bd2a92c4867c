#!/bin/sh
# Grades one hand-in of chapter N, task by task.
#
#   sh tools/exercises/grade.sh N HANDIN
#
# HANDIN is a folder holding nn.c (or code/nn.c). Only the functions each
# task replaces are taken from it, by name, into a fresh scratch copy of the
# teacher's code/nn.c, so every other function is the teacher's and one
# mistake costs only its own task. The harness is built with
# it and run inside the sandbox (sandbox.sh), once per task, under a time
# limit; the judge, outside, compares its answers with the reference's.
#
# Settings (environment): FORMAT=text|junit|gradescope|none, GRADE_SEED (the
# hidden points; default a new random one), TIMEOUT=10 (seconds per task),
# WERROR=1, UNSAFE=1 (no sandbox), GRADE_OUT (the work folder; default
# build/grade/NAME), TOOLS (the built judge, cases and reference harness,
# default build/exercises), CC.
# Leaves GRADE_OUT/tasks.tsv: task, points, earned, why, what went wrong.
# Exit status: 0 when every task passes, 1 when one fails, 2 when grading
# itself could not run.
. "$(dirname "$0")/common.sh"

chapter=${1:-}
ex_chapter_dir "$chapter" >/dev/null || exit 2
chapter=$((1 * chapter))
tasks=$(ex_tasks "$chapter") || exit 2
sub=${2:-}
[ -d "$sub" ] || ex_die "grade: the hand-in $sub is not a folder"
sub=$(cd "$sub" && pwd)
build=${BUILD:-build}
case $build in /*) ;; *) build="$EX_ROOT/$build" ;; esac
tools=${TOOLS:-$build/exercises}
for t in cases judge reference; do
    [ -x "$tools/$t" ] || ex_die "grade: $tools/$t is not built (run grading through make)"
done
out=${GRADE_OUT:-"$build/grade/$(ex_safe_name "${sub#"$EX_ROOT"/}")"}
rm -rf "$out"
mkdir -p "$out" || exit 2
out=$(cd "$out" && pwd)
# The hidden points come from the teacher's seed, or else from a new one.
seed=${GRADE_SEED:-$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')}
timeout=${TIMEOUT:-10}
warnings="-std=c11 -Wall -Wextra"
[ "${WERROR:-0}" = 1 ] && warnings="$warnings -Wpedantic -Werror"

sh "$EX_TOOLS/sandbox.sh" "$out" check || exit 2

# The hand-in's nn.c, read as text only, and only from inside the hand-in: a
# link out of it could reach the reference. Without one, every task fails.
missing="no nn.c in the hand-in"
for f in "$sub/nn.c" "$sub/code/nn.c"; do
    case $(readlink -f "$f") in "$(readlink -f "$sub")"/*) ;; *) continue ;; esac
    [ -f "$f" ] || continue
    missing="your nn.c is over 1 MB"
    [ "$(wc -c <"$f")" -le 1000000 ] && cp "$f" "$out/handin.c" && missing=""
    break
done

base="$EX_ROOT/code/nn.c"

# grade_task TASK FUNCTIONS: one line of tasks.tsv (less task and points).
grade_task() {
    t_dir="$out/$1"
    box="$t_dir/box"
    mkdir -p "$box" || return 2
    [ -z "$missing" ] || { printf '0\tmissing\t%s\n' "$missing"; return; }
    awk -v mode=list -f "$EX_ROOT/tools/functions.awk" "$out/handin.c" >"$t_dir/functions" 2>&1 ||
        { printf '0\tmissing\tyour nn.c cannot be read: %s\n' "$(sed 's#.*/handin.c: ##' "$t_dir/functions")"
          return; }
    swaps=""
    for f in $2; do
        cut -f1 "$t_dir/functions" | grep -qx "$f" ||
            { printf '0\tmissing\tyour nn.c has no function %s\n' "$f"; return; }
        swaps="$swaps $f=$out/handin.c"
    done
    ex_swap "$base" $swaps >"$box/nn.c" || { printf '0\tmissing\tyour %s cannot be read\n' "$2"; return; }
    cp "$EX_ROOT/code/nn.h" "$EX_ROOT/code/random.h" "$tools/harness.o" "$tools/random.o" \
        "$box/" || return 2
    : >"$t_dir/cases"
    for f in $2; do "$tools/cases" "$f" $seed >>"$t_dir/cases" || return 2; done
    awk -F "$TAB" '$1 == "ask" { print $2, $6 }' "$t_dir/cases" >"$t_dir/questions"
    "$tools/reference" <"$t_dir/questions" >"$t_dir/expected" || return 2

    # Built and run in one sandbox: the build has 30 s, the run $timeout s.
    sh "$EX_TOOLS/sandbox.sh" "$box" $((timeout + 30)) sh -c "
        timeout -k 1 30 ${CC:-cc} $warnings -O0 -I. -o harness nn.c harness.o random.o -lm \
            >build.log 2>&1 </dev/null || exit 99
        exec timeout -k 1 $timeout ./harness" <"$t_dir/questions" >"$t_dir/answers" 2>/dev/null
    rc=$?
    # 99 with no answer at all: the build failed, and no student code ran.
    if [ "$rc" -eq 99 ] && [ ! -s "$t_dir/answers" ]; then
        # The hand-in may have put a link there by now: read a plain file only.
        [ -f "$box/build.log" ] && [ ! -L "$box/build.log" ] && cp "$box/build.log" "$t_dir/build.log"
        why=$(grep -s -m1 -E 'error|undefined|memory' "$t_dir/build.log" | sed 's#^/box/##' | cut -c1-300)
        printf '0\tcompile\tdoes not compile: %s\n' "${why:-the compiler stopped after 30 s}"
        return
    fi
    stopped=""
    [ "$rc" -ne 124 ] && [ "$rc" -ne 137 ] && [ "$rc" -ne 152 ] ||
        stopped="stopped after $timeout s (an endless loop?); "
    [ -n "$stopped" ] || [ "$rc" -le 128 ] || stopped="crashed (SIG$(kill -l $((rc - 128)))); "
    "$tools/judge" "$t_dir/cases" "$t_dir/expected" "$t_dir/answers" >"$t_dir/verdicts" || return 2
    awk -F "$TAB" -v stopped="$stopped" -f "$EX_TOOLS/verdict.awk" "$t_dir/verdicts"
}

: >"$out/tasks.tsv"
printf '%s\n' "$tasks" | while IFS="$TAB" read -r task points functions title hints; do
    line=$(grade_task "$task" "$functions") || exit 2
    [ -n "$line" ] || exit 2
    printf '%s\t%s\t%s\n' "$task" "$points" "$line" |
        awk -F "$TAB" -v OFS="$TAB" '{ $3 = $3 * $2; print }' >>"$out/tasks.tsv"
done || ex_die "grade: grading chapter $chapter failed"

FORMAT=${FORMAT:-text} CHAPTER=$chapter HANDIN="${sub#"$EX_ROOT"/}" SEED=$seed \
    sh "$EX_TOOLS/report.sh" "$out/tasks.tsv"
awk -F "$TAB" '$3 < $2 { bad = 1 } END { exit bad }' "$out/tasks.tsv"
