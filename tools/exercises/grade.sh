#!/bin/sh
# Grades one hand-in of chapter N, task by task, by symbols.
#
#   sh tools/exercises/grade.sh N HANDIN
#
# HANDIN is a folder holding nn.c (or code/nn.c). The whole of it is compiled
# inside the sandbox (sandbox.sh), as `make chapterN` compiles it: its
# helpers, statics and any layout are its own business. From that object a
# task takes exactly the functions it names; every other function of nn.h
# comes from the teacher's reference, compiled outside the sandbox
# (build/exercises/ref.o): the hand-in's own definitions are made weak, so
# the link prefers the reference's, and the reference's definitions of the
# task's functions are made weak, so the link prefers the hand-in's. No
# teacher source enters the sandbox. A task whose functions reach a function
# of a later chapter fails with a message saying so.
#
# Four kinds of sandbox run, none of which shows a byte that student code
# wrote: compile (out: the object), list its symbols (objdump), link each
# task (out: the program) and run it (out: answers, read by the judge only).
# The first three run no student code; the grader captures their output.
#
# Settings (environment): FORMAT=text|junit|gradescope|none, GRADE_SEED (the
# hidden points: a whole number; default a new random one, written to
# standard error), TIMEOUT=10 (seconds per task), GRADE_WARNINGS (default
# those of `make chapterN`, -Werror included), GRADE_OUT (the work folder;
# default build/grade/NAME), TOOLS (default build/exercises), CC.
# Leaves GRADE_OUT/tasks.tsv (task, points, earned, why, what went wrong),
# GRADE_OUT/checks.tsv (task, ok|fail, check, what went wrong) and
# GRADE_OUT/earlier.tsv (function, chapter, what went wrong).
# Exit status: 0 when every task passes, 1 when one fails, 2 when grading
# itself could not run.
. "$(dirname "$0")/common.sh"

