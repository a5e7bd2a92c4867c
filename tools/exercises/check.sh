#!/bin/sh
# Proves the exercises of every chapter given can be neither solved by
# accident nor impossible to solve:
#   - the teacher's code/nn.c, handed in, earns every point;
#   - the student's fresh copy (every task a stub) compiles with -Werror,
#     and every check of every task fails on a wrong value: each task is
#     graded with the others' reference functions, so this is each stub alone;
#   - no hint quotes a line of the code it hints at;
#   - a fresh student release holds no solution, and its own grading fails
#     the stubs and passes the reference;
# then runs the hostile hand-ins (tests/exercises/hostile/run.sh).
#
#   sh tools/exercises/check.sh 1 2 3 4 5
. "$(dirname "$0")/common.sh"

build=${BUILD:-build}
case $build in /*) ;; *) build="$EX_ROOT/$build" ;; esac
root="$build/exercises-check"
rm -rf "$root"
mkdir -p "$root" || exit 2
problems=0
problem() { echo "  FAIL  $*"; problems=$((problems + 1)); }

for chapter in "$@"; do
    start=$(date +%s)
    tasks=$(ex_tasks "$chapter") || { problem "chapter $chapter: its tasks file cannot be read"; continue; }
    before=$problems
    mkdir -p "$root/$chapter/solved" || exit 2
    cp "$EX_ROOT/code/nn.c" "$root/$chapter/solved/nn.c"
    sh "$EX_TOOLS/workspace.sh" "$chapter" "$root/$chapter/stubs" >/dev/null || exit 2

    # Both at once, each in its own sandboxes.
    FORMAT=none GRADE_OUT="$root/$chapter/solved.grade" sh "$EX_TOOLS/grade.sh" "$chapter" \
        "$root/$chapter/solved" &
    g="$root/$chapter/stubs.grade"
    FORMAT=none GRADE_OUT="$g" sh "$EX_TOOLS/grade.sh" "$chapter" "$root/$chapter/stubs"
    wait
    [ -f "$g/tasks.tsv" ] && [ -f "$root/$chapter/solved.grade/tasks.tsv" ] || exit 2
    awk -F "$TAB" '$3 != $2 { print $1 ": " $5 }' "$root/$chapter/solved.grade/tasks.tsv" |
        while read -r line; do echo "  FAIL  chapter $chapter, the solution: $line"; done
    awk -F "$TAB" '$3 != $2 { bad = 1 } END { exit bad }' "$root/$chapter/solved.grade/tasks.tsv" ||
        problems=$((problems + 1))

    for task in $(printf '%s\n' "$tasks" | cut -f1); do
        why=$(awk -F "$TAB" -v t="$task" '$1 == t { print $3 " " $4 ": " $5 }' "$g/tasks.tsv")
        case $why in "0 wrong: "*) ;; *) problem "chapter $chapter, the stub of $task: $why" ;; esac
        teethless=$(awk -F "$TAB" '$1 == "ok" { printf " %s", $2 }' "$g/tasks/$task/verdicts" 2>/dev/null)
        [ -z "$teethless" ] || problem "chapter $chapter, task $task: these checks pass with its stub:$teethless"
    done

    # A hint that holds a statement of the reference gives the answer away.
    printf '%s\n' "$tasks" | while IFS="$TAB" read -r task points functions title hints; do
        for f in $functions; do
            awk -v mode=get -v name="$f" -f "$EX_ROOT/tools/functions.awk" "$EX_ROOT/code/nn.c"
        done | sed -n 's/^[ \t]*\(.*;\)[ \t]*$/\1/p' | awk 'length($0) >= 12' >"$root/$chapter/lines"
        k=1
        while [ "$k" -le "$hints" ]; do
            ex_task_text "$chapter" "$task" hint "$k" | grep -F -f "$root/$chapter/lines" >/dev/null &&
                echo "  FAIL  chapter $chapter, task $task: hint $k quotes the code"
            k=$((k + 1))
        done
    done | grep . && problems=$((problems + 1))

    [ "$problems" -ne "$before" ] ||
        printf '  ok    chapter %s: %s (%ss)\n' "$chapter" "$(printf '%s\n' "$tasks" | cut -f1 | tr '\n' ' ')" \
            "$(($(date +%s) - start))"
done

# A fresh release: no solution in it; its own grading fails the stubs and
# passes the reference.
start=$(date +%s)
before=$problems
release="$root/release"
sh "$EX_TOOLS/release.sh" "$release" "$@" >/dev/null || exit 2
sh "$EX_TOOLS/release-check.sh" "$release" || problems=$((problems + 1))
for chapter in "$@"; do
    sh "$release/tools/exercises/self-grade.sh" "$chapter" >"$root/release-stubs$chapter.txt" 2>&1 &&
        problem "release: chapter $chapter's stubs pass its own grading"
done
first=$1
hints=$(HINTS="$root/hints" sh "$release/tools/exercises/hint.sh" "$first"
        HINTS="$root/hints" sh "$release/tools/exercises/hint.sh" "$first")
printf '%s\n' "$hints" | grep -q ": hint 1 of" && printf '%s\n' "$hints" | grep -q ": hint 2 of" ||
    problem "release: make hint$first twice does not give the first two hints: $hints"
[ -n "$(HINTS="$root/hints" sh "$release/tools/exercises/hint.sh" "$first" "$(ex_tasks "$first" | tail -n 1 | cut -f1)" |
        grep ": hint 1 of")" ] || problem "release: make hint$first TASK=... does not give that task's first hint"
# make progress and make watch in the release, over the stubs.
sh "$release/tools/exercises/progress.sh" >"$root/progress.txt" 2>&1
t1=$(ex_tasks "$first" | head -n 1 | cut -f1)
[ "$(grep -c '^chapter ' "$root/progress.txt")" -eq "$#" ] &&
    grep -q "^chapter $first  .* 0 of $(ex_tasks "$first" | wc -l) pass  next: $t1\$" "$root/progress.txt" ||
    problem "release: make progress does not give one line per chapter, the next task $t1 first: $(head -n 1 "$root/progress.txt")"
for how in 1 0; do
    [ "$how" = 1 ] || command -v inotifywait >/dev/null 2>&1 || continue
    WATCH_POLL=$how WATCH_ROUNDS=2 CHAPTER=$first timeout 120 sh "$release/tools/exercises/watch.sh" \
        >"$root/watch.txt" 2>&1 &
    watcher=$!
    k=0
    until grep -q "^Watching" "$root/watch.txt" || [ "$k" -ge 60 ]; do sleep 1; k=$((k + 1)); done
    sleep 1
    echo "/* saved */" >>"$release/code/nn.c"
    wait "$watcher"
    [ "$(grep -c "^==== make grade$first" "$root/watch.txt")" -eq 2 ] ||
        problem "release: make watch$([ "$how" = 1 ] && echo " (polling)") does not grade again on a save: $(tail -n 1 "$root/watch.txt")"
