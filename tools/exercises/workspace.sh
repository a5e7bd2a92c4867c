#!/bin/sh
# Writes the student workspace of chapter N: code/ and the chapter's program,
# with every task of chapter N and later a stub under a TODO comment.
#
#   sh tools/exercises/workspace.sh N [DIR]    (default DIR: exercises/NN-name)
#
# An existing DIR is left alone, so no work is lost, unless FORCE=1.
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
mkdir -p "$tmp" || exit 2
trap 'rm -rf "$tmp"' EXIT
cp -R "$EX_ROOT/code" "$tmp/code" && cp "$EX_ROOT/$dir"/* "$tmp/" || exit 2
ex_swap "$EX_ROOT/code/nn.c" $(ex_stub_file "$chapter" "$tmp") >"$tmp/code/nn.c" || exit 2
rm -f "$tmp/stubs.c"
{
    echo "# Chapter $chapter exercises (${dir#chapters/})"
    echo
    echo "Write these functions of code/nn.c, each marked TODO, in this order:"
    echo
    printf '%s\n' "$tasks" | awk -F "$TAB" '{ printf "%d. **%s** (%s): %s\n", NR, $1, $3, $4 }'
    echo
    echo "From the top folder of the project: make grade$chapter checks your functions,"
    echo "make hint$chapter gives one hint at a time. Everything compiles as it is; the"
    echo "stubs return wrong values until you replace them. The functions of earlier"
    echo "chapters are written: use them."
} >"$tmp/TASKS.md"

rm -rf "$dest"
mv "$tmp" "$dest" || exit 2
trap - EXIT
echo "Wrote $shown: the tasks are listed in $shown/TASKS.md."
echo "Write them, then run: make grade$chapter${2:+ SUBMISSION=$shown}"
