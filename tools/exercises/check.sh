#!/bin/sh
# Proves the exercises of every chapter given can be neither solved by
# accident nor impossible to solve:
#   - the fresh workspace (every task a stub) compiles with -Werror, and
#     every task fails grading, on a wrong result rather than a crash or hang;
#   - each task's stub alone makes every test case named for it fail, so no
#     case in tests/exercises/chapterN.tasks checks nothing;
#   - the reference solution passes every task and every test case.
#
#   sh tools/exercises/check.sh 1 2 3 4 5
. "$(dirname "$0")/common.sh"

build=${BUILD:-build}
case $build in /*) ;; *) build="$EX_ROOT/$build" ;; esac
root="$build/exercises-check"
rm -rf "$root"
problems=0
problem() { echo "  FAIL  $*"; problems=$((problems + 1)); }

# grade CHAPTER NAME STUB: writes and grades one variant; its results end up
# in $root/NN/NAME.grade/.
grade() {
    ws="$root/$1/$2"
    FORCE=1 STUB=$3 sh "$EX_TOOLS/workspace.sh" "$1" "$ws" >/dev/null || return 2
    WERROR=1 FORMAT=text GRADE_OUT="$ws.grade" sh "$EX_TOOLS/grade.sh" "$1" "$ws" >"$ws.report" 2>&1
    status=$?
    [ -f "$ws.grade/tasks.tsv" ] || { problem "chapter $1, $2: grading failed: $(tail -n 1 "$ws.report")"; return 2; }
    if grep -q "${TAB}compile$TAB\|${TAB}tests$TAB" "$ws.grade/programs.tsv"; then
        problem "chapter $1, $2: does not compile with -Werror: $(cut -f3 "$ws.grade/programs.tsv" | head -n 1)"
        return 2
    fi
    return $status
}

for chapter in "$@"; do
    start=$(date +%s)
    tasks=$(ex_tasks "$chapter" 2>&1) || {
        problem "chapter $chapter: $tasks (see docs/pages/teachers.md)"; continue; }
    names=$(printf '%s\n' "$tasks" | cut -f1)
    count=$(printf '%s\n' "$names" | wc -l)
    before=$problems

    # The reference: everything passes, every named case exists.
    grade "$chapter" solved none
    rc=$?
    g="$root/$chapter/solved.grade"
    if [ "$rc" -ne 2 ]; then
        awk -F "$TAB" '$4 != "ok" { print "chapter '"$chapter"', solved: " $1 " " $2 "/" $3 ": " $4 }' \
            "$g/checks.tsv" | while read -r line; do echo "  FAIL  $line"; done
        awk -F "$TAB" '$4 != "ok" { bad = 1 } END { exit bad }' "$g/checks.tsv" ||
            problems=$((problems + 1))
        failing=$(awk -F "$TAB" '$3 != "ok" { printf "%s/%s ", $1, $2 }' "$g/results.tsv")
        [ -z "$failing" ] || problem "chapter $chapter, solved: official tests fail: $failing"
    fi

    # The fresh workspace: compiles, every task fails on a wrong result.
    grade "$chapter" stubs all
    rc=$?
    g="$root/$chapter/stubs.grade"
    if [ "$rc" -ne 2 ]; then
        awk -F "$TAB" '$2 != 0 || $3 != "wrong result" { print $1 ": " ($2 == 1 ? "passes" : $3) }' \
            "$g/tasks.tsv" | while read -r line; do echo "  FAIL  chapter $chapter, fresh stubs: $line"; done
        awk -F "$TAB" '$2 != 0 || $3 != "wrong result" { bad = 1 } END { exit bad }' "$g/tasks.tsv" ||
            problems=$((problems + 1))
    fi

    # Each task's stub alone fails every case named for it.
    for t in $names; do
        if [ "$count" -eq 1 ]; then g="$root/$chapter/stubs.grade"
        else grade "$chapter" "only-$t" "$t" || [ $? -ne 2 ] || continue; g="$root/$chapter/only-$t.grade"; fi
        [ -f "$g/checks.tsv" ] && ! grep -q "${TAB}compile$TAB" "$g/programs.tsv" || continue
        teethless=$(awk -F "$TAB" -v t="$t" '$1 == t && $4 == "ok" { printf "%s/%s ", $2, $3 }' "$g/checks.tsv")
        [ -z "$teethless" ] || problem "chapter $chapter, task $t: these cases pass with its stub: $teethless"
    done

    if [ "$problems" -eq "$before" ]; then
        printf '  ok    chapter %s: %s task(s): %s (%ss)\n' "$chapter" "$count" "$(echo $names)" \
            "$(($(date +%s) - start))"
    fi
done
if [ "$problems" -ne 0 ]; then
    echo "exercises-check: $problems problem(s); the reports are in ${root#"$EX_ROOT"/}/"
    exit 1
fi
echo "exercises-check: every stub fails and every solution passes."