chapter=${1:-}
ex_chapter_dir "$chapter" >/dev/null || exit 2
chapter=$((1 * chapter))
tasks=$(ex_tasks "$chapter") || exit 2
sub=${2:-}
[ -d "$sub" ] || ex_die "grade: the hand-in $(ex_shown "$sub") is not a folder"
sub=$(cd "$sub" && pwd) || exit 2
build=${BUILD:-build}
case $build in /*) ;; *) build="$EX_ROOT/$build" ;; esac
tools=${TOOLS:-$build/exercises}
for t in cases judge reference ref.o random.o; do
    [ -f "$tools/$t" ] || ex_die "grade: $tools/$t is not built (run grading through make)"
done
seed=$(ex_seed) || exit 2
timeout=${TIMEOUT:-10}
case $timeout in ''|*[!0-9]*|0) ex_die "grade: TIMEOUT must be a whole number of seconds, not $(ex_shown "$timeout")" ;; esac
[ "$timeout" -le 600 ] || ex_die "grade: TIMEOUT is at most 600 seconds"
warnings=${GRADE_WARNINGS:-"-std=c11 -Wall -Wextra -Wpedantic -Werror"}
case $warnings in *[!A-Za-z0-9=\ _.+-]*) ex_die "grade: GRADE_WARNINGS holds more than compiler flags" ;; esac
cc=${CC:-cc}
case $cc in *[!A-Za-z0-9_./+-]*) ex_die "grade: CC must name a compiler" ;; esac
out=${GRADE_OUT:-"$build/grade/$(ex_report_name "${sub#"$EX_ROOT"/}")"}
rm -rf "$out"
mkdir -p "$out" || exit 2
out=$(cd "$out" && pwd)
case $out in *[!A-Za-z0-9._/-]*) ex_die "grade: the work folder's path must be plain: $(ex_shown "$out")" ;; esac
sh "$EX_TOOLS/sandbox.sh" check || exit 2
box="sh $EX_TOOLS/sandbox.sh"

# The hand-in's nn.c, read as bytes only, and only from inside the hand-in:
# a link out of it could reach the reference.
missing="no nn.c in the hand-in"
for f in "$sub/nn.c" "$sub/code/nn.c"; do
    case $(readlink -f "$f") in "$(readlink -f "$sub")"/*) ;; *) continue ;; esac
    [ -f "$f" ] || continue
    missing="your nn.c is over 1 MB"
    [ "$(head -c 1000001 "$f" | wc -c)" -le 1000000 ] && head -c 1000000 "$f" >"$out/nn.c" && missing=""
    break
done
: >"$out/tasks.tsv"
: >"$out/checks.tsv"
: >"$out/earlier.tsv"

# Which chapter each function of nn.h belongs to, and which task: every task
# of every chapter in order, then the reference's other global functions
# under the "---- Chapter N" heading of code/nn.c they sit in.
for c in $(ex_chapters); do
    ex_tasks "$c" | awk -F "$TAB" -v c="$c" '{ n = split($3, f, " "); for (i = 1; i <= n; i++) print f[i], c, $1 }'
done >"$out/task-functions" || exit 2
nm --defined-only "$tools/ref.o" | awk '$2 == "T" { print $3 }' >"$out/api" || exit 2
awk -v tasks="$out/task-functions" -v api="$out/api" '
    BEGIN {
        while ((getline l < api) > 0) is_api[l] = 1
        while ((getline l < tasks) > 0) { split(l, w, " "); chapter[w[1]] = w[2]; task[w[1]] = w[3]; order[w[1]] = ++n }
    }
    /^\/\* ---- Chapter [0-9]+:/ { heading = $4 + 0 }
    /^[A-Za-z_][A-Za-z0-9_ *]*\(/ && !/;[ \t]*$/ {
        name = substr($0, 1, index($0, "(") - 1); sub(/.*[^A-Za-z0-9_]/, "", name)
        if (is_api[name] && !(name in chapter)) { chapter[name] = heading; order[name] = 0; task[name] = "-" }
    }
    END { for (f in chapter) if (is_api[f]) print f, chapter[f], order[f], task[f] }' \
    "$EX_ROOT/code/nn.c" | sort >"$out/functions" || exit 2

# build_failure LOG STATUS TOOL: why a build stopped, by the tool that stopped it.
build_failure() {
    [ "$2" -ne 124 ] && [ "$2" -ne 137 ] || { echo "the $3 stopped after its time limit"; return; }
    line=$(grep -a -m1 -E ': (fatal )?error:|: Error:|undefined reference|multiple definition|Killed|File too large|memory exhausted|cannot allocate|No space left' "$1")
    first=$(ex_printable "$(grep -a -m1 . "$1")")
    line=$(ex_printable "$line")
    case $line in
        *": Error:"*) echo "the assembler stopped: ${line#*: Error: }" ;;
        *"undefined reference"*|*"multiple definition"*) echo "the linker stopped: $line" ;;
        *Killed*|*"memory exhausted"*|*"cannot allocate"*) echo "the $3 ran out of memory" ;;
        *"File too large"*|*"No space left"*) echo "the $3 ran out of space (64 MB a file)" ;;
        *error:*) echo "does not compile: $line" ;;
        *) echo "the $3 stopped (status $2)${first:+: $first}" ;;
    esac | cut -c1-300
}

# 1. Compile the whole nn.c, as `make chapterN` does, and list its symbols.
compiled=""
if [ -z "$missing" ]; then
    $box 60 "$out/nn.c=nn.c" "$EX_ROOT/code/nn.h=nn.h" "$EX_ROOT/code/random.h=random.h" -- sh -c "
        timeout -k 1 45 $cc $warnings -O2 -fPIC -ffunction-sections -fdata-sections -I. \
            -c nn.c -o student.o </dev/null >&2 && exec cat student.o" \
        </dev/null >"$out/student.o" 2>"$out/compile.log"
    rc=$?
    if [ "$rc" -eq 0 ]; then
        $box 30 "$out/student.o=student.o" -- objdump -trw student.o </dev/null >"$out/symbols" \
            2>"$out/objdump.log" && compiled=yes ||
            missing="the object file cannot be read: $(build_failure "$out/objdump.log" $? objdump)"
    else
        missing=$(build_failure "$out/compile.log" "$rc" compiler)
    fi
fi

# The questions of functions FUNCTIONS (public only when SEED is empty) into
# DIR/cases, DIR/questions and the reference's answers DIR/expected.
ask() {
    : >"$1/cases"
    for f in $3; do "$tools/cases" "$f" $2 >>"$1/cases" || return 2; done
    awk -F "$TAB" '$1 == "ask" { print $2, $6 }' "$1/cases" >"$1/questions"
    timeout 60 "$tools/reference" <"$1/questions" >"$1/expected"
}

# The harness for questions DIR/questions: only the functions they name.
harness() {
    h_names=$(cut -d' ' -f2 "$1/questions" | sort -u | tr '\n' ' ')
    h_key=$(printf '%s' "$h_names" | tr ' ' '-')
    h_obj="$tools/ask/$h_key.o"
    if [ ! -f "$h_obj" ] || [ "$h_obj" -ot "$EX_TOOLS/harness.c" ]; then
        mkdir -p "$tools/ask" || return 2
        timeout 60 "$cc" -std=c11 -O2 -fPIC -ffunction-sections -fdata-sections -I"$EX_ROOT/code" \
            $(printf -- '-DASK_%s ' $h_names) -c "$EX_TOOLS/harness.c" -o "$h_obj.$$" &&
            mv "$h_obj.$$" "$h_obj" || return 2
    fi
    cp "$h_obj" "$1/harness.o"
}

# link_and_run DIR OWN: links the hand-in's object, whose functions OWN stay
# its own, with the reference (OWN's weak) and DIR's harness; runs it on
# DIR/questions. The hand-in's other functions of nn.h are made weak, so the
# reference's win; every other global of it is made local, so that nothing
# outside it (the harness, the reference, the C library) can call into it.
# Prints "status TAB why" of the build or of the run; the answers are in
# DIR/answers.
link_and_run() {
    awk -v own=" $2 " -v api="$out/api" -v weak="$1/weak" -v local="$1/local" '
        BEGIN { while ((getline l < api) > 0) is_api[l] = 1 }
        /^RELOCATION RECORDS/ { exit }
        # objdump -t: value, seven flag characters, section TAB size name
        /^[0-9a-f]+ / && substr($0, 18, 1) == "g" && substr($0, 26, 5) != "*UND*" {
            name = substr($0, index($0, "\t") + 1); sub(/^[0-9a-f]+ /, "", name)
            if (index(own, " " name " ")) next
            print name > (is_api[name] ? weak : local)
        }' "$out/symbols" || return 2
    touch "$1/weak" "$1/local"
    # objcopy fails, silently, on an empty list.
    lists=""
    [ ! -s "$1/weak" ] || lists="--weaken-symbols=weak"
    [ ! -s "$1/local" ] || lists="$lists --localize-symbols=local"
    objcopy $(printf -- '-W %s ' $2) "$tools/ref.o" "$1/ref.o" || return 2
    harness "$1" || return 2
    $box 60 "$out/student.o=student.o" "$1/weak=weak" "$1/local=local" "$1/ref.o=ref.o" \
        "$1/harness.o=harness.o" "$tools/random.o=random.o" -- sh -c "
        objcopy $lists student.o own.o &&
        timeout -k 1 45 $cc -Wl,--gc-sections -o harness harness.o own.o ref.o random.o -lm \
            </dev/null >&2 && exec cat harness" </dev/null >"$1/harness" 2>"$1/link.log"
    rc=$?
    [ "$rc" -eq 0 ] || { printf 'compile\t%s\n' "$(build_failure "$1/link.log" "$rc" linker)"; return; }
    chmod 755 "$1/harness"
    # The only output of student code: its answers, for the judge.
    CPU_SECONDS=$timeout $box $((timeout + 2)) "$1/harness=harness" -- timeout -k 1 "$timeout" ./harness \
        <"$1/questions" >"$1/answers" 2>/dev/null
    rc=$?
    rm -f "$1/harness"
    case $rc in
        0) printf 'ran\t\n' ;;
        124|137|152) printf 'stopped\tstopped after %s s (an endless loop?); \n' "$timeout" ;;
        *) [ "$rc" -gt 128 ] && printf 'stopped\tcrashed (SIG%s); \n' "$(kill -l $((rc - 128)))" ||
               printf 'ran\t\n' ;;
    esac
}

# reaches OWN: the functions of nn.h that OWN reach in the hand-in's object,
# through its own functions, data and constructors: "name chapter order".
reaches() {
    awk -v own=" $1 " -v table="$out/functions" '
        BEGIN { while ((getline l < table) > 0) { split(l, w, " "); api[w[1]] = l } }
        /^RELOCATION RECORDS FOR \[/ { current = substr($0, 25); sub(/\]:$/, "", current); next }
        current == "" && /^[0-9a-f]+ / {
            sec = substr($0, 26); sec = substr(sec, 1, index(sec, "\t") - 1)
            name = substr($0, index($0, "\t") + 1); sub(/^[0-9a-f]+ /, "", name)
            if (sec != "*UND*" && sec != "*ABS*" && sec != "*COM*") section[name] = sec
            next
        }
        current != "" && NF >= 3 && $1 ~ /^[0-9a-f]+$/ {
            target = $3; sub(/[-+]0x[0-9a-f]+$/, "", target)
            refs[current] = refs[current] " " target
        }
        END {
            n = split(own, start, " ")
            for (i = 1; i <= n; i++) if (start[i] in section) queue[++q] = section[start[i]]
            for (sec in refs) if (sec ~ /^\.(init_array|fini_array|preinit_array|ctors|dtors)/) queue[++q] = sec
            for (h = 1; h <= q; h++) {
                if (seen[queue[h]]++) continue
                m = split(refs[queue[h]], t, " ")
                for (k = 1; k <= m; k++) {
                    if ((t[k] in api) && !index(own, " " t[k] " ")) { used[t[k]] = 1; continue }
                    if (t[k] in section) queue[++q] = section[t[k]]
                    else if (t[k] ~ /^\./) queue[++q] = t[k]
                }
            }
            for (f in used) print api[f]
        }' "$out/symbols"
}

# grade_task TASK FUNCTIONS: one line of tasks.tsv (less task and points);
# its checks go to DIR/verdicts.
grade_task() {
    t_dir="$out/tasks/$1"
    mkdir -p "$t_dir" || return 2
    [ -z "$missing" ] || { printf '0\tcompile\t%s\n' "$missing"; return; }
    for f in $2; do
        awk -v f="$f" '/^[0-9a-f]+ / && substr($0, 18, 1) == "g" && substr($0, 24, 1) == "F" &&
            substr($0, index($0, "\t") + 1) ~ ("^[0-9a-f]+ " f "$") { found = 1 } END { exit !found }' \
            "$out/symbols" || { printf '0\tmissing\tyour nn.c has no function %s\n' "$f"; return; }
    done
    # A later chapter's function is not the task's to call.
    reached=$(reaches "$2" | awk -v c="$chapter" \
        '$2 > c { printf "%s%s() (chapter %d)", (n++ ? ", " : ""), $1, $2 }')
    [ -z "$reached" ] || {
        printf '0\tforbidden\tyour %s calls %s, which chapter %s does not give: write it from the functions of chapters 1 to %s\n' \
            "$(echo $2 | sed 's/ /, /g')" "$reached" "$chapter" "$chapter"; return; }
    ask "$t_dir" "$seed" "$2" || return 2
    run=$(link_and_run "$t_dir" "$2") || return 2
    case $run in compile"$TAB"*) printf '0\tcompile\t%s\n' "${run#*"$TAB"}"; return ;; esac
    timeout 120 "$tools/judge" "$t_dir/cases" "$t_dir/expected" "$t_dir/answers" >"$t_dir/verdicts" || return 2
    # Up to 64 MB of what student code printed: judged, never kept.
    rm -f "$t_dir/answers"
    awk -F "$TAB" -v stopped="${run#*"$TAB"}" -f "$EX_TOOLS/verdict.awk" "$t_dir/verdicts"
}

# The hand-in's own functions of earlier chapters, on their public checks,
# each with the reference for the rest: graded nowhere, only pointed at.
earlier=$(awk -v c="$chapter" '$2 < c && $4 != "-" { print $1 }' "$out/functions" | tr '\n' ' ')
if [ -n "$compiled" ] && [ -n "$earlier" ]; then
    e_dir="$out/earlier"
    mkdir -p "$e_dir" || exit 2
    ask "$e_dir" "" "$earlier" || exit 2
    run=$(link_and_run "$e_dir" "$earlier") || exit 2
    case $run in compile"$TAB"*) ;; *)
        timeout 120 "$tools/judge" "$e_dir/cases" "$e_dir/expected" "$e_dir/answers" >"$e_dir/verdicts" || exit 2
        rm -f "$e_dir/answers"
        awk -F "$TAB" -v table="$out/functions" '
            BEGIN { while ((getline l < table) > 0) { split(l, w, " "); chapter[w[1]] = w[2] } }
            $1 == "fail" { f = $2; sub(/\..*/, "", f); if (!seen[f]++) printf "%s\t%d\t%s\n", f, chapter[f], $3 }' \
            "$e_dir/verdicts" >"$out/earlier.tsv" ;;
    esac
fi

printf '%s\n' "$tasks" | while IFS="$TAB" read -r task points functions title hints; do
    line=$(grade_task "$task" "$functions") || exit 2
    [ -n "$line" ] || exit 2
    printf '%s\t%s\t%s\n' "$task" "$points" "$line" |
        awk -F "$TAB" -v OFS="$TAB" '{ $3 = $3 * $2; print }' >>"$out/tasks.tsv"
    [ ! -f "$out/tasks/$task/verdicts" ] ||
        awk -F "$TAB" -v OFS="$TAB" -v t="$task" '{ print t, $1, $4, $3 }' "$out/tasks/$task/verdicts" \
            >>"$out/checks.tsv"
done || ex_die "grade: grading chapter $chapter failed"
rm -f "$out/student.o" "$out/nn.c"

FORMAT=${FORMAT:-text} CHAPTER=$chapter HANDIN="${sub#"$EX_ROOT"/}" HIDDEN=${seed:+yes} \
    CHECKS="$out/checks.tsv" EARLIER="$out/earlier.tsv" sh "$EX_TOOLS/report.sh" "$out/tasks.tsv"
awk -F "$TAB" '$3 < $2 { bad = 1 } END { exit bad }' "$out/tasks.tsv"
