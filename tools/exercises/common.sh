# What the exercise scripts share: sourced, not run. POSIX sh.
#
# A chapter's tasks are the solution regions (tools/exercises/regions.awk) in
# code/ and in its chapter directory; tests/exercises/chapterN.tasks, when it
# exists, orders them and names the official test cases that check each. A
# chapter without that file checks every task with every case of
# tests/test_chapterN.c.

set -u
EX_TOOLS=$(cd "$(dirname "$0")" && pwd)
EX_ROOT=$(cd "$EX_TOOLS/../.." && pwd)
TAB=$(printf '\t')

ex_die() { echo "$*" >&2; exit 2; }

# The directory of chapter $1 (chapters/03-chain-rule), or an error.
ex_chapter_dir() {
    case $1 in ''|*[!0-9]*) ex_die "exercises: \"$1\" is not a chapter number" ;; esac
    set -- "$(printf '%02d' "$1")"
    for d in "$EX_ROOT"/chapters/"$1"-*; do
        [ -d "$d" ] && { echo "chapters/${d##*/}"; return 0; }
    done
    ex_die "exercises: there is no chapter $1 (no chapters/$1-*)"
}

# The sources a chapter's workspace holds, relative to the root: code/ and
# the chapter's own files.
ex_sources() {
    dir=$(ex_chapter_dir "$1") || exit 2
    (cd "$EX_ROOT" && for f in code/* "$dir"/*; do
        [ -f "$f" ] && echo "$f"
    done)
}

# Prints chapter $1's regions: task TAB file TAB title TAB hint TAB chapter.
ex_regions() {
    sources=$(ex_sources "$1") || exit 2
    for f in $sources; do
        awk -v mode=list -v chapter="$1" -v name="$f" -f "$EX_TOOLS/regions.awk" \
            "$EX_ROOT/$f" || exit 2
    done
}

# The task file of chapter $1, or nothing.
ex_task_file() {
    f="tests/exercises/chapter$1.tasks"
    [ -f "$EX_ROOT/$f" ] && echo "$f"
    return 0
}

# Prints chapter $1's tasks in order, as ex_regions does, after checking that
# the regions and the task file name the same tasks, each once.
ex_tasks() {
    regions=$(ex_regions "$1") || exit 2
    [ -n "$regions" ] || ex_die "exercises: chapter $1 has no exercises yet" \
        "(no // BEGIN SOLUTION ch$(printf '%02d' "$1") region in code/ or $(ex_chapter_dir "$1"))"
    dup=$(printf '%s\n' "$regions" | cut -f1 | sort | uniq -d)
    [ -z "$dup" ] || ex_die "exercises: chapter $1 has two regions named $dup"
    file=$(ex_task_file "$1")
    if [ -z "$file" ]; then
        printf '%s\n' "$regions"
        return 0
    fi
    order=$(grep -v '^[[:space:]]*\(#\|$\)' "$EX_ROOT/$file" | awk '!seen[$1]++ { print $1 }')
    for t in $order; do
        printf '%s\n' "$regions" | awk -F "$TAB" -v t="$t" '$1 == t { print; found = 1 }
            END { exit !found }' || ex_die "$file: task $t has no solution region in code/ or $(ex_chapter_dir "$1")"
    done
    for t in $(printf '%s\n' "$regions" | cut -f1); do
        printf '%s\n' "$order" | grep -qx "$t" || ex_die "$file: the region of task $t has no line here"
    done
}

# Prints chapter $1's checks: task TAB program TAB case (case may be *).
ex_cases() {
    file=$(ex_task_file "$1")
    if [ -z "$file" ]; then
        ex_regions "$1" | cut -f1 | while read -r t; do printf '%s\tchapter%s\t*\n' "$t" "$1"; done
        return 0
    fi
    grep -v '^[[:space:]]*\(#\|$\)' "$EX_ROOT/$file" | awk -v file="$file" '
        { for (i = 2; i <= NF; i++) {
              n = split($i, part, "/")
              if (n != 2 || part[1] == "" || part[2] == "") {
                  print file ":" NR ": expected PROGRAM/CASE, found " $i > "/dev/stderr"; exit 2
              }
              print $1 "\t" part[1] "\t" part[2]
          }
          if (NF < 2) { print file ": task " $1 " names no test case" > "/dev/stderr"; exit 2 } }'
}

# The source of test program $1 (nn -> tests/test_nn.c), relative to the root.
ex_test_source() {
    for f in "tests/test_$1.c" "tests/exercises/test_$1.c"; do
        [ -f "$EX_ROOT/$f" ] && { echo "$f"; return 0; }
    done
    return 1
}

# A name safe in a path and a shell command, from any text.
ex_safe_name() { printf '%s' "$1" | sed 's#^\./##; s#/*$##; s#[^A-Za-z0-9._-]#_#g'; }
