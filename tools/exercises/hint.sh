#!/bin/sh
# Prints the next hint of one task of chapter N. Each task keeps its own
# count, so asking about one never uses up another's hints.
#
#   sh tools/exercises/hint.sh N [TASK]
#
# TASK is a task's name or the name of a function it replaces
# (make hint3 TASK=dssr_dpredicted). Without it, the task is the first one
# that fails: GRADE, a command that grades the chapter quietly and leaves
# RESULTS (its tasks.tsv), is run first; when there is none, or grading
# cannot run, the first task with hints left is taken.
# HINTS is the folder of the counts (build/hints); RESET=1 starts the task
# given, or every task of the chapter, over.
. "$(dirname "$0")/common.sh"

chapter=${1:-}
ex_chapter_dir "$chapter" >/dev/null || exit 2
chapter=$((1 * chapter))
tasks=$(ex_tasks "$chapter") || exit 2
asked=${2:-}
state="${HINTS:-$EX_ROOT/build/hints}/chapter$chapter"
[ -d "$state" ] || rm -f "$state"
mkdir -p "$state" || exit 2

# The task a name means: a task, or the task that replaces a function.
task_of() {
    printf '%s\n' "$tasks" | awk -F "$TAB" -v name="$1" '
        $1 == name { print $1; exit }
        { n = split($3, f, " "); for (k = 1; k <= n; k++) if (f[k] == name) { print $1; exit } }'
}
shown() {
    s=$(cat "$state/$1" 2>/dev/null || echo 0)
    case $s in ''|*[!0-9]*) s=0 ;; esac
    echo "$s"
}
names=$(printf "%s\n" "$tasks" | cut -f1 | paste -sd " " -)

if [ -n "$asked" ]; then
    task=$(task_of "$asked")
    [ -n "$task" ] || ex_die "hint: chapter $chapter has no task or function named \"$asked\"; its tasks: $names"
    [ "${RESET:-0}" != 1 ] || rm -f "$state/$task"
elif [ "${RESET:-0}" = 1 ]; then
    rm -f "$state"/*
    echo "The hints of chapter $chapter start again from the first."
    exit 0
else
    task=""
    if [ -n "${GRADE:-}" ] && sh -c "$GRADE" >/dev/null 2>&1 </dev/null; then
        echo "Every task of chapter $chapter passes its checks. make hint$chapter TASK=name still"
        echo "shows a task's hints (tasks: $names)."
        exit 0
    fi
    [ -n "${RESULTS:-}" ] && [ -f "$RESULTS" ] &&
        task=$(awk -F "$TAB" '$3 < $2 { print $1; exit }' "$RESULTS")
    [ -n "$task" ] && echo "The first task that fails its checks is $task."
    [ -n "$task" ] || task=$(printf '%s\n' "$tasks" | while IFS="$TAB" read -r t _ _ _ hints; do
        [ "$(shown "$t")" -ge "$hints" ] || { echo "$t"; break; }
    done)
    [ -n "$task" ] || {
        echo "That was every hint of chapter $chapter. make hint$chapter RESET=1 starts again."
        exit 0; }
fi

count=$(printf '%s\n' "$tasks" | awk -F "$TAB" -v t="$task" '$1 == t { print $5 }')
k=$(($(shown "$task") + 1))
if [ "$k" -gt "$count" ]; then
    echo "That was every hint of $task ($count). make hint$chapter TASK=$task RESET=1 starts again."
    exit 0
fi
echo "Chapter $chapter, task $task: hint $k of $count"
ex_task_text "$chapter" "$task" hint "$k" | fold -s -w 76 | sed 's/ *$//; s/^/  /'
echo "$k" >"$state/$task"
[ "$k" -eq "$count" ] || echo "(make hint$chapter TASK=$task gives the next)"