done
# The student's guide builds in the release, from its own files, each task
# shown as its stub.
if command -v doxygen >/dev/null 2>&1 && command -v gnuplot >/dev/null 2>&1 && command -v dot >/dev/null 2>&1; then
    if make -s -C "$release" docs >"$root/docs.txt" 2>&1; then
        f=$(ex_tasks "$first" | head -n 1 | cut -f3 | cut -d' ' -f1)
        grep -q "TODO: chapter $first" "$release/build/docs/html/chapter$first.html" ||
            problem "release: its guide does not show $f as its stub"
    else
        problem "release: make docs fails there: $(grep -m1 -i error "$root/docs.txt")"
    fi
else
    echo "  note  release: doxygen, gnuplot or dot is missing: its guide was not built"
fi
[ "$problems" -ne "$before" ] ||
    echo "  ok    release: its grading fails the stubs; hints one by one and per task; progress; watch; its guide"

# The chapters over unfinished and wrong code: each stops at the first
# function it stands on that is unfinished, names it and its hint, and prints
# nothing else; solved task by task, each chapter goes on to the next.
start=$(date +%s)
before=$problems
run_chapter() { make -s -C "$release" "chapter$1" >"$root/run.out" 2>"$root/run.err"; }
solve() { ex_swap "$release/code/nn.c" "$@" >"$root/nn.c" && cp "$root/nn.c" "$release/code/nn.c" || exit 2; }
for chapter in "$@"; do
    ex_tasks "$chapter" >"$root/tasks"
    while IFS="$TAB" read -r _ _ functions _ _; do
        f=${functions%% *}
        run_chapter "$chapter"
        rc=$?
        grep -q "make hint$chapter TASK=$f\$" "$root/run.err" && [ "$rc" -ne 0 ] && [ ! -s "$root/run.out" ] ||
            problem "chapter $chapter over the stub of $f (status $rc) does not stop naming it: $(head -n 2 "$root/run.err")"
        solve $(for g in $functions; do echo "$g=$EX_ROOT/code/nn.c"; done)
    done <"$root/tasks"
    run_chapter "$chapter" || problem "chapter $chapter, every task solved, fails: $(head -n 2 "$root/run.err")"
