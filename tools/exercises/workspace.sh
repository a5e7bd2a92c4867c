#!/bin/sh
# Writes the student workspace of chapter N: the chapter's sources and code/,
# with chapter N's solution regions replaced by stubs and a TODO each.
#
#   sh tools/exercises/workspace.sh N [DIR]    (default DIR: exercises/NN-name)
#
# An existing DIR is left alone, so no work is lost, unless FORCE=1.
# STUB=all (default), none, or task,task: which of chapter N's regions become
# stubs (the other settings are for make exercises-check).
. "$(dirname "$0")/common.sh"

chapter=${1:-}
dir=$(ex_chapter_dir "$chapter") || exit 2
chapter=$((1 * chapter))
tasks=$(ex_tasks "$chapter") || exit 2
dest=${2:-exercises/${dir#chapters/}}
case $dest in /*) ;; *) dest="$EX_ROOT/$dest" ;; esac
shown=${dest#"$EX_ROOT"/}

if [ -e "$dest" ] && [ "${FORCE:-0}" != 1 ]; then
    echo "$shown already exists and is left as it is, so no work is lost."
    echo "To start again from fresh stubs: make exercise$chapter FORCE=1 (this deletes your code there)."
    exit 0
fi

tmp="$dest.tmp.$$"
rm -rf "$tmp"
mkdir -p "$tmp/code" || exit 2
trap 'rm -rf "$tmp"' EXIT
for f in $(ex_sources "$chapter"); do
    case $f in code/*) out="$tmp/$f" ;; *) out="$tmp/${f##*/}" ;; esac
    case $f in
    *.c|*.h)
        awk -v mode=stub -v chapter="$chapter" -v tasks="${STUB:-all}" -v name="$f" \
            -f "$EX_TOOLS/regions.awk" "$EX_ROOT/$f" >"$out" || exit 2 ;;
    *) cp "$EX_ROOT/$f" "$out" || exit 2 ;;
    esac
done

# The task list, for the student.
{
    echo "# Chapter $chapter exercises (${dir#chapters/})"
    echo
    echo "Write each function marked TODO ch$(printf '%02d' "$chapter"), in this order:"
    echo
    printf '%s\n' "$tasks" | awk -F "$TAB" '{ printf "%d. **%s** in %s: %s\n", NR, $1, $2, $3 }'
    echo
    echo "From the top directory of the project:"
    echo
    echo "    make grade$chapter    build your code, run the chapter's tests, and see what passes"
    echo "    make hint$chapter     a hint for every task"
    echo
    echo "Everything here compiles as it is; the stubs return placeholders, so the tests"
    echo "fail until you replace them. The functions of earlier chapters are already"
    echo "written: use them."
} >"$tmp/TASKS.md"

rm -rf "$dest"
mv "$tmp" "$dest" || exit 2
trap - EXIT
echo "Wrote $shown: the tasks are listed in $shown/TASKS.md."
if [ -n "${2:-}" ]; then echo "Write them, then run: make grade$chapter SUBMISSION=$shown"
else echo "Write them, then run: make grade$chapter"; fi
