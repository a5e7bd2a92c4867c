#!/bin/sh
# Writes a copy of the project for students, with no reference solution in it.
#
#   sh tools/exercises/release.sh DEST [CHAPTER...]   (default: every chapter with exercises)
#
# Every task of the chapters given, and of every later chapter, is a stub;
# chapters after the last one given are left out; earlier chapters' functions
# stay written. The copy holds the Makefile, code/, the chapters, the tasks
# files (titles, hints, stubs) and the public checks with their expected
# answers as numbers; no .git, no tests, no guide. DEST must not exist yet.
. "$(dirname "$0")/common.sh"

dest=${1:-}
[ -n "$dest" ] || ex_die "usage: make student-release DEST=dir [CHAPTERS=\"1 2 3\"]"
shift
[ ! -e "$dest" ] || ex_die "student-release: $dest exists; choose a new folder"
chosen=${*:-$(ex_chapters)}
first="" last=""
for c in $chosen; do
    ex_tasks "$c" >/dev/null || exit 2
    c=$((1 * c))
    [ -n "$first" ] && [ "$first" -le "$c" ] || first=$c
    [ -n "$last" ] && [ "$last" -ge "$c" ] || last=$c
done
build=${BUILD:-build}
case $build in /*) ;; *) build="$EX_ROOT/$build" ;; esac
tools=${TOOLS:-$build/exercises}

tmp="$dest.tmp.$$"
mkdir -p "$tmp/chapters" "$tmp/tools/exercises" "$tmp/tests/exercises" "$tmp/mk" || exit 2
trap 'rm -rf "$tmp"' EXIT
cp "$EX_ROOT/Makefile" "$tmp/" && cp -R "$EX_ROOT/code" "$tmp/code" || exit 2
for d in "$EX_ROOT"/chapters/[0-9][0-9]-*; do
    n=${d##*/chapters/}
    [ "$((1${n%%-*} - 100))" -le "$last" ] && { cp -R "$d" "$tmp/chapters/" || exit 2; }
done
ex_swap "$EX_ROOT/code/nn.c" $(ex_stub_file "$first" "$tmp") >"$tmp/code/nn.c" || exit 2
rm -f "$tmp/stubs.c"
for f in common.sh tasks.awk hint.sh report.sh self-grade.sh verdict.awk harness.c judge.c; do
    cp "$EX_TOOLS/$f" "$tmp/tools/exercises/" || exit 2
done
cp "$EX_TOOLS/student.mk" "$tmp/mk/student.mk" || exit 2

# The tasks of the chapters with stubs, and their public checks' answers.
for c in $(ex_chapters); do
    [ "$c" -ge "$first" ] && [ "$c" -le "$last" ] || continue
    cp "$EX_TASKS/chapter$c.tasks" "$tmp/tests/exercises/" || exit 2
    mkdir -p "$tmp/tests/exercises/public/chapter$c" || exit 2
    for f in $(ex_tasks "$c" | cut -f3); do
        p="$tmp/tests/exercises/public/chapter$c/$f"
        "$tools/cases" "$f" >"$p.cases" &&
            awk -F "$TAB" '$1 == "ask" { print $2, $6 }' "$p.cases" | "$tools/reference" >"$p.expected" ||
            exit 2
    done
done
printf '/build/\n' >"$tmp/.gitignore"
{
    echo "# Backpropagation, one chapter at a time: the exercises"
    echo
    echo "Write the functions of code/nn.c marked TODO, chapter by chapter. The"
    echo "functions of earlier chapters are there to use."
    echo
    echo "    make chapter$first        build and run chapter $first with your code"
    echo "    make grade$first          check your functions of chapter $first"
    echo "    make hint$first           one hint; run it again for the next"
    echo
    echo "The exercises, in order:"
    echo
    for c in $(ex_chapters); do
        [ "$c" -ge "$first" ] && [ "$c" -le "$last" ] || continue
        ex_tasks "$c" | awk -F "$TAB" -v c="$c" '{ printf "- chapter %d, %s (%s): %s\n", c, $1, $3, $4 }'
    done
} >"$tmp/README.md"
mv "$tmp" "$dest" || exit 2
trap - EXIT
echo "Wrote $dest: chapters $first to $last are exercises; no solution is in it."