done
# Honest mistakes, each reported as a disagreement, naming the function.
mistake() { # CHAPTER FUNCTION WHAT-THE-REPORT-SAYS C-SOURCE
    printf '%s\n' "$4" >"$root/mistake.c"
    cp "$release/code/nn.c" "$root/solved.c"
    solve "$2=$root/mistake.c"
    run_chapter "$1"
    tr '\n' ' ' <"$root/run.err" | tr -s ' ' | grep -q "$3" && grep -q "TASK=$2\$" "$root/run.err" ||
        problem "chapter $1 over a wrong $2 does not say \"$3\": $(head -n 2 "$root/run.err")"
    cp "$root/solved.c" "$release/code/nn.c"
}
for chapter in "$@"; do
    case $chapter in
    2) mistake 2 ssr "ssr() gives 20.4236 for 2 of the samples" 'double ssr(const nn_params *p, nn_data data)
{
    double sum = 0.0;
    for (size_t i = 0; i < 3; i++) {
        double r = residual(data.observed[i], forward(p, data.input[i]).predicted);
        sum += r * r;
    }
    return sum;
}' ;;
    3) mistake 3 dssr_dpredicted "Look at its sign" "$(sed -n '/^double dssr_dpredicted/,/^}/p' \
           "$EX_ROOT/tests/exercises/hostile/wrong-sign.c")" ;;
    4) mistake 4 apply_step "Look at its sign" 'double apply_step(double old_value, double step_size)
{
    return old_value + step_size;
}' ;;
    5) mistake 5 steps_below_tolerance "gives 1 for step sizes of 0.0005 but -0.001 for w1" 'int steps_below_tolerance(const nn_params *step_size, double tolerance)
{
    for (int i = 0; i < NN_PARAM_COUNT; i++)
        if (fabs(step_size->value[i]) > tolerance)
            return 0;
    return 1;
}' ;;
    7) mistake 7 backward "backward() gives 5.55735 for dSSR/dw1 over 3 of the samples" 'void backward(const nn_params *p, const nn_trace *t, double observed, nn_gradient *g)
{
    double d = dssr_dpredicted(observed, t->predicted);
    g->b3 = d;
    g->w3 = d * t->a1;
    g->w4 = d * t->a2;
    g->b1 = d * p->w3 * t->s1;
    g->w1 = d * p->w3 * t->s1 * t->x;
    g->b2 = d * p->w4 * t->s2;
    g->w2 = d * p->w4 * t->s2 * t->x;
}' ;;
    esac
done
[ "$problems" -ne "$before" ] ||
    echo "  ok    release: every chapter over a stub names it and stops; honest mistakes are named ($(($(date +%s) - start))s)"

start=$(date +%s)
before=$problems
cp "$EX_ROOT/code/nn.c" "$release/code/nn.c"
for chapter in "$@"; do
    sh "$release/tools/exercises/self-grade.sh" "$chapter" >"$root/release-solved$chapter.txt" 2>&1 ||
        problem "release: the reference fails chapter $chapter's own grading ($(grep -m1 FAIL "$root/release-solved$chapter.txt"))"
done
[ "$problems" -ne "$before" ] ||
    echo "  ok    release: the reference passes its own grading ($(($(date +%s) - start))s)"

sh "$EX_ROOT/tests/exercises/hostile/run.sh" || problems=$((problems + 1))
if [ "$problems" -ne 0 ]; then
    echo "exercises-check: $problems problem(s); the reports are in ${root#"$EX_ROOT"/}/"
    exit 1
fi
echo "exercises-check: every stub fails, every solution passes, no hostile hand-in scores."
