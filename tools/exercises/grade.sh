#!/bin/sh
# Grades one workspace of chapter N against the chapter's official tests.
#
#   sh tools/exercises/grade.sh N [DIR]        (default DIR: exercises/NN-name)
#
# Builds DIR's code/ and chapter program with the project's tests/ (never the
# student's), runs every test program the chapter's tasks name under a time
# and CPU limit, and prints which tasks pass, what was expected and what came
# back, and the hint of the first task that fails. Exit status: 0 when every
# task passes, 1 when one fails (or DIR is not a workspace), 2 on a usage error.
#
# Settings (environment):
#   FORMAT=junit   JUnit XML on standard output (the report goes to stderr)
#   TIMEOUT=10     seconds one test program may run (and CPU seconds per process)
#   WERROR=1       compile with -Werror (make exercises-check)
#   BUILD=build    where build/grade/NAME/ goes (GRADE_OUT: that directory itself)
#   CC, GRADE_CFLAGS (default -O0 -g)
# Files left in build/grade/NAME/: build.log, test_*.log, checks.tsv (one
# line per test case checked) and tasks.tsv (task, 1 or 0, why).
. "$(dirname "$0")/common.sh"

chapter=${1:-}
dir=$(ex_chapter_dir "$chapter") || exit 2
chapter=$((1 * chapter))
tasks=$(ex_tasks "$chapter") || exit 2
cases=$(ex_cases "$chapter") || exit 2
sub=${2:-exercises/${dir#chapters/}}
format=${FORMAT:-text}
timeout=${TIMEOUT:-10}
cc=${CC:-cc}
warnings="-std=c11 -Wall -Wextra -Wpedantic"
[ "${WERROR:-0}" = 1 ] && warnings="$warnings -Werror"
cflags=${GRADE_CFLAGS:--O0 -g}
linebuf=""
command -v stdbuf >/dev/null 2>&1 && linebuf="stdbuf -oL"

[ -d "$sub" ] || { case $sub in exercises/*)
    ex_die "There is no workspace $sub yet: make exercise$chapter writes it." ;; esac
    ex_die "grade: $sub is not a directory"; }
sub=$(cd "$sub" && pwd)
shown_sub=${sub#"$EX_ROOT"/}
build=${BUILD:-build}
case $build in /*) ;; *) build="$EX_ROOT/$build" ;; esac
out=${GRADE_OUT:-"$build/grade/$(ex_safe_name "$shown_sub")"}
rm -rf "$out"
mkdir -p "$out/obj" "$out/msg" || exit 2
: >"$out/build.log"

# The human report goes where the reader is: stderr when stdout is XML.
if [ "$format" = junit ]; then exec 3>&2; else exec 3>&1; fi
say() { printf '%s\n' "$*" >&3; }

# ---- build --------------------------------------------------------------
compile() { # source object flags...
    c_src=$1 c_obj=$2
    shift 2
    echo "$cc $warnings $* $cflags -c $c_src" >>"$out/build.log"
    timeout 120 "$cc" $warnings "$@" $cflags -c "$c_src" -o "$c_obj" >>"$out/build.log" 2>&1
}
link() { # binary objects...
    l_bin=$1
    shift
    timeout 120 "$cc" $cflags -o "$l_bin" "$@" $(pkg-config --libs cmocka 2>/dev/null || echo -lcmocka) \
        -lm >>"$out/build.log" 2>&1
}
first_error() { # log: the first line that says what went wrong, paths shortened
    grep -m1 -E 'error:|undefined reference|No such file' "$1" |
        sed "s#$sub/##g; s#$EX_ROOT/##g; s#$out/##g"
}

build_error=""
code_objects=""
[ -f "$sub/code/nn.c" ] || build_error="not a chapter workspace: there is no code/nn.c in $shown_sub"
have_program=""
for src in "$sub"/*.c; do [ -f "$src" ] && have_program=yes; done
[ -n "$build_error" ] || [ -n "$have_program" ] ||
    build_error="not a chapter workspace: there is no chapter program (*.c) in $shown_sub"
if [ -z "$build_error" ]; then
    objects=""
    for src in "$sub"/code/*.c; do
        obj="$out/obj/code_$(basename "$src" .c).o"
        compile "$src" "$obj" -I"$sub/code" || { build_error=x; continue; }
        code_objects="$code_objects $obj"
    done
    for src in "$sub"/*.c; do
        obj="$out/obj/chapter_$(basename "$src" .c).o"
        compile "$src" "$obj" -I"$sub/code" || { build_error=x; continue; }
        objects="$objects $obj"
    done
    [ -n "$build_error" ] || link "$out/chapter$chapter" $objects $code_objects || build_error=x
    [ -z "$build_error" ] || build_error="does not compile: $(first_error "$out/build.log")"
fi

# ---- run ----------------------------------------------------------------
# run_limited LOG COMMAND...: runs COMMAND from the root, output to LOG, for at
# most `timeout` seconds; every process it starts (the chapter programs the
# tests run, too) gets `timeout` CPU seconds (ulimit -t). Call it with 2>/dev/null
# to keep the shell's own "Segmentation fault" out of the report.
run_limited() {
    r_log=$1
    shift
    (cd "$EX_ROOT" && ulimit -t "$timeout" 2>/dev/null; ulimit -v 4194304 2>/dev/null
     exec timeout -k 2 "$timeout" "$@") >"$r_log" 2>&1 </dev/null
}

# First the chapter program on its own, with the article's numbers: when it
# crashes or never ends, that is the reason its tests fail. A chapter whose
# default run is long gives shorter arguments in tests/exercises/chapterN.args.
smoke=""
smoke_args=""
[ ! -f "$EX_ROOT/tests/exercises/chapter$chapter.args" ] ||
    smoke_args=$(grep -v '^[[:space:]]*\(#\|$\)' "$EX_ROOT/tests/exercises/chapter$chapter.args")
if [ -z "$build_error" ]; then
    run_limited "$out/chapter$chapter.out" "$out/chapter$chapter" $smoke_args 2>/dev/null
    rc=$?
    if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ] || [ "$rc" -eq 152 ]; then
        smoke="your chapter program never ends (stopped after $timeout s: an endless loop?)"
    elif [ "$rc" -gt 128 ]; then
        smoke="your chapter program crashes (SIG$(kill -l "$((rc - 128))" 2>/dev/null)"
        smoke="$smoke, signal $((rc - 128)))"
    fi
fi
programs=$(printf '%s\n' "$cases" | cut -f2 | awk '!seen[$0]++')
: >"$out/programs.tsv"
: >"$out/results.tsv"
for p in $programs; do
    if [ -n "$build_error" ]; then
        printf '%s\tcompile\t%s\n' "$p" "$build_error" >>"$out/programs.tsv"
        continue
    fi
    src=$(ex_test_source "$p") || ex_die "grade: no tests/test_$p.c for the checks of chapter $chapter"
    if ! { [ -f "$out/obj/support.o" ] ||
           compile "$EX_ROOT/tests/support.c" "$out/obj/support.o" -I"$sub/code" -I"$EX_ROOT/tests" \
               $(pkg-config --cflags cmocka 2>/dev/null) -DBUILD_DIR="\"$out\""; } ||
       ! compile "$EX_ROOT/$src" "$out/obj/test_$p.o" -I"$sub/code" -I"$EX_ROOT/tests" \
               $(pkg-config --cflags cmocka 2>/dev/null) -DBUILD_DIR="\"$out\"" ||
       ! link "$out/test_$p" "$out/obj/test_$p.o" "$out/obj/support.o" $code_objects; then
        printf '%s\ttests\tthe tests in %s could not be built with this code (was a declaration in nn.h changed?): %s\n' \
            "$p" "$src" "$(first_error "$out/build.log")" >>"$out/programs.tsv"
        continue
    fi
    # Line-buffered, so what a test printed before it hung reaches the log.
    run_limited "$out/test_$p.log" $linebuf "$out/test_$p" 2>/dev/null
    rc=$?
    awk -v msgdir="$out/msg" -v program="$p" -f "$EX_TOOLS/cmocka.awk" "$out/test_$p.log" |
        sed "s/^/$p$TAB/" >>"$out/results.tsv"
    if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ] || [ "$rc" -eq 152 ]; then
        printf '%s\ttimeout\ttimed out after %s s (an endless loop?)\n' "$p" "$timeout" >>"$out/programs.tsv"
    elif [ "$rc" -gt 128 ]; then
        printf '%s\tcrash\tcrashed (signal %s)\n' "$p" "$((rc - 128))" >>"$out/programs.tsv"
    elif ! grep -q '^\[==========\] [0-9]* test(s) run\.' "$out/test_$p.log"; then
        printf '%s\tcrash\tstopped before the end of its tests (exit status %s)\n' "$p" "$rc" >>"$out/programs.tsv"
    else
        printf '%s\tok\t\n' "$p" >>"$out/programs.tsv"
    fi
done

# ---- judge --------------------------------------------------------------
# checks.tsv: task, program, case, status (ok, failed, or why it did not run).
printf '%s\n' "$cases" | awk -F "$TAB" -v OFS="$TAB" -v msgdir="$out/msg" -v chapter="$chapter" \
    -v smoke="$smoke" '
    FILENAME == ARGV[1] { state[$1] = $2; why[$1] = $3; next }
    FILENAME == ARGV[2] { status[$1 SUBSEP $2] = $3; if (!($1 in list)) list[$1] = "";
                          list[$1] = list[$1] SUBSEP $2
                          if ($3 == "unfinished") stuck[$1] = $2; next }
    {
        task = $1; p = $2; c = $3
        if (state[p] == "compile" || state[p] == "tests") { print task, p, c, why[p]; next }
        if (c == "*") {
            n = split(substr(list[p], 2), names, SUBSEP)
            for (i = 1; i <= n; i++) print task, p, names[i], verdict(p, names[i])
            if (state[p] != "ok" || n == 0)
                print task, p, "*", (state[p] != "ok" ? why[p] : "no test cases ran")
            next
        }
        print task, p, c, verdict(p, c)
    }
    function verdict(p, c) {
        if ((p SUBSEP c) in status) {
            if (status[p SUBSEP c] == "unfinished") return why[p]
            if (status[p SUBSEP c] == "failed") {
                # A crash cmocka caught, or a chapter program that crashes or hangs.
                file = msgdir "/" p "." c ".txt"
                while ((getline line < file) > 0)
                    if (line ~ /Test failed with exception: /) {
                        sub(/.*Test failed with exception: /, "", line)
                        close(file)
                        return "crashed (" line ")"
                    }
                close(file)
                if (p == "chapter" chapter && smoke != "") return smoke
            }
            return status[p SUBSEP c]
        }
        if (state[p] != "ok")
            return "did not run: the tests stopped at " stuck[p] " (" why[p] ")"
        return "no such test case in tests/test_" p ".c"
    }' "$out/programs.tsv" "$out/results.tsv" - >"$out/checks.tsv"

# tasks.tsv: task, 1 or 0, why (empty when it passes), first failing check.
printf '%s\n' "$tasks" | cut -f1 | awk -F "$TAB" -v OFS="$TAB" '
    FILENAME == ARGV[1] {
        if ($4 != "ok" && !($1 in why)) { why[$1] = $4 == "failed" ? "wrong result" : $4; at[$1] = $2 "/" $3 }
        seen[$1] = 1; next
    }
    { if (!($1 in seen)) print $1, 0, "no test case checks it", ""
      else print $1, ($1 in why) ? 0 : 1, why[$1], at[$1] }' "$out/checks.tsv" - >"$out/tasks.tsv"

total=$(wc -l <"$out/tasks.tsv")
passed=$(awk -F "$TAB" '$2 == 1' "$out/tasks.tsv" | wc -l)

# ---- report -------------------------------------------------------------
indent() { sed 's/^/          /'; }
message_of() { # program case: what the failing check said, at most 14 lines
    f="$out/msg/$1.$2.txt"
    [ -f "$f" ] || return 0
    n=$(wc -l <"$f")
    sed -n "1,14{s#$EX_ROOT/##g;p;}" "$f"
    [ "$n" -le 14 ] || echo "... ($((n - 14)) more lines in $(printf '%s' "$out/test_$1.log" | sed "s#$EX_ROOT/##"))"
}

say "Chapter $chapter, ${dir#chapters/}: grading $shown_sub"
case $build_error in
'') ;;
"does not compile"*) say ""; say "Your code $build_error" ;;
*) say ""; say "This cannot be graded: $build_error" ;;
esac
[ -z "$build_error" ] || { sed -n '1,20p' "$out/build.log" |
    grep -v "^$cc " | sed "s#$sub/##g" | sed 's/^/    /' >&3; }
warned=$(grep -c 'warning:' "$out/build.log")
[ -n "$build_error" ] || [ "$warned" -eq 0 ] || { say ""; say "The compiler warns $warned time(s); the first:"
    grep -m1 'warning:' "$out/build.log" | sed "s#$sub/##g; s#$EX_ROOT/##g; s/^/    /" >&3; }
say ""
printf '%s\n' "$tasks" | while IFS="$TAB" read -r task file title hint ch; do
    line=$(awk -F "$TAB" -v t="$task" '$1 == t' "$out/tasks.tsv")
    ok=$(printf '%s' "$line" | cut -f2)
    if [ "$ok" = 1 ]; then
        printf '  PASS  %-14s %s\n' "$task" "$title" >&3
        continue
    fi
    printf '  FAIL  %-14s %s\n' "$task" "$title" >&3
    [ -n "$build_error" ] && continue
    at=$(printf '%s' "$line" | cut -f4)
    why=$(printf '%s' "$line" | cut -f3)
    printf '        %s: %s\n' "$at" "$why" >&3
    message_of "${at%%/*}" "${at#*/}" | indent >&3
    more=$(awk -F "$TAB" -v t="$task" '$1 == t && $4 != "ok" { n++ } END { print n - 1 }' "$out/checks.tsv")
    [ "$more" -le 0 ] || printf '        and %s more failing check(s) of this task\n' "$more" >&3
done
say ""
say "$passed of $total tasks pass."
others=$(printf '%s\n' "$cases" | awk -F "$TAB" -v chapter="$chapter" '
    FILENAME == "-" { if ($3 == "*") all[$2] = 1; else mapped[$2 "/" $3] = 1; next }
    $1 == "chapter" chapter && $3 == "failed" && !($1 in all) && !(($1 "/" $2) in mapped) { printf "%s/%s ", $1, $2 }' \
    - "$out/results.tsv")
[ -z "$others" ] || say "Other checks of the chapter, not part of any task, fail too: $others"
first=$(awk -F "$TAB" '$2 == 0 { print $1; exit }' "$out/tasks.tsv")
if [ -n "$first" ]; then
    say ""
    say "Hint for $first:"
    printf '%s\n' "$tasks" | awk -F "$TAB" -v t="$first" '$1 == t { print $4 }' | fold -s -w 74 | sed 's/ *$//; s/^/  /' >&3
    say ""
    file=$(printf '%s\n' "$tasks" | awk -F "$TAB" -v t="$first" '$1 == t { print $2 }')
    case $file in code/*) ;; *) file=${file##*/} ;; esac
    say "Look for TODO ch$(printf '%02d' "$chapter") $first in $shown_sub/$file; make hint$chapter shows every hint."
fi
[ -n "$build_error" ] || say "Your chapter program, to see its numbers: ${out#"$EX_ROOT"/}/chapter$chapter"

# ---- JUnit --------------------------------------------------------------
if [ "$format" = junit ]; then
    CHAPTER=$chapter OUT=$out sh "$EX_TOOLS/junit.sh" "$out/tasks.tsv" "$out/checks.tsv" || exit 2
fi
[ "$passed" -eq "$total" ] || exit 1
exit 0
