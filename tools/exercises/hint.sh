#!/bin/sh
# Prints the next hint of chapter N: the first hint of the first task, then
# on each call the next one, task after task, until there are no more.
#
#   sh tools/exercises/hint.sh N          (HINTS=folder of the counters; RESET=1 starts over)
. "$(dirname "$0")/common.sh"

chapter=${1:-}
ex_chapter_dir "$chapter" >/dev/null || exit 2
chapter=$((1 * chapter))
tasks=$(ex_tasks "$chapter") || exit 2
state="${HINTS:-$EX_ROOT/build/hints}/chapter$chapter"
mkdir -p "${state%/*}" || exit 2
[ "${RESET:-0}" != 1 ] || rm -f "$state"
shown=$(cat "$state" 2>/dev/null || echo 0)
case $shown in ''|*[!0-9]*) shown=0 ;; esac

next=$(printf '%s\n' "$tasks" | awk -F "$TAB" -v shown="$shown" '
    { for (k = 1; k <= $5; k++) if (++n == shown + 1) { print $1 "\t" k "\t" $5; exit } }')
if [ -z "$next" ]; then
    echo "That was every hint of chapter $chapter. make hint$chapter RESET=1 starts again."
    exit 0
fi
task=$(printf '%s' "$next" | cut -f1)
k=$(printf '%s' "$next" | cut -f2)
echo "Chapter $chapter, task $task: hint $k of $(printf '%s' "$next" | cut -f3)"
ex_task_text "$chapter" "$task" hint "$k" | fold -s -w 76 | sed 's/ *$//; s/^/  /'
echo $((shown + 1)) >"$state"
