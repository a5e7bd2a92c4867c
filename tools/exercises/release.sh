#!/bin/sh
# Writes a copy of the project for students, with no reference solution in it.
#
#   sh tools/exercises/release.sh DEST [CHAPTER...]   (default: every chapter with exercises)
#
# Every task of the chapters given, and of every later chapter, is a stub;
# chapters after the last one given are left out; earlier chapters' functions
# stay written. The copy holds the Makefile (without the tests), code/, the
# chapters, the tasks files (titles, hints, stubs), the public checks with
# their expected answers as numbers, a README that is the student's guide to
# the course, and the sources of the student's edition of the guide; no .git,
# no tests, no teachers' page. It needs the chapters built (their output goes
# into the guide). DEST must not exist yet.
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
# The Makefile without what the release lacks (the tests, the checks, the
# speed of chapter 10): a comment and the lines under it are left out when
# one of those lines speaks of them, a comment line alone when only it does.
awk -v lacks='cmocka|CMOCKA|TEST_|tests/|---- tests|SCALE_DIR|[Oo]pen[Mm][Pp]|[Cc]hapter 10|^test:|mk/check' '
    function flush() {
        if (!drop) for (k = 1; k <= n; k++) if (!(line[k] ~ /^#/ && line[k] ~ lacks)) print line[k]
        n = 0; drop = 0
    }
    /^\.PHONY:/ { $0 = " " $0 " "; gsub(/ test /, " "); gsub(/ check-cmocka /, " "); sub(/^ /, ""); sub(/ $/, "") }
    /^#.*make test/ { next }
    { sub(/the guide, the exercises, the checks and the benchmarks/, "the exercises and the guide") }
    /^[ \t]*$/ || (/^#/ && n > 0 && line[n] !~ /^#/) { flush() }
    /^[ \t]*$/ { print; next }
    { line[++n] = $0 }
    !/^#/ && $0 ~ lacks { drop = 1 }
    END { flush() }' "$EX_ROOT/Makefile" | cat -s >"$tmp/Makefile" &&
    cp -R "$EX_ROOT/code" "$tmp/code" || exit 2
for d in "$EX_ROOT"/chapters/[0-9][0-9]-*; do
    n=${d##*/chapters/}
    [ "$((1${n%%-*} - 100))" -le "$last" ] && { cp -R "$d" "$tmp/chapters/" || exit 2; }
done
ex_swap "$EX_ROOT/code/nn.c" $(ex_stub_file "$first" "$tmp") >"$tmp/code/nn.c" || exit 2
rm -f "$tmp/stubs.c"
for f in common.sh tasks.awk hint.sh report.sh self-grade.sh verdict.awk harness.c judge.c \
    progress.sh watch.sh; do
    cp "$EX_TOOLS/$f" "$tmp/tools/exercises/" || exit 2
done
cp "$EX_TOOLS/student.mk" "$tmp/mk/student.mk" || exit 2

# The tasks of the chapters with stubs, and their public checks' answers.
for c in $(ex_chapters); do
    [ "$c" -ge "$first" ] && [ "$c" -le "$last" ] || continue
    # The head of the file, which speaks to teachers, becomes a line for students.
    { echo "# Chapter $c's tasks: what each asks, which functions of code/nn.c it"
      echo "# replaces, its hints (make hint$c TASK=name) and the placeholder you started from."
      sed '1,/^[^#]/{/^#/d;}' "$EX_TASKS/chapter$c.tasks"; } >"$tmp/tests/exercises/chapter$c.tasks" || exit 2
    mkdir -p "$tmp/tests/exercises/public/chapter$c" || exit 2
    for f in $(ex_tasks "$c" | cut -f3); do
        p="$tmp/tests/exercises/public/chapter$c/$f"
        "$tools/cases" "$f" >"$p.cases" &&
            awk -F "$TAB" '$1 == "ask" { print $2, $6 }' "$p.cases" | "$tools/reference" >"$p.expected" ||
            exit 2
    done
done
# The student's edition of the guide (make docs there): its sources, the
# pages of the chapters it holds, and what the finished chapters print and
# the numbers of their pictures, from this project's build.
mkdir -p "$tmp/docs/chapters" "$tmp/docs/pages" "$tmp/docs/plots" "$tmp/docs/output" "$tmp/docs/data" || exit 2
for f in Doxyfile guide.css guide.js mathjax-config.js; do
    cp "$EX_ROOT/docs/$f" "$tmp/docs/" || exit 2
done
cp "$EX_ROOT/docs/pages/support.md" "$tmp/docs/pages/" &&
    cp "$EX_ROOT/docs/plots/style.gnuplot" "$EX_ROOT/docs/plots/network.dot" "$tmp/docs/plots/" || exit 2
for d in "$tmp"/chapters/[0-9][0-9]-*; do
    n=${d##*/}
    c=$((1${n%%-*} - 100))
    nn=$(printf '%02d' "$c")
    cp "$EX_ROOT"/docs/chapters/"$n".md "$tmp/docs/chapters/" || exit 2
    for plot in "$EX_ROOT"/docs/plots/ch"$nn"-*.gp; do
        [ ! -f "$plot" ] || cp "$plot" "$tmp/docs/plots/" || exit 2
    done
    "$build/chapter$c" >"$tmp/docs/output/chapter$c.txt" || ex_die "student-release: $build/chapter$c does not run"
    if "$build/chapter$c" --help | grep -q -e '--csv'; then
        "$build/chapter$c" --csv >"$tmp/docs/data/chapter$c.csv" || exit 2
    fi
done
# The errata, when every chapter they point at is here; the main page
# without the lines about pages that are not.
errata=yes
for c in $(sed -n 's/.*\\ref chapter\([0-9]*\).*/\1/p' "$EX_ROOT/docs/pages/errata.md"); do
    [ "$c" -le "$last" ] || errata=""
done
[ -z "$errata" ] || cp "$EX_ROOT/docs/pages/errata.md" "$tmp/docs/pages/" || exit 2
awk -v last="$last" -v errata="$errata" '
    /\\ref (bench|teachers)/ { next }
    /\\ref errata/ && errata == "" { next }
    { line = $0; while (match(line, /\\ref chapter[0-9]+/)) {
          if (substr(line, RSTART + 12, RLENGTH - 12) + 0 > last) next
          line = substr(line, RSTART + RLENGTH) } }
    { print }' "$EX_ROOT/docs/pages/mainpage.md" >"$tmp/docs/pages/mainpage.md" &&
    grep -v -e '@ref bench"' -e '@ref teachers"' -e "@ref ${errata:+no-}errata\"" \
        "$EX_ROOT/docs/DoxygenLayout.xml" >"$tmp/docs/DoxygenLayout.xml" || exit 2
mkdir -p "$tmp/tools" &&
    cp "$EX_ROOT/tools/docs-pages" "$EX_ROOT/tools/docs-finish" "$EX_ROOT/tools/docs-print" \
        "$EX_ROOT/tools/svg_colours.py" \
        "$EX_ROOT/tools/functions.awk" "$tmp/tools/" &&
    cp "$EX_TOOLS/student-docs.mk" "$tmp/mk/docs.mk" || exit 2

printf '/build/\n' >"$tmp/.gitignore"
# The article's section of each chapter, from the table of the project's README.
sections="$tmp/sections"
awk -F '|' '$2 ~ /^ *[0-9]+ `[0-9][0-9]-/ { n = $2; sub(/^ */, "", n); sub(/ .*/, "", n)
    s = $(NF - 1); sub(/^ */, "", s); sub(/ *$/, "", s); print n "\t" s }' "$EX_ROOT/README.md" >"$sections"
{
    echo "# Backpropagation, one chapter at a time: the course"
    echo
    echo "You write the network of the article *Why Do Neural Networks Need the Chain"
    echo "Rule?* yourself, in C, one chapter at a time. Each chapter is a short program"
    echo "(chapters/NN-name/) that runs one step of the article on your code and prints"
    echo "every number the article shows; your part is the functions of code/nn.c that"
    echo "the chapter stands on. Chapters $first to $last are yours; the functions of earlier"
    echo "chapters are written, to use."
    echo
    echo "## How to work through a chapter"
    echo
    echo "1. Read the chapter's section of the article (the table below names it), then"
    echo "   the chapter's page of this guide: make docs, then open"
    echo "   build/docs/html/index.html (it needs doxygen, graphviz and gnuplot)."
    echo "2. Open the task. In code/nn.c, each function you write is marked"
    echo "   \"TODO: chapter N, task NAME\" and returns a placeholder. What it must compute"
    echo "   is described once, with its formula, in code/nn.h, above its declaration;"
    echo "   the task's title and hints are in tests/exercises/chapterN.tasks."
    echo "3. Run the chapter: make chapterN. Over an unfinished or wrong function it"
    echo "   stops and names the function, what it gave and what was expected."
    echo "4. Grade it: make gradeN checks your functions and says what failed."
    echo "5. Stuck? make hintN gives the next hint of the first task that fails;"
    echo "   make hintN TASK=name the next hint of that task (a task or a function)."
    echo
    echo "make progress shows, chapter by chapter, how many tasks pass and which comes"
    echo "next; make watch grades your chapter again each time you save code/nn.c."
    echo "make help lists every target."
    echo
    echo "## The chapters, in order"
    echo
    for c in $(ex_chapters); do
        [ "$c" -ge "$first" ] && [ "$c" -le "$last" ] || continue
        section=$(awk -F "$TAB" -v c="$c" '$1 == c { print $2 }' "$sections")
        echo "### Chapter $c, $(ex_chapter_dir "$c" | sed 's#chapters/##')"
        echo
        [ -z "$section" ] || echo "The article's section: $section."
        echo
        ex_tasks "$c" | awk -F "$TAB" -v c="$c" '{ printf "- task %s (%s): %s\n", $1, $3, $4 }'
        echo
    done
} >"$tmp/README.md"
rm -f "$sections"
mv "$tmp" "$dest" || exit 2
trap - EXIT
echo "Wrote $dest: chapters $first to $last are exercises; no solution is in it."
