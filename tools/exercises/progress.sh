#!/bin/sh
# In a student release: one line per chapter, how many of its tasks pass
# their checks and which comes next.
#
#   sh tools/exercises/progress.sh            (CC, TIMEOUT as for make gradeN)
#   sh tools/exercises/progress.sh --first    prints only the first chapter
#                                             with a task left (nothing when done)
. "$(dirname "$0")/common.sh"

first_only=""
[ "${1:-}" = --first ] && first_only=yes
found=""
for c in $(ex_chapters); do
    tasks=$(ex_tasks "$c") || exit 2
    sh "$EX_TOOLS/self-grade.sh" "$c" >/dev/null 2>&1
    results="$EX_ROOT/build/grade/chapter$c/tasks.tsv"
    line=$(printf '%s\n' "$tasks" | awk -F "$TAB" -v c="$c" -v dir="$(ex_chapter_dir "$c")" '
        FNR == NR { earned[$1] = ($3 == $2); next }
        { total++; if (earned[$1]) passed++; else if (next_task == "") next_task = $1 }
        END {
            printf "chapter %d  %-20s %d of %d pass", c, substr(dir, 13), passed, total
            print next_task == "" ? "  done" : "  next: " next_task
            exit next_task != ""
        }' "$results" - 2>/dev/null)
    left=$?
    [ -n "$line" ] || line="chapter $c  not graded: make grade$c says why"
    if [ -n "$first_only" ]; then
        [ "$left" -eq 0 ] || { echo "$c"; exit 0; }
        continue
    fi
    echo "$line"
    [ "$left" -eq 0 ] || [ -n "$found" ] || found="$c $(printf '%s\n' "$line" | sed 's/.*next: //')"
done
[ -n "$first_only" ] && exit 0
echo
if [ -n "$found" ]; then
    # shellcheck disable=SC2086 # two words: the chapter and its task
    set -- $found
    echo "Next: chapter $1, task $2. make chapter$1 runs the chapter,"
    echo "make hint$1 TASK=$2 gives a hint, and make watch grades it again"
    echo "each time you save code/nn.c."
else
    echo "Every task passes its checks."
fi
